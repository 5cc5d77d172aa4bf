"""Programs through the API, as a college's editor keeps them: CIP code, award, length, cost,
credentials earned and skills taught. Anyone reads and searches them; the provider's editors
change them, one version per save. Bad input is a 422 naming the field, with nothing
written; every write is in the audit log."""

import pytest
import sqlalchemy as sa

from pathways.domain.access import Role
from pathways.models import AuditEvent, Region
from tests.factories import (
    bearer,
    make_credential,
    make_program,
    make_provider,
    make_token,
    make_user,
)

API = "/api/v1/programs"


@pytest.fixture
def college(session):
    """A provider in Northeast Louisiana, and the headers of its editor."""
    region = session.scalar(sa.select(Region.id).where(Region.slug == "northeast-louisiana"))
    provider = make_provider(session, name="Ouachita Test College", region_id=region)
    editor = make_user(session, role=Role.PROVIDER_EDITOR, providers=[provider])
    return provider, bearer(make_token(session, editor))


@pytest.fixture
def license_id(session):
    return make_credential(session, name="Test LPN License").id


@pytest.fixture
def practical_nursing(college, license_id):
    """The program of the issue's story, as its editor enters it."""
    provider, _ = college
    return {
        "provider": provider.id,
        "title": "Practical Nursing Certificate",
        "cip": "51.3901",
        "award_level": "certificate",
        "credentials": [license_id],
        "length_weeks": 52,
        "credit_hours": 46.5,
        "cost": 840_000,
        "modality": "in_person",
        "schedule": "Days, Monday to Thursday",
        "seats_per_year": 40,
        "prerequisites": "High school diploma or HiSET; CNA certification",
        "earn_while_you_learn": "none",
        "status": "active",
        "next_start": "2026-08-17",
        "skills": [{"skill": "2.A.1.a", "level": 4.0}, {"skill": "2.C.5.a", "level": 3.5}],
    }


def create(client, college, body):
    _, editor = college
    return client.post(API, json=body, headers=editor)


def change(client, program_id, headers, body):
    etag = client.get(f"{API}/{program_id}").headers["ETag"]
    return client.patch(f"{API}/{program_id}", json=body, headers={**headers, "If-Match": etag})


def assert_invalid(response, field):
    assert response.status_code == 422, response.get_json()
    body = response.get_json()
    assert body.keys() == {"code", "status", "message", "errors"}
    assert field in body["errors"], body["errors"]


def audit_actions(session, program_id):
    query = sa.select(AuditEvent.action).where(
        AuditEvent.entity == "program", AuditEvent.entity_id == str(program_id)
    )
    return list(session.scalars(query.order_by(AuditEvent.id)))


def test_a_providers_editor_adds_a_program(client, session, college, practical_nursing):
    response = create(client, college, practical_nursing)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    plain = {key: value for key, value in practical_nursing.items() if key != "skills"}
    assert {key: body[key] for key in plain} == plain
    assert body["skills"] == [
        {"skill": "2.A.1.a", "name": "Reading Comprehension", "kind": "skill", "level": 4.0},
        {"skill": "2.C.5.a", "name": "Medicine and Dentistry", "kind": "knowledge", "level": 3.5},
    ]
    assert body["cip_title"] == "Licensed Practical/Vocational Nurse Training"
    assert body["provider_name"] == "Ouachita Test College"
    assert (body["version"], response.headers["ETag"]) == (1, '"1"')
    assert client.get(response.headers["Location"]).get_json() == body
    assert audit_actions(session, body["id"]) == ["create"]


