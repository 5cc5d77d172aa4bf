"""GET /api/v1/occupations and /api/v1/occupations/{soc}: what API users see."""

import pytest


def test_search_nurse_lists_registered_and_licensed_practical_nurses_first(client):
    response = client.get("/api/v1/occupations?q=nurse")
    assert response.status_code == 200
    body = response.get_json()
    assert [item["soc"] for item in body["items"][:2]] == ["29-1141", "29-2061"]
    assert body["items"][0]["title"] == "Registered Nurses"
    assert body["total"] == int(response.headers["X-Total-Count"])


def test_search_pages_carry_link_headers(client):
    response = client.get("/api/v1/occupations?q=a&page=2&per_page=3")
    links = response.headers["Link"]
    for rel, page in (("first", 1), ("prev", 1), ("next", 3)):
        assert f'page={page}&per_page=3>; rel="{rel}"' in links
    assert "q=a" in links
    body = response.get_json()
    assert (body["page"], body["per_page"]) == (2, 3)
    assert f'page={body["pages"]}&per_page=3>; rel="last"' in links


def test_last_page_has_no_next_link(client):
    body = client.get("/api/v1/occupations?q=nurse&per_page=100").get_json()
    response = client.get(f"/api/v1/occupations?q=nurse&per_page=100&page={body['pages']}")
    assert 'rel="next"' not in response.headers["Link"]


@pytest.mark.parametrize(
    ("query", "field"), [("page=0", "page"), ("per_page=101", "per_page"), ("page=x", "page")]
)
def test_bad_paging_is_a_422_naming_the_field(client, query, field):
    response = client.get(f"/api/v1/occupations?{query}")
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_detail_with_area_shows_labelled_wages_skills_and_outlook(client):
    response = client.get("/api/v1/occupations/29-2061?area=0033740")
    assert response.status_code == 200
    body = response.get_json()
    assert body["title"] == "Licensed Practical and Licensed Vocational Nurses"
    wages = body["wages"]
    assert wages["area"] == {"code": "0033740", "title": "Monroe, LA", "kind": "metro"}
    assert (wages["vintage"], wages["source"]) == (2025, "BLS OEWS May 2025")
    assert wages["fallback"] is False
    for basis in ("hourly", "annual"):
        levels = wages[basis]
        assert levels["entry"]["value"] <= levels["median"]["value"]
        assert levels["median"]["value"] <= levels["experienced"]["value"]
    assert body["skills"][0].keys() >= {"element_id", "name", "importance", "level"}
    assert body["knowledge"]
    assert body["job_zone"]["zone"] == 3
    assert body["education"]["typical_entry"] == "Postsecondary nondegree award"
    assert body["outlook"]["period"] == "2024-2034"
    assert body["outlook"]["annual_openings"] > 0
    assert any(r["soc"] == "29-1141" for r in body["related"])
    assert any("CC BY 4.0" in source["notice"] for source in body["sources"])


def test_detail_by_region(client):
    wages = client.get("/api/v1/occupations/31-1131?region=inland-empire").get_json()["wages"]
    assert wages["requested"] == {
        "kind": "region",
        "code": "inland-empire",
        "name": "Inland Empire",
    }
    assert wages["area"]["code"] == "0040140"


def test_detail_without_place_is_national(client):
    wages = client.get("/api/v1/occupations/29-2061").get_json()["wages"]
    assert wages["requested"]["kind"] == "nation"
    assert wages["area"]["code"] == "0000000"


def test_markers_are_reported_not_invented(client):
    # Legislators: BLS publishes an annual wage only; May 2024 is their newest national row.
    wages = client.get("/api/v1/occupations/11-1031").get_json()["wages"]
    assert wages["vintage"] == 2024
    assert wages["annual"]["median"]["value"] > 0
    hourly = wages["hourly"]["median"]
    assert hourly["value"] is None
    assert hourly["marker"] == "annual_only"
    assert hourly["note"]


def test_unknown_soc_is_a_404_naming_the_code(client):
    response = client.get("/api/v1/occupations/29-9999")
    assert response.status_code == 404
    body = response.get_json()
    assert body["code"] == "not_found"
    assert "29-9999" in body["message"]


@pytest.mark.parametrize("soc", ["nurse", "292061", "29-20611"])
def test_malformed_soc_is_a_422(client, soc):
    response = client.get(f"/api/v1/occupations/{soc}")
    assert response.status_code == 422
    assert "soc" in response.get_json()["errors"]


@pytest.mark.parametrize(
    ("query", "named"), [("area=0099999", "0099999"), ("region=atlantis", "atlantis")]
)
def test_unknown_place_is_a_404_naming_it(client, query, named):
    response = client.get(f"/api/v1/occupations/29-2061?{query}")
    assert response.status_code == 404
    assert named in response.get_json()["message"]


@pytest.mark.parametrize(
    ("query", "field"), [("area=123", "area"), ("area=0033740&region=inland-empire", "region")]
)
def test_bad_place_is_a_422_naming_the_field(client, query, field):
    response = client.get(f"/api/v1/occupations/29-2061?{query}")
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
