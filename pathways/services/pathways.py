"""Pathways and their versions (SPEC §2). Each version is a row; the newest is the *head*.
A draft head is edited in place; editing when the head is published makes a new draft with the
next number, so a published version never changes. Publishing the draft archives the version
it replaces. Everyone reads published versions; editors of the partnership read drafts too.

The ETag of a pathway is its head's `number.version` ("2.3"): version 2 at its third save."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from pathways.domain.access import Actor, Operation, Resource, Target, can_read, require
from pathways.domain.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from pathways.domain.pathways import PathwayGraph
from pathways.domain.slugs import parse_slug
from pathways.domain.vocabulary import PathwayStatus
from pathways.models import Pathway, PathwayStep, Transition
from pathways.services import audit
from pathways.services.partnerships import get_partnership
from pathways.services.pathway_graphs import check_graph, same_graph, to_graph, write_graph
from pathways.services.versions import flush

DRAFT, PUBLISHED = "draft", "published"
EMPTY = PathwayGraph((), ())
# Load a version's whole graph with it: every reader of a pathway walks it.
GRAPH = (
    selectinload(Pathway.steps).joinedload(PathwayStep.occupation),
    selectinload(Pathway.transitions).selectinload(Transition.credentials),
    selectinload(Pathway.transitions).joinedload(Transition.source),
    selectinload(Pathway.transitions).joinedload(Transition.target),
)


def tag(pathway: Pathway) -> str:
    return f"{pathway.number}.{pathway.version}"


def versions(*, session: Session, slug: str) -> list[Pathway]:
    """Every version of `slug`, oldest first (NotFound when there are none)."""
    query = sa.select(Pathway).where(Pathway.slug == slug).order_by(Pathway.number)
    rows = list(session.scalars(query.options(*GRAPH)))
    if not rows:
        raise NotFound(f"no pathway {slug!r}")
    return rows


def visible_versions(*, session: Session, actor: Actor, slug: str) -> list[Pathway]:
    """The versions `actor` may read: published and archived ones, and drafts for editors."""
    rows = versions(session=session, slug=slug)
    drafts = can_read(actor, draft_target(rows[0]))
    shown = [row for row in rows if drafts or row.status is not PathwayStatus.DRAFT]
    if not shown:
        raise NotFound(f"no pathway {slug!r}")
    return shown


def get_pathway(
    *, session: Session, actor: Actor, slug: str, version: str | None = None
) -> Pathway:
    """One version: `version` is a number, "draft", "published", or None for the newest the
    actor may read (an editor's draft; everyone else's published version)."""
    return read_pathway(session=session, actor=actor, slug=slug, version=version)[0]


def read_pathway(
    *, session: Session, actor: Actor, slug: str, version: str | None = None
) -> tuple[Pathway, str]:
    """The version `get_pathway` gives, and the tag (the ETag) of the newest the actor may read:
    the one a change is made to."""
    shown = visible_versions(session=session, actor=actor, slug=slug)
    head = tag(shown[-1])
    if version is None:
        return shown[-1], head
    if version == PUBLISHED:
        found = [row for row in shown if row.status is PathwayStatus.PUBLISHED]
    elif version == DRAFT:
        found = [row for row in shown if row.status is PathwayStatus.DRAFT]
    elif version.isdigit():
        found = [row for row in shown if row.number == int(version)]
    else:
        raise InvalidInput.for_field("version", "a version number, draft or published")
    if not found:
        raise NotFound(f"pathway {slug!r} has no {version} version you can see")
    return found[-1], head


def list_pathways(
    *, session: Session, actor: Actor, partnership: str | None = None, q: str | None = None
) -> list[Pathway]:
    """The newest visible version of each pathway, by title."""
    query = sa.select(Pathway).order_by(Pathway.slug, Pathway.number).options(*GRAPH)
    if partnership is not None:
        query = query.where(
            Pathway.partnership_id == get_partnership(session=session, slug=partnership).id
        )
    if q:
        for word in q.split():
            query = query.where(
                sa.or_(Pathway.title.ilike(f"%{word}%"), Pathway.summary.ilike(f"%{word}%"))
            )
    newest: dict[str, Pathway] = {}
    for row in session.scalars(query):
        published = row.status is not PathwayStatus.DRAFT
        if published or can_read(actor, draft_target(row)):
            newest[row.slug] = row
    return sorted(newest.values(), key=lambda row: (row.title.casefold(), row.slug))


def create_pathway(
    *,
    session: Session,
    actor: Actor,
    partnership: str,
    slug: str,
    title: str,
    summary: str | None = None,
    graph: PathwayGraph = EMPTY,
) -> Pathway:
    """Version 1, as a draft. The graph may be incomplete, never wrong (see check_graph)."""
    owner = get_partnership(session=session, slug=partnership)
    require(actor, Operation.CREATE, Target(Resource.PATHWAY, partnership_id=owner.id))
    slug = parse_slug(slug)
    taken = f"there is already a pathway {slug!r}"
    if session.scalar(sa.select(Pathway.id).where(Pathway.slug == slug).limit(1)) is not None:
        raise Conflict(taken)
    check_graph(session, graph, for_publish=False)
    pathway = Pathway(partnership_id=owner.id, slug=slug, number=1, status=PathwayStatus.DRAFT)
    _describe(pathway, {"title": title, "summary": summary})
    session.add(pathway)
    flush(session, f"pathway {slug}", taken=taken)
    write_graph(session, pathway, graph)
    audit.record(
        session=session, actor=actor, action="create", entity="pathway", entity_id=slug,
        after=snapshot(pathway),
    )  # fmt: skip
    return pathway


def update_pathway(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    expected_tag: str | None,
    changes: Mapping[str, Any],
) -> Pathway:
    """Change `title`, `summary` or `graph` (the whole graph) of the head, starting the next
    draft first when the head is published."""
    head = _editable_head(session, actor, slug, expected_tag, Operation.UPDATE)
    graph = changes.get("graph")
    if graph is not None:
        check_graph(session, graph, for_publish=False)
    if head.status is not PathwayStatus.DRAFT:
        if not _differs(head, changes):
            return head  # nothing to change: no new version either
        head = _next_draft(session, actor, head)
    before = snapshot(head)
    # The graph first: its flushes must not carry the pathway's own row, which is saved once,
    # at the end, so the version moves on by exactly one.
    if graph is not None and not same_graph(graph, to_graph(head)):
        write_graph(session, head, graph)
    with session.no_autoflush:  # reading the graph back must not save the title early
        _describe(head, {key: changes[key] for key in ("title", "summary") if key in changes})
        after = snapshot(head)
    if after != before:
        flag_modified(head, "title")  # steps live in other tables: bump the version
        flush(session, f"pathway {slug}")
        audit.record(
            session=session, actor=actor, action="update", entity="pathway", entity_id=slug,
            before=before, after=after,
        )  # fmt: skip
    return head


def publish_pathway(
    *, session: Session, actor: Actor, slug: str, expected_tag: str | None
) -> Pathway:
    """Publish the draft head, once it is complete; the version it replaces is archived."""
    head = _editable_head(session, actor, slug, expected_tag, Operation.PUBLISH)
    if head.status is not PathwayStatus.DRAFT:
        raise Conflict(f"version {head.number} of pathway {slug!r} is already {head.status}")
    check_graph(session, to_graph(head), for_publish=True)
    for older in versions(session=session, slug=slug)[:-1]:
        if older.status is PathwayStatus.PUBLISHED:
            older.status = PathwayStatus.ARCHIVED
    head.status = PathwayStatus.PUBLISHED
    head.published_at = datetime.now(UTC)
    flush(session, f"pathway {slug}")
    audit.record(
        session=session, actor=actor, action="publish", entity="pathway", entity_id=slug,
        after={"number": head.number, "status": head.status.value},
    )  # fmt: skip
    return head


def delete_pathway(*, session: Session, actor: Actor, slug: str, expected_tag: str | None) -> None:
    """Delete the pathway, every version of it."""
    head = _editable_head(session, actor, slug, expected_tag, Operation.DELETE)
    before = snapshot(head)
    for row in versions(session=session, slug=slug):
        session.delete(row)
    flush(session, f"pathway {slug}")
    audit.record(
        session=session, actor=actor, action="delete", entity="pathway", entity_id=slug,
        before=before,
    )  # fmt: skip


def snapshot(pathway: Pathway) -> dict[str, Any]:
    graph = to_graph(pathway)
    return {
        "number": pathway.number,
        "status": pathway.status.value,
        "title": pathway.title,
        "summary": pathway.summary,
        "steps": [asdict(step) for step in graph.steps],
        "transitions": [asdict(move) for move in graph.transitions],
    }


def _editable_head(
    session: Session, actor: Actor, slug: str, expected_tag: str | None, operation: Operation
) -> Pathway:
    rows = versions(session=session, slug=slug)
    head = rows[-1]
    public = any(row.status is not PathwayStatus.DRAFT for row in rows)
    # Someone who can see the published pathway learns they may not change it (403); a
    # pathway that was never published looks to them exactly like one that does not exist.
    try:
        require(actor, operation, replace(draft_target(head), published=public))
    except NotFound:
        raise NotFound(f"no pathway {slug!r}") from None
    session.refresh(head, with_for_update={"of": Pathway})
    # Whoever held the lock before us may have started the next version meanwhile.
    newest = session.scalar(sa.select(sa.func.max(Pathway.number)).where(Pathway.slug == slug))
    if newest != head.number:
        raise PreconditionFailed(
            f"pathway {slug} was changed by someone else (version {newest} was started); "
            "reload it and make your change again"
        )
    if expected_tag is not None and expected_tag != tag(head):
        raise PreconditionFailed(
            f"pathway {slug} was changed by someone else (it is now at {tag(head)}); "
            "reload it and make your change again"
        )
    return head


def _next_draft(session: Session, actor: Actor, head: Pathway) -> Pathway:
    draft = Pathway(
        partnership_id=head.partnership_id, slug=head.slug, number=head.number + 1,
        title=head.title, summary=head.summary, status=PathwayStatus.DRAFT,
    )  # fmt: skip
    session.add(draft)
    flush(session, f"pathway {head.slug}", taken=f"someone else started version {draft.number}")
    write_graph(session, draft, to_graph(head))
    audit.record(
        session=session, actor=actor, action="create", entity="pathway", entity_id=head.slug,
        after={"number": draft.number, "status": "draft", "from": head.number},
    )  # fmt: skip
    return draft


def _differs(pathway: Pathway, changes: Mapping[str, Any]) -> bool:
    text = {
        key: (changes[key] or "").strip() or None for key in ("title", "summary") if key in changes
    }
    if any(getattr(pathway, key) != value for key, value in text.items()):
        return True
    graph = changes.get("graph")
    return graph is not None and not same_graph(graph, to_graph(pathway))


def _describe(pathway: Pathway, values: Mapping[str, Any]) -> None:
    if "title" in values:
        title = (values["title"] or "").strip()
        if not title or len(title) > 200:
            raise InvalidInput.for_field("title", "a title of 1 to 200 characters is required")
        pathway.title = title
    if "summary" in values:
        pathway.summary = (values["summary"] or "").strip() or None


def draft_target(pathway: Pathway) -> Target:
    """What the policy needs to know to let someone read or change a pathway's draft."""
    return Target(Resource.PATHWAY, partnership_id=pathway.partnership_id, published=False)
