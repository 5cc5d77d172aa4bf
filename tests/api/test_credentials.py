"""The shared credentials catalog through the API: anyone searches it, any signed-in editor
adds what their pathway or program needs, and only admins correct or remove an entry."""

import pytest

from pathways.domain.access import Role
from pathways.domain.pathways import PathwayGraph, TransitionSpec
from pathways.domain.vocabulary import CredentialType, TransitionKind
from tests.factories import (
    TWO_STEPS,
    bearer,
    make_credential,
    make_partnership,
    make_pathway,
    make_provider,
    make_token,
    make_user,
)

API = "/api/v1/credentials"
FORKLIFT = {
    "name": "Zeta Forklift Operator Card",
    "type": "Certificate",
    "issuer": "Zeta Safety Council",
    "description": "Powered industrial truck operator training and evaluation.",
    "exam": "Written test and a driving evaluation.",
    "renewal": "Every 3 years.",
    "typical_cost": 15_000,
    "source": "https://example.org/zeta-forklift",
    "occupations": [
        {"soc": "53-7051", "relation": "required"},
        {"soc": "53-7062", "relation": "preferred"},
    ],
}


@pytest.fixture
def admin(session):
    return bearer(make_token(session, make_user(session, role=Role.ADMIN)))


@pytest.fixture
def editor(session):
    """A partnership editor: allowed to add credentials, not to change them."""
    user = make_user(
        session, role=Role.PARTNERSHIP_EDITOR, partnerships=[make_partnership(session)]
    )
    return bearer(make_token(session, user))


@pytest.fixture
def provider_editor(session):
    user = make_user(session, role=Role.PROVIDER_EDITOR, providers=[make_provider(session)])
    return bearer(make_token(session, user))


@pytest.fixture
def zeta(client, admin):
    """Five credentials from the Zeta boards, of two types, some linked to occupations."""
    made = {}
    for name, ctdl_type, issuer, links in [
        ("Zeta Welder Level 1", "Certification", "Zeta Welding Society", ["51-4121"]),
        ("Zeta Welder Level 2", "Certification", "Zeta Welding Society", ["51-4121"]),
        ("Zeta CDL Class A", "License", "Zeta Motor Vehicles", ["53-3032"]),
        ("Zeta Hazmat Endorsement", "License", "Zeta Motor Vehicles", ["53-3032", "53-3033"]),
        ("Zeta Plant Safety", "Certificate", "Zeta Community College", []),
    ]:
        body = {
            "name": name,
            "type": ctdl_type,
            "issuer": issuer,
            "occupations": [{"soc": soc} for soc in links],
        }
        response = client.post(API, json=body, headers=admin)
        assert response.status_code == 201, response.get_json()
        made[name] = response.get_json()["id"]
    return made


def names(response):
    assert response.status_code == 200, response.get_json()
    return [item["name"] for item in response.get_json()["items"]]


def change(client, credential_id, headers, body):
    etag = client.get(f"{API}/{credential_id}").headers["ETag"]
    return client.patch(f"{API}/{credential_id}", json=body, headers={**headers, "If-Match": etag})


def assert_invalid(response, field):
    assert response.status_code == 422, response.get_json()
    body = response.get_json()
    assert body.keys() == {"code", "status", "message", "errors"}
    assert field in body["errors"], body["errors"]
    return body["errors"][field]


def test_anyone_reads_the_seeded_catalog(client):
    response = client.get(API)
    assert len(names(response)) == 20
    assert int(response.headers["X-Total-Count"]) == response.get_json()["total"] >= 20
    assert "Certified Nurse Aide (CNA)" in names(client.get(f"{API}?per_page=100"))


def test_the_list_is_a_to_z(client, zeta):
    assert names(client.get(f"{API}?q=zeta")) == [
        "Zeta CDL Class A",
        "Zeta Hazmat Endorsement",
        "Zeta Plant Safety",
        "Zeta Welder Level 1",
        "Zeta Welder Level 2",
    ]


def test_words_of_the_name_or_issuer_find_a_credential(client, zeta):
    assert names(client.get(f"{API}?q=zeta welder")) == [
        "Zeta Welder Level 1",
        "Zeta Welder Level 2",
    ]
    assert names(client.get(f"{API}?q=motor vehicles zeta")) == [
        "Zeta CDL Class A",
        "Zeta Hazmat Endorsement",
    ]
    assert names(client.get(f"{API}?q=zeta level 2")) == ["Zeta Welder Level 2"]
    assert names(client.get(f"{API}?q=zeta nothing-like-this")) == []


