"""Health, regions, skills, the OpenAPI document and the docs page."""

from pathways.app import create_app
from pathways.sessions import database


def test_health_reports_the_catalog_and_its_sources(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["occupations"] > 20
    assert body["sources"]["onet"] == "29.3"
    assert body["sources"]["projections"] == "2024-2034"


def test_regions_list_their_areas(client):
    regions = {r["slug"]: r for r in client.get("/api/v1/regions").get_json()}
    assert regions["northeast-louisiana"]["areas"] == [
        {"code": "0033740", "title": "Monroe, LA", "kind": "metro"}
    ]
    assert client.get("/api/v1/regions/gallatin-valley").get_json()["areas"][0]["code"] == (
        "0014580"
    )
    assert client.get("/api/v1/regions/atlantis").status_code == 404


def test_skills_filter_by_kind_and_words(client):
    body = client.get("/api/v1/skills?kind=knowledge&per_page=100").get_json()
    assert body["total"] == 33
    assert {item["kind"] for item in body["items"]} == {"knowledge"}
    found = client.get("/api/v1/skills?q=reading").get_json()["items"]
    assert [item["element_id"] for item in found] == ["2.A.1.a"]
    assert client.get("/api/v1/skills?kind=talent").status_code == 422


def test_openapi_document_lists_every_operation(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/v1/health",
        "/api/v1/occupations",
        "/api/v1/occupations/{soc}",
        "/api/v1/regions",
        "/api/v1/skills",
    ):
        assert "get" in spec["paths"][path]
    error = spec["components"]["schemas"]["Error"]
    assert set(error["properties"]) == {"code", "status", "message", "errors"}


def test_docs_page_uses_bundled_assets_only(client):
    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert "/api/v1/docs/assets/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    with client.get("/api/v1/docs/assets/swagger-ui-bundle.js") as asset:
        assert asset.status_code == 200
        assert len(asset.data) > 100_000


def test_unknown_api_path_gets_the_json_error_shape(client):
    response = client.get("/api/v1/nowhere")
    assert response.status_code == 404
    assert response.get_json().keys() == {"code", "status", "message", "errors"}


def test_wrong_method_is_405_with_allow(client):
    response = client.post("/api/v1/occupations")
    assert response.status_code == 405
    assert response.get_json()["code"] == "method_not_allowed"
    assert "GET" in response.headers["Allow"]


def test_pages_outside_the_api_get_html_errors(client):
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_health_is_503_when_the_database_is_unreachable():
    app = create_app({"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/nowhere"})
    response = app.test_client().get("/api/v1/health")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unreachable"
    database(app).engine.dispose()
