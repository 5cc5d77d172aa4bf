"""Requests no service should ever see: a NUL character anywhere, a body that is not JSON."""

import pytest

from tests.factories import bearer, make_token, make_user


@pytest.fixture
def admin(session):
    return bearer(make_token(session, make_user(session)))


@pytest.mark.parametrize(
    "path", ["/api/v1/pathways?partnership=%00", "/api/v1/partnerships?region=a%00b"]
)
def test_a_nul_character_in_the_address_is_a_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response.get_json()["code"] == "bad_request"


def test_a_nul_character_in_a_body_is_a_422_naming_the_field_and_nothing_is_written(client, admin):
    response = client.post(
        "/api/v1/regions",
        json={"slug": "nul-region", "name": "Nul\u0000Region", "areas": ["0033740"]},
        headers=admin,
    )
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"name": ["may not contain a NUL character"]}
    assert client.get("/api/v1/regions/nul-region").status_code == 404


def test_a_body_that_is_not_json_is_a_clear_4xx(client, admin):
    response = client.post(
        "/api/v1/regions",
        data="{not json",
        headers={**admin, "Content-Type": "application/json"},
    )
    assert response.status_code in (400, 422)
    body = response.get_json()
    assert body.keys() == {"code", "status", "message", "errors"}
