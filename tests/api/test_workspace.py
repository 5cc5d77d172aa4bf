"""A partnership's workspace through the API, as its industry team keeps it: the critical
occupations it cannot fill, the wages its employers report, and its regional changes to what
an occupation requires. Bad input is a 422 naming the field, with nothing written; every
write is in the audit log."""

from datetime import UTC, datetime, timedelta

import pytest

from pathways.domain.access import Role
from tests.factories import bearer, make_credential, make_partnership, make_token, make_user

REPORT = {
    "soc": "31-1131",
    "pay_basis": "hourly",
    "entry": 14.0,
    "median": 15.25,
    "experienced": 17.0,
    "reported_on": "2026-03-01",
    "employer_count": 5,
}
ADD_SKILL = {"soc": "31-1131", "action": "add", "skill": "2.C.3.a", "importance": 3.0, "level": 2.5}


@pytest.fixture
def team(session):
    """A partnership with an empty workspace; its base path and an editor's headers."""
    partnership = make_partnership(session)
    editor = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
    return f"/api/v1/partnerships/{partnership.slug}", bearer(make_token(session, editor))


@pytest.fixture
def admin(session):
    return bearer(make_token(session, make_user(session, role=Role.ADMIN)))


def add(client, team, kind, body):
    base, editor = team
    return client.post(f"{base}/{kind}", json=body, headers=editor)


def added(client, team, kind, body):
    """The path of a new item, after checking it was created."""
    response = add(client, team, kind, body)
    assert response.status_code == 201, response.get_json()
    return response.headers["Location"]


def change(client, team, path, body):
    etag = client.get(path).headers["ETag"]
    return client.patch(path, json=body, headers={**team[1], "If-Match": etag})


def remove(client, team, path):
    etag = client.get(path).headers["ETag"]
    return client.delete(path, headers={**team[1], "If-Match": etag})


def assert_invalid(response, field):
    assert response.status_code == 422, response.get_json()
    body = response.get_json()
    assert body.keys() == {"code", "status", "message", "errors"}
    assert body["code"] == "invalid_input"
    assert field in body["errors"], body["errors"]


def listed(client, team, kind):
    response = client.get(f"{team[0]}/{kind}")
    assert response.status_code == 200
    return response.get_json()


# Critical occupations


def test_an_editor_adds_a_critical_occupation(client, team):
    body = {"soc": "29-1141", "priority": 2, "annual_openings": 120, "notes": "  Nights.  "}

    response = add(client, team, "critical-occupations", body)

    assert response.status_code == 201, response.get_json()
    assert response.get_json() == {
        "soc": "29-1141",
        "title": "Registered Nurses",
        "priority": 2,
        "annual_openings": 120,
        "notes": "Nights.",
        "version": 1,
    }
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"].endswith(f"{team[0]}/critical-occupations/29-1141")
    assert client.get(response.headers["Location"]).get_json() == response.get_json()


def test_a_critical_occupation_is_added_once(client, team):
    added(client, team, "critical-occupations", {"soc": "29-1141"})

    response = add(client, team, "critical-occupations", {"soc": "29-1141", "priority": 5})

    assert response.status_code == 409
    assert response.get_json()["code"] == "conflict"
    assert [row["priority"] for row in listed(client, team, "critical-occupations")] == [1]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"soc": "99-9999"}, "soc", id="a SOC code not in the catalog"),
        pytest.param({"soc": "nurse"}, "soc", id="not a SOC code"),
        pytest.param({}, "soc", id="no SOC code"),
        pytest.param({"soc": "29-1141", "priority": 0}, "priority", id="priority 0"),
        pytest.param({"soc": "29-1141", "priority": 100}, "priority", id="priority 100"),
        pytest.param(
            {"soc": "29-1141", "annual_openings": -1}, "annual_openings", id="negative openings"
        ),
    ],
)
def test_a_bad_critical_occupation_is_not_added(client, team, body, field):
    assert_invalid(add(client, team, "critical-occupations", body), field)
    assert listed(client, team, "critical-occupations") == []


def test_an_editor_changes_a_critical_occupation(client, team):
    path = added(client, team, "critical-occupations", {"soc": "29-1141", "priority": 2})

    response = change(client, team, path, {"priority": 1, "annual_openings": 90, "notes": "ICU"})

    assert response.status_code == 200
    changed = response.get_json()
    assert (changed["priority"], changed["annual_openings"], changed["notes"]) == (1, 90, "ICU")
    assert changed["version"] == 2
    assert response.headers["ETag"] == '"2"'
    assert client.get(path).get_json() == changed


