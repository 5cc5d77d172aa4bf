"""Skill gaps between what one has and what an occupation needs (SPEC §3.5's ordering), and a
partnership's regional changes to an occupation's requirements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pathways.domain.pathways import Requirement, SkillGap, SkillOverride
from pathways.domain.vocabulary import RequirementAction

REQUIRED_IMPORTANCE = 3.0  # O*NET importance from which a skill counts as required (SPEC §3.5)


def skill_gap(
    have: Sequence[Requirement],
    need: Sequence[Requirement],
    *,
    min_importance: float = REQUIRED_IMPORTANCE,
) -> list[SkillGap]:
    """Required skills of `need` that `have` holds at a lower level (or not at all), largest
    `importance × level difference` first, then by name."""
    levels = {requirement.skill_id: requirement.level for requirement in have}
    gaps = [
        SkillGap(
            skill_id=required.skill_id,
            name=required.name,
            kind=required.kind,
            importance=required.importance,
            have_level=levels.get(required.skill_id, 0.0),
            need_level=required.level,
        )
        for required in need
        if required.importance >= min_importance
        and required.level > levels.get(required.skill_id, 0.0)
    ]
    return sorted(gaps, key=lambda gap: (-gap.weight, gap.name, gap.skill_id))


def apply_overrides(
    requirements: Sequence[Requirement], overrides: Sequence[SkillOverride]
) -> list[Requirement]:
    """The requirements after a partnership's overrides, applied in the order given.

    Original skills keep their order (an add replacing one keeps its place); skills added
    come after them, by name. Re-weighting a skill that is not required changes nothing.
    """
    current = {requirement.skill_id: requirement for requirement in requirements}
    added: set[int] = set()
    for override in overrides:
        action = RequirementAction(override.action)  # ValueError for an unknown action
        skill_id = override.skill_id
        if action is RequirementAction.DROP:
            current.pop(skill_id, None)
            added.discard(skill_id)
        elif action is RequirementAction.ADD:
            if skill_id not in current:
                added.add(skill_id)
            current[skill_id] = added_requirement(override)
        elif skill_id in current:  # re-weight
            old = current[skill_id]
            current[skill_id] = replace(
                old,
                importance=old.importance if override.importance is None else override.importance,
                level=old.level if override.level is None else override.level,
            )
    kept = [requirement for skill_id, requirement in current.items() if skill_id not in added]
    new = sorted((current[skill_id] for skill_id in added), key=lambda r: (r.name, r.skill_id))
    return kept + new


def added_requirement(override: SkillOverride) -> Requirement:
    if override.importance is None or override.level is None:
        raise ValueError(f"adding skill {override.skill_id} needs both an importance and a level")
    return Requirement(
        skill_id=override.skill_id,
        name=override.name,
        kind=override.kind,
        importance=override.importance,
        level=override.level,
    )
