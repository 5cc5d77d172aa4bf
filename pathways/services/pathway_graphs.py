"""A pathway version's steps and transitions, as rows and as the engine's PathwayGraph: read
one from the other, check a graph against the catalog, and write it in place of the old one."""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.errors import InvalidInput
from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.engines.graph import validate
from pathways.models import Pathway, PathwayStep, Transition, TransitionCredential
from pathways.services.credentials import known_credentials
from pathways.services.occupations import known_socs


def to_graph(pathway: Pathway) -> PathwayGraph:
    steps = tuple(
        StepSpec(key=step.key, soc=step.soc_code, stage=step.stage, label=step.label)
        for step in pathway.steps
    )
    return PathwayGraph(steps, tuple(to_spec(move) for move in pathway.transitions))


def same_graph(one: PathwayGraph, other: PathwayGraph) -> bool:
    """The same steps and transitions, in whatever order they were listed."""

    def canonical(graph: PathwayGraph) -> tuple[object, ...]:
        steps = sorted(graph.steps, key=lambda step: step.key)
        moves = sorted(graph.transitions, key=lambda move: (move.source, move.target))
        return (steps, [replace(m, credential_ids=tuple(sorted(m.credential_ids))) for m in moves])

    return canonical(one) == canonical(other)


def to_spec(move: Transition) -> TransitionSpec:
    return TransitionSpec(
        source=move.source.key,
        target=move.target.key,
        kind=move.kind,
        credential_ids=tuple(credential.id for credential in move.credentials),
        months_experience=move.months_experience,
        months_training=move.months_training,
        cost_cents=move.cost,
        earn_while_you_learn=move.earn_while_you_learn,
        notes=move.notes,
    )


def problems(session: Session, graph: PathwayGraph, *, for_publish: bool) -> dict[str, list[str]]:
    """Every problem of `graph`, each under the field that has it (empty: none)."""
    return validate(
        graph,
        known_socs=known_socs(session=session, codes=(step.soc for step in graph.steps)),
        known_credentials=known_credentials(
            session=session, ids=(i for move in graph.transitions for i in move.credential_ids)
        ),
        for_publish=for_publish,
    )


def check_graph(session: Session, graph: PathwayGraph, *, for_publish: bool) -> None:
    """InvalidInput listing every problem, unless there are none."""
    errors = problems(session, graph, for_publish=for_publish)
    if errors:
        count = sum(len(messages) for messages in errors.values())
        field, messages = next(iter(errors.items()))
        summary = f"{field}: {messages[0]}"
        if count > 1:
            summary += f" (and {count - 1} more problem{'s' if count > 2 else ''})"
        raise InvalidInput(summary, errors)


def write_graph(session: Session, pathway: Pathway, graph: PathwayGraph) -> None:
    """Replace the version's steps and transitions with `graph` (already checked)."""
    if pathway.id is not None:
        session.execute(sa.delete(Transition).where(Transition.pathway_id == pathway.id))
        session.execute(sa.delete(PathwayStep).where(PathwayStep.pathway_id == pathway.id))
        session.expire(pathway, ["steps", "transitions"])
    steps = {
        spec.key: PathwayStep(key=spec.key, soc_code=spec.soc, stage=spec.stage, label=spec.label)
        for spec in graph.steps
    }
    pathway.steps = list(steps.values())
    pathway.transitions = [
        Transition(
            source=steps[spec.source],
            target=steps[spec.target],
            kind=spec.kind,
            months_experience=spec.months_experience,
            months_training=spec.months_training,
            cost=spec.cost_cents,
            earn_while_you_learn=spec.earn_while_you_learn,
            notes=spec.notes,
        )
        for spec in graph.transitions
    ]
    session.flush()
    session.add_all(
        TransitionCredential(transition_id=row.id, credential_id=credential_id)
        for row, spec in zip(pathway.transitions, graph.transitions, strict=True)
        for credential_id in sorted(set(spec.credential_ids))
    )
    session.flush()
    for row in pathway.transitions:
        session.expire(row, ["credentials"])
