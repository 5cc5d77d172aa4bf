"""Every caller against every protected operation: the status, the error, and what was written."""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from pathways.domain.access import Actor, Role
from pathways.errors import CODE_OF_STATUS
from pathways.models import AuditEvent
from pathways.services.pathways import update_pathway
from tests.api.matrix import API, CALLERS, KNOWN_BUGS, ROWS, Row, table
from tests.conftest import Caller
from tests.factories import (
    make_credential,
    make_critical_occupation,
    make_employer_wage,
    make_pathway,
    make_program,
    make_provider,
    make_region,
    make_requirement_override,
    make_user,
)

MISSING_USER_ID = 999_999_999
LOGO_BEFORE = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect/></svg>'
# A write to a draft elsewhere is refused by access.require ("no such pathway"), a missing
# pathway by the service ("no pathway 'slug'"): the message tells the draft exists.
FIRST_TAGS = {"1", "1.1"}  # what a new resource's ETag says: version 1 (pathways: "1.1")


@dataclass(frozen=True)
class World:
    """What the rows' paths name, as plain values (the app may delete the rows themselves)."""

    region: str
    user: int
    partnership: str
    critical: str
    wage: int
    override: int
    credential: int
    pathway: str
    draft: str
    provider: int
    program: int

    def names(self, caller: Caller | None = None) -> dict[str, Any]:
        me = caller.user.id if caller is not None and caller.user is not None else None
        return {**asdict(self), "me": me}

    def path(self, row: Row, caller: Caller) -> str:
        return API + row.path.format(**self.names(caller))

    def view(self, row: Row, caller: Caller) -> str:
        """Where an admin reads what `row` changes."""
        return API + (row.view or row.path).format(**self.names(caller))

    def fill(self, value: Any) -> Any:
        """`value` with the placeholders of its strings filled in."""
        if isinstance(value, str):
            return value.format(**self.names())
        if isinstance(value, dict):
            return {key: self.fill(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.fill(item) for item in value]
        return value


@dataclass(frozen=True)
class View:
    status: int
    body: Any
    etag: str | None

    @property
    def count(self) -> int:
        """How many members a collection has, paginated or not."""
        if isinstance(self.body, dict):
            total: int = self.body["total"]
            return total
        return len(self.body)


@pytest.fixture
def world(session: Session, callers: dict[str, Caller]) -> World:
    region = make_region(session, areas=["0033740"], name="Matrix Region")
    someone = make_user(
        session, role=Role.PROVIDER_EDITOR, providers=[make_provider(session)], name="Someone"
    )
    editor = callers["partnership_editor"].user
    assert editor is not None
    ours = editor.partnerships[0]
    critical = make_critical_occupation(session, partnership=ours)
    wage = make_employer_wage(session, partnership=ours)
    override = make_requirement_override(session, partnership=ours)
    credential = make_credential(session)
    provider_editor = callers["provider_editor"].user
    assert provider_editor is not None
    college = provider_editor.providers[0]
    program = make_program(session, provider=college)
    draft = make_pathway(session, partnership=ours, title="Matrix Draft")
    # Drafted at "1.1" and published at "1.2": ETag "1.1" is stale.
    published = make_pathway(session, partnership=ours, title="Matrix Published", publish=True)
    # Edit everything else once, so each resource is at version 2 and its first ETag stale.
    region.description = "Edited once."
    someone.name = "Someone Else"
    ours.logo, ours.logo_media_type = LOGO_BEFORE, "image/svg+xml"  # the rows upload a PNG
    critical.notes = wage.notes = override.notes = "Edited once."
    credential.description = "Edited once."
    college.city = program.schedule = "Edited once."
    for caller in callers.values():
        if caller.user is not None:
            caller.user.name = f"The {caller.name}"
    session.flush()
    update_pathway(
        session=session, actor=Actor.operator("tests"), slug=draft.slug, expected_tag=None,
        changes={"summary": "Edited once."},
    )  # fmt: skip
    session.flush()  # its audit entry too
    return World(
        region=region.slug,
        user=someone.id,
        partnership=ours.slug,
        critical=critical.soc_code,
        wage=wage.id,
        override=override.id,
        credential=credential.id,
        pathway=published.slug,
        draft=draft.slug,
        provider=college.id,
        program=program.id,
    )


CASES = [
    pytest.param(
        row,
        caller,
        id=f"{row.name} as {caller}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[row.name, caller])]
        if (row.name, caller) in KNOWN_BUGS
        else [],
    )
    for row in ROWS
    for caller in CALLERS
    if row.status_for(caller) is not None
]
PRECONDITIONED = [pytest.param(row, id=row.name) for row in ROWS if row.if_match]


@pytest.mark.parametrize(("row", "caller"), CASES)
def test_each_caller_gets_the_status_the_matrix_names(
    client: FlaskClient,
    session: Session,
    callers: dict[str, Caller],
    world: World,
    row: Row,
    caller: str,
) -> None:
    who, admin = callers[caller], callers["admin"]
    path, view = world.path(row, who), world.view(row, who)
    expected = row.status_for(caller)
    before = admin_view(client, admin, view)
    events = audit_count(session)

    response = send(client, world, row, path, who, if_match=current_etag(client, admin, row, view))

    assert response.status_code == expected, response.get_json()
    if response.status_code >= 400:
        assert_error_shape(response, response.status_code)
    if not (row.writes and response.status_code < 300):
        assert admin_view(client, admin, view) == before, "nothing may change"
        assert audit_count(session) == events, "nothing may be audited"
        return
    assert_written(client, session, world, row, view, response, before, events, who, admin)


@pytest.mark.parametrize("row", PRECONDITIONED)
def test_an_admin_write_without_if_match_is_428(
    client: FlaskClient, session: Session, callers: dict[str, Caller], world: World, row: Row
) -> None:
    admin = callers["admin"]
    path, view = world.path(row, admin), world.view(row, admin)
    before, events = admin_view(client, admin, view), audit_count(session)

    response = send(client, world, row, path, admin, if_match=None)

    assert_error_shape(response, 428)
    assert admin_view(client, admin, view) == before
    assert audit_count(session) == events


@pytest.mark.parametrize("row", PRECONDITIONED)
def test_an_admin_write_with_a_stale_etag_is_412(
    client: FlaskClient, session: Session, callers: dict[str, Caller], world: World, row: Row
) -> None:
    admin = callers["admin"]
    path, view = world.path(row, admin), world.view(row, admin)
    current = current_etag(client, admin, row, view)
    assert current is not None
    before, events = admin_view(client, admin, view), audit_count(session)

    response = send(client, world, row, path, admin, if_match=stale(current))

    assert_error_shape(response, 412)
    assert admin_view(client, admin, view) == before
    assert audit_count(session) == events


@pytest.mark.parametrize(
    ("current", "previous"),
    [('"2"', '"1"'), ('"17"', '"16"'), ('"1.2"', '"1.1"'), ('"3.5"', '"3.4"')],
)
def test_a_stale_etag_is_the_version_before_the_current_one(current: str, previous: str) -> None:
    assert stale(current) == previous


def test_matrix_has_a_row_for_every_route_of_the_resources_it_covers(app: Flask) -> None:
    adapter = app.url_map.bind("localhost")
    covered = {row.path.split("/")[1] for row in ROWS}
    sample = {
        "region": "some-region", "user": 1, "me": 2, "partnership": "some-partnership",
        "critical": "29-1141", "wage": 3, "override": 4, "credential": 5,
        "pathway": "some-pathway", "draft": "some-draft", "provider": 6, "program": 7,
    }  # fmt: skip
    in_matrix = {
        (
            adapter.match(API + row.path.format(**sample).partition("?")[0], method=row.method)[0],
            row.method,
        )
        for row in ROWS
    }
    routes = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(API) and rule.rule.removeprefix(API).split("/")[1] in covered
        for method in rule.methods or ()
        if method not in {"HEAD", "OPTIONS"}
    }
    missing = routes - in_matrix
    assert not missing, f"add a row to tests/api/matrix.py for each of {sorted(missing)}"


