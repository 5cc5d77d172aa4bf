"""Optimistic concurrency: an edit names the version it was made to, and loses cleanly to an
edit that got there first, instead of overwriting it."""

from __future__ import annotations

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from pathways.domain.errors import PreconditionFailed


def check_version(what: str, current: int, expected: int | None) -> None:
    """`expected` None means the caller holds no version (the command line's operator)."""
    if expected is not None and expected != current:
        raise PreconditionFailed(
            f"{what} was changed by someone else (it is now at version {current}); "
            "reload it and make your change again"
        )


def flush(session: Session, what: str) -> None:
    """Flush, turning a row changed by a concurrent transaction into PreconditionFailed."""
    try:
        session.flush()
    except StaleDataError:
        raise PreconditionFailed(
            f"{what} was changed by someone else while you were saving; reload it"
        ) from None
