"""Diagrams and flyers as plain values: everything a pathway diagram or a one-page flyer shows,
gathered by the services and turned into SVG, PNG, PDF or HTML by `pathways.render`.

Text here is as people typed it or as the catalog has it. The renderers escape it, translate
their own fixed strings and format numbers and dates for the flyer's language, so these values
hold numbers (dollars, cents, months), never preformatted text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pathways.domain.vocabulary import Modality, TransitionKind


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"


class Language(StrEnum):
    EN = "en"
    ES = "es"


class DiagramFormat(StrEnum):
    SVG = "svg"
    PNG = "png"
    PDF = "pdf"


# --- diagrams ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DiagramStep:
    """A box: an occupation on a stage (1 = entry), with its regional median wage."""

    key: str
    title: str
    stage: int
    annual_median: float | None  # dollars a year; None when no wage is published
    # Where a click on the box goes, on pages that show the diagram inline: a "#fragment" or a
    # "/site/path" the page builds itself, never text a user typed. None: not a link.
    href: str | None = None


@dataclass(frozen=True, slots=True)
class DiagramMove:
    """An arrow: what it takes to move from one step to another."""

    source: str  # step key
    target: str  # step key
    kind: TransitionKind
    credentials: tuple[str, ...]  # credential names
    months_training: int
    months_experience: int


@dataclass(frozen=True, slots=True)
class Diagram:
    """A pathway's drawing. `compact` is the flyer's version: moves show only their training
    time (the steps table beside it names the credentials), so it stays legible when a
    portrait page shrinks a wide drawing."""

    title: str
    steps: tuple[DiagramStep, ...]
    moves: tuple[DiagramMove, ...]
    language: Language = Language.EN
    compact: bool = False


# --- flyers --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Logo:
    content: bytes
    media_type: str  # image/png, image/jpeg or image/svg+xml (checked when it was uploaded)


@dataclass(frozen=True, slots=True)
class Branding:
    """Whose flyer it is: a partnership's brand, or Pathways' own for occupation flyers."""

    name: str
    primary_color: str | None  # "#RRGGBB"
    accent_color: str | None
    contact: str | None
    logo: Logo | None


@dataclass(frozen=True, slots=True)
class WageSourceNote:
    """Where a step's wages come from: member employers (how many, when) or BLS OEWS (area,
    May of `vintage`)."""

    employer_count: int | None = None
    reported_on: date | None = None
    area: str | None = None
    vintage: int | None = None

    @property
    def from_employers(self) -> bool:
        return self.employer_count is not None


@dataclass(frozen=True, slots=True)
class FlyerWages:
    """Entry (25th percentile), median and experienced (75th) pay, per hour or per year."""

    basis: str  # "hourly" or "annual"
    entry: float | None
    median: float | None
    experienced: float | None
    source: WageSourceNote
    # Levels ("entry", "median", "experienced") BLS reports only as at or above its top code;
    # their amount is the top code itself, shown as "≥ $239,200/yr".
    top_coded: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outlook:
    """BLS projections: the change in employment over the period and openings a year."""

    growth_percent: float | None
    annual_openings: int | None
    area: str  # where the projection is for, e.g. "United States"
    base_year: int
    target_year: int


@dataclass(frozen=True, slots=True)
class FlyerStep:
    """A row of the steps table: the occupation, its pay, and what it takes to get there."""

    key: str
    soc: str
    title: str
    stage: int
    wages: FlyerWages | None
    credentials: tuple[str, ...]  # needed to get there
    months_training: int | None  # None for an entry step with no move into it
    months_experience: int | None
    cost_cents: int | None
    earn_while_you_learn: bool
    outlook: Outlook | None


@dataclass(frozen=True, slots=True)
class FlyerProgram:
    """A program nearby that leads to one of the flyer's occupations."""

    provider: str
    title: str
    leads_to: str | None  # the step's title
    length_weeks: int | None
    cost_cents: int | None
    modality: Modality
    contact: str | None  # phone, email or website, as the provider gave it


@dataclass(frozen=True, slots=True)
class FlyerNextStep:
    """An occupation flyer's "where this can lead": a next step and its wage gain."""

    soc: str
    title: str
    annual_median: float | None
    wage_gain: float | None


@dataclass(frozen=True, slots=True)
class Source:
    """A data source and its vintage, e.g. ("BLS OEWS", "May 2025")."""

    name: str
    vintage: str


@dataclass(frozen=True, slots=True)
class Flyer:
    """One flyer: a pathway's (with `diagram_svg`) or an occupation's (with `next_steps`).

    `page_url` is where the QR code points and where "and N more" sends readers.
    """

    title: str
    subtitle: str  # the region, e.g. "Monroe, LA"
    description: str | None
    branding: Branding
    steps: tuple[FlyerStep, ...]
    programs: tuple[FlyerProgram, ...]
    skills: tuple[str, ...]  # most important first
    page_url: str
    sources: tuple[Source, ...]
    onet_release: str  # for the O*NET attribution, e.g. "29.3"
    generated_on: date
    diagram_svg: bytes | None = None
    next_steps: tuple[FlyerNextStep, ...] = ()