def test_the_type_and_occupation_filters(client, zeta):
    assert names(client.get(f"{API}?q=zeta&type=License")) == [
        "Zeta CDL Class A",
        "Zeta Hazmat Endorsement",
    ]
    assert names(client.get(f"{API}?q=zeta&occupation=53-3033")) == ["Zeta Hazmat Endorsement"]
    assert names(client.get(f"{API}?q=zeta&type=Certification&occupation=53-3032")) == []
    # The seeded catalog: a nurse aide needs the state's CNA listing.
    assert "Certified Nurse Aide (CNA)" in names(client.get(f"{API}?occupation=31-1131"))


def test_an_unknown_type_filter_names_type(client):
    assert_invalid(client.get(f"{API}?type=Degree"), "type")


def test_the_list_is_paged_with_links(client, zeta):
    first = client.get(f"{API}?q=zeta&per_page=2")
    assert names(first) == ["Zeta CDL Class A", "Zeta Hazmat Endorsement"]
    body = first.get_json()
    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (5, 1, 2, 3)
    assert first.headers["X-Total-Count"] == "5"
    links = first.headers["Link"]
    assert 'rel="next"' in links
    assert "q=zeta" in links
    assert "page=3" in links  # last
    last = client.get(f"{API}?q=zeta&per_page=2&page=3")
    assert names(last) == ["Zeta Welder Level 2"]
    assert 'rel="next"' not in last.headers["Link"]
    assert_invalid(client.get(f"{API}?per_page=101"), "per_page")


def test_a_partnership_editor_adds_a_credential_with_its_occupations(client, editor):
    response = client.post(API, json=FORKLIFT, headers=editor)

    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created == {**FORKLIFT, "id": created["id"], "version": 1}
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"].endswith(f"{API}/{created['id']}")
    assert client.get(response.headers["Location"]).get_json() == created
    assert names(client.get(f"{API}?occupation=53-7062&q=zeta")) == [FORKLIFT["name"]]


def test_a_provider_editor_adds_one_too_and_a_link_is_required_by_default(client, provider_editor):
    body = {"name": "Zeta Pipefitter", "type": "Certification", "occupations": [{"soc": "47-2111"}]}
    response = client.post(API, json=body, headers=provider_editor)

    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["occupations"] == [{"soc": "47-2111", "relation": "required"}]
    assert (created["issuer"], created["description"], created["typical_cost"]) == ("", None, None)


def test_signing_in_is_needed_to_add_one(client):
    response = client.post(API, json=FORKLIFT)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_same_name_from_the_same_issuer_is_a_conflict(client, editor):
    total = client.get(API).headers["X-Total-Count"]
    assert client.post(API, json=FORKLIFT, headers=editor).status_code == 201

    again = {**FORKLIFT, "name": f"  {FORKLIFT['name']} ", "type": "Certification"}
    response = client.post(API, json=again, headers=editor)

    assert response.status_code == 409
    assert response.get_json()["code"] == "conflict"
    assert int(client.get(API).headers["X-Total-Count"]) == int(total) + 1
    elsewhere = {**FORKLIFT, "issuer": "Another Safety Council"}
    assert client.post(API, json=elsewhere, headers=editor).status_code == 201


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"type": "Degree"}, "type", id="a type that is not a CTDL class"),
        pytest.param({"type": None}, "type", id="no type"),
        pytest.param({"name": ""}, "name", id="an empty name"),
        pytest.param({"name": "   "}, "name", id="a blank name"),
        pytest.param({"typical_cost": -1}, "typical_cost", id="a negative cost"),
        pytest.param({"issuer": "x" * 201}, "issuer", id="a long issuer"),
        pytest.param(
            {"occupations": [{"soc": "99-9999"}]}, "occupations[0].soc", id="an unknown SOC code"
        ),
        pytest.param(
            {"occupations": [{"soc": "53-7051"}, {"soc": "53-7051", "relation": "add_on"}]},
            "occupations[1].soc",
            id="an occupation listed twice",
        ),
    ],
)
def test_a_bad_credential_names_the_field_and_is_not_added(client, editor, changes, field):
    total = client.get(API).headers["X-Total-Count"]

    assert_invalid(client.post(API, json={**FORKLIFT, **changes}, headers=editor), field)

    assert client.get(API).headers["X-Total-Count"] == total
    assert names(client.get(f"{API}?q=zeta forklift")) == []


