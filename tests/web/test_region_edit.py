"""The region edit page: admins only; a save names the version it was loaded at, so an edit
made meanwhile by someone else is shown, not overwritten; every user string is escaped."""

import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor, Channel, Role
from pathways.models import AuditEvent
from pathways.services.regions import get_region, update_region
from tests.factories import make_partnership, make_region, make_user
from tests.web import force_sign_in, form_fields, input_types

MONROE, RIVERSIDE, LOUISIANA = "0033740", "0040140", "2200000"


@pytest.fixture
def region(session):
    return make_region(session, areas=[MONROE], name="Delta Region")


@pytest.fixture
def admin(session, client):
    admin = make_user(session, role=Role.ADMIN)
    force_sign_in(client, admin)
    return admin


def edit_url(slug: str) -> str:
    return f"/regions/{slug}/edit"


def edit_form(client, slug: str) -> dict[str, str]:
    """The fields of the edit form as the page loads them, CSRF token and version included."""
    page = client.get(edit_url(slug))
    assert page.status_code == 200
    return form_fields(page.get_data(as_text=True))


def stored(session, slug: str):
    """The region as the database holds it now, not as this session last saw it."""
    session.expire_all()
    return get_region(session=session, slug=slug)


def area_codes(region) -> list[str]:
    return [link.area_code for link in region.areas]


def test_anonymous_is_sent_to_sign_in_and_back(client, region):
    response = client.get(edit_url(region.slug))
    assert response.status_code == 302
    assert response.headers["Location"] == f"/login?next=%2Fregions%2F{region.slug}%2Fedit"


def test_partnership_editor_gets_a_403_page(client, session, region):
    editor = make_user(
        session, role=Role.PARTNERSHIP_EDITOR, partnerships=[make_partnership(session)]
    )
    force_sign_in(client, editor)
    response = client.get(edit_url(region.slug))
    assert response.status_code == 403
    assert response.mimetype == "text/html"
    assert "you may not update this region" in response.get_data(as_text=True)


def test_unknown_region_is_a_404_page(client, admin):
    assert client.get(edit_url("no-such-region")).status_code == 404


def test_admin_sees_the_current_values_and_a_hidden_version(client, admin, region):
    page = client.get(edit_url(region.slug)).get_data(as_text=True)
    fields = form_fields(page)
    assert fields["name"] == "Delta Region"
    assert fields["areas"] == MONROE
    assert fields["version"] == str(region.version)
    assert input_types(page)["version"] == "hidden"


def test_saving_changes_the_region_bumps_its_version_and_is_audited(client, session, admin, region):
    fields = edit_form(client, region.slug)
    changed = {**fields, "name": "Greater Delta", "areas": f"{MONROE}, {LOUISIANA}"}
    response = client.post(edit_url(region.slug), data=changed)
    assert response.status_code == 302
    assert response.headers["Location"] == edit_url(region.slug)
    saved = stored(session, region.slug)
    assert saved.name == "Greater Delta"
    assert area_codes(saved) == [MONROE, LOUISIANA]
    assert saved.version == int(fields["version"]) + 1
    (event,) = session.scalars(
        sa.select(AuditEvent).where(
            AuditEvent.entity == "region", AuditEvent.entity_id == region.slug
        )
    )
    assert (event.action, event.channel, event.actor) == ("update", Channel.WEB, admin.email)
    assert event.user_id == admin.id
    assert event.changes["name"] == {"before": "Delta Region", "after": "Greater Delta"}


def test_the_saved_page_says_so(client, admin, region):
    fields = edit_form(client, region.slug)
    client.post(edit_url(region.slug), data={**fields, "name": "Greater Delta"})
    page = client.get(edit_url(region.slug)).get_data(as_text=True)
    assert "Saved Greater Delta." in page


def change_meanwhile(session, slug: str) -> None:
    """Someone else's edit, through the same service, between loading the form and saving."""
    update_region(
        session=session, actor=Actor.operator("someone-else"), slug=slug, expected_version=None,
        changes={"name": "Renamed Meanwhile", "area_codes": [RIVERSIDE]},
    )  # fmt: skip