@pytest.mark.parametrize("priority", [0, 100, None])
def test_a_priority_out_of_range_changes_nothing(client, team, priority):
    path = added(client, team, "critical-occupations", {"soc": "29-1141", "priority": 2})
    before = client.get(path).get_json()

    assert_invalid(change(client, team, path, {"priority": priority}), "priority")

    assert client.get(path).get_json() == before


def test_an_editor_removes_a_critical_occupation(client, team):
    path = added(client, team, "critical-occupations", {"soc": "29-1141"})

    response = remove(client, team, path)

    assert response.status_code == 204
    assert client.get(path).status_code == 404
    assert listed(client, team, "critical-occupations") == []


def test_critical_occupations_are_listed_most_urgent_first(client, team):
    for soc, priority in [("31-1131", 3), ("29-2061", 1), ("29-1141", 2), ("31-9092", 2)]:
        added(client, team, "critical-occupations", {"soc": soc, "priority": priority})

    rows = listed(client, team, "critical-occupations")

    assert [(row["priority"], row["soc"]) for row in rows] == [
        (1, "29-2061"),
        (2, "29-1141"),
        (2, "31-9092"),
        (3, "31-1131"),
    ]


def test_the_workspace_of_a_missing_partnership_is_not_found(client, team):
    for kind in ("critical-occupations", "employer-wages", "requirement-overrides"):
        response = client.get(f"/api/v1/partnerships/no-such-partnership/{kind}")
        assert response.status_code == 404
        assert response.get_json()["code"] == "not_found"


# Employer wages


def test_an_editor_records_employer_wages(client, team):
    response = add(client, team, "employer-wages", {**REPORT, "notes": "Base pay."})

    assert response.status_code == 201, response.get_json()
    report = response.get_json()
    bls = report.pop("bls")
    assert report == {
        **REPORT,
        "id": report["id"],
        "notes": "Base pay.",
        "source": "employer",
        "version": 1,
    }
    assert bls["source"].startswith("BLS OEWS May "), "BLS figures beside the employers'"
    assert response.headers["ETag"] == '"1"'
    assert client.get(response.headers["Location"]).get_json() == {**report, "bls": bls}


def test_employer_wages_are_listed_by_occupation_newest_first(client, team):
    for soc, day in [
        ("31-1131", "2025-03-01"),
        ("29-2061", "2025-03-01"),
        ("31-1131", "2026-03-01"),
    ]:
        added(client, team, "employer-wages", {**REPORT, "soc": soc, "reported_on": day})

    rows = listed(client, team, "employer-wages")

    assert [(row["soc"], row["reported_on"]) for row in rows] == [
        ("29-2061", "2025-03-01"),
        ("31-1131", "2026-03-01"),
        ("31-1131", "2025-03-01"),
    ]


# Two days ahead: still in the future if the run crosses midnight after this is computed.
FUTURE = (datetime.now(UTC).date() + timedelta(days=2)).isoformat()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"median": 13.0}, "median", id="a median below the entry wage"),
        pytest.param({"experienced": 15.0}, "experienced", id="experienced below the median"),
        pytest.param(
            {"median": None, "experienced": 13.0},
            "experienced",
            id="experienced below entry, no median",
        ),
        pytest.param(
            {"entry": None, "median": None, "experienced": None}, "median", id="no wage at all"
        ),
        pytest.param({"entry": 0.0}, "entry", id="a wage of 0"),
        pytest.param({"entry": -14.0}, "entry", id="a negative wage"),
        pytest.param(
            {"median": 1_000.5, "experienced": 1_200.0}, "median", id="an hourly wage above $1,000"
        ),
        pytest.param({"reported_on": FUTURE}, "reported_on", id="reported in the future"),
        pytest.param({"reported_on": "2026-02-30"}, "reported_on", id="not a date"),
        pytest.param({"employer_count": 0}, "employer_count", id="no employers"),
        pytest.param({"pay_basis": "weekly"}, "pay_basis", id="an unknown pay basis"),
        pytest.param({"soc": "99-9999"}, "soc", id="a SOC code not in the catalog"),
    ],
)
def test_a_bad_report_names_the_field_and_is_not_recorded(client, team, changes, field):
    assert_invalid(add(client, team, "employer-wages", {**REPORT, **changes}), field)
    assert listed(client, team, "employer-wages") == []