def test_the_matrix_prints_as_a_table_of_operations_by_callers() -> None:
    lines = table().splitlines()
    assert lines[0] == "| operation | " + " | ".join(CALLERS) + " |"
    assert len(lines) == 2 + len(ROWS)
    assert "| `DELETE /api/v1/users/{me}` | — | — | 409 | 403 | 403 | 403 | 403 |" in lines


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_someone_elses_account_looks_exactly_like_a_missing_one(
    client: FlaskClient, callers: dict[str, Caller], world: World, method: str
) -> None:
    editor = callers["provider_editor"]
    headers = {**editor.headers, "If-Match": '"2"'}
    body = {"name": "Mine Now"} if method == "PATCH" else None
    hidden = client.open(f"{API}/users/{world.user}", method=method, headers=headers, json=body)
    missing = client.open(
        f"{API}/users/{MISSING_USER_ID}", method=method, headers=headers, json=body
    )
    assert hidden.status_code == missing.status_code == 404
    assert hidden.get_json() == missing.get_json()


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("GET", ""),
        ("GET", "/routes"),
        ("GET", "/validation"),
        ("PATCH", ""),
        ("DELETE", ""),
        ("POST", "/publish"),
    ],
)
def test_a_draft_elsewhere_looks_exactly_like_a_missing_pathway(
    client: FlaskClient, callers: dict[str, Caller], world: World, method: str, suffix: str
) -> None:
    outsider = callers["other_partnership_editor"]
    headers = {**outsider.headers, "If-Match": '"1.2"'}
    body = {"title": "Mine Now"} if method == "PATCH" else None

    def seen(slug: str) -> Any:
        path = f"{API}/pathways/{slug}{suffix}"
        response = client.open(path, method=method, headers=headers, json=body)
        assert response.status_code == 404
        return {**response.get_json(), "message": response.get_json()["message"].replace(slug, "…")}

    assert seen(world.draft) == seen("no-such-pathway")


