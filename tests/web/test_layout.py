"""What every page shares: the layout, its security headers, error pages in the layout (JSON
stays on /api), and the occupation picker's suggestions and reading of what was picked."""

import pytest

from pathways.domain.errors import InvalidInput
from pathways.web import home
from pathways.web.pickers import picked_occupation


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_json_answers_have_no_page_policy_but_do_have_nosniff(client):
    response = client.get("/api/v1/health")
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_layout_links_its_stylesheet_and_script_and_both_are_served(client):
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="stylesheet" href="/static/pathways.css">' in page
    assert '<script src="/static/pathways.js" defer></script>' in page
    for path in ("/static/pathways.css", "/static/pathways.js"):
        with client.get(path) as response:  # a file response: closed when read
            assert response.status_code == 200


def test_layout_has_a_skip_link_landmarks_and_the_onet_attribution(client):
    page = client.get("/").get_data(as_text=True)
    assert '<a class="skip-link" href="#main">' in page
    assert '<main id="main"' in page
    assert '<nav aria-label="Site"' in page
    assert "O*NET (CC BY 4.0)" in page


def test_unknown_page_is_a_404_page_in_the_layout(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "<h1>Page not found</h1>" in page
    assert 'href="/static/pathways.css"' in page


def test_unknown_api_path_stays_json(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_found"


def test_an_unexpected_failure_is_a_500_page_that_hides_the_details(client, monkeypatch):
    def broken(**_):
        raise RuntimeError("secret database detail")

    monkeypatch.setattr(home, "list_regions", broken)
    response = client.get("/")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong on our side" in page
    assert "secret database detail" not in page


def test_my_work_needs_sign_in(client):
    response = client.get("/my-work")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_suggestions_are_json_options_of_code_and_title(client):
    response = client.get("/suggest/occupations", query_string={"q": "registered nurse"})
    assert response.status_code == 200
    options = response.get_json()
    assert options[0]["value"] == "29-1141 Registered Nurses"
    assert all(set(option) == {"value", "label"} for option in options)


def test_suggestions_need_two_characters(client):
    assert client.get("/suggest/occupations", query_string={"q": "n"}).get_json() == []


@pytest.mark.parametrize(
    ("typed", "soc"),
    [
        ("29-1141 Registered Nurses", "29-1141"),
        ("29-1141", "29-1141"),
        ("29-1141.00", "29-1141"),
        ("registered nurses", "29-1141"),
    ],
)
def test_picker_reads_a_suggestion_a_code_or_an_exact_title(session, typed, soc):
    assert picked_occupation(session, typed, field="step") == soc


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "pick an occupation"),
        ("99-9999", "no occupation 99-9999 in the catalog"),
        ("zzzqqq", "no occupation matches “zzzqqq”"),
        ("nurse", "several occupations match “nurse”: pick one, e.g. 29-1141 Registered Nurses"),
    ],
)
def test_picker_names_the_field_and_says_what_was_wrong(session, typed, message):
    with pytest.raises(InvalidInput) as raised:
        picked_occupation(session, typed, field="step")
    assert list(raised.value.errors) == ["step"]
    assert raised.value.errors["step"][0].startswith(message)
