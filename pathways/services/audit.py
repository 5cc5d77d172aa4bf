"""Recording every write, and reading the record back (admins only)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain import audit
from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.paging import Page
from pathways.models import AuditEvent, User
from pathways.services.paging import paginate


def record(
    *,
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    secret: frozenset[str] = frozenset(),
) -> AuditEvent:
    """One entry in the writer's own transaction: it is kept exactly when the write is."""
    event = AuditEvent(
        user_id=actor.user_id,
        actor=actor.label,
        channel=actor.channel,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        changes=audit.changes(before, after, secret),
    )
    session.add(event)
    return event


def list_events(
    *,
    session: Session,
    actor: Actor,
    entity: str | None = None,
    entity_id: str | None = None,
    user: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page[AuditEvent]:
    """Newest first. `user` is an email address or a user id."""
    require(actor, Operation.READ, Target(Resource.AUDIT))
    conditions: list[sa.ColumnElement[bool]] = []
    if entity:
        conditions.append(AuditEvent.entity == entity)
    if entity_id:
        conditions.append(AuditEvent.entity_id == entity_id)
    if user:
        if user.isdigit():
            conditions.append(AuditEvent.user_id == int(user))
        else:
            ids = sa.select(User.id).where(User.email == user.strip().lower())
            conditions.append(sa.or_(AuditEvent.actor == user, AuditEvent.user_id.in_(ids)))
    if since:
        conditions.append(AuditEvent.at >= since)
    if until:
        conditions.append(AuditEvent.at < until)
    query = (
        sa.select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    return paginate(session, query, page=page, per_page=per_page)