def test_a_link_of_an_unknown_relation_is_named_by_its_place(client, editor):
    body = {**FORKLIFT, "occupations": [{"soc": "53-7051", "relation": "sometimes"}]}
    errors = assert_invalid(client.post(API, json=body, headers=editor), "occupations")
    assert "relation" in errors["0"]
    assert names(client.get(f"{API}?q=zeta forklift")) == []


def test_an_admin_corrects_a_credential_and_replaces_its_links(client, admin, editor):
    created = client.post(API, json=FORKLIFT, headers=editor).get_json()

    response = change(
        client,
        created["id"],
        admin,
        {"typical_cost": 17_500, "renewal": None, "occupations": [{"soc": "53-7065"}]},
    )

    assert response.status_code == 200, response.get_json()
    corrected = response.get_json()
    assert (corrected["typical_cost"], corrected["renewal"]) == (17_500, None)
    assert corrected["occupations"] == [{"soc": "53-7065", "relation": "required"}]
    assert response.headers["ETag"] == f'"{corrected["version"]}"'
    assert corrected["version"] > created["version"]
    assert client.get(f"{API}/{created['id']}").get_json() == corrected
    assert names(client.get(f"{API}?q=zeta forklift&occupation=53-7051")) == []


def test_a_correction_keeps_the_type_a_ctdl_class(client, admin, editor):
    created = client.post(API, json=FORKLIFT, headers=editor).get_json()
    assert_invalid(change(client, created["id"], admin, {"type": "Degree"}), "type")
    assert client.get(f"{API}/{created['id']}").get_json() == created


def test_a_correction_may_not_duplicate_another_credential(client, admin, zeta):
    response = change(client, zeta["Zeta Welder Level 2"], admin, {"name": "Zeta Welder Level 1"})
    assert response.status_code == 409
    assert client.get(f"{API}/{zeta['Zeta Welder Level 2']}").get_json()["name"] == (
        "Zeta Welder Level 2"
    )


@pytest.mark.parametrize("who", ["editor", "provider_editor"])
def test_only_admins_change_or_remove_a_credential(client, request, admin, zeta, who):
    headers = request.getfixturevalue(who)
    credential_id = zeta["Zeta Plant Safety"]
    before = client.get(f"{API}/{credential_id}")
    etag = {"If-Match": before.headers["ETag"]}

    changed = client.patch(
        f"{API}/{credential_id}", json={"name": "Mine"}, headers={**headers, **etag}
    )
    removed = client.delete(f"{API}/{credential_id}", headers={**headers, **etag})

    assert (changed.status_code, removed.status_code) == (403, 403)
    assert changed.get_json()["code"] == removed.get_json()["code"] == "forbidden"
    assert client.get(f"{API}/{credential_id}").get_json() == before.get_json()


def test_an_admin_removes_a_credential(client, admin, zeta):
    credential_id = zeta["Zeta Plant Safety"]
    etag = client.get(f"{API}/{credential_id}").headers["ETag"]

    response = client.delete(f"{API}/{credential_id}", headers={**admin, "If-Match": etag})

    assert response.status_code == 204
    assert client.get(f"{API}/{credential_id}").status_code == 404
    assert "Zeta Plant Safety" not in names(client.get(f"{API}?q=zeta"))


def test_a_credential_a_published_pathway_uses_is_not_removed(client, session, admin):
    credential = make_credential(session, ctdl_type=CredentialType.DIPLOMA)
    uses_it = TransitionSpec("cna", "lpn", TransitionKind.ADVANCE, credential_ids=(credential.id,))
    partnership = make_partnership(session)
    pathway = make_pathway(
        session,
        partnership=partnership,
        graph=PathwayGraph(TWO_STEPS.steps, (uses_it,)),
        publish=True,
    )
    before = client.get(f"/api/v1/pathways/{pathway.slug}").get_json()
    etag = client.get(f"{API}/{credential.id}").headers["ETag"]

    response = client.delete(f"{API}/{credential.id}", headers={**admin, "If-Match": etag})

    assert response.status_code == 409
    assert client.get(f"/api/v1/pathways/{pathway.slug}").get_json() == before