def test_annual_wages_may_be_large_but_hourly_ones_may_not(client, team):
    annual = {
        **REPORT,
        "pay_basis": "annual",
        "entry": 52_000.0,
        "median": 60_000.0,
        "experienced": 75_000.0,
    }
    assert add(client, team, "employer-wages", annual).status_code == 201
    path = added(client, team, "employer-wages", REPORT)

    assert_invalid(change(client, team, path, {"experienced": 52_000.0}), "experienced")


def test_an_editor_corrects_a_report_and_the_levels_are_checked_together(client, team):
    path = added(client, team, "employer-wages", REPORT)

    response = change(client, team, path, {"median": 16.0, "employer_count": 6})

    assert response.status_code == 200, response.get_json()
    corrected = response.get_json()
    assert (corrected["entry"], corrected["median"], corrected["experienced"]) == (14.0, 16.0, 17.0)
    assert (corrected["employer_count"], corrected["version"]) == (6, 2)
    assert client.get(path).get_json() == corrected
    # The median alone is fine; against the experienced wage already recorded it is not.
    assert_invalid(change(client, team, path, {"median": 18.0}), "experienced")
    assert client.get(path).get_json() == corrected


def test_an_editor_removes_a_report(client, team):
    path = added(client, team, "employer-wages", REPORT)
    assert remove(client, team, path).status_code == 204
    assert client.get(path).status_code == 404
    assert listed(client, team, "employer-wages") == []


def test_a_report_of_another_partnership_is_not_found_here(client, session, team):
    other = make_partnership(session)
    path = added(client, team, "employer-wages", REPORT)
    report_id = path.rsplit("/", 1)[1]
    assert (
        client.get(f"/api/v1/partnerships/{other.slug}/employer-wages/{report_id}").status_code
        == 404
    )


# Requirement overrides


def test_an_editor_adds_a_skill_to_an_occupation(client, team):
    response = add(client, team, "requirement-overrides", {**ADD_SKILL, "notes": "Tablets."})

    assert response.status_code == 201, response.get_json()
    override = response.get_json()
    assert override["skill_id"] is not None
    assert {key: override[key] for key in ("soc", "action", "importance", "level", "notes")} == {
        "soc": "31-1131",
        "action": "add",
        "importance": 3.0,
        "level": 2.5,
        "notes": "Tablets.",
    }
    assert (override["credential_id"], override["relation"], override["version"]) == (None, None, 1)
    assert client.get(response.headers["Location"]).get_json() == override


def test_dropping_a_skill_takes_no_values(client, team):
    drop = {"soc": "31-1131", "action": "drop", "skill": "2.B.1.e"}
    assert_invalid(
        add(client, team, "requirement-overrides", {**drop, "importance": 3.0}), "action"
    )
    assert listed(client, team, "requirement-overrides") == []

    response = add(client, team, "requirement-overrides", drop)

    assert response.status_code == 201, response.get_json()
    assert response.get_json()["importance"] is None


def test_a_credential_override_has_a_relation(client, session, team):
    credential = make_credential(session)
    body = {"soc": "31-1131", "action": "add", "credential": credential.id}
    assert_invalid(add(client, team, "requirement-overrides", body), "relation")
    assert listed(client, team, "requirement-overrides") == []

    response = add(client, team, "requirement-overrides", {**body, "relation": "preferred"})

    assert response.status_code == 201, response.get_json()
    override = response.get_json()
    assert (override["credential_id"], override["skill_id"]) == (credential.id, None)
    assert override["relation"] == "preferred"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"importance": None}, "importance", id="adding a skill without importance"),
        pytest.param({"level": None}, "importance", id="adding a skill without a level"),
        pytest.param({"importance": 5.5}, "importance", id="importance above 5"),
        pytest.param({"level": 7.5}, "level", id="level above 7"),
        pytest.param({"skill": "9.Z.9.z"}, "skill", id="an unknown skill element"),
        pytest.param({"skill": None}, "skill", id="neither skill nor credential"),
        pytest.param({"relation": "required"}, "relation", id="a skill with a relation"),
        pytest.param({"action": "replace"}, "action", id="an unknown action"),
        pytest.param({"soc": "99-9999"}, "soc", id="a SOC code not in the catalog"),
        pytest.param(
            {"action": "reweight", "importance": None, "level": None},
            "importance",
            id="re-weighting with no weights",
        ),
        pytest.param(
            {
                "credential": 999_999_999,
                "skill": None,
                "importance": None,
                "level": None,
                "relation": "required",
            },
            "credential",
            id="an unknown credential",
        ),
    ],
)
def test_a_bad_override_names_the_field_and_is_not_added(client, team, changes, field):
    assert_invalid(add(client, team, "requirement-overrides", {**ADD_SKILL, **changes}), field)
    assert listed(client, team, "requirement-overrides") == []


