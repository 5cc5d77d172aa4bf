"""What every command shares: one transaction, the operator as actor, progress bars."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import DomainError
from pathways.importers.files import Progress
from pathways.sessions import begin_write, database


def operator() -> Actor:
    """Whoever runs the command: the machine's user, acting as an administrator."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    return Actor.operator(login)


@contextmanager
def transaction() -> Iterator[Session]:
    """A session committed if the command succeeds; a domain error exits 1, writing nothing."""
    with database().sessions() as session:
        begin_write(session)
        try:
            yield session
            session.commit()
        except DomainError as error:
            session.rollback()
            raise click.ClickException(error.message) from None


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Progress]:
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:

        def advance(n_bytes: int) -> None:
            bar.update(n_bytes)

        yield advance
