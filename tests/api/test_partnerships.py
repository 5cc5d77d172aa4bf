"""Partnerships through the API: an admin sets one up, its editors keep its members and flyer
branding current and upload its logo, and everyone reads it. Bad input is a 422 naming the
field, and leaves the partnership exactly as it was."""

import io

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from pathways.domain.access import Role
from tests.api.matrix import PNG
from tests.factories import bearer, make_partnership, make_region, make_token, make_user

API = "/api/v1/partnerships"
MEMBERS = [
    {"name": "Sample Regional Medical Center", "kind": "employer", "website": None},
    {
        "name": "Louisiana Delta Community College",
        "kind": "education",
        "website": "https://www.ladelta.edu",
    },
]
NEW = {
    "slug": "delta-health",
    "name": "Delta Health Careers",
    "sector": "Healthcare",
    "region": "northeast-louisiana",
    "description": "Hospitals and colleges of the Monroe area.",
    "brand_name": "Delta Health",
    "primary_color": "#0b5d8c",
    "accent_color": "#E4572E",
    "contact_line": "coordinator@example.org",
    "members": MEMBERS,
}
# The start and end of a JPEG file (the service recognises JPEG by its signature).
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#0B5D8C"/></linearGradient>'
    b'</defs><rect width="10" height="10" fill="url(#g)"/><a href="#r"><text>NELA</text></a>'
    b"</svg>"
)


