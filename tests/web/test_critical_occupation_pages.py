"""The industry team's critical-occupation editor: the partnership's editors (and admins) add,
re-prioritise and remove critical occupations and record employer wages beside the BLS ones;
every form names the version it was loaded at; bad input stays on the page beside its field."""

from datetime import date

import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor, Channel, Role
from pathways.models import AuditEvent, CriticalOccupation, EmployerWage
from pathways.services.critical_occupations import update_critical
from pathways.services.employer_wages import update_employer_wage
from tests.factories import (
    make_critical_occupation,
    make_employer_wage,
    make_partnership,
    make_user,
)
from tests.web import csrf_token, force_sign_in, form_fields

RN, LPN, CNA = "29-1141", "29-2061", "31-1131"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def partnership(session):
    return make_partnership(session, name="Delta Health Partnership")


@pytest.fixture
def editor(session, client, partnership):
    user = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
    force_sign_in(client, user)
    return user


@pytest.fixture
def nurses(session, partnership):
    return make_critical_occupation(
        session, partnership=partnership, soc_code=RN, priority=1, annual_openings=120,
        notes="Night shifts hardest to fill",
    )  # fmt: skip


def url(partnership, tail: str = "") -> str:
    return f"/partnerships/{partnership.slug}/occupations{tail}"


def page_of(client, partnership) -> str:
    response = client.get(url(partnership))
    assert response.status_code == 200
    return response.get_data(as_text=True)


def prefixed(fields: dict[str, str], prefix: str) -> dict[str, str]:
    """The fields of one form of the page (its names start with `prefix-`), CSRF included."""
    mine = {name: value for name, value in fields.items() if name.startswith(prefix + "-")}
    return {**mine, f"{prefix}-csrf_token": fields["csrf_token"]}


def row(session, partnership, soc: str) -> CriticalOccupation | None:
    session.expire_all()
    return session.scalar(
        sa.select(CriticalOccupation).where(
            CriticalOccupation.partnership_id == partnership.id, CriticalOccupation.soc_code == soc
        )
    )


def audit_events(session, entity: str, partnership) -> list[AuditEvent]:
    """This partnership's audit entries about `entity` (the seeded catalog has its own)."""
    query = sa.select(AuditEvent).where(
        AuditEvent.entity == entity, AuditEvent.entity_id.startswith(f"{partnership.slug}/")
    )
    return list(session.scalars(query.order_by(AuditEvent.id)))


# --- who may see it -------------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, partnership):
    response = client.get(url(partnership))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_an_editor_of_another_partnership_gets_a_403(client, session, partnership):
    other = make_user(
        session, role=Role.PARTNERSHIP_EDITOR, partnerships=[make_partnership(session)]
    )
    force_sign_in(client, other)
    assert client.get(url(partnership)).status_code == 403


def test_a_provider_editor_cannot_add_either(client, session, partnership):
    admin = make_user(session, role=Role.ADMIN)
    force_sign_in(client, admin)
    fields = prefixed(form_fields(page_of(client, partnership)), "add")
    force_sign_in(client, make_user(session, role=Role.PROVIDER_EDITOR))
    response = client.post(url(partnership), data={**fields, "add-occupation": RN})
    assert response.status_code == 403
    assert row(session, partnership, RN) is None


def test_unknown_partnership_is_a_404(client, editor):
    assert client.get("/partnerships/no-such-one/occupations").status_code == 404


# --- the list ---------------------------------------------------------------------------------


def test_the_list_shows_each_row_with_its_values_and_version(client, editor, partnership, nurses):
    html = page_of(client, partnership)
    fields = form_fields(html)
    assert "Registered Nurses" in html
    assert fields[f"row-{RN}-priority"] == "1"
    assert fields[f"row-{RN}-annual_openings"] == "120"
    assert fields[f"row-{RN}-notes"] == "Night shifts hardest to fill"
    assert fields[f"row-{RN}-version"] == str(nurses.version)
    assert fields[f"remove-{RN}-version"] == str(nurses.version)
    assert f'form="edit-{RN}"' in html  # the cells' controls belong to the row's form


