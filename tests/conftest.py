"""The test database and the app around it.

Once per run: a fresh database — a SQLite file, or, when DATABASE_URL names PostgreSQL, a new
database on that server — migrated with Alembic and loaded with the sample catalog. Every test
then runs inside a transaction that is rolled back at its end; the app, the CLI and the tests'
own session all share that transaction through savepoints.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

os.environ["PATHWAYS_ENV"] = "testing"
os.environ.setdefault("SECRET_KEY", "test-secret-" + "k" * 40)

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session

from pathways import printing
from pathways.app import create_app
from pathways.db import make_engine, normalize_url
from pathways.domain.access import Actor, Role
from pathways.importers.catalog import seed_catalog
from pathways.migrations import upgrade
from pathways.models import User
from pathways.render.cache import DirectoryCache
from pathways.sessions import database
from tests.factories import bearer, make_partnership, make_provider, make_token, make_user

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO / "seed_data"


def target_is_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


@contextmanager
def fresh_database(tmp_dir: Path) -> Iterator[str]:
    """A new, empty database of the kind under test; dropped afterwards."""
    if not target_is_postgres():
        yield f"sqlite:///{tmp_dir / f'{uuid.uuid4().hex}.db'}"
        return
    server = make_url(normalize_url(os.environ["DATABASE_URL"]))
    name = f"pathways_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with fresh_database(tmp_path_factory.mktemp("database")) as url:
        yield url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    upgrade(database_url)
    engine = make_engine(database_url)
    with Session(engine) as session:
        seed_catalog(session, SEED_DIR, actor=Actor.operator("tests"), sample=True)
        session.commit()
    yield engine
    engine.dispose()


@pytest.fixture
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    """A database of the kind under test with nothing in it, not even tables."""
    with fresh_database(tmp_path) as url:
        yield url


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        outer = connection.begin()
        yield connection
        outer.rollback()


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    with Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    ) as session:
        yield session


@pytest.fixture(scope="session")
def app(
    database_url: str, engine: Engine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    # Publishing pre-renders nothing unless a test asks (`prerender`): most tests publish.
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "RENDER_PRERENDER": "off",
            "RENDER_CACHE_DIR": tmp_path_factory.mktemp("renders"),
        }
    )
    yield app
    database(app).engine.dispose()


@pytest.fixture
def bound_app(app: Flask, connection: Connection, tmp_path: Path) -> Flask:
    """The app, its request and command sessions joined to this test's transaction, and a
    render cache of its own (rolled-back rows reuse ids, so stamps repeat across tests)."""
    database(app).sessions.configure(bind=connection, join_transaction_mode="create_savepoint")
    app.extensions[printing.EXTENSION] = replace(
        printing.printer(app), cache=DirectoryCache(tmp_path / "renders")
    )
    return app


@pytest.fixture
def client(bound_app: Flask) -> FlaskClient:
    return bound_app.test_client()


@pytest.fixture
def cli(bound_app: Flask) -> FlaskCliRunner:
    return bound_app.test_cli_runner()


@dataclass(frozen=True)
class Caller:
    """Someone calling the API: their account (None for anonymous) and request headers."""

    name: str
    user: User | None
    headers: dict[str, str]


@pytest.fixture
def callers(session: Session) -> dict[str, Caller]:
    """One caller per role and scope, for authorization tests: anonymous, a bad token, an
    admin, and editors of partnership/provider "ours" and of "theirs"."""
    ours_p, theirs_p = make_partnership(session), make_partnership(session)
    ours_v, theirs_v = make_provider(session), make_provider(session)
    accounts = {
        "admin": make_user(session, role=Role.ADMIN),
        "partnership_editor": make_user(
            session, role=Role.PARTNERSHIP_EDITOR, partnerships=[ours_p]
        ),
        "other_partnership_editor": make_user(
            session, role=Role.PARTNERSHIP_EDITOR, partnerships=[theirs_p]
        ),
        "provider_editor": make_user(session, role=Role.PROVIDER_EDITOR, providers=[ours_v]),
        "other_provider_editor": make_user(
            session, role=Role.PROVIDER_EDITOR, providers=[theirs_v]
        ),
    }
    result = {
        "anonymous": Caller("anonymous", None, {}),
        "bad_token": Caller("bad_token", None, bearer("pwy_not-a-real-token")),
    }
    for name, user in accounts.items():
        result[name] = Caller(name, user, bearer(make_token(session, user)))
    return result