def test_a_skill_and_a_credential_at_once_is_refused(client, session, team):
    body = {**ADD_SKILL, "credential": make_credential(session).id}
    assert_invalid(add(client, team, "requirement-overrides", body), "skill")


def test_a_credential_has_no_importance(client, session, team):
    body = {
        "soc": "31-1131",
        "action": "add",
        "credential": make_credential(session).id,
        "relation": "required",
        "importance": 3.0,
    }
    assert_invalid(add(client, team, "requirement-overrides", body), "importance")


def test_a_requirement_is_overridden_once(client, session, team):
    added(client, team, "requirement-overrides", ADD_SKILL)
    credential = make_credential(session)
    by_credential = {"soc": "31-1131", "action": "drop", "credential": credential.id}
    added(client, team, "requirement-overrides", by_credential)

    for body in ({**ADD_SKILL, "action": "reweight"}, by_credential):
        response = add(client, team, "requirement-overrides", body)
        assert response.status_code == 409, response.get_json()
        assert response.get_json()["code"] == "conflict"
    assert len(listed(client, team, "requirement-overrides")) == 2
    # The same skill for another occupation is another requirement.
    assert (
        add(client, team, "requirement-overrides", {**ADD_SKILL, "soc": "29-2061"}).status_code
        == 201
    )


def test_an_editor_reweights_and_removes_an_override(client, team):
    path = added(client, team, "requirement-overrides", ADD_SKILL)

    response = change(client, team, path, {"action": "reweight", "importance": 4.5, "level": None})

    assert response.status_code == 200, response.get_json()
    override = response.get_json()
    assert (override["action"], override["importance"], override["level"]) == (
        "reweight",
        4.5,
        None,
    )
    assert override["version"] == 2
    assert_invalid(change(client, team, path, {"action": "drop"}), "action")
    assert client.get(path).get_json() == override
    assert remove(client, team, path).status_code == 204
    assert client.get(path).status_code == 404


# The audit log


WRITES = [
    pytest.param(
        "critical-occupations",
        "critical_occupation",
        {"soc": "29-1141"},
        {"priority": 4},
        id="critical occupation",
    ),
    pytest.param("employer-wages", "employer_wage", REPORT, {"median": 16.0}, id="employer wage"),
    pytest.param(
        "requirement-overrides",
        "requirement_override",
        ADD_SKILL,
        {"level": 3.0},
        id="requirement override",
    ),
]


@pytest.mark.parametrize(("kind", "entity", "body", "changes"), WRITES)
def test_every_write_is_in_the_audit_log(client, session, admin, team, kind, entity, body, changes):
    base, _ = team
    slug = base.rsplit("/", 1)[1]
    path = added(client, team, kind, body)
    key = path.rsplit("/", 1)[1]
    assert change(client, team, path, changes).status_code == 200
    assert remove(client, team, path).status_code == 204

    response = client.get(f"/api/v1/audit?entity={entity}&entity_id={slug}/{key}", headers=admin)

    assert response.status_code == 200
    events = response.get_json()["items"]
    assert [event["action"] for event in events] == ["delete", "update", "create"]
    assert {(event["entity"], event["entity_id"], event["channel"]) for event in events} == {
        (entity, f"{slug}/{key}", "api")
    }
    editor = client.get("/api/v1/users/me", headers=team[1]).get_json()["email"]
    assert {event["actor"] for event in events} == {editor}
    field, value = next(iter(changes.items()))
    assert events[1]["changes"][field]["after"] == value


def test_a_refused_write_leaves_no_audit_entry(client, admin, team):
    total = client.get("/api/v1/audit", headers=admin).get_json()["total"]
    assert add(client, team, "critical-occupations", {"soc": "99-9999"}).status_code == 422
    assert add(client, team, "employer-wages", {**REPORT, "median": 1.0}).status_code == 422
    assert (
        add(client, team, "requirement-overrides", {**ADD_SKILL, "level": None}).status_code == 422
    )
    assert client.get("/api/v1/audit", headers=admin).get_json()["total"] == total