def test_every_known_bug_names_a_cell_of_the_matrix() -> None:
    cells = {(row.name, caller) for row in ROWS for caller in CALLERS if row.status_for(caller)}
    assert set(KNOWN_BUGS) <= cells


def test_an_editor_cannot_make_themselves_an_admin(
    client: FlaskClient, callers: dict[str, Caller], world: World
) -> None:
    editor = callers["partnership_editor"]
    assert editor.user is not None
    path = f"{API}/users/{editor.user.id}"
    etag = client.get(path, headers=editor.headers).headers["ETag"]
    response = client.patch(
        path, json={"role": "admin"}, headers={**editor.headers, "If-Match": etag}
    )
    assert_error_shape(response, 403)
    assert client.get(f"{API}/users/me", headers=editor.headers).get_json()["role"] == (
        "partnership_editor"
    )


@pytest.mark.parametrize("caller", ["anonymous", "bad_token"])
def test_who_is_calling_is_settled_before_the_request_is_checked(
    client: FlaskClient, callers: dict[str, Caller], world: World, caller: str
) -> None:
    """A body that would be a 422 and a missing If-Match that would be a 428: still a 401."""
    headers = callers[caller].headers
    assert client.post(f"{API}/regions", json={"slug": "!"}, headers=headers).status_code == 401
    response = client.patch(f"{API}/regions/{world.region}", json={"name": ""}, headers=headers)
    assert_error_shape(response, 401)


def send(
    client: FlaskClient, world: World, row: Row, path: str, caller: Caller, *, if_match: str | None
) -> TestResponse:
    headers = dict(caller.headers)
    if row.if_match and if_match is not None:
        headers["If-Match"] = if_match
    if row.files is not None:
        files = {
            name: (io.BytesIO(content), filename) for name, (filename, content) in row.files.items()
        }
        return client.open(path, method=row.method, headers=headers, data=files)
    return client.open(path, method=row.method, headers=headers, json=world.fill(row.body))


def current_etag(client: FlaskClient, admin: Caller, row: Row, view: str) -> str | None:
    """The ETag an admin reads at `view` now, for rows that send If-Match."""
    if not row.if_match:
        return None
    response = client.get(view, headers=admin.headers)
    assert response.status_code == 200, response.get_json()
    etag: str = response.headers["ETag"]
    return etag


def stale(etag: str) -> str:
    """The ETag before `etag`: "1" before "2"; for a pathway ("number.version"), "1.1" before
    "1.2" (the same version number, one save earlier)."""
    *number, version = etag.strip('"').split(".")
    assert int(version) >= 2, "the world fixture edits every resource once"
    return '"' + ".".join([*number, str(int(version) - 1)]) + '"'


def tag(body: dict[str, Any]) -> str:
    """What a resource's ETag says, from its body: `tag` for pathways, else `version`."""
    return str(body["tag"] if "tag" in body else body["version"])


def follows(before: str, after: str) -> bool:
    """Whether `after` is a later save than `before`: the next version, or for a pathway the
    next save of the same version number, or a save of a new version number."""
    *number, version = before.split(".")
    *next_number, next_version = after.split(".")
    if number == next_number:
        return int(next_version) == int(version) + 1
    return [int(n) for n in next_number] == [int(n) + 1 for n in number]


def admin_view(client: FlaskClient, admin: Caller, view: str) -> View:
    """What an admin sees at `view`: for a create the collection, otherwise the thing itself."""
    response = client.get(view, headers=admin.headers)
    return View(response.status_code, response.get_json(silent=True), response.headers.get("ETag"))


def audit_count(session: Session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) or 0


def assert_error_shape(response: TestResponse, status: int) -> None:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body.keys() == {"code", "status", "message", "errors"}
    assert (body["code"], body["status"], body["errors"]) == (CODE_OF_STATUS[status], status, {})
    assert body["message"]
    if status == 401:
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def assert_written(
    client: FlaskClient,
    session: Session,
    world: World,
    row: Row,
    view: str,
    response: TestResponse,
    before: View,
    events: int,
    who: Caller,
    admin: Caller,
) -> None:
    """The write happened as the response says, and the audit log records it."""
    after = admin_view(client, admin, view)
    result = response.get_json(silent=True)
    if row.audit_action == "create":
        assert response.status_code == 201
        assert response.headers["ETag"] == f'"{tag(result)}"'
        assert tag(result) in FIRST_TAGS
        location = client.get(response.headers["Location"], headers=admin.headers)
        assert location.get_json() == result
        assert after.count == before.count + 1
    elif row.audit_action == "delete":
        assert response.status_code == 204
        assert not response.data
        assert after.status == 404
    else:
        assert response.status_code == 200
        assert follows(tag(before.body), tag(result)), (tag(before.body), tag(result))
        assert response.headers["ETag"] == f'"{tag(result)}"'
        assert after == View(200, result, response.headers["ETag"])
    if row.audit_action != "delete":
        expected = world.fill(row.read_back)
        assert {key: result[key] for key in expected} == expected
    assert audit_count(session) == events + row.audits
    event = session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert who.user is not None
    assert (event.action, event.actor, event.channel) == (row.audit_action, who.user.email, "api")
