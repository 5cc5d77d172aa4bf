"""Pathway versions as another installation had them: a bundle import restores each version
with its number, its status (archived, published or draft) and the time it was published,
which the editing services never set by hand (publishing takes the time of the click).

The versions of one pathway are restored oldest first; each must be the next number, and the
statuses must read as a history could have made them: archived ones, then at most one
published, then at most one draft (the newest)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.errors import Conflict, InvalidInput
from pathways.domain.pathways import PathwayGraph
from pathways.domain.slugs import parse_slug
from pathways.domain.vocabulary import PathwayStatus
from pathways.models import Pathway
from pathways.services import audit
from pathways.services.partnerships import get_partnership
from pathways.services.pathway_graphs import check_graph, write_graph
from pathways.services.pathways import snapshot
from pathways.services.versions import flush

# What may come after a version of each status.
FOLLOWS = {
    PathwayStatus.ARCHIVED: frozenset(PathwayStatus),
    PathwayStatus.PUBLISHED: frozenset({PathwayStatus.DRAFT}),
    PathwayStatus.DRAFT: frozenset(),
}


@dataclass(frozen=True, slots=True)
class VersionRecord:
    """One version of a pathway, as a bundle has it."""

    number: int
    status: PathwayStatus
    published_at: datetime | None
    title: str
    summary: str | None
    graph: PathwayGraph


def restore_version(
    *, session: Session, actor: Actor, partnership: str, slug: str, record: VersionRecord
) -> Pathway:
    """Add version `record.number` of pathway `slug` in `partnership` (version 1 creates the
    pathway). A published or archived version must be complete, as publishing requires."""
    owner = get_partnership(session=session, slug=partnership)
    require(actor, Operation.CREATE, Target(Resource.PATHWAY, partnership_id=owner.id))
    if record.status is not PathwayStatus.DRAFT:
        require(actor, Operation.PUBLISH, Target(Resource.PATHWAY, partnership_id=owner.id))
    slug = parse_slug(slug)
    query = sa.select(Pathway).where(Pathway.slug == slug).order_by(Pathway.number)
    older = list(session.scalars(query))
    if any(row.partnership_id != owner.id for row in older):
        raise Conflict(f"there is already a pathway {slug!r}, in another partnership")
    expected = older[-1].number + 1 if older else 1
    if record.number != expected:
        raise InvalidInput.for_field(
            "number", f"expected version {expected}: versions are numbered 1, 2, 3… oldest first"
        )
    if older and record.status not in FOLLOWS[older[-1].status]:
        raise InvalidInput.for_field(
            "status",
            f"a {record.status} version cannot follow a {older[-1].status} one "
            "(archived versions, then at most one published, then at most one draft)",
        )
    if (record.published_at is None) != (record.status is PathwayStatus.DRAFT):
        message = (
            "a draft has no publication time"
            if record.status is PathwayStatus.DRAFT
            else f"a {record.status} version has the time it was published"
        )
        raise InvalidInput.for_field("published_at", message)
    title = record.title.strip()
    if not title or len(title) > 200:
        raise InvalidInput.for_field("title", "a title of 1 to 200 characters is required")
    check_graph(session, record.graph, for_publish=record.status is not PathwayStatus.DRAFT)
    pathway = Pathway(
        partnership_id=owner.id,
        slug=slug,
        number=record.number,
        status=record.status,
        published_at=record.published_at,
        title=title,
        summary=(record.summary or "").strip() or None,
    )
    session.add(pathway)
    flush(session, f"pathway {slug}", taken=f"there is already a version {expected} of {slug!r}")
    write_graph(session, pathway, record.graph)
    published = None if record.published_at is None else record.published_at.isoformat()
    audit.record(
        session=session,
        actor=actor,
        action="import",
        entity="pathway",
        entity_id=slug,
        after={**snapshot(pathway), "published_at": published},
    )
    return pathway
