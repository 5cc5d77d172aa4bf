"""What a signed-in person may edit: their partnerships and providers (all of them for an
admin), each with what needs attention — drafts not yet published."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.vocabulary import PathwayStatus
from pathways.models import Partnership, Pathway, Program, Provider


@dataclass(frozen=True)
class EditablePartnership:
    slug: str
    name: str
    region: str
    pathways: int
    drafts: int


@dataclass(frozen=True)
class EditableProvider:
    id: int
    name: str
    city: str | None
    programs: int


@dataclass(frozen=True)
class Editable:
    partnerships: list[EditablePartnership]
    providers: list[EditableProvider]


def editable_things(*, session: Session, actor: Actor) -> Editable:
    return Editable(_partnerships(session, actor), _providers(session, actor))


def _partnerships(session: Session, actor: Actor) -> list[EditablePartnership]:
    if not actor.is_admin and not actor.partnership_ids:
        return []
    slugs = sa.func.count(sa.distinct(Pathway.slug))
    drafts = sa.func.count(
        sa.distinct(sa.case((Pathway.status == PathwayStatus.DRAFT, Pathway.slug)))
    )
    query = (
        sa.select(Partnership, slugs, drafts)
        .outerjoin(Pathway, Pathway.partnership_id == Partnership.id)
        .group_by(Partnership.id)
        .order_by(Partnership.name)
    )
    if not actor.is_admin:
        query = query.where(Partnership.id.in_(actor.partnership_ids))
    return [
        EditablePartnership(row.slug, row.name, row.region.name, count, draft)
        for row, count, draft in session.execute(query)
    ]


def _providers(session: Session, actor: Actor) -> list[EditableProvider]:
    if not actor.is_admin and not actor.provider_ids:
        return []
    query = (
        sa.select(Provider, sa.func.count(Program.id))
        .outerjoin(Program, Program.provider_id == Provider.id)
        .group_by(Provider.id)
        .order_by(Provider.name)
    )
    if not actor.is_admin:
        query = query.where(Provider.id.in_(actor.provider_ids))
    return [
        EditableProvider(row.id, row.name, row.city, count) for row, count in session.execute(query)
    ]
