"""Two clients racing on one resource in real, separate transactions: one wins, none is lost."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

import pathways.services.regions
import pathways.services.users
from pathways.app import create_app
from pathways.db import make_engine
from pathways.domain.access import Role
from pathways.domain.vocabulary import AreaKind
from pathways.errors import CODE_OF_STATUS
from pathways.migrations import upgrade
from pathways.models import Area, Occupation
from pathways.sessions import database
from tests.conftest import target_is_postgres
from tests.factories import (
    bearer,
    make_occupation,
    make_partnership,
    make_region,
    make_token,
    make_user,
)

ROUNDS = 10
REGIONS = "/api/v1/regions"
AREAS = ["0033740"]
Send = Callable[[FlaskClient], TestResponse]


@dataclass(frozen=True)
class Live:
    """The app over its own committed database, and two admins who each hold a token."""

    app: Flask
    alice: dict[str, str]
    bob: dict[str, str]


@pytest.fixture
def live(empty_database_url: str) -> Iterator[Live]:
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    with Session(engine) as session:
        session.add(Area(code=AREAS[0], title="Monroe, LA", kind=AreaKind.METRO, state_fips="22"))
        alice = bearer(make_token(session, make_user(session, role=Role.ADMIN, name="Alice")))
        bob = bearer(make_token(session, make_user(session, role=Role.ADMIN, name="Bob")))
        session.commit()
    engine.dispose()
    app = create_app({"DATABASE_URL": empty_database_url})
    try:
        yield Live(app, alice, bob)
    finally:
        database(app).engine.dispose()


def race(app: Flask, *requests: Send) -> list[TestResponse]:
    """Send each request from its own thread and client, released together."""
    start = threading.Barrier(len(requests))

    def run(send: Send) -> TestResponse:
        client = app.test_client()
        start.wait(timeout=10)
        return send(client)

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(run, requests))


def patch(slug: str, headers: dict[str, str], etag: str, name: str) -> Send:
    return lambda client: client.patch(
        f"{REGIONS}/{slug}", json={"name": name}, headers={**headers, "If-Match": etag}
    )


def delete(slug: str, headers: dict[str, str], etag: str) -> Send:
    return lambda client: client.delete(f"{REGIONS}/{slug}", headers={**headers, "If-Match": etag})


def create(slug: str, headers: dict[str, str], name: str) -> Send:
    body = {"slug": slug, "name": name, "areas": AREAS}
    return lambda client: client.post(REGIONS, json=body, headers=headers)


def create_region(live: Live, slug: str) -> str:
    """A committed region; its ETag."""
    response = live.app.test_client().post(
        REGIONS, json={"slug": slug, "name": slug.title(), "areas": AREAS}, headers=live.alice
    )
    assert response.status_code == 201, response.get_json()
    etag: str = response.headers["ETag"]
    return etag


def create_account(email: str, headers: dict[str, str], name: str) -> Send:
    body = {"email": email, "role": "admin", "name": name}
    return lambda client: client.post("/api/v1/users", json=body, headers=headers)


def audit_events(live: Live, entity_id: str, *, entity: str = "region") -> list[dict[str, Any]]:
    """The audit log's entries on one thing, oldest first."""
    response = live.app.test_client().get(
        "/api/v1/audit",
        query_string={"entity": entity, "entity_id": entity_id, "per_page": 100},
        headers=live.alice,
    )
    assert response.status_code == 200
    return list(reversed(response.get_json()["items"]))


def audit_actions(live: Live, entity_id: str, *, entity: str = "region") -> list[str]:
    return [event["action"] for event in audit_events(live, entity_id, entity=entity)]


def assert_error(response: TestResponse, status: int) -> None:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert (body["code"], body["status"]) == (CODE_OF_STATUS[status], status)


def test_two_patches_with_one_etag_one_wins_the_other_is_412(live: Live) -> None:
    etag = create_region(live, "contested")
    for round_ in range(ROUNDS):
        names = (f"Alice's round {round_}", f"Bob's round {round_}")
        responses = race(
            live.app,
            patch("contested", live.alice, etag, names[0]),
            patch("contested", live.bob, etag, names[1]),
        )

        statuses = [response.status_code for response in responses]
        assert sorted(statuses) == [200, 412], statuses
        winner = statuses.index(200)
        assert_error(responses[1 - winner], 412)
        region = live.app.test_client().get(f"{REGIONS}/contested")
        assert region.get_json()["name"] == names[winner]
        assert region.get_json()["version"] == int(etag.strip('"')) + 1
        assert region.headers["ETag"] == responses[winner].headers["ETag"]
        updates = [
            event for event in audit_events(live, "contested") if event["action"] == "update"
        ]
        assert len(updates) == round_ + 1, "one entry per round: the winner's"
        assert updates[-1]["changes"]["name"]["after"] == names[winner]
        etag = region.headers["ETag"]


def test_a_patch_racing_a_delete_either_lands_first_or_finds_nothing(live: Live) -> None:
    """PATCH first: the DELETE names a version that is gone (412). DELETE first: the PATCH
    finds no region (404). Never both, never a 500."""
    for round_ in range(ROUNDS):
        slug = f"doomed-{round_}"
        etag = create_region(live, slug)
        responses = race(
            live.app,
            patch(slug, live.alice, etag, "Still Here"),
            delete(slug, live.bob, etag),
        )

        statuses = tuple(response.status_code for response in responses)
        assert statuses in {(200, 412), (404, 204)}, statuses
        region = live.app.test_client().get(f"{REGIONS}/{slug}")
        if statuses == (200, 412):
            assert_error(responses[1], 412)
            assert region.get_json()["name"] == "Still Here"
            assert region.get_json()["version"] == 2
            assert audit_actions(live, slug) == ["create", "update"]
        else:
            assert_error(responses[0], 404)
            assert region.status_code == 404
            assert audit_actions(live, slug) == ["create", "delete"]


