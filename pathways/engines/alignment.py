"""The alignment engine (SPEC §3.5): how well a program's taught skills cover an occupation's
required ones, skill by skill, and a partnership's matrix of critical occupations × regional
programs with its red flags. Pure functions over `pathways.domain.alignment` values.

Sums are `math.fsum`, exact and independent of order, so the matrix's fast path and `align`'s
per-skill detail give the very same coverage for the same program and occupation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from math import fsum

from pathways.domain.alignment import (
    NO_REQUIRED_SKILLS,
    Alignment,
    Flag,
    MatrixCell,
    MatrixRow,
    OccupationNeeds,
    ProgramFacts,
    SkillContribution,
)
from pathways.domain.pathways import Requirement
from pathways.engines.skills import REQUIRED_IMPORTANCE, skill_gap

LOW_COVERAGE_PERCENT = 60.0  # best coverage below this raises BEST_COVERAGE_BELOW_60


def required_skills(
    requirements: Sequence[Requirement], min_importance: float = REQUIRED_IMPORTANCE
) -> list[Requirement]:
    """The requirements that count for coverage: importance ≥ 3.0 (SPEC §3.5), in their order.
    Pass the requirements after the partnership's overrides (`skills.apply_overrides`)."""
    return [requirement for requirement in requirements if requirement.importance >= min_importance]


def covered_fraction(required_level: float, taught_level: float | None) -> float:
    """`min(1, taught / required)`: a required level of 0 is covered whatever is taught; a
    skill not taught covers nothing; teaching above the level earns no more than 1."""
    if required_level <= 0:
        return 1.0
    if taught_level is None:
        return 0.0
    return min(1.0, taught_level / required_level)


def taught_levels(program: ProgramFacts) -> dict[int, float]:
    """Skill id → level taught; a skill listed twice counts at its higher level."""
    levels: dict[int, float] = {}
    for skill in program.taught:
        levels[skill.skill_id] = max(skill.level, levels.get(skill.skill_id, skill.level))
    return levels


def as_percent(coverage: float | None) -> float | None:
    """Coverage as the percentage shown, to one decimal."""
    return None if coverage is None else round(coverage * 100, 1)


def align(
    program: ProgramFacts,
    occupation: OccupationNeeds,
    *,
    min_importance: float = REQUIRED_IMPORTANCE,
) -> Alignment:
    """Coverage, per-skill contributions, gaps and credential/crosswalk alignment of one program
    for one occupation. Coverage is None (with `reason`) when nothing is required."""
    required = required_skills(occupation.requirements, min_importance)
    taught = taught_levels(program)
    contributions = tuple(contribution(need, taught.get(need.skill_id)) for need in required)
    total = fsum(need.importance for need in required)
    coverage = fsum(c.contribution for c in contributions) / total if total > 0 else None
    # The taught levels are the "have" side of the same gap ordering next steps use.
    have = [replace(need, level=taught[need.skill_id]) for need in required
            if need.skill_id in taught]  # fmt: skip
    awarded = tuple(sorted(program.credential_ids & occupation.required_credential_ids))
    return Alignment(
        program_id=program.program_id,
        soc=occupation.soc,
        coverage=coverage,
        percent=as_percent(coverage),
        total_importance=total,
        contributions=contributions,
        gaps=tuple(skill_gap(have, required, min_importance=min_importance)),
        credential_aligned=bool(awarded),
        crosswalk_aligned=program.cip_code in occupation.crosswalk_cips,
        required_credentials_awarded=awarded,
        reason=None if coverage is not None else NO_REQUIRED_SKILLS,
    )


def contribution(need: Requirement, taught_level: float | None) -> SkillContribution:
    fraction = covered_fraction(need.level, taught_level)
    return SkillContribution(
        skill_id=need.skill_id,
        name=need.name,
        kind=need.kind,
        importance=need.importance,
        required_level=need.level,
        taught_level=taught_level,
        covered_fraction=fraction,
        contribution=need.importance * fraction,
    )


