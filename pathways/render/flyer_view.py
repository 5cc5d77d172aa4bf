"""A flyer as the text it prints, in the reader's language, built once before any HTML: the
template only places these strings, and Jinja escapes every one of them.

Free text is capped at generous lengths (a thousand-character title is a data error, not
something to lay out); lists are kept whole here and trimmed by the fitter (flyer_fit.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from pathways.domain.flyers import Flyer, FlyerProgram, FlyerStep, Language, Outlook
from pathways.render.flyer_words import NONE, Words
from pathways.render.i18n import long_date, number


@dataclass(frozen=True, slots=True)
class Caps:
    """How long a piece of free text may run, in characters, and how many credentials a
    step lists, before the rest gives way to "…" or "N more"."""

    title: int = 160
    name: int = 140
    contact: int = 200
    credentials: int = 3


GENEROUS = Caps()  # longer than the forms allow for most fields: real text is never cut
COMPACT = Caps(title=90, name=70, contact=90, credentials=1)  # when even that cannot fit


@dataclass(frozen=True, slots=True)
class StepRow:
    title: str
    stage: int
    entry: str  # "$12.37/hr", "$25,880/yr", "—"
    median: str
    experienced: str
    source: str | None  # "BLS OEWS May 2025, Monroe, LA"
    credentials: str | None  # "Practical Nursing Diploma, NCLEX-PN License"
    requirements: str | None  # "12 mo. training · 6 mo. experience"
    cost: str  # "$1,250", "No cost", "—"
    earn_while_you_learn: bool
    growth: str  # "+5.2%", "—"
    openings: str  # "3,210", "—"
    outlook_note: str | None  # "2024–2034, Louisiana" when the steps' outlooks differ


@dataclass(frozen=True, slots=True)
class ProgramRow:
    title: str
    provider: str
    leads_to: str
    length: str  # "48 weeks", "1.5 years"
    cost: str
    modality: str
    contact: str


@dataclass(frozen=True, slots=True)
class NextStepRow:
    title: str
    median: str  # "$118,040/yr"
    gain: str  # "+$39,770"


@dataclass(frozen=True, slots=True)
class FlyerView:
    """Everything the flyer prints, as text."""

    title: str
    subtitle: str
    brand: str  # the partnership's name
    contact: str | None
    steps: tuple[StepRow, ...]  # by stage
    programs: tuple[ProgramRow, ...]
    skills: tuple[str, ...]
    next_steps: tuple[NextStepRow, ...]
    outlook_period: str | None  # "2024–2034, Louisiana" when every step's outlook shares it
    sources: tuple[str, ...]  # "BLS OEWS, May 2025"
    onet_attribution: str
    generated_on: str  # "November 25, 2026"
    caps: Caps  # how far its free text was allowed to run


def flyer_view(flyer: Flyer, language: Language, caps: Caps = GENEROUS) -> FlyerView:
    words = Words(language)
    periods = {_period(step.outlook, caps) for step in flyer.steps if step.outlook}
    shared = periods.pop() if len(periods) == 1 else None
    contact = flyer.branding.contact
    return FlyerView(
        title=capped(flyer.title, caps.title),
        subtitle=capped(flyer.subtitle, caps.name),
        brand=capped(flyer.branding.name, caps.name),
        contact=capped(contact, caps.contact) if contact else None,
        steps=tuple(
            _step_row(step, words, caps, shared)
            for step in sorted(flyer.steps, key=lambda step: step.stage)
        ),
        programs=tuple(_program_row(program, words, caps) for program in flyer.programs),
        skills=tuple(capped(skill, caps.name) for skill in flyer.skills),
        next_steps=tuple(
            NextStepRow(
                capped(step.title, caps.name),
                words.annual(step.annual_median),
                words.gain(step.wage_gain),
            )
            for step in flyer.next_steps
        ),
        outlook_period=shared,
        sources=tuple(capped(f"{s.name}, {s.vintage}", caps.name) for s in flyer.sources),
        onet_attribution=words.onet_attribution(capped(flyer.onet_release, 20)),
        generated_on=long_date(flyer.generated_on, language),
        caps=caps,
    )


def capped(text: str, limit: int) -> str:
    """`text`, or its first words up to `limit` characters and an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def _step_row(step: FlyerStep, words: Words, caps: Caps, shared_period: str | None) -> StepRow:
    entry, median, experienced = words.pay(step.wages)
    outlook = step.outlook
    credentials = [capped(name, caps.name) for name in step.credentials[: caps.credentials]]
    if len(step.credentials) > caps.credentials:
        credentials.append(words.more(len(step.credentials) - caps.credentials))
    source = words.wage_source(step.wages)
    return StepRow(
        title=capped(step.title, caps.name),
        stage=step.stage,
        entry=entry,
        median=median,
        experienced=experienced,
        source=capped(source, caps.name) if source else None,
        credentials=", ".join(credentials) or None,
        requirements=words.requirements(step),
        cost=words.cost(step.cost_cents),
        earn_while_you_learn=step.earn_while_you_learn,
        growth=words.percent(outlook.growth_percent) if outlook else NONE,
        openings=(
            number(outlook.annual_openings, words.language)
            if outlook and outlook.annual_openings is not None
            else NONE
        ),
        outlook_note=_period(outlook, caps) if outlook and not shared_period else None,
    )


def _program_row(program: FlyerProgram, words: Words, caps: Caps) -> ProgramRow:
    return ProgramRow(
        title=capped(program.title, caps.name),
        provider=capped(program.provider, caps.name),
        leads_to=capped(program.leads_to, caps.name) if program.leads_to else NONE,
        length=words.length(program.length_weeks),
        cost=words.cost(program.cost_cents),
        modality=words.modality(program.modality),
        contact=capped(program.contact, caps.contact) if program.contact else NONE,
    )


def _period(outlook: Outlook, caps: Caps) -> str:
    return f"{outlook.base_year}–{outlook.target_year}, {capped(outlook.area, caps.name)}"