def test_a_stale_save_does_not_overwrite_and_shows_both_versions(client, session, admin, region):
    fields = edit_form(client, region.slug)
    change_meanwhile(session, region.slug)
    mine = {**fields, "name": "My Delta", "areas": f"{MONROE} {LOUISIANA}"}
    response = client.post(edit_url(region.slug), data=mine)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "changed by someone else" in page
    now = form_fields(page)  # the form holds the region as it is now …
    assert (now["name"], now["areas"]) == ("Renamed Meanwhile", RIVERSIDE)
    assert now["version"] == str(int(fields["version"]) + 1)
    assert "<dd>My Delta</dd>" in page  # … and the page, what the user tried to save
    assert f"<dd>{MONROE} {LOUISIANA}</dd>" in page
    current = stored(session, region.slug)
    assert (current.name, area_codes(current)) == ("Renamed Meanwhile", [RIVERSIDE])
    assert current.version == int(fields["version"]) + 1


def test_after_a_stale_save_the_reloaded_form_saves(client, session, admin, region):
    fields = edit_form(client, region.slug)
    change_meanwhile(session, region.slug)
    refused = client.post(edit_url(region.slug), data={**fields, "name": "My Delta"})
    again = {**form_fields(refused.get_data(as_text=True)), "name": "My Delta"}
    assert client.post(edit_url(region.slug), data=again).status_code == 302
    assert stored(session, region.slug).name == "My Delta"


def test_a_save_without_a_version_does_not_overwrite(client, session, admin, region):
    fields = edit_form(client, region.slug)
    change_meanwhile(session, region.slug)
    del fields["version"]
    response = client.post(edit_url(region.slug), data={**fields, "name": "My Delta"})
    assert response.status_code == 400
    assert stored(session, region.slug).name == "Renamed Meanwhile"


def test_invalid_areas_show_the_form_again_with_the_message(client, session, admin, region):
    fields = edit_form(client, region.slug)
    response = client.post(edit_url(region.slug), data={**fields, "name": "X", "areas": "123"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "is not an OEWS area code (seven digits)" in page
    assert form_fields(page)["areas"] == "123"  # kept, for the user to correct
    current = stored(session, region.slug)
    assert (current.name, area_codes(current)) == ("Delta Region", [MONROE])
    assert current.version == int(fields["version"])


def test_a_save_without_the_csrf_token_is_refused(client, session, admin, region):
    fields = edit_form(client, region.slug)
    del fields["csrf_token"]
    response = client.post(edit_url(region.slug), data={**fields, "name": "Forged"})
    assert response.status_code == 400
    assert stored(session, region.slug).name == "Delta Region"


def test_a_partnership_editor_cannot_save_either(client, session, region):
    admin = make_user(session, role=Role.ADMIN)
    force_sign_in(client, admin)
    fields = edit_form(client, region.slug)
    editor = make_user(
        session, role=Role.PARTNERSHIP_EDITOR, partnerships=[make_partnership(session)]
    )
    force_sign_in(client, editor)
    response = client.post(edit_url(region.slug), data={**fields, "name": "Mine Now"})
    assert response.status_code == 403
    assert stored(session, region.slug).name == "Delta Region"


SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.parametrize("page", ["edit", "home"])
def test_a_region_name_is_escaped(client, session, admin, page):
    region = make_region(session, areas=[MONROE], name=f"Delta {SCRIPT}")
    html = client.get(edit_url(region.slug) if page == "edit" else "/").get_data(as_text=True)
    assert SCRIPT not in html
    assert f"Delta {ESCAPED}" in html


def test_what_the_user_tried_to_save_is_escaped_on_a_stale_save(client, session, admin, region):
    fields = edit_form(client, region.slug)
    change_meanwhile(session, region.slug)
    response = client.post(edit_url(region.slug), data={**fields, "name": f"Mine {SCRIPT}"})
    html = response.get_data(as_text=True)
    assert SCRIPT not in html
    assert f"<dd>Mine {ESCAPED}</dd>" in html