def svg(inside: str, attributes: str = "") -> bytes:
    namespaces = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    return f"<svg {namespaces} {attributes}>{inside}</svg>".encode()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>&lol3;</text></svg>'
)
UNSAFE_LOGOS = {
    "a GIF": GIF,
    "an empty file": b"",
    "a file over 512 KiB": PNG + b"\x00" * (512 * 1024),
    "an SVG with <script>": svg("<script>alert(1)</script>"),
    "an SVG with a script in another namespace": svg(
        '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'
    ),
    "an SVG with onload=": svg("<rect/>", 'onload="alert(1)"'),
    "an SVG with onclick= on an element": svg('<rect onclick="alert(1)"/>'),
    "an SVG with an external href": svg('<a href="https://evil.example/"><text>x</text></a>'),
    "an SVG with a javascript: href": svg('<a href="javascript:alert(1)"><text>x</text></a>'),
    "an SVG with an external xlink:href": svg(
        '<a xlink:href="https://evil.example/"><text>x</text></a>'
    ),
    "an SVG with <image>": svg('<image href="#x" width="1" height="1"/>'),
    "an SVG with <foreignObject>": svg("<foreignObject><p>hi</p></foreignObject>"),
    "an SVG with <use> of another file": svg('<use xlink:href="other.svg#icon"/>'),
    "an SVG with a DOCTYPE": b'<!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg"/>',
    "an SVG with entities (billion laughs)": BILLION_LAUGHS,
    "an SVG with an external entity": (
        b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    ),
    "an SVG with style url(http://…)": svg(
        "<style>rect { fill: url(http://evil.example/p.svg#x) }</style><rect/>"
    ),
    "an SVG with style @import": svg('<style>@import "https://evil.example/a.css";</style>'),
    "an SVG with a style attribute url(http://…)": svg(
        "<rect style=\"fill: url('http://evil.example/p.svg#x')\"/>"
    ),
    "an SVG with a fill of url(http://…)": svg('<rect fill="url(http://evil.example/p#x)"/>'),
    "an SVG that is not well-formed": b'<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
    "an SVG outside the SVG namespace": b"<svg><rect/></svg>",
    "an HTML page with an <svg> in it": b"<html><body><svg></svg></body></html>",
    "an SVG that sets an href by animation": svg(
        '<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'
    ),
    "an SVG that animates an href": svg(
        '<a href="#x"><animate attributeName="href" values="https://evil.example/"/>'
        "<text>x</text></a>"
    ),
    "an SVG with an xml-stylesheet instruction": (
        b'<?xml-stylesheet href="https://evil.example/a.css"?>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    ),
}


@pytest.fixture
def admin(session):
    return bearer(make_token(session, make_user(session, role=Role.ADMIN)))


@pytest.fixture
def team(session):
    """A partnership with no logo, and the headers of one of its editors."""
    partnership = make_partnership(session)
    editor = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
    return partnership.slug, bearer(make_token(session, editor))


def change(client, path, headers, body):
    """PATCH `body` to `path` with the ETag just read there."""
    etag = client.get(path).headers["ETag"]
    return client.patch(path, json=body, headers={**headers, "If-Match": etag})


def upload(client, slug, headers, content, filename="logo.png", field="logo"):
    """PUT a logo as a multipart form, with the partnership's current ETag."""
    etag = client.get(f"{API}/{slug}").headers["ETag"]
    # Encoded here, in memory: the test client spools large bodies to a file it never closes.
    boundary, body = encode_multipart({field: FileStorage(io.BytesIO(content), filename)})
    return client.put(
        f"{API}/{slug}/logo",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        headers={**headers, "If-Match": etag},
    )


def assert_invalid(response, field):
    """A 422 in the API's error shape whose errors name `field`."""
    assert response.status_code == 422, response.get_json()
    body = response.get_json()
    assert body.keys() == {"code", "status", "message", "errors"}
    assert (body["code"], body["status"]) == ("invalid_input", 422)
    assert field in body["errors"], body["errors"]
    return body["errors"][field]


def test_an_admin_creates_a_partnership_with_members_and_branding(client, admin):
    response = client.post(API, json=NEW, headers=admin)

    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert response.headers["Location"].endswith(f"{API}/delta-health")
    assert response.headers["ETag"] == '"1"'
    assert created == {
        **NEW,
        "primary_color": "#0B5D8C",  # colours are kept in one spelling
        "logo": None,
        "version": 1,
    }
    read = client.get(f"{API}/delta-health")
    assert read.get_json() == created
    assert read.headers["ETag"] == '"1"'


def test_anyone_reads_a_partnership(client, team):
    slug, _ = team
    response = client.get(f"{API}/{slug}")
    assert response.status_code == 200
    assert response.get_json()["slug"] == slug
    assert response.headers["ETag"] == f'"{response.get_json()["version"]}"'
    assert client.get(f"{API}/no-such-partnership").status_code == 404


def test_its_editor_changes_branding_and_replaces_the_members(client, team):
    slug, editor = team
    first = change(client, f"{API}/{slug}", editor, {"members": MEMBERS})
    assert first.status_code == 200, first.get_json()

    response = change(
        client,
        f"{API}/{slug}",
        editor,
        {
            "brand_name": "Careers",
            "accent_color": None,
            "members": [
                {
                    "name": "North Louisiana Economic Partnership",
                    "kind": "economic_development",
                    "website": "https://www.nlep.org",
                }
            ],
        },
    )

    assert response.status_code == 200, response.get_json()
    changed = response.get_json()
    assert changed["brand_name"] == "Careers"
    assert changed["accent_color"] is None
    assert changed["members"] == [
        {
            "name": "North Louisiana Economic Partnership",
            "kind": "economic_development",
            "website": "https://www.nlep.org",
        }
    ]
    assert response.headers["ETag"] == f'"{changed["version"]}"'
    assert client.get(f"{API}/{slug}").get_json() == changed


def test_a_partnership_moves_to_another_region(client, session, team):
    slug, editor = team
    region = make_region(session, areas=["0040140"])
    response = change(client, f"{API}/{slug}", editor, {"region": region.slug})
    assert response.status_code == 200
    assert client.get(f"{API}/{slug}").get_json()["region"] == region.slug


def test_an_admin_deletes_a_partnership_with_its_workspace(client, admin, team):
    slug, editor = team
    added = client.post(
        f"{API}/{slug}/critical-occupations", json={"soc": "29-1141"}, headers=editor
    )
    assert added.status_code == 201
    etag = client.get(f"{API}/{slug}").headers["ETag"]

    response = client.delete(f"{API}/{slug}", headers={**admin, "If-Match": etag})

    assert response.status_code == 204
    assert not response.data
    assert client.get(f"{API}/{slug}").status_code == 404
    assert client.get(f"{API}/{slug}/critical-occupations").status_code == 404


BAD_INPUT = [
    pytest.param({"primary_color": "blue"}, "primary_color", id="a colour by name"),
    pytest.param({"accent_color": "#12345"}, "accent_color", id="a colour of five digits"),
    pytest.param({"name": ""}, "name", id="an empty name"),
    pytest.param({"contact_line": "x" * 301}, "contact_line", id="a long contact line"),
    pytest.param(
        {
            "members": [
                {"name": "Sample Hospital", "kind": "employer"},
                {"name": "sample hospital ", "kind": "education"},
            ]
        },
        "members[1].name",
        id="a member listed twice",
    ),
    pytest.param(
        {"members": [{"name": "Sample Hospital", "kind": "employer", "website": "ftp://x"}]},
        "members[0].website",
        id="a member's website that is not http(s)",
    ),
    pytest.param(
        {"members": [{"name": " ", "kind": "employer"}]},
        "members[0].name",
        id="a member with a blank name",
    ),
]


@pytest.mark.parametrize(("body", "field"), BAD_INPUT)
def test_bad_input_names_the_field_and_changes_nothing(client, team, body, field):
    slug, editor = team
    before = client.get(f"{API}/{slug}")

    assert_invalid(change(client, f"{API}/{slug}", editor, body), field)

    after = client.get(f"{API}/{slug}")
    assert after.get_json() == before.get_json()
    assert after.headers["ETag"] == before.headers["ETag"]


def test_a_member_of_an_unknown_kind_is_named_by_its_place_in_the_list(client, team):
    slug, editor = team
    before = client.get(f"{API}/{slug}").get_json()
    body = {
        "members": [
            {"name": "Sample Hospital", "kind": "employer"},
            {"name": "Sample Guild", "kind": "guild"},
        ]
    }

    errors = assert_invalid(change(client, f"{API}/{slug}", editor, body), "members")

    assert "kind" in errors["1"]
    assert client.get(f"{API}/{slug}").get_json() == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"slug": "Delta Health!"}, "slug"),
        ({"primary_color": "rgb(1,2,3)"}, "primary_color"),
        ({"sector": None}, "sector"),
        (
            {"members": [{"name": "A", "kind": "employer"}, {"name": "A", "kind": "employer"}]},
            "members[1].name",
        ),
    ],
)
def test_a_bad_new_partnership_is_not_created(client, admin, changes, field):
    total = client.get(API).headers["X-Total-Count"]

    assert_invalid(client.post(API, json={**NEW, **changes}, headers=admin), field)

    assert client.get(API).headers["X-Total-Count"] == total


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_an_unknown_region_names_region_and_changes_nothing(client, admin, team, method):
    slug, _ = team
    before = client.get(f"{API}/{slug}").get_json()
    total = client.get(API).headers["X-Total-Count"]

    if method == "POST":
        response = client.post(API, json={**NEW, "region": "atlantis"}, headers=admin)
    else:
        response = change(client, f"{API}/{slug}", admin, {"region": "atlantis"})

    assert_invalid(response, "region")
    assert client.get(API).headers["X-Total-Count"] == total
    assert client.get(f"{API}/{slug}").get_json() == before