# On PostgreSQL nothing queues two creates: both look for the slug (or email), find nothing,
# and INSERT; the unique index then refuses the loser's INSERT, which the service turns into a
# Conflict (409). SQLite never gets there: BEGIN IMMEDIATE makes the second writer wait for
# the first to commit, and it then sees the row (409 too).


def hold_after_the_existence_check(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> None:
    """On PostgreSQL, hold each create at `module.name` (called after it looked for an existing
    row) until the other has looked too: the interleaving a real race hits now and then, every
    round. Not on SQLite, where the second writer waits at BEGIN and could never get there."""
    if not target_is_postgres():
        return
    both_looked = threading.Barrier(2, timeout=10)
    original = getattr(module, name)

    def held(*args: Any, **kwargs: Any) -> Any:
        both_looked.wait()
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, held)


def test_two_creates_of_one_slug_one_is_201_the_other_409(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    hold_after_the_existence_check(monkeypatch, pathways.services.regions, "_areas")
    for round_ in range(ROUNDS):
        slug = f"twin-{round_}"
        names = ("Alice's Twin", "Bob's Twin")
        responses = race(
            live.app, create(slug, live.alice, names[0]), create(slug, live.bob, names[1])
        )

        statuses = [response.status_code for response in responses]
        assert sorted(statuses) == [201, 409], statuses
        winner = statuses.index(201)
        assert_error(responses[1 - winner], 409)
        region = live.app.test_client().get(f"{REGIONS}/{slug}").get_json()
        assert (region["name"], region["version"]) == (names[winner], 1)
        assert audit_actions(live, slug) == ["create"]


def test_two_creates_of_one_account_email_one_is_201_the_other_409(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    hold_after_the_existence_check(monkeypatch, pathways.services.users, "_partnerships")
    for round_ in range(ROUNDS):
        email = f"twin{round_}@example.org"
        names = ("Made by Alice", "Made by Bob")
        responses = race(
            live.app,
            create_account(email, live.alice, names[0]),
            create_account(email, live.bob, names[1]),
        )

        statuses = [response.status_code for response in responses]
        assert sorted(statuses) == [201, 409], statuses
        winner = statuses.index(201)
        assert_error(responses[1 - winner], 409)
        accounts = live.app.test_client().get(
            "/api/v1/users", query_string={"per_page": 100}, headers=live.alice
        )
        found = [user for user in accounts.get_json()["items"] if user["email"] == email]
        assert [user["name"] for user in found] == [names[winner]]
        assert audit_actions(live, str(found[0]["id"]), entity="user") == ["create"]


# --- pathways: editing a published version starts exactly one next draft ---------------
# The loser waits for the winner's lock on the published row, then sees version 2 and is told
# the pathway changed (412), on SQLite and PostgreSQL alike.


PATHWAYS = "/api/v1/pathways"


def publish_one(live: Live, slug: str) -> tuple[dict[str, str], dict[str, str], str]:
    """A published two-step pathway; two editors' headers and its ETag."""
    with Session(database(live.app).engine) as session:
        for soc in ("31-1131", "29-2061"):
            if session.get(Occupation, soc) is None:
                make_occupation(session, soc_code=soc)
        partnership = make_partnership(
            session, slug=f"{slug}-team", region_id=make_region(session, areas=["0033740"]).id
        )
        editors = [
            make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
            for _ in range(2)
        ]
        headers = [bearer(make_token(session, editor)) for editor in editors]
        session.commit()
    client = live.app.test_client()
    graph = {
        "steps": [
            {"key": "cna", "soc": "31-1131", "stage": 1},
            {"key": "lpn", "soc": "29-2061", "stage": 2},
        ],
        "transitions": [{"from": "cna", "to": "lpn", "kind": "advance", "months_training": 12}],
    }
    body = {"partnership": f"{slug}-team", "slug": slug, "title": "CNA to LPN", **graph}
    created = client.post(PATHWAYS, json=body, headers=headers[0])
    assert created.status_code == 201, created.get_json()
    published = client.post(
        f"{PATHWAYS}/{slug}/publish", headers={**headers[0], "If-Match": created.headers["ETag"]}
    )
    assert published.status_code == 200, published.get_json()
    return headers[0], headers[1], published.headers["ETag"]


def retitle(slug: str, headers: dict[str, str], etag: str, title: str) -> Send:
    return lambda client: client.patch(
        f"{PATHWAYS}/{slug}", json={"title": title}, headers={**headers, "If-Match": etag}
    )


def test_two_edits_of_a_published_pathway_start_one_draft(live: Live) -> None:
    for round_ in range(ROUNDS):
        slug = f"raced-{round_}"
        alice, bob, etag = publish_one(live, slug)
        titles = ("Alice's draft", "Bob's draft")
        responses = race(
            live.app,
            retitle(slug, alice, etag, titles[0]),
            retitle(slug, bob, etag, titles[1]),
        )

        statuses = [response.status_code for response in responses]
        assert sorted(statuses) == [200, 412], statuses
        winner = statuses.index(200)
        assert_error(responses[1 - winner], 412)
        seen = live.app.test_client().get(f"{PATHWAYS}/{slug}", headers=alice).get_json()
        assert [(v["number"], v["status"]) for v in seen["versions"]] == [
            (1, "published"),
            (2, "draft"),
        ]
        assert seen["title"] == titles[winner]
        public = live.app.test_client().get(f"{PATHWAYS}/{slug}").get_json()
        assert public["title"] == "CNA to LPN", "version 1 is untouched"
