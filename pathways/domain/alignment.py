"""Alignment as plain values: what a program teaches, what an occupation needs, and how well the
one covers the other (SPEC §3.5). The services gather these facts; `pathways.engines.alignment`
computes over them; every number in a result carries what it was computed from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pathways.domain.pathways import Requirement, SkillGap

# Alignment.reason when coverage is None: a ratio over no skills would be 0/0, and neither 0 %
# (a failing program) nor 100 % (a perfect one) would tell the truth.
NO_REQUIRED_SKILLS = "The occupation requires no skill at importance 3.0 or more: nothing to cover."


@dataclass(frozen=True, slots=True)
class TaughtSkill:
    """A skill a program teaches, on O*NET's level scale (0–7)."""

    skill_id: int
    level: float


@dataclass(frozen=True, slots=True)
class ProgramFacts:
    """A program as the alignment engine sees it: what it awards, teaches and where it leads.

    `cip_code` is the canonical CIP 2020 code (`NN.NNNN`); `seats_per_year` is None when the
    provider has not said. One `taught` entry per skill (if a skill repeats, the highest level
    counts).
    """

    program_id: int
    title: str
    provider: str
    cip_code: str
    credential_ids: frozenset[int]
    seats_per_year: int | None
    taught: tuple[TaughtSkill, ...]


@dataclass(frozen=True, slots=True)
class OccupationNeeds:
    """What an occupation needs, for one partnership: `requirements` are its skills and
    knowledge after the partnership's overrides (all of them; the engine keeps the required
    ones), `required_credential_ids` the credentials it requires (not those it prefers or
    rewards), `crosswalk_cips` the CIP 2020 codes the NCES crosswalk maps to its SOC code."""

    soc: str
    title: str
    requirements: tuple[Requirement, ...]
    required_credential_ids: frozenset[int]
    crosswalk_cips: frozenset[str]


@dataclass(frozen=True, slots=True)
class SkillContribution:
    """One required skill's share of coverage, with everything it is computed from:
    `covered_fraction = min(1, taught_level / required_level)` (1 when the required level is
    0; 0 when the skill is not taught) and `contribution = importance × covered_fraction`."""

    skill_id: int
    name: str
    kind: str
    importance: float
    required_level: float
    taught_level: float | None  # None: the program does not teach the skill
    covered_fraction: float
    contribution: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """How well one program covers one occupation (SPEC §3.5).

    `coverage = Σ contribution / total_importance` over the required skills, 0–1, and
    `percent` is it × 100 rounded to one decimal (the figure shown). Both are None, with
    `reason`, when the occupation requires no skill. `gaps` are the required skills taught
    below their level, largest `importance × (required − taught)` first.
    """

    program_id: int
    soc: str
    coverage: float | None
    percent: float | None
    total_importance: float
    contributions: tuple[SkillContribution, ...]
    gaps: tuple[SkillGap, ...]
    credential_aligned: bool  # the program awards a credential the occupation requires
    crosswalk_aligned: bool  # the program's CIP code maps to the occupation's SOC code
    required_credentials_awarded: tuple[int, ...] = ()  # which ones, by id
    reason: str | None = None


class Flag(StrEnum):
    """A red flag on one critical occupation of a partnership's matrix."""

    NO_REGIONAL_PROGRAM = "no_regional_program"  # no program leads to it (crosswalk or credential)
    SEATS_BELOW_HALF_OF_OPENINGS = "seats_below_half_of_openings"
    BEST_COVERAGE_BELOW_60 = "best_coverage_below_60"


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One program against one occupation, without the per-skill detail (`align` gives it).
    A program `leads_there` when it is crosswalk- or credential-aligned."""

    program_id: int
    coverage: float | None
    percent: float | None
    credential_aligned: bool
    crosswalk_aligned: bool

    @property
    def leads_there(self) -> bool:
        return self.credential_aligned or self.crosswalk_aligned


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One critical occupation across a region's programs.

    `best_coverage` is the highest coverage of any program (None when there is no program or
    the occupation requires no skill), `best_program_id` the program that reaches it (lowest id
    on a tie; None when nothing is covered). `seats_per_year` sums the seats of the programs
    that lead there (`cells[i].leads_there`); `seats_unreported` counts those of them that
    have not said how many seats they have, so the sum is a floor.
    """

    soc: str
    title: str
    annual_openings: int | None
    best_coverage: float | None
    best_percent: float | None
    best_program_id: int | None
    seats_per_year: int
    seats_unreported: int
    leading_program_ids: tuple[int, ...]
    cells: tuple[MatrixCell, ...]
    flags: tuple[Flag, ...]
