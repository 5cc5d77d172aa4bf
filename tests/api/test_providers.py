"""Providers through the API: anyone lists and reads them; admins add and remove them; a
provider's own editors change it. Bad input is a 422 naming the field, with nothing written;
every write is in the audit log."""

import pytest
import sqlalchemy as sa

from pathways.domain.access import Role
from pathways.models import AuditEvent, Program, Provider
from tests.factories import (
    bearer,
    make_program,
    make_provider,
    make_region,
    make_token,
    make_user,
)

API = "/api/v1/providers"
DELTA = {
    "name": "Delta Community College",
    "kind": "community_college",
    "street": "7500 Millhaven Road",
    "city": "Monroe",
    "state": "LA",
    "postal_code": "71203",
    "region": "northeast-louisiana",
    "website": "https://www.deltacollege.edu",
    "contact_name": "Office of Admissions",
    "contact_email": "admissions@example.edu",
    "contact_phone": "(318) 555-0100",
}


@pytest.fixture
def admin(session):
    return bearer(make_token(session, make_user(session, role=Role.ADMIN)))


@pytest.fixture
def college(session):
    """A provider, and the headers of its editor."""
    provider = make_provider(session, name="Ouachita Test College")
    editor = make_user(session, role=Role.PROVIDER_EDITOR, providers=[provider])
    return provider, bearer(make_token(session, editor))


def change(client, provider_id, headers, body):
    etag = client.get(f"{API}/{provider_id}").headers["ETag"]
    return client.patch(f"{API}/{provider_id}", json=body, headers={**headers, "If-Match": etag})


def assert_invalid(response, field):
    assert response.status_code == 422, response.get_json()
    body = response.get_json()
    assert body.keys() == {"code", "status", "message", "errors"}
    assert field in body["errors"], body["errors"]


def audit_entries(session, provider_id):
    query = sa.select(AuditEvent).where(
        AuditEvent.entity == "provider", AuditEvent.entity_id == str(provider_id)
    )
    return list(session.scalars(query.order_by(AuditEvent.id)))


def test_an_admin_adds_a_provider_everyone_reads_it(client, session, admin):
    created = client.post(API, json=DELTA, headers=admin)
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    assert {key: body[key] for key in DELTA} == DELTA
    assert body["version"] == 1
    assert created.headers["ETag"] == '"1"'
    assert created.headers["Location"].endswith(f"{API}/{body['id']}")
    read = client.get(f"{API}/{body['id']}")
    assert read.get_json() == body
    assert read.headers["ETag"] == '"1"'
    [entry] = audit_entries(session, body["id"])
    assert entry.action == "create"
    assert entry.changes["name"] == {"before": None, "after": "Delta Community College"}


def test_the_list_is_a_to_z_filtered_by_region_and_paged(client, session):
    here, there = (make_region(session, areas=["0033740"]) for _ in range(2))
    for name, region in [("Zulu Tech", here), ("Alpha Academy", here), ("Bravo Board", there)]:
        make_provider(session, name=name, region_id=region.id)
    response = client.get(f"{API}?region={here.slug}")
    assert response.status_code == 200
    assert [item["name"] for item in response.get_json()["items"]] == ["Alpha Academy", "Zulu Tech"]
    assert response.get_json()["items"][0]["region"] == here.slug
    paged = client.get(f"{API}?region={here.slug}&per_page=1&page=2")
    assert [item["name"] for item in paged.get_json()["items"]] == ["Zulu Tech"]
    assert paged.headers["X-Total-Count"] == "2"
    assert 'rel="prev"' in paged.headers["Link"]
    assert client.get(f"{API}?region=atlantis").get_json()["items"] == []
    assert [item["name"] for item in client.get(f"{API}?q=bravo+board").get_json()["items"]] == [
        "Bravo Board"
    ]


