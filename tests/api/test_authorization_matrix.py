"""Every caller against every protected operation: the status, the error, and what was written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from pathways.domain.access import Role
from pathways.errors import CODE_OF_STATUS
from pathways.models import AuditEvent
from tests.api.matrix import API, CALLERS, ROWS, Row, table
from tests.conftest import Caller
from tests.factories import make_provider, make_region, make_user

ACTION_OF = {"POST": "create", "PATCH": "update", "DELETE": "delete"}
MISSING_USER_ID = 999_999_999


@dataclass(frozen=True)
class World:
    """What the rows' paths name, as plain values (the app may delete the rows themselves)."""

    region: str
    user: int

    def path(self, row: Row, caller: Caller) -> str:
        me = caller.user.id if caller.user is not None else None
        return API + row.path.format(region=self.region, user=self.user, me=me)


@dataclass(frozen=True)
class View:
    status: int
    body: Any
    etag: str | None

    @property
    def items(self) -> list[Any]:
        """A collection's members, paginated or not."""
        items: list[Any] = self.body["items"] if isinstance(self.body, dict) else self.body
        return items


@pytest.fixture
def world(session: Session, callers: dict[str, Caller]) -> World:
    region = make_region(session, areas=["0033740"], name="Matrix Region")
    someone = make_user(
        session, role=Role.PROVIDER_EDITOR, providers=[make_provider(session)], name="Someone"
    )
    # Edit everything once, so each resource is at version 2 and ETag "1" is truly stale.
    region.description = "Edited once."
    someone.name = "Someone Else"
    for caller in callers.values():
        if caller.user is not None:
            caller.user.name = f"The {caller.name}"
    session.flush()
    return World(region=region.slug, user=someone.id)


CASES = [
    pytest.param(row, caller, id=f"{row.name} as {caller}")
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
    path = world.path(row, who)
    expected = row.status_for(caller)
    before = admin_view(client, admin, row, path)
    events = audit_count(session)

    response = send(client, row, path, who, if_match=current_etag(client, admin, row, path))

    assert response.status_code == expected, response.get_json()
    if response.status_code >= 400:
        assert_error_shape(response, response.status_code)
    if not (row.writes and response.status_code < 300):
        assert admin_view(client, admin, row, path) == before, "nothing may change"
        assert audit_count(session) == events, "nothing may be audited"
        return
    assert_written(client, session, admin, row, path, response, before, events, who)


@pytest.mark.parametrize("row", PRECONDITIONED)
def test_an_admin_write_without_if_match_is_428(
    client: FlaskClient, session: Session, callers: dict[str, Caller], world: World, row: Row
) -> None:
    admin = callers["admin"]
    path = world.path(row, admin)
    before, events = admin_view(client, admin, row, path), audit_count(session)

    response = send(client, row, path, admin, if_match=None)

    assert_error_shape(response, 428)
    assert admin_view(client, admin, row, path) == before
    assert audit_count(session) == events


@pytest.mark.parametrize("row", PRECONDITIONED)
def test_an_admin_write_with_a_stale_etag_is_412(
    client: FlaskClient, session: Session, callers: dict[str, Caller], world: World, row: Row
) -> None:
    admin = callers["admin"]
    path = world.path(row, admin)
    current = int(str(current_etag(client, admin, row, path)).strip('"'))
    assert current >= 2, "the world fixture edits every resource once"
    before, events = admin_view(client, admin, row, path), audit_count(session)

    response = send(client, row, path, admin, if_match=f'"{current - 1}"')

    assert_error_shape(response, 412)
    assert admin_view(client, admin, row, path) == before
    assert audit_count(session) == events


def test_matrix_has_a_row_for_every_route_of_the_resources_it_covers(app: Flask) -> None:
    adapter = app.url_map.bind("localhost")
    covered = {row.path.split("/")[1] for row in ROWS}
    sample = {"region": "some-region", "user": 1, "me": 2}
    in_matrix = {
        (adapter.match(API + row.path.format(**sample), method=row.method)[0], row.method)
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
    client: FlaskClient, row: Row, path: str, caller: Caller, *, if_match: str | None
) -> TestResponse:
    headers = dict(caller.headers)
    if row.if_match and if_match is not None:
        headers["If-Match"] = if_match
    return client.open(path, method=row.method, headers=headers, json=row.body)


def current_etag(client: FlaskClient, admin: Caller, row: Row, path: str) -> str | None:
    """The ETag an admin reads at `path` now, for rows that send If-Match."""
    if not row.if_match:
        return None
    response = client.get(path, headers=admin.headers)
    assert response.status_code == 200, response.get_json()
    etag: str = response.headers["ETag"]
    return etag


def admin_view(client: FlaskClient, admin: Caller, row: Row, path: str) -> View:
    """What an admin sees at `path`: for a POST the collection, otherwise the thing itself."""
    response = client.get(path, headers=admin.headers)
    return View(response.status_code, response.get_json(), response.headers.get("ETag"))


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
    admin: Caller,
    row: Row,
    path: str,
    response: TestResponse,
    before: View,
    events: int,
    who: Caller,
) -> None:
    """The write happened as the response says, and the audit log records it exactly once."""
    if row.method == "POST":
        created = response.get_json()
        assert response.headers["ETag"] == '"1"' == f'"{created["version"]}"'
        location = client.get(response.headers["Location"], headers=admin.headers)
        assert location.get_json() == created
        items, before_items = admin_view(client, admin, row, path).items, before.items
        assert created in items
        assert created not in before_items
        assert len(items) == len(before_items) + 1
    elif row.method == "PATCH":
        changed = response.get_json()
        assert changed["version"] == before.body["version"] + 1
        assert response.headers["ETag"] == f'"{changed["version"]}"'
        assert admin_view(client, admin, row, path) == View(200, changed, response.headers["ETag"])
        assert {key: changed[key] for key in row.body or {}} == row.body
    else:
        assert not response.data
        assert admin_view(client, admin, row, path).status == 404
    assert audit_count(session) == events + 1
    event = session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert who.user is not None
    assert (event.action, event.actor, event.channel) == (
        ACTION_OF[row.method],
        who.user.email,
        "api",
    )
