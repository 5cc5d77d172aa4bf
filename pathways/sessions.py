"""One SQLAlchemy session per request, closed (and so rolled back, unless a view committed)
when the request ends."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, g, request
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from pathways.db import make_engine, make_session_factory

EXTENSION = "pathways.database"


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"], pool_pre_ping=True)
    app.extensions[EXTENSION] = Database(engine, make_session_factory(engine))
    app.teardown_appcontext(_close)


def database(app: Flask | None = None) -> Database:
    database: Database = (app or current_app).extensions[EXTENSION]
    return database


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def request_session() -> Session:
    """The request's session; a request that may write gets a write transaction."""
    if "db_session" not in g:
        session = database().sessions()
        if request.method not in SAFE_METHODS:
            begin_write(session)
        g.db_session = session
    current: Session = g.db_session
    return current


def begin_write(session: Session) -> None:
    """Start `session`'s transaction as a writer (BEGIN IMMEDIATE on SQLite; no-op elsewhere)."""
    session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})


def _close(_exc: BaseException | None) -> None:
    session: Session | None = g.pop("db_session", None)
    if session is not None:
        session.close()