def test_its_editor_changes_a_provider_one_version_at_a_time(client, session, college):
    provider, editor = college
    response = change(client, provider.id, editor, {"city": "West Monroe", "state": "la"})
    assert response.status_code == 200, response.get_json()
    assert (response.get_json()["city"], response.get_json()["state"]) == ("West Monroe", "LA")
    assert response.get_json()["version"] == 2
    assert response.headers["ETag"] == '"2"'
    cleared = change(client, provider.id, editor, {"city": None, "region": "inland-empire"})
    assert (cleared.get_json()["city"], cleared.get_json()["region"]) == (None, "inland-empire")
    assert cleared.get_json()["version"] == 3
    same = change(client, provider.id, editor, {"region": "inland-empire"})
    assert same.get_json()["version"] == 3  # nothing changed: no new version, no audit entry
    assert [entry.action for entry in audit_entries(session, provider.id)] == ["update", "update"]


def test_an_edit_to_an_old_version_is_refused(client, college):
    provider, editor = college
    assert change(client, provider.id, editor, {"city": "Monroe"}).status_code == 200
    stale = client.patch(
        f"{API}/{provider.id}", json={"city": "Ruston"}, headers={**editor, "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    missing = client.patch(f"{API}/{provider.id}", json={"city": "Ruston"}, headers=editor)
    assert missing.status_code == 428
    assert client.get(f"{API}/{provider.id}").get_json()["city"] == "Monroe"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"kind": "circus"}, "kind"),
        ({"state": "Louisiana"}, "state"),
        ({"state": "ZZ"}, "state"),
        ({"postal_code": "7120"}, "postal_code"),
        ({"region": "atlantis"}, "region"),
        ({"region": "Not A Slug"}, "region"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"website": "ftp://example.edu"}, "website"),
        ({"contact_email": "nobody"}, "contact_email"),
        ({"contact_phone": "call us"}, "contact_phone"),
        ({"street": "x" * 201}, "street"),
        ({"city": "Mon\x00roe"}, "city"),  # PostgreSQL cannot store NUL
        ({"version": 7}, "version"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(client, session, college, body, field):
    provider, editor = college
    before = client.get(f"{API}/{provider.id}").get_json()
    assert_invalid(change(client, provider.id, editor, body), field)
    assert client.get(f"{API}/{provider.id}").get_json() == before
    assert audit_entries(session, provider.id) == []


def test_a_new_provider_needs_a_name_and_a_kind(client, admin):
    assert_invalid(client.post(API, json={"kind": "employer"}, headers=admin), "name")
    assert_invalid(client.post(API, json={"name": "Acme"}, headers=admin), "kind")


def test_only_admins_add_and_remove_providers(client, college):
    provider, editor = college
    assert client.post(API, json=DELTA, headers=editor).status_code == 403
    etag = client.get(f"{API}/{provider.id}").headers["ETag"]
    response = client.delete(f"{API}/{provider.id}", headers={**editor, "If-Match": etag})
    assert response.status_code == 403


def test_another_providers_editor_may_not_change_it(client, session, college):
    provider, _ = college
    other = make_user(session, role=Role.PROVIDER_EDITOR, providers=[make_provider(session)])
    response = change(client, provider.id, bearer(make_token(session, other)), {"city": "X"})
    assert response.status_code == 403


def test_deleting_a_provider_deletes_its_programs(client, session, admin, college):
    provider, _ = college
    program = make_program(session, provider=provider, title="Test Welding")
    etag = client.get(f"{API}/{provider.id}").headers["ETag"]
    response = client.delete(f"{API}/{provider.id}", headers={**admin, "If-Match": etag})
    assert response.status_code == 204
    assert client.get(f"{API}/{provider.id}").status_code == 404
    assert session.scalar(sa.select(Provider.id).where(Provider.id == provider.id)) is None
    assert session.scalar(sa.select(Program.id).where(Program.id == program.id)) is None
    [entry] = audit_entries(session, provider.id)
    assert entry.action == "delete"
    assert entry.changes["programs"] == {"before": ["Test Welding"], "after": None}


def test_an_unknown_provider_is_404(client, admin):
    assert client.get(f"{API}/999999999").status_code == 404
    assert client.get(f"{API}/99999999999").status_code == 404  # beyond the id column
    response = client.patch(f"{API}/999999999", json={}, headers={**admin, "If-Match": '"1"'})
    assert response.status_code == 404
