"""The school editor: a provider's editors add a program by CIP code, take the crosswalk's
suggested skills (with JavaScript or without), change and delete it; the CIP picker's JSON;
version checks, errors beside the field, typed values kept, CSRF, scopes and audit."""

import re

import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor, Channel, Role
from pathways.models import AuditEvent, Program
from pathways.services.program_suggestions import suggested_skills
from pathways.services.programs import update_program
from tests.factories import make_credential, make_program, make_provider, make_user
from tests.web import force_sign_in, form_fields

LPN_CIP = "51.3901"
LPN_LABEL = "51.3901 Licensed Practical/Vocational Nurse Training"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def provider(session):
    return make_provider(session, name="Ouachita Technical College")


@pytest.fixture
def editor(session, client, provider):
    user = make_user(session, role=Role.PROVIDER_EDITOR, providers=[provider])
    force_sign_in(client, user)
    return user


def new_url(provider) -> str:
    return f"/providers/{provider.id}/programs/new"


def loaded(client, url: str) -> tuple[str, dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    html = response.get_data(as_text=True)
    return html, form_fields(html)


def selects(**chosen: str) -> dict[str, str]:
    """The <select> values a browser sends (form_fields reads inputs and textareas only)."""
    defaults = {"award_level": "certificate", "modality": "in_person",
                "earn_while_you_learn": "none", "status": "active"}  # fmt: skip
    return {**defaults, **chosen}


def skill_fields(fields: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in fields.items() if name.startswith("skills-")}


def programs_of(session, provider) -> list[Program]:
    session.expire_all()
    return list(session.scalars(sa.select(Program).where(Program.provider_id == provider.id)))


# --- scopes -----------------------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, provider):
    response = client.get(new_url(provider))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_an_editor_of_another_provider_gets_a_403(client, session, provider):
    other = make_user(session, role=Role.PROVIDER_EDITOR, providers=[make_provider(session)])
    force_sign_in(client, other)
    assert client.get(new_url(provider)).status_code == 403
    program = make_program(session, provider=provider)
    assert client.get(f"/programs/{program.id}/edit").status_code == 403
    assert client.get(f"/programs/{program.id}/delete").status_code == 403


def test_unknown_provider_and_program_are_404s(client, editor):
    assert client.get("/providers/999999/programs/new").status_code == 404
    assert client.get("/programs/999999/edit").status_code == 404


# --- the CIP picker and its suggestions ---------------------------------------------------------


def test_the_cip_picker_answers_codes_and_titles(client):
    by_title = client.get("/suggest/cip", query_string={"q": "practical nurs"}).get_json()
    assert {"value": LPN_LABEL, "label": LPN_LABEL.split(" ", 1)[1]} in by_title
    by_code = client.get("/suggest/cip", query_string={"q": "51.39"}).get_json()
    assert by_code[0]["value"].startswith("51.39")
    assert client.get("/suggest/cip", query_string={"q": "x"}).get_json() == []


def test_the_crosswalk_json_lists_occupations_and_skills(client, session):
    answer = client.get("/suggest/cip/crosswalk", query_string={"cip": LPN_LABEL})
    assert answer.status_code == 200
    data = answer.get_json()
    assert data["cip"] == LPN_CIP
    assert {"soc": "29-2061", "title": data["occupations"][0]["title"],
            "url": "/occupations/29-2061"} in data["occupations"]  # fmt: skip
    expected = suggested_skills(session=session, cip=LPN_CIP)
    assert [skill["element_id"] for skill in data["skills"]] == [s.element_id for s in expected]
    missing = client.get("/suggest/cip/crosswalk", query_string={"cip": "51.39"})
    assert missing.status_code == 404
    assert "family or series" in missing.get_json()["message"]


def test_the_new_page_has_the_picker_wired_to_its_json(client, editor, provider):
    html, fields = loaded(client, new_url(provider))
    assert 'data-suggest="/suggest/cip"' in html
    assert 'list="cip-options"' in html
    assert 'data-crosswalk="/suggest/cip/crosswalk"' in html
    assert "Suggest from CIP code" in html
    assert "program-editor.js" in html
    assert "csrf_token" in fields


def test_suggest_without_javascript_fills_rows_and_keeps_what_was_typed(
    client, session, editor, provider
):
    _, fields = loaded(client, new_url(provider))
    typed = {**fields, **selects(), "title": "Practical Nursing",
             "cip": "Licensed Practical/Vocational Nurse Training",
             "seats_per_year": "24", "action": "suggest"}  # fmt: skip
    response = client.post(new_url(provider), data=typed)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    after = form_fields(html)
    assert (after["title"], after["seats_per_year"]) == ("Practical Nursing", "24")
    assert after["cip"] == LPN_LABEL  # the title typed became the code it names
    expected = suggested_skills(session=session, cip=LPN_CIP)
    rows = skill_fields(after)
    assert rows["skills-0-skill"] == expected[0].element_id
    assert float(rows["skills-0-level"]) == pytest.approx(expected[0].level, abs=0.01)
    assert len([n for n in rows if n.endswith("-skill")]) == len(expected)
    assert "Licensed Practical and Licensed Vocational Nurses" in html  # crosswalk occupations
    assert programs_of(session, provider) == []  # nothing written


def test_the_school_flow_adds_the_program_with_the_suggested_skills(
    client, session, editor, provider
):
    credential = make_credential(session, name="NCLEX-PN")
    _, fields = loaded(client, new_url(provider))
    base = {**fields, **selects(), "title": "Practical Nursing", "cip": LPN_CIP, "cost": "8,400.50",
            "length_weeks": "48", "credentials": str(credential.id)}  # fmt: skip
    suggested = client.post(new_url(provider), data={**base, "action": "suggest"})
    rows = skill_fields(form_fields(suggested.get_data(as_text=True)))
    first = rows["skills-0-skill"]
    rows["skills-0-level"] = "2.5"  # lowered by the editor
    response = client.post(new_url(provider), data={**base, **rows, "action": "save"})
    assert response.status_code == 302
    (program,) = programs_of(session, provider)
    assert response.headers["Location"] == f"/programs/{program.id}/edit"
    assert (program.title, program.cip_code, program.cost) == ("Practical Nursing", LPN_CIP, 840050)
    assert [c.id for c in program.credentials] == [credential.id]
    levels = {skill.skill_id: skill.level for skill in program.skills}
    assert len(levels) == len(suggested_skills(session=session, cip=LPN_CIP))
    assert 2.5 in levels.values()
    (event,) = session.scalars(
        sa.select(AuditEvent).where(
            AuditEvent.entity == "program", AuditEvent.entity_id == str(program.id)
        )
    )
    assert (event.action, event.channel, event.actor) == ("create", Channel.WEB, editor.email)
    assert first in {s["skill"] for s in event.changes["skills"]["after"]}
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Added Practical Nursing." in page
    assert f"/programs/{program.id}/alignment" in page


def test_remove_without_javascript_drops_the_row_and_writes_nothing(
    client, session, editor, provider
):
    _, fields = loaded(client, new_url(provider))
    base = {**fields, **selects(), "title": "PN", "cip": LPN_CIP}
    suggested = client.post(new_url(provider), data={**base, "action": "suggest"})
    rows = skill_fields(form_fields(suggested.get_data(as_text=True)))
    gone = rows["skills-1-skill"]
    response = client.post(new_url(provider), data={**base, **rows, "remove_skill": gone})
    assert response.status_code == 200
    left = skill_fields(form_fields(response.get_data(as_text=True)))
    assert gone not in left.values()
    assert len(left) == len(rows) - 2
    assert programs_of(session, provider) == []


# --- bad input ----------------------------------------------------------------------------------


def test_an_unknown_cip_is_a_422_beside_the_field_with_everything_kept(
    client, session, editor, provider
):
    _, fields = loaded(client, new_url(provider))
    typed = {**fields, **selects(), "title": "Welding", "cip": "99.9999",
             "prerequisites": "GED", "seats_per_year": "12"}  # fmt: skip
    response = client.post(new_url(provider), data=typed)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert re.search(r'id="cip-error">[^<]*no CIP 2020 code 99\.9999', html)
    kept = form_fields(html)
    assert (kept["title"], kept["cip"], kept["prerequisites"]) == ("Welding", "99.9999", "GED")
    assert programs_of(session, provider) == []


def test_a_bad_level_is_a_422_in_its_row(client, session, editor, provider):
    _, fields = loaded(client, new_url(provider))
    base = {**fields, **selects(), "title": "PN", "cip": LPN_CIP}
    suggested = client.post(new_url(provider), data={**base, "action": "suggest"})
    rows = skill_fields(form_fields(suggested.get_data(as_text=True)))
    rows["skills-2-level"] = "9"
    response = client.post(new_url(provider), data={**base, **rows})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="skills-2-level-error"' in html
    assert "from 0 to 7" in html
    assert form_fields(html)["skills-2-level"] == "9"
    assert programs_of(session, provider) == []


def test_a_post_without_the_csrf_token_is_refused(client, session, editor, provider):
    _, fields = loaded(client, new_url(provider))
    del fields["csrf_token"]
    response = client.post(new_url(provider), data={**fields, **selects(), "title": "X",
                                                     "cip": LPN_CIP})  # fmt: skip
    assert response.status_code == 400
    assert programs_of(session, provider) == []


# --- editing and deleting -----------------------------------------------------------------------


@pytest.fixture
def program(session, provider):
    return make_program(session, provider=provider, title="Practical Nursing")


def edit_url(program) -> str:
    return f"/programs/{program.id}/edit"


def test_the_edit_page_holds_the_program(client, editor, program):
    html, fields = loaded(client, edit_url(program))
    assert fields["title"] == "Practical Nursing"
    assert fields["cip"] == LPN_LABEL
    assert fields["cost"] == "8400.0"
    assert fields["version"] == str(program.version)
    assert "Licensed Practical and Licensed Vocational Nurses" in html


def test_saving_an_edit(client, session, editor, program):
    _, fields = loaded(client, edit_url(program))
    response = client.post(edit_url(program), data={**fields, **selects(), "seats_per_year": "60"})
    assert response.status_code == 302
    session.expire_all()
    assert session.get(Program, program.id).seats_per_year == 60


def test_a_stale_edit_is_a_409_and_writes_nothing(client, session, editor, program):
    _, fields = loaded(client, edit_url(program))
    update_program(
        session=session, actor=Actor.operator("someone-else"), program_id=program.id,
        expected_version=None, changes={"title": "Renamed Meanwhile"},
    )  # fmt: skip
    response = client.post(edit_url(program), data={**fields, **selects(), "title": "Mine"})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "changed by someone else" in html
    assert "<dd>Mine</dd>" in html
    assert form_fields(html)["title"] == "Renamed Meanwhile"
    session.expire_all()
    assert session.get(Program, program.id).title == "Renamed Meanwhile"


def test_deleting_asks_first_then_deletes(client, session, editor, provider, program):
    html, fields = loaded(client, f"/programs/{program.id}/delete")
    assert "Delete program" in html
    response = client.post(f"/programs/{program.id}/delete", data=fields)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/providers/{provider.id}"
    assert programs_of(session, provider) == []


def test_a_stale_delete_is_a_409(client, session, editor, provider, program):
    _, fields = loaded(client, f"/programs/{program.id}/delete")
    update_program(
        session=session, actor=Actor.operator("x"), program_id=program.id,
        expected_version=None, changes={"seats_per_year": 1},
    )  # fmt: skip
    assert client.post(f"/programs/{program.id}/delete", data=fields).status_code == 409
    assert len(programs_of(session, provider)) == 1


def test_user_text_is_escaped(client, session, editor, provider):
    program = make_program(session, provider=provider, title=SCRIPT, prerequisites=SCRIPT)
    html = client.get(edit_url(program)).get_data(as_text=True)
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html