def test_the_list_filters_by_provider_cip_region_and_words(client, session, college):
    provider, _ = college
    elsewhere = make_provider(session, name="Inland Test Academy")
    make_program(session, provider=provider, title="Practical Nursing")
    make_program(session, provider=provider, title="Nurse Aide", cip_code="51.3902")
    make_program(session, provider=elsewhere, title="Registered Nursing", cip_code="51.3801")
    make_program(session, provider=elsewhere, title="Welding", cip_code="48.0508")

    def titles(query):
        response = client.get(f"{API}?{query}&q=test")
        assert response.status_code == 200, response.get_json()
        return [item["title"] for item in response.get_json()["items"]]

    assert titles(f"provider={provider.id}") == ["Nurse Aide", "Practical Nursing"]
    assert titles("cip=51.3902") == ["Nurse Aide"]
    assert titles("cip=51.39") == ["Nurse Aide", "Practical Nursing"]
    assert titles("cip=51") == ["Nurse Aide", "Practical Nursing", "Registered Nursing"]
    assert titles("region=northeast-louisiana") == ["Nurse Aide", "Practical Nursing"]
    assert titles("q=nurs+academy") == ["Registered Nursing"]
    assert titles("cip=48.0508&region=northeast-louisiana") == []
    paged = client.get(f"{API}?q=test&per_page=2&page=2")
    assert [item["title"] for item in paged.get_json()["items"]] == [
        "Registered Nursing",
        "Welding",
    ]
    assert paged.headers["X-Total-Count"] == "4"


def test_each_save_is_one_new_version(client, session, college, practical_nursing):
    _, editor = college
    created = create(client, college, practical_nursing).get_json()
    program = created["id"]
    skills = [{"skill": "2.A.1.a", "level": 4.5}, {"skill": "2.B.1.a", "level": 4.0}]
    response = change(client, program, editor, {"skills": skills})
    assert response.status_code == 200, response.get_json()
    taught = [(s["skill"], s["level"]) for s in response.get_json()["skills"]]
    assert taught == [("2.A.1.a", 4.5), ("2.B.1.a", 4.0)]
    assert (response.get_json()["version"], response.headers["ETag"]) == (2, '"2"')
    both = change(client, program, editor, {"credentials": [], "seats_per_year": 48})
    assert (both.get_json()["credentials"], both.get_json()["seats_per_year"]) == ([], 48)
    assert both.get_json()["version"] == 3
    same = change(client, program, editor, {"skills": skills, "title": created["title"]})
    assert same.get_json()["version"] == 3
    assert client.get(f"{API}/{program}").get_json() == same.get_json()
    assert audit_actions(session, program) == ["create", "update", "update"]