def test_bls_wages_show_beside_employer_wages_with_source_and_year(
    client, session, editor, partnership, nurses
):
    make_employer_wage(
        session, partnership=partnership, soc_code=RN, entry=30.0, median=34.25,
        experienced=39.0, employer_count=4, reported_on=date(2025, 2, 1),
    )  # fmt: skip
    html = page_of(client, partnership)
    assert "BLS OEWS May 2025" in html
    assert "Employer-reported" in html
    assert "$34.25" in html
    assert "February 1, 2025" in html


# --- adding -----------------------------------------------------------------------------------


def test_adding_by_title_writes_the_row_and_audits_it(client, session, editor, partnership):
    fields = prefixed(form_fields(page_of(client, partnership)), "add")
    data = {**fields, "add-occupation": "Licensed Practical and Licensed Vocational Nurses",
            "add-priority": "2", "add-annual_openings": "45"}  # fmt: skip
    response = client.post(url(partnership), data=data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#row-{LPN}")
    added = row(session, partnership, LPN)
    assert (added.priority, added.annual_openings) == (2, 45)
    (event,) = audit_events(session, "critical_occupation", partnership)
    assert (event.action, event.channel, event.actor) == ("create", Channel.WEB, editor.email)
    assert "Added Licensed Practical" in client.get(url(partnership)).get_data(as_text=True)


def test_adding_a_code_with_its_title_as_the_picker_sends_it(client, session, editor, partnership):
    fields = prefixed(form_fields(page_of(client, partnership)), "add")
    response = client.post(url(partnership), data={**fields, "add-occupation": f"{CNA} Nursing"})
    assert response.status_code == 302
    assert row(session, partnership, CNA) is not None


def test_an_unknown_occupation_is_a_422_beside_the_field_with_values_kept(
    client, session, editor, partnership
):
    fields = prefixed(form_fields(page_of(client, partnership)), "add")
    data = {**fields, "add-occupation": "zzyzx wrangler", "add-priority": "3",
            "add-annual_openings": "12", "add-notes": "keep me"}  # fmt: skip
    response = client.post(url(partnership), data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="add-occupation-error"' in html
    assert "no occupation matches" in html
    kept = form_fields(html)
    assert (kept["add-occupation"], kept["add-priority"]) == ("zzyzx wrangler", "3")
    assert (kept["add-annual_openings"], kept["add-notes"]) == ("12", "keep me")
    assert audit_events(session, "critical_occupation", partnership) == []


def test_a_bad_priority_is_a_422_beside_priority(client, session, editor, partnership):
    fields = prefixed(form_fields(page_of(client, partnership)), "add")
    response = client.post(
        url(partnership), data={**fields, "add-occupation": RN, "add-priority": "500"}
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="add-priority-error"' in html
    assert "from 1 (most urgent) to 99" in html
    assert row(session, partnership, RN) is None


def test_adding_one_already_on_the_list_says_so(client, session, editor, partnership, nurses):
    fields = prefixed(form_fields(page_of(client, partnership)), "add")
    response = client.post(url(partnership), data={**fields, "add-occupation": RN})
    assert response.status_code == 409
    assert "already a critical occupation" in response.get_data(as_text=True)


def test_a_post_without_the_csrf_token_is_refused(client, session, editor, partnership):
    fields = prefixed(form_fields(page_of(client, partnership)), "add")
    del fields["add-csrf_token"]
    assert client.post(url(partnership), data={**fields, "add-occupation": RN}).status_code == 400
    assert row(session, partnership, RN) is None


# --- changing and removing --------------------------------------------------------------------


def test_saving_a_row_changes_it_and_bumps_its_version(
    client, session, editor, partnership, nurses
):
    fields = prefixed(form_fields(page_of(client, partnership)), f"row-{RN}")
    data = {**fields, f"row-{RN}-priority": "3", f"row-{RN}-annual_openings": "80"}
    response = client.post(url(partnership, f"/{RN}"), data=data)
    assert response.status_code == 302
    saved = row(session, partnership, RN)
    assert (saved.priority, saved.annual_openings) == (3, 80)
    assert saved.version == int(fields[f"row-{RN}-version"]) + 1
    (event,) = audit_events(session, "critical_occupation", partnership)
    assert event.changes["priority"] == {"before": 1, "after": 3}


def test_a_stale_row_save_is_a_409_and_writes_nothing(client, session, editor, partnership, nurses):
    fields = prefixed(form_fields(page_of(client, partnership)), f"row-{RN}")
    update_critical(
        session=session, actor=Actor.operator("someone-else"), slug=partnership.slug, soc=RN,
        expected_version=None, changes={"annual_openings": 200},
    )  # fmt: skip
    response = client.post(
        url(partnership, f"/{RN}"), data={**fields, f"row-{RN}-annual_openings": "5"}
    )
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "changed by someone else" in html
    assert form_fields(html)[f"row-{RN}-annual_openings"] == "200"  # as it is now
    assert "<dd>5</dd>" in html  # what was tried
    assert row(session, partnership, RN).annual_openings == 200


def test_a_row_save_without_a_version_is_refused(client, session, editor, partnership, nurses):
    fields = prefixed(form_fields(page_of(client, partnership)), f"row-{RN}")
    del fields[f"row-{RN}-version"]
    response = client.post(url(partnership, f"/{RN}"), data={**fields, f"row-{RN}-priority": "4"})
    assert response.status_code == 400
    assert row(session, partnership, RN).priority == 1


def test_a_bad_row_value_is_a_422_in_the_row_with_values_kept(
    client, session, editor, partnership, nurses
):
    fields = prefixed(form_fields(page_of(client, partnership)), f"row-{RN}")
    data = {**fields, f"row-{RN}-annual_openings": "-4", f"row-{RN}-notes": "typed"}
    response = client.post(url(partnership, f"/{RN}"), data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert f'id="row-{RN}-annual_openings-error"' in html
    assert "must not be negative" in html
    kept = form_fields(html)
    assert (kept[f"row-{RN}-annual_openings"], kept[f"row-{RN}-notes"]) == ("-4", "typed")
    assert row(session, partnership, RN).annual_openings == 120


def test_removing_a_row(client, session, editor, partnership, nurses):
    fields = prefixed(form_fields(page_of(client, partnership)), f"remove-{RN}")
    response = client.post(url(partnership, f"/{RN}/remove"), data=fields)
    assert response.status_code == 302
    assert row(session, partnership, RN) is None
    notice = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Removed Registered Nurses from the critical occupations." in notice
    assert [e.action for e in audit_events(session, "critical_occupation", partnership)] == [
        "delete"
    ]


def test_a_stale_remove_is_a_409_and_keeps_the_row(client, session, editor, partnership, nurses):
    fields = prefixed(form_fields(page_of(client, partnership)), f"remove-{RN}")
    update_critical(
        session=session, actor=Actor.operator("someone-else"), slug=partnership.slug, soc=RN,
        expected_version=None, changes={"priority": 2},
    )  # fmt: skip
    assert client.post(url(partnership, f"/{RN}/remove"), data=fields).status_code == 409
    assert row(session, partnership, RN) is not None


# --- employer wages ---------------------------------------------------------------------------


def wages(session, partnership) -> list[EmployerWage]:
    session.expire_all()
    query = sa.select(EmployerWage).where(EmployerWage.partnership_id == partnership.id)
    return list(session.scalars(query))


def test_recording_employer_wages(client, session, editor, partnership, nurses):
    fields = prefixed(form_fields(page_of(client, partnership)), f"wage-new-{RN}")
    data = {
        **fields,
        f"wage-new-{RN}-pay_basis": "hourly",
        f"wage-new-{RN}-entry": "$30.50",
        f"wage-new-{RN}-median": "34",
        f"wage-new-{RN}-experienced": "",
        f"wage-new-{RN}-employer_count": "5",
        f"wage-new-{RN}-reported_on": "2025-01-15",
    }
    response = client.post(url(partnership, f"/{RN}/wages"), data=data)  # fmt: skip
    assert response.status_code == 302
    (saved,) = wages(session, partnership)
    assert (saved.soc_code, saved.entry, saved.median, saved.experienced) == (RN, 30.5, 34.0, None)
    assert (saved.employer_count, saved.reported_on) == (5, date(2025, 1, 15))
    assert [e.action for e in audit_events(session, "employer_wage", partnership)] == ["create"]


def test_employer_wages_out_of_order_are_a_422_beside_the_level(
    client, session, editor, partnership, nurses
):
    fields = prefixed(form_fields(page_of(client, partnership)), f"wage-new-{RN}")
    data = {**fields, f"wage-new-{RN}-pay_basis": "hourly", f"wage-new-{RN}-entry": "40",
            f"wage-new-{RN}-median": "30",
            f"wage-new-{RN}-employer_count": "2", f"wage-new-{RN}-reported_on": "2025-01-15",
            f"wage-new-{RN}-notes": "kept"}  # fmt: skip
    response = client.post(url(partnership, f"/{RN}/wages"), data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert f'id="wage-new-{RN}-median-error"' in html
    assert "must not be below entry" in html
    assert form_fields(html)[f"wage-new-{RN}-notes"] == "kept"
    assert '<details class="wage-form" open>' in html
    assert wages(session, partnership) == []


def test_editing_a_report_and_a_stale_edit(client, session, editor, partnership, nurses):
    report = make_employer_wage(session, partnership=partnership, soc_code=RN, median=33.0,
                                entry=30.0, experienced=36.0)  # fmt: skip
    page = client.get(f"/partnerships/{partnership.slug}/employer-wages/{report.id}/edit")
    assert page.status_code == 200
    prefix = f"wage-{report.id}"
    fields = prefixed(form_fields(page.get_data(as_text=True)), prefix)
    assert fields[f"{prefix}-median"] == "33.0"
    target = f"/partnerships/{partnership.slug}/employer-wages/{report.id}"
    fields[f"{prefix}-pay_basis"] = "hourly"  # a <select>: form_fields reads inputs only
    changed = {**fields, f"{prefix}-median": "34"}
    assert client.post(target, data=changed).status_code == 302
    assert wages(session, partnership)[0].median == 34.0
    # the same form again: its version is now stale
    update_employer_wage(
        session=session, actor=Actor.operator("x"), slug=partnership.slug, wage_id=report.id,
        expected_version=None, changes={"median": 35.0},
    )  # fmt: skip
    assert client.post(target, data={**fields, f"{prefix}-median": "31"}).status_code == 409
    assert wages(session, partnership)[0].median == 35.0


def test_removing_a_report(client, session, editor, partnership, nurses):
    report = make_employer_wage(session, partnership=partnership, soc_code=RN)
    html = page_of(client, partnership)
    fields = prefixed(form_fields(html), f"wage-remove-{report.id}")
    target = f"/partnerships/{partnership.slug}/employer-wages/{report.id}/remove"
    assert client.post(target, data=fields).status_code == 302
    assert wages(session, partnership) == []
    assert csrf_token(html)


def test_user_text_is_escaped(client, session, editor, partnership):
    make_critical_occupation(session, partnership=partnership, soc_code=LPN, notes=SCRIPT)
    make_employer_wage(session, partnership=partnership, soc_code=LPN, notes=SCRIPT)
    html = page_of(client, partnership)
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