def test_a_slug_that_is_taken_is_a_conflict(client, admin, team):
    slug, _ = team
    total = client.get(API).headers["X-Total-Count"]

    response = client.post(API, json={**NEW, "slug": slug}, headers=admin)

    assert response.status_code == 409
    assert response.get_json()["code"] == "conflict"
    assert slug in response.get_json()["message"]
    assert client.get(API).headers["X-Total-Count"] == total


def test_listing_filters_by_region_and_links_the_pages(client, session):
    region = make_region(session, areas=["0014580"])
    names = ["Gamma Works", "Alpha Works", "Beta Works"]
    for name in names:
        make_partnership(session, name=name, region_id=region.id)

    first = client.get(f"{API}?region={region.slug}&per_page=2")

    assert first.status_code == 200
    body = first.get_json()
    assert [item["name"] for item in body["items"]] == ["Alpha Works", "Beta Works"]
    assert {item["region"] for item in body["items"]} == {region.slug}
    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (3, 1, 2, 2)
    assert first.headers["X-Total-Count"] == "3"
    links = first.headers["Link"]
    assert 'rel="next"' in links
    assert f"region={region.slug}" in links
    assert "page=2" in links
    second = client.get(f"{API}?region={region.slug}&per_page=2&page=2")
    assert [item["name"] for item in second.get_json()["items"]] == ["Gamma Works"]
    assert 'rel="prev"' in second.headers["Link"]
    assert 'rel="next"' not in second.headers["Link"]


