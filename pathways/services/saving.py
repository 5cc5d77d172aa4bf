"""Saving a change to one row: flush it (losing cleanly to a concurrent edit) and audit it,
the same way for every kind of thing a partnership keeps."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.services import audit
from pathways.services.versions import flush


def save_update(
    session: Session,
    actor: Actor,
    *,
    what: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    """Flush and audit an update, when it changed anything."""
    if after == before:
        return
    flush(session, what)
    audit.record(
        session=session, actor=actor, action="update", entity=entity, entity_id=entity_id,
        before=before, after=after,
    )  # fmt: skip


def save_delete(
    session: Session,
    actor: Actor,
    row: object,
    *,
    what: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any],
) -> None:
    """Delete `row`, flush and audit it."""
    session.delete(row)
    flush(session, what)
    audit.record(
        session=session, actor=actor, action="delete", entity=entity, entity_id=entity_id,
        before=before,
    )  # fmt: skip
