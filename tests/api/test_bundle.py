"""`GET /api/v1/partnerships/{slug}/bundle`: the same bytes as `pathways export bundle`, for
those who may read the partnership's drafts; a clear refusal for everyone else."""

from pathways.domain.access import Actor, Role
from pathways.importers.bundle_export import export_bundle
from tests.factories import bearer, make_token, make_user

SLUG = "ne-louisiana-healthcare"


def test_an_admin_downloads_the_same_bundle_the_command_writes(client, session):
    admin = bearer(make_token(session, make_user(session, role=Role.ADMIN)))
    response = client.get(f"/api/v1/partnerships/{SLUG}/bundle", headers=admin)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == (f'attachment; filename="{SLUG}.bundle.json"')
    expected = export_bundle(session=session, actor=Actor.operator("tests"), slug=SLUG)
    assert response.data == expected
    assert response.get_json()["format_version"] == 1


def test_anyone_else_is_told_why_not(client, session):
    assert client.get(f"/api/v1/partnerships/{SLUG}/bundle").status_code == 401
    stranger = bearer(make_token(session, make_user(session, role=Role.PROVIDER_EDITOR)))
    response = client.get(f"/api/v1/partnerships/{SLUG}/bundle", headers=stranger)
    assert response.status_code == 403
    assert response.get_json()["message"] == (
        "only the partnership's editors may export it: its bundle holds drafts"
    )


def test_an_unknown_partnership_is_a_404(client, session):
    admin = bearer(make_token(session, make_user(session, role=Role.ADMIN)))
    assert client.get("/api/v1/partnerships/nope/bundle", headers=admin).status_code == 404
