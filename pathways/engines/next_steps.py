"""Next steps from an occupation: moves laid out in published pathways first, then O*NET's
related occupations, each with what it pays and the skills to learn for it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from pathways.domain.pathways import (
    NextStep,
    PathwayMove,
    RelatedRef,
    Requirement,
    SkillGap,
    StepWage,
)
from pathways.domain.vocabulary import TransitionKind
from pathways.engines.skills import skill_gap

KIND_ORDER = {TransitionKind.ADVANCE: 0, TransitionKind.ADD_ON: 1, TransitionKind.LATERAL: 2}
TIER_ORDER = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}  # others after


def next_steps(
    *,
    origin_soc: str,
    moves: Sequence[PathwayMove],
    related: Sequence[RelatedRef],
    wages: Mapping[str, StepWage | None],
    requirements: Mapping[str, Sequence[Requirement]],
    gap_limit: int = 5,
) -> list[NextStep]:
    """One suggestion per occupation other than `origin_soc`, pathway moves and O*NET's
    related entry merged.

    Occupations a published pathway leads to come first (best kind of move, then pathway,
    then SOC code); then those only O*NET relates, by tier and rank.
    """
    moves_to: dict[str, list[PathwayMove]] = defaultdict(list)
    for move in sorted(moves, key=move_order):
        if move.target_soc != origin_soc:
            moves_to[move.target_soc].append(move)
    closest: dict[str, RelatedRef] = {}
    for ref in sorted(related, key=related_order, reverse=True):  # the closest is kept
        if ref.soc != origin_soc:
            closest[ref.soc] = ref
    laid_out = sorted(moves_to, key=lambda soc: (move_order(moves_to[soc][0])[:2], soc))
    only_related = sorted(set(closest) - set(moves_to), key=lambda soc: related_order(closest[soc]))
    origin_wage = wages.get(origin_soc)
    return [
        NextStep(
            soc=soc,
            moves=tuple(moves_to.get(soc, ())),
            related=closest.get(soc),
            wage=wages.get(soc),
            wage_gain=gain(origin_wage, wages.get(soc)),
            skill_gaps=tuple(gaps(requirements, origin_soc, soc)[:gap_limit]),
        )
        for soc in laid_out + only_related
    ]


def move_order(move: PathwayMove) -> tuple[int, str, str, str]:
    """Advance before add-on before lateral, then by pathway and the step moved from."""
    kind = KIND_ORDER[move.transition.kind]
    return (kind, move.pathway_slug, move.transition.source, move.transition.target)


def related_order(ref: RelatedRef) -> tuple[int, str, int, str]:
    return (TIER_ORDER.get(ref.tier, len(TIER_ORDER)), ref.tier, ref.rank, ref.soc)


def gain(origin: StepWage | None, target: StepWage | None) -> float | None:
    if origin is None or target is None:
        return None
    if origin.annual_median is None or target.annual_median is None:
        return None
    return target.annual_median - origin.annual_median


def gaps(
    requirements: Mapping[str, Sequence[Requirement]], origin: str, target: str
) -> list[SkillGap]:
    """What the target needs beyond the origin; nothing when either's requirements are unknown
    (listing every skill of the target as a gap would overstate it)."""
    if origin not in requirements or target not in requirements:
        return []
    return skill_gap(requirements[origin], requirements[target])
