"""What comes after an occupation: moves laid out in published pathways, then O*NET related
occupations, each with its wage gain (for a place, as occupation wages are) and skill gap."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from pathways.domain.pathways import (
    NextSteps,
    PathwayMove,
    RelatedRef,
    Requirement,
    StepWage,
)
from pathways.domain.vocabulary import PathwayStatus
from pathways.engines.next_steps import next_steps
from pathways.engines.wages import step_wage
from pathways.models import (
    OccupationSkill,
    Pathway,
    PathwayStep,
    RelatedOccupation,
    Skill,
    Transition,
)
from pathways.services.occupations import get_occupation, titles_of
from pathways.services.pathway_graphs import to_spec
from pathways.services.wages import estimates_at, wage_place


def occupation_next_steps(
    *,
    session: Session,
    soc: str,
    area: str | None = None,
    region: str | None = None,
    limit: int = 20,
) -> NextSteps:
    """Next steps from `soc`, at most `limit`, priced for an OEWS area, a region or the nation."""
    occupation = get_occupation(session=session, soc=soc)
    origin = occupation.soc_code
    moves = _published_moves(session, origin)
    related = [
        RelatedRef(row.related_soc_code, row.tier, row.rank)
        for row in session.scalars(
            sa.select(RelatedOccupation).where(RelatedOccupation.soc_code == origin)
        )
    ]
    socs = {origin, *(move.target_soc for move in moves), *(ref.soc for ref in related)}
    place = wage_place(session=session, area=area, region=region)
    estimates = estimates_at(session=session, socs=socs, place=place)
    wages: dict[str, StepWage | None] = {
        code: step_wage(bls=estimate, employer=None) for code, estimate in estimates.items()
    }
    found = next_steps(
        origin_soc=origin,
        moves=moves,
        related=related,
        wages=wages,
        requirements=requirements(session, socs),
    )[:limit]
    titles = titles_of(session=session, socs=(step.soc for step in found))
    items = tuple(replace(step, title=titles[step.soc]) for step in found)
    return NextSteps(origin, occupation.title, wages[origin], items)


def requirements(session: Session, socs: Iterable[str]) -> dict[str, list[Requirement]]:
    """Each occupation's O*NET skills and knowledge (reliable, relevant ratings only), read as
    plain rows: an alignment matrix reads thousands."""
    query = (
        sa.select(
            OccupationSkill.soc_code,
            Skill.id,
            Skill.name,
            Skill.kind,
            OccupationSkill.importance,
            OccupationSkill.level,
        )
        .join(Skill, OccupationSkill.skill_id == Skill.id)
        .where(
            OccupationSkill.soc_code.in_(set(socs)),
            OccupationSkill.suppressed.is_(False),
            OccupationSkill.not_relevant.is_(False),
        )
        .order_by(OccupationSkill.soc_code, Skill.element_id)
    )
    found: dict[str, list[Requirement]] = defaultdict(list)
    for soc, skill_id, name, kind, importance, level in session.execute(query):
        found[soc].append(Requirement(skill_id, name, kind.value, importance, level))
    return dict(found)


def _published_moves(session: Session, origin: str) -> list[PathwayMove]:
    source, target = aliased(PathwayStep), aliased(PathwayStep)
    query = (
        sa.select(Transition, Pathway, target)
        .join(source, Transition.from_step_id == source.id)
        .join(target, Transition.to_step_id == target.id)
        .join(Pathway, Transition.pathway_id == Pathway.id)
        .where(source.soc_code == origin, Pathway.status == PathwayStatus.PUBLISHED)
        .order_by(Pathway.slug, target.key)
    )
    return [
        PathwayMove(
            pathway_slug=pathway.slug,
            pathway_title=pathway.title,
            target_soc=step.soc_code,
            target_label=step.label,
            transition=to_spec(move),
        )
        for move, pathway, step in session.execute(query)
        if step.soc_code != origin
    ]
