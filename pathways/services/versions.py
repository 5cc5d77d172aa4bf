"""Optimistic concurrency: an edit names the version it was made to, and loses cleanly to an
edit that got there first, instead of overwriting it."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from pathways.domain.errors import Conflict, PreconditionFailed


def check_version(what: str, current: int, expected: int | None) -> None:
    """`expected` None means the caller holds no version (the command line's operator)."""
    if expected is not None and expected != current:
        raise PreconditionFailed(
            f"{what} was changed by someone else (it is now at version {current}); "
            "reload it and make your change again"
        )


def flush(session: Session, what: str, *, taken: str | None = None) -> None:
    """Flush, turning a row changed by a concurrent transaction into PreconditionFailed and,
    when `taken` is given, a unique key created meanwhile by another into Conflict(taken).

    The services look for an existing key before creating; two requests doing so at the same
    moment on PostgreSQL both find none, and the unique index decides."""
    try:
        session.flush()
    except StaleDataError:
        raise PreconditionFailed(
            f"{what} was changed by someone else while you were saving; reload it"
        ) from None
    except IntegrityError as error:
        if taken is None or not is_unique_violation(error):
            raise
        raise Conflict(taken) from None


def is_unique_violation(error: IntegrityError) -> bool:
    if getattr(error.orig, "sqlstate", None) == "23505":  # PostgreSQL unique_violation
        return True
    return "UNIQUE constraint failed" in str(error.orig)  # SQLite