def test_listing_a_region_with_no_partnerships_is_empty(client, session):
    region = make_region(session, areas=["0014580"])
    response = client.get(f"{API}?region={region.slug}")
    assert response.status_code == 200
    assert response.get_json()["items"] == []
    assert response.headers["X-Total-Count"] == "0"


@pytest.mark.parametrize(
    ("content", "filename", "media_type"),
    [
        pytest.param(PNG, "logo.png", "image/png", id="PNG"),
        pytest.param(JPEG, "logo.jpg", "image/jpeg", id="JPEG"),
        pytest.param(SVG, "logo.svg", "image/svg+xml", id="SVG"),
    ],
)
def test_a_logo_is_stored_and_served_as_an_image_that_runs_nothing(
    client, team, content, filename, media_type
):
    slug, editor = team

    response = upload(client, slug, editor, content, filename)

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["logo"] == f"{API}/{slug}/logo"
    assert response.headers["ETag"] == f'"{response.get_json()["version"]}"'
    served = client.get(f"{API}/{slug}/logo")
    assert served.status_code == 200
    assert served.data == content
    assert served.mimetype == media_type
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    policy = served.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "sandbox" in policy


def test_the_same_logo_again_changes_nothing(client, team):
    slug, editor = team
    first = upload(client, slug, editor, SVG, "logo.svg")
    assert first.status_code == 200

    again = upload(client, slug, editor, SVG, "logo.svg")

    assert again.status_code == 200
    assert again.get_json() == first.get_json()
    assert again.headers["ETag"] == first.headers["ETag"]


def test_the_type_of_a_logo_comes_from_its_bytes_not_its_name(client, team):
    slug, editor = team
    assert upload(client, slug, editor, PNG, "logo.svg").status_code == 200
    assert client.get(f"{API}/{slug}/logo").mimetype == "image/png"


@pytest.mark.parametrize("content", list(UNSAFE_LOGOS.values()), ids=list(UNSAFE_LOGOS))
def test_an_unsafe_or_unknown_logo_is_refused_and_the_old_one_kept(client, team, content):
    slug, editor = team
    assert upload(client, slug, editor, PNG).status_code == 200
    before = client.get(f"{API}/{slug}")

    assert_invalid(upload(client, slug, editor, content, "logo.svg"), "logo")

    after = client.get(f"{API}/{slug}")
    assert after.get_json() == before.get_json()
    assert after.headers["ETag"] == before.headers["ETag"]
    assert client.get(f"{API}/{slug}/logo").data == PNG


def test_a_logo_upload_needs_the_file(client, team):
    slug, editor = team
    before = client.get(f"{API}/{slug}").get_json()

    response = upload(client, slug, editor, PNG, field="picture")

    assert_invalid(response, "logo")
    assert client.get(f"{API}/{slug}").get_json() == before
    assert client.get(f"{API}/{slug}/logo").status_code == 404


def test_a_partnership_without_a_logo_has_none_to_serve(client, team):
    slug, _ = team
    response = client.get(f"{API}/{slug}/logo")
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_found"


def test_its_editor_removes_the_logo(client, team):
    slug, editor = team
    assert upload(client, slug, editor, SVG, "logo.svg").status_code == 200
    etag = client.get(f"{API}/{slug}").headers["ETag"]

    response = client.delete(f"{API}/{slug}/logo", headers={**editor, "If-Match": etag})

    assert response.status_code == 200
    assert response.get_json()["logo"] is None
    assert client.get(f"{API}/{slug}/logo").status_code == 404
