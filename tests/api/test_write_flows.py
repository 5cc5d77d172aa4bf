"""Writes through the API as a client sees them: status codes, Location, ETag and If-Match,
error bodies, and the audit log they leave."""

import pytest

from tests.factories import bearer, make_partnership, make_token, make_user


@pytest.fixture
def admin(session):
    return bearer(make_token(session, make_user(session)))


def test_create_read_change_delete_a_region(client, admin):
    created = client.post(
        "/api/v1/regions",
        json={"slug": "delta", "name": "Delta", "areas": ["0033740"]},
        headers=admin,
    )
    assert created.status_code == 201
    assert created.headers["Location"].endswith("/api/v1/regions/delta")
    assert created.headers["ETag"] == '"1"'
    assert created.get_json()["areas"][0]["title"] == "Monroe, LA"

    read = client.get("/api/v1/regions/delta")
    assert read.headers["ETag"] == '"1"'
    changed = client.patch(
        "/api/v1/regions/delta",
        json={"name": "The Delta", "areas": ["2200000"]},
        headers={**admin, "If-Match": read.headers["ETag"]},
    )
    assert changed.status_code == 200
    assert changed.headers["ETag"] == '"2"'
    assert changed.get_json()["version"] == 2

    stale = client.delete("/api/v1/regions/delta", headers={**admin, "If-Match": '"1"'})
    assert stale.status_code == 412
    assert stale.get_json()["code"] == "precondition_failed"
    gone = client.delete("/api/v1/regions/delta", headers={**admin, "If-Match": '"2"'})
    assert gone.status_code == 204
    assert client.get("/api/v1/regions/delta").status_code == 404


@pytest.mark.parametrize("header", [None, "*", '"x"'])
def test_a_change_needs_the_version_it_was_made_to(client, admin, header):
    headers = admin if header is None else {**admin, "If-Match": header}
    response = client.patch("/api/v1/regions/inland-empire", json={"name": "IE"}, headers=headers)
    assert response.status_code == (412 if header == '"x"' else 428)
    assert response.get_json().keys() == {"code", "status", "message", "errors"}
    assert client.get("/api/v1/regions/inland-empire").get_json()["name"] == "Inland Empire"


def test_a_weak_etag_names_the_version_too(client, admin):
    etag = client.get("/api/v1/regions/inland-empire").headers["ETag"]
    response = client.patch(
        "/api/v1/regions/inland-empire",
        json={"name": "IE"},
        headers={**admin, "If-Match": f"W/{etag}"},
    )
    assert response.status_code == 200


def test_bad_input_names_the_field_and_writes_nothing(client, admin):
    response = client.post(
        "/api/v1/regions",
        json={"slug": "Bad Slug", "name": "X", "areas": ["0033740"]},
        headers=admin,
    )
    assert response.status_code == 422
    assert "slug" in response.get_json()["errors"]
    response = client.post("/api/v1/regions", json={"slug": "x2", "name": "X", "areas": ["1"]},
                           headers=admin)  # fmt: skip
    assert response.status_code == 422
    assert "areas" in response.get_json()["errors"]
    assert client.get("/api/v1/regions/x2").status_code == 404


def test_a_taken_slug_is_a_409(client, admin):
    response = client.post(
        "/api/v1/regions", json={"slug": "inland-empire", "name": "X", "areas": ["0033740"]},
        headers=admin,
    )  # fmt: skip
    assert response.status_code == 409


def test_a_401_says_how_to_authenticate_and_never_echoes_the_token(client):
    response = client.post("/api/v1/regions", json={}, headers=bearer("pwy_wrong"))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "pwy_wrong" not in response.get_data(as_text=True)
    assert client.get("/api/v1/users/me").status_code == 401


def test_accounts_through_the_api(client, session, admin):
    partnership = make_partnership(session)
    created = client.post(
        "/api/v1/users",
        json={"email": "Lee@Example.org", "role": "partnership_editor",
              "partnerships": [partnership.slug], "password": "long enough pass"},
        headers=admin,
    )  # fmt: skip
    assert created.status_code == 201
    body = created.get_json()
    assert body["email"] == "lee@example.org"
    assert body["partnerships"] == [partnership.slug]
    assert "password" not in body
    assert "password_hash" not in body
    location = created.headers["Location"]
    changed = client.patch(
        location, json={"name": "Lee"}, headers={**admin, "If-Match": created.headers["ETag"]}
    )
    assert changed.get_json()["name"] == "Lee"
    listing = client.get("/api/v1/users?per_page=100", headers=admin).get_json()
    assert "lee@example.org" in {user["email"] for user in listing["items"]}


def test_me_is_the_tokens_holder(client, session):
    user = make_user(session, name="Pat")
    me = client.get("/api/v1/users/me", headers=bearer(make_token(session, user)))
    assert me.status_code == 200
    assert (me.get_json()["email"], me.headers["ETag"]) == (user.email, f'"{user.version}"')


def test_every_write_leaves_an_audit_entry(client, admin):
    client.post(
        "/api/v1/regions", json={"slug": "delta", "name": "Delta", "areas": ["0033740"]},
        headers=admin,
    )  # fmt: skip
    client.patch("/api/v1/regions/delta", json={"name": "D"}, headers={**admin, "If-Match": '"1"'})
    log = client.get("/api/v1/audit?entity=region&entity_id=delta", headers=admin).get_json()
    assert [(e["action"], e["channel"]) for e in log["items"]] == [
        ("update", "api"),
        ("create", "api"),
    ]
    assert log["items"][0]["changes"] == {"name": {"before": "Delta", "after": "D"}}
    since = client.get(
        "/api/v1/audit", query_string={"since": "2999-01-01T00:00:00+00:00"}, headers=admin
    ).get_json()
    assert since["total"] == 0
