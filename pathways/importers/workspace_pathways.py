"""A partnership file's `[[pathways]]`: each mapped to a PathwayGraph, then created, or its
head changed where it differs from the file (a published head gets a new draft), then
published when the file says so and the head is a draft."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import NotFound
from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import PathwayStatus, TransitionKind
from pathways.importers.toml_tables import Table
from pathways.models import Pathway
from pathways.services.partnerships import get_partnership
from pathways.services.pathway_graphs import check_graph, to_graph
from pathways.services.pathways import create_pathway, publish_pathway, update_pathway, versions

PATHWAY_KEYS = ("slug", "title", "summary", "publish", "steps", "transitions")
STEP_KEYS = ("key", "soc", "stage", "label")
TRANSITION_KEYS = ("from", "to", "kind", "credentials", "months_experience", "months_training",
                   "cost_usd", "earn_while_you_learn", "notes")  # fmt: skip
# What the services call a field that the file calls otherwise.
RENAMES = {"cost_cents": "cost_usd"}


def save_pathway(
    session: Session, actor: Actor, partnership: str, entry: Table, credentials: Mapping[str, int]
) -> Pathway:
    entry.only(*PATHWAY_KEYS)
    slug, title, summary = entry.text("slug"), entry.text("title"), entry.optional_text("summary")
    graph = pathway_graph(entry, credentials)
    publish = entry.flag("publish")
    with entry.checked("slug", RENAMES):
        if publish:  # checked here, in the file's order, for messages that name its entries
            check_graph(session, graph, for_publish=True)
        head = _head(session, slug)
        if head is None:
            head = create_pathway(
                session=session, actor=actor, partnership=partnership, slug=slug, title=title,
                summary=summary, graph=graph,
            )  # fmt: skip
        else:
            owner = get_partnership(session=session, slug=partnership)
            if head.partnership_id != owner.id:
                raise entry.error("slug", f"pathway {slug!r} belongs to another partnership")
            changes = pathway_changes(head, title, summary, graph)
            if changes:
                head = update_pathway(session=session, actor=actor, slug=slug,
                                      expected_tag=None, changes=changes)  # fmt: skip
        if publish and head.status is PathwayStatus.DRAFT:
            head = publish_pathway(session=session, actor=actor, slug=slug, expected_tag=None)
    return head


def pathway_graph(entry: Table, credentials: Mapping[str, int]) -> PathwayGraph:
    """The steps and transitions in the file's order, so the services' messages
    (`steps[2].soc`) name the file's entries."""
    steps = []
    for step in entry.tables("steps"):
        step.only(*STEP_KEYS)
        steps.append(StepSpec(
            key=step.text("key"), soc=step.soc(), stage=step.whole("stage"),
            label=_blank_is_none(step.optional_text("label")),
        ))  # fmt: skip
    moves = tuple(transition_spec(move, credentials) for move in entry.tables("transitions"))
    return PathwayGraph(tuple(steps), moves)


def transition_spec(move: Table, credentials: Mapping[str, int]) -> TransitionSpec:
    move.only(*TRANSITION_KEYS)
    keys = move.texts("credentials")
    for index, key in enumerate(keys):
        if key not in credentials:
            raise move.error("credentials", f"no credential {key!r}")
        if key in keys[:index]:
            raise move.error("credentials", f"{key!r} is listed twice")
    try:
        kind = TransitionKind(move.text("kind"))
    except ValueError:
        choices = ", ".join(kind.value for kind in TransitionKind)
        raise move.error("kind", f"one of {choices}") from None
    return TransitionSpec(
        source=move.text("from"),
        target=move.text("to"),
        kind=kind,
        credential_ids=tuple(credentials[key] for key in keys),
        months_experience=move.whole("months_experience", default=0),
        months_training=move.whole("months_training", default=0),
        cost_cents=move.cents("cost_usd"),
        earn_while_you_learn=move.flag("earn_while_you_learn"),
        notes=_blank_is_none(move.optional_text("notes")),
    )


def pathway_changes(
    head: Pathway, title: str, summary: str | None, graph: PathwayGraph
) -> dict[str, Any]:
    """What differs between the head and the file (nothing: no new draft, no new version)."""
    changes: dict[str, Any] = {}
    if head.title != title.strip():
        changes["title"] = title
    if head.summary != _blank_is_none(summary):
        changes["summary"] = summary
    if canonical(to_graph(head)) != canonical(graph):
        changes["graph"] = graph
    return changes


def canonical(graph: PathwayGraph) -> PathwayGraph:
    """The graph as it reads back from the database: steps by stage and key, each
    transition's credentials by id."""
    steps = tuple(sorted(graph.steps, key=lambda step: (step.stage, step.key)))
    moves = tuple(
        replace(move, credential_ids=tuple(sorted(set(move.credential_ids))))
        for move in graph.transitions
    )
    return PathwayGraph(steps, moves)


def _head(session: Session, slug: str) -> Pathway | None:
    try:
        return versions(session=session, slug=slug)[-1]
    except NotFound:
        return None


def _blank_is_none(text: str | None) -> str | None:
    return (text or "").strip() or None