def test_an_edit_to_an_old_version_is_refused(client, college, practical_nursing):
    _, editor = college
    program = create(client, college, practical_nursing).get_json()["id"]
    assert change(client, program, editor, {"seats_per_year": 30}).status_code == 200
    stale = client.patch(
        f"{API}/{program}", json={"seats_per_year": 20}, headers={**editor, "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert client.patch(f"{API}/{program}", json={}, headers=editor).status_code == 428
    assert client.get(f"{API}/{program}").get_json()["seats_per_year"] == 30


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"cip": "51"}, "cip"),
        ({"cip": "51.39"}, "cip"),
        ({"cip": "51.390"}, "cip"),
        ({"cip": "12.3456"}, "cip"),
        ({"credentials": [999_999_999]}, "credentials"),
        ({"skills": [{"skill": "2.A.1.a", "level": 3}, {"skill": "9.Z.9", "level": 3}]},
         "skills[1].skill"),
        ({"skills": [{"skill": "2.A.1.a", "level": 3}, {"skill": "2.A.1.a", "level": 4}]},
         "skills[1].skill"),
        ({"skills": [{"skill": "2.A.1.a", "level": 7.5}]}, "skills"),
        ({"skills": [{"skill": "2.A\x00", "level": 3}]}, "skills[0].skill"),
        ({"title": " "}, "title"),
        ({"prerequisites": "CNA\x00"}, "prerequisites"),
        ({"length_weeks": 0}, "length_weeks"),
        ({"cost": -1}, "cost"),
        ({"cost": 10**12}, "cost"),
        ({"modality": "carrier pigeon"}, "modality"),
        ({"next_start": "soon"}, "next_start"),
        ({"provider": 999_999_999}, "provider"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field_and_writes_nothing(
    client, session, college, practical_nursing, body, field
):
    _, editor = college
    program = create(client, college, practical_nursing).get_json()
    assert_invalid(change(client, program["id"], editor, body), field)
    assert client.get(f"{API}/{program['id']}").get_json() == program
    assert audit_actions(session, program["id"]) == ["create"]


def test_a_new_program_is_checked_before_anything_is_written(
    client, session, college, practical_nursing
):
    bad = {**practical_nursing, "skills": [{"skill": "2.A.1.a", "level": 3}, {"skill": "x"}]}
    assert_invalid(create(client, college, bad), "skills")
    bad["skills"] = [{"skill": "2.A.1.a", "level": 3}, {"skill": "no.such", "level": 3}]
    assert_invalid(create(client, college, bad), "skills[1].skill")
    assert_invalid(
        create(client, college, {**practical_nursing, "cip": "01.0309"}), "cip"
    )  # moved in 2020
    missing = {key: value for key, value in practical_nursing.items() if key != "award_level"}
    assert_invalid(create(client, college, missing), "award_level")
    provider, _ = college
    assert client.get(f"{API}?provider={provider.id}").get_json()["total"] == 0


def test_only_the_providers_editors_write_its_programs(client, session, college, practical_nursing):
    _, editor = college
    other_provider = make_provider(session)
    other = bearer(
        make_token(
            session, make_user(session, role=Role.PROVIDER_EDITOR, providers=[other_provider])
        )
    )
    assert client.post(API, json=practical_nursing, headers=other).status_code == 403
    program = create(client, college, practical_nursing).get_json()["id"]
    assert change(client, program, other, {"seats_per_year": 1}).status_code == 403
    # Nor may its own editor hand it to a provider they do not edit.
    assert change(client, program, editor, {"provider": other_provider.id}).status_code == 403
    etag = client.get(f"{API}/{program}").headers["ETag"]
    assert client.delete(f"{API}/{program}", headers={**other, "If-Match": etag}).status_code == 403
    response = client.delete(f"{API}/{program}", headers={**editor, "If-Match": etag})
    assert response.status_code == 204
    assert client.get(f"{API}/{program}").status_code == 404
    assert audit_actions(session, program) == ["create", "delete"]


def test_an_admin_moves_a_program_to_another_provider(client, session, college, practical_nursing):
    admin = bearer(make_token(session, make_user(session, role=Role.ADMIN)))
    program = create(client, college, practical_nursing).get_json()["id"]
    other = make_provider(session, name="Test Successor College")
    moved = change(client, program, admin, {"provider": other.id})
    assert (moved.get_json()["provider"], moved.get_json()["provider_name"]) == (
        other.id,
        "Test Successor College",
    )
    assert moved.get_json()["version"] == 2


def test_a_cip_code_suggests_occupations_and_skills(client):
    response = client.get(f"{API}/suggestions?cip=51.3901")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["cip"], body["title"]) == (
        "51.3901",
        "Licensed Practical/Vocational Nurse Training",
    )
    assert body["occupations"] == [
        {"soc": "29-2061", "title": "Licensed Practical and Licensed Vocational Nurses"}
    ]
    # O*NET 29.3, 29-2061.00: Service Orientation is rated IM 4.12, LV 4.00.
    assert body["skills"][0] == {
        "element_id": "2.B.1.f", "name": "Service Orientation", "kind": "skill",
        "level": 4.0, "importance": 4.12, "occupations": ["29-2061"],
    }  # fmt: skip
    assert len(body["skills"]) == 24


@pytest.mark.parametrize(("query", "status"), [("cip=51", 422), ("cip=51.39", 422), ("", 422),
                                               ("cip=01.0309", 404)])  # fmt: skip
def test_suggestions_need_a_program_code_of_cip_2020(client, query, status):
    response = client.get(f"{API}/suggestions?{query}")
    assert response.status_code == status
    if status == 422:
        assert "cip" in response.get_json()["errors"]


def test_an_editor_confirms_the_suggested_skills_lowering_one(client, college, practical_nursing):
    suggested = client.get(f"{API}/suggestions?cip=51.3901").get_json()["skills"]
    skills = [{"skill": s["element_id"], "level": s["level"]} for s in suggested]
    psychology = next(s for s in skills if s["skill"] == "2.C.4.e")
    psychology["level"] = 4.0  # O*NET's 5.52 is more than a certificate teaches
    program = create(client, college, {**practical_nursing, "skills": skills}).get_json()
    taught = {s["skill"]: s["level"] for s in program["skills"]}
    assert len(taught) == 24
    assert (taught["2.C.4.e"], taught["2.C.1.e"]) == (4.0, 4.65)
