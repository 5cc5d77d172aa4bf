"""Pathways as plain values: the graph an editor lays out, and what the engine computes from it
(routes, their totals, wages per step, next steps, skill gaps). The services turn rows into
these; the engines (`pathways.engines`) compute over them without a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pathways.domain.vocabulary import TransitionKind
from pathways.domain.wages import WageEstimate, WageLevels

HOURS_PER_YEAR = 2080  # BLS turns hourly wages into annual ones with 2,080 hours


@dataclass(frozen=True, slots=True)
class StepSpec:
    """An occupation on a stage (1 = entry); `key` names the step within its pathway."""

    key: str
    soc: str
    stage: int
    label: str | None = None


@dataclass(frozen=True, slots=True)
class TransitionSpec:
    """A move from one step to another, and what it takes."""

    source: str  # step key
    target: str  # step key
    kind: TransitionKind
    credential_ids: tuple[int, ...] = ()
    months_experience: int = 0
    months_training: int = 0
    cost_cents: int = 0
    earn_while_you_learn: bool = False
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class PathwayGraph:
    steps: tuple[StepSpec, ...]
    transitions: tuple[TransitionSpec, ...]


class WageSource(StrEnum):
    EMPLOYER = "employer"  # reported by the partnership's member employers
    BLS = "bls"  # BLS OEWS


@dataclass(frozen=True, slots=True)
class EmployerReport:
    """Wages a partnership's member employers report paying for one occupation."""

    soc: str
    pay_basis: str  # "hourly" or "annual"
    entry: float | None
    median: float | None
    experienced: float | None
    reported_on: date
    employer_count: int


@dataclass(frozen=True, slots=True)
class StepWage:
    """The wages shown for one occupation in one place, and where they come from.

    `levels` are the figures used (employer-reported when there are some, else BLS), in
    `basis` ("hourly" or "annual"); `bls` is kept beside employer figures so both can be shown.
    `annual_median` is the median as a yearly amount, for comparing steps; None when unknown.
    """

    source: WageSource
    label: str  # "Reported by 4 member employers, March 2026" or "BLS OEWS May 2025, Monroe, LA"
    basis: str
    levels: WageLevels
    annual_median: float | None
    bls: WageEstimate | None
    employer: EmployerReport | None


@dataclass(frozen=True, slots=True)
class Route:
    """One way through a pathway, from its first step to its last, with totals."""

    steps: tuple[str, ...]  # step keys, first to last
    transitions: tuple[TransitionSpec, ...]
    months_training: int
    months_experience: int
    cost_cents: int
    earn_while_you_learn: bool  # every transition that needs training pays while you learn
    credential_ids: tuple[int, ...]
    start_median: float | None  # annual
    end_median: float | None  # annual
    wage_gain: float | None  # annual median at the end minus at the start
    gain_per_training_month: float | None  # None when there is no training


class RouteSort(StrEnum):
    MONTHS = "months"  # months of training
    COST = "cost"
    WAGE_GAIN = "wage_gain"
    GAIN_PER_MONTH = "gain_per_month"
    STEPS = "steps"


@dataclass(frozen=True, slots=True)
class RouteSearch:
    routes: tuple[Route, ...]
    truncated: bool  # the bound was reached; more routes exist


@dataclass(frozen=True, slots=True)
class Requirement:
    """A skill an occupation requires, on O*NET's scales (importance 1–5, level 0–7)."""

    skill_id: int
    name: str
    kind: str
    importance: float
    level: float


@dataclass(frozen=True, slots=True)
class SkillGap:
    """A skill the target needs at a higher level than the source has it."""

    skill_id: int
    name: str
    kind: str
    importance: float
    have_level: float
    need_level: float

    @property
    def difference(self) -> float:
        return self.need_level - self.have_level

    @property
    def weight(self) -> float:
        """`importance × level difference`: gaps are listed largest first by this."""
        return self.importance * self.difference


@dataclass(frozen=True, slots=True)
class SkillOverride:
    """A partnership's change to one skill requirement: add, drop or re-weight it."""

    skill_id: int
    name: str
    kind: str
    action: str  # "add", "drop" or "reweight"
    importance: float | None = None
    level: float | None = None


@dataclass(frozen=True, slots=True)
class PathwayMove:
    """A transition out of an occupation in a published pathway: a next step someone laid out."""

    pathway_slug: str
    pathway_title: str
    target_soc: str
    target_label: str | None
    transition: TransitionSpec


@dataclass(frozen=True, slots=True)
class RelatedRef:
    """An O*NET related occupation: tier "Primary-Short" is the closest, then rank."""

    soc: str
    tier: str
    rank: int


@dataclass(frozen=True, slots=True)
class NextStep:
    """An occupation one can move to, why it is suggested, what it pays and what to learn."""

    soc: str
    moves: tuple[PathwayMove, ...]  # from published pathways; empty when only O*NET relates it
    related: RelatedRef | None
    wage: StepWage | None
    wage_gain: float | None  # annual median of the target minus of the origin
    skill_gaps: tuple[SkillGap, ...]
    title: str = ""  # the occupation's title, filled in by the service that has the catalog


@dataclass(frozen=True, slots=True)
class NextSteps:
    """Next steps from one occupation, priced for one place."""

    soc: str
    title: str
    wage: StepWage | None
    items: tuple[NextStep, ...]