def partnership_matrix(
    occupations: Sequence[tuple[OccupationNeeds, int | None]],
    programs: Sequence[ProgramFacts],
    *,
    min_importance: float = REQUIRED_IMPORTANCE,
) -> list[MatrixRow]:
    """One row per (critical occupation, annual openings expected), in the order given, with
    one cell per program in the order given, and the row's flags:

    - NO_REGIONAL_PROGRAM: no program *leads there* — none is crosswalk-aligned or
      credential-aligned. Coverage alone does not count: almost every program teaches some
      reading or speaking, so "coverage > 0" would find a program for every occupation.
    - SEATS_BELOW_HALF_OF_OPENINGS: the seats of the programs that lead there are fewer than
      half the openings (not raised when openings are unknown); seats not reported add nothing.
    - BEST_COVERAGE_BELOW_60: the occupation requires skills and no program covers 60 % of
      them, as shown (the percentage to one decimal), including when there is no program.
    """
    taught = [(program, taught_levels(program)) for program in programs]
    return [
        matrix_row(occupation, openings, taught, min_importance)
        for occupation, openings in occupations
    ]


def matrix_row(
    occupation: OccupationNeeds,
    openings: int | None,
    programs: Sequence[tuple[ProgramFacts, dict[int, float]]],
    min_importance: float,
) -> MatrixRow:
    """One occupation against every program: coverage by walking each program's taught skills
    (about 20) rather than every requirement, since a skill not taught adds nothing."""
    required = required_skills(occupation.requirements, min_importance)
    total = fsum(need.importance for need in required)
    # importance × covered_fraction(level 0, anything) is the importance itself
    always_covered = [need.importance for need in required if need.level <= 0]
    scored = {need.skill_id: (need.importance, need.level) for need in required if need.level > 0}
    cells: list[MatrixCell] = []
    for program, levels in programs:
        coverage: float | None = None
        if total > 0:
            terms = always_covered.copy()
            for skill_id, level in levels.items():
                need = scored.get(skill_id)
                if need is not None:  # the same product as covered_fraction, inlined for speed
                    terms.append(need[0] * min(1.0, level / need[1]))
            coverage = fsum(terms) / total
        cells.append(
            MatrixCell(
                program_id=program.program_id,
                coverage=coverage,
                percent=as_percent(coverage),
                credential_aligned=not program.credential_ids.isdisjoint(
                    occupation.required_credential_ids
                ),
                crosswalk_aligned=program.cip_code in occupation.crosswalk_cips,
            )
        )
    return summarize(occupation, openings, total > 0, programs, cells)


def summarize(
    occupation: OccupationNeeds,
    openings: int | None,
    requires_skills: bool,
    programs: Sequence[tuple[ProgramFacts, dict[int, float]]],
    cells: list[MatrixCell],
) -> MatrixRow:
    """Best coverage, seats of the programs that lead there, and the flags."""
    scored = [cell for cell in cells if cell.coverage is not None]
    best = max(scored, key=lambda c: (c.coverage, -c.program_id), default=None)
    leading = [program for (program, _), cell in zip(programs, cells, strict=True)
               if cell.leads_there]  # fmt: skip
    seats = sum(program.seats_per_year or 0 for program in leading)
    flags: list[Flag] = []
    if not leading:
        flags.append(Flag.NO_REGIONAL_PROGRAM)
    if openings is not None and 2 * seats < openings:
        flags.append(Flag.SEATS_BELOW_HALF_OF_OPENINGS)
    best_percent = best.percent if best else None
    if requires_skills and (best_percent is None or best_percent < LOW_COVERAGE_PERCENT):
        flags.append(Flag.BEST_COVERAGE_BELOW_60)
    return MatrixRow(
        soc=occupation.soc,
        title=occupation.title,
        annual_openings=openings,
        best_coverage=best.coverage if best else None,
        best_percent=best_percent,
        best_program_id=best.program_id if best and best.coverage else None,
        seats_per_year=seats,
        seats_unreported=sum(1 for program in leading if program.seats_per_year is None),
        leading_program_ids=tuple(program.program_id for program in leading),
        cells=tuple(cells),
        flags=tuple(flags),
    )
