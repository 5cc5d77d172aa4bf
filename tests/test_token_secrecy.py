"""An API token is shown once, when it is created, and never again: not in the database, not in
any log (SQL and its parameters included), not in any response or other command's output.

A token is created, used, mistyped and revoked as people do, everything being logged at DEBUG;
then each of those places is searched for it."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from werkzeug.test import TestResponse

from pathways.db import Base
from pathways.models import ApiToken  # and, with it, every model's table in Base.metadata
from tests.factories import bearer, make_user

ME = "/api/v1/users/me"


@pytest.fixture(autouse=True)
def everything_logged(caplog):
    """Every logger at DEBUG, SQLAlchemy's statements with their parameters (and rows) too.
    Autouse, so it runs before the test's connection opens: a SQLAlchemy connection decides
    when it is created whether it logs."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")


@dataclass
class Trail:
    """Everything a token's life left behind."""

    email: str  # whose token it is
    token: str
    near_misses: list[str]  # strings one slip away from the token
    creation_output: str  # what `tokens create` printed
    other_outputs: list[str]  # what every other command printed
    responses: dict[str, TestResponse]
    log_records: list[str]
    log_text: str

    @property
    def needles(self) -> list[str]:
        """What must not be found: the token, its random part alone, and its near misses."""
        return [self.token, self.token.removeprefix("pwy_"), *self.near_misses]


def one_char_changed(token: str) -> str:
    return token[:-1] + ("A" if token[-1] != "A" else "B")


@pytest.fixture
def trail(cli, client, session, caplog) -> Trail:
    user = make_user(session)
    created = cli.invoke(args=["tokens", "create", user.email])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip()
    token_id = re.search(r"token (\d+) for", created.stderr)
    assert token_id, created.stderr
    changed = one_char_changed(token)
    responses = {
        "valid": client.get(ME, headers=bearer(token)),
        "one character changed": client.get(ME, headers=bearer(changed)),
        "Bearer misspelled": client.get(ME, headers={"Authorization": f"Baerer {token}"}),
    }
    revoked = cli.invoke(args=["tokens", "revoke", token_id.group(1)])
    responses["revoked"] = client.get(ME, headers=bearer(token))
    listed = cli.invoke(args=["tokens", "list", user.email])
    for result in (revoked, listed):
        assert result.exit_code == 0, result.output
    return Trail(
        email=user.email,
        token=token,
        near_misses=[changed],
        creation_output=created.output,
        other_outputs=[revoked.output, listed.output],
        responses=responses,
        log_records=[record.getMessage() for record in caplog.records],
        log_text=caplog.text,
    )


def test_the_token_works_until_revoked_and_its_near_misses_never(trail):
    assert trail.responses["valid"].status_code == 200
    assert trail.responses["valid"].json["email"] == trail.email
    for name in ("one character changed", "Bearer misspelled", "revoked"):
        assert trail.responses[name].status_code == 401, name


def test_only_the_sha256_of_the_token_is_stored(trail, session):
    (stored,) = session.scalars(
        sa.select(ApiToken.token_hash).where(
            ApiToken.token_hash == hashlib.sha256(trail.token.encode()).hexdigest()
        )
    )
    assert re.fullmatch(r"[0-9a-f]{64}", stored)


def test_the_token_is_in_no_response(trail):
    for name, response in trail.responses.items():
        seen = response.get_data(as_text=True) + str(response.headers)
        for needle in trail.needles:
            assert needle not in seen, f"{name} response"


def test_the_token_is_in_no_log_record(trail):
    # The capture works: the statements that looked the token up were logged with their
    # parameters, which hold its hash (and nothing else of it).
    assert hashlib.sha256(trail.token.encode()).hexdigest() in trail.log_text
    for needle in trail.needles:
        assert needle not in trail.log_text
        assert not [message for message in trail.log_records if needle in message]


def test_the_cli_shows_the_token_once_at_creation_and_never_again(trail):
    assert trail.creation_output.count(trail.token) == 1
    assert "revoked" in trail.other_outputs[-1]  # `tokens list` lists it, as revoked
    for output in trail.other_outputs:
        for needle in trail.needles:
            assert needle not in output


def test_the_token_is_nowhere_in_the_database(trail, session):
    tables = Base.metadata.sorted_tables
    in_database = set(sa.inspect(session.connection()).get_table_names())
    assert in_database - {table.name for table in tables} <= {"alembic_version"}
    found = set()
    for table in tables:
        for row in session.execute(sa.select(table)):
            for column, value in zip(table.columns, row, strict=True):
                if any(needle in str(value) for needle in trail.needles):
                    found.add(f"{table.name}.{column.name}")
    assert found == set()
