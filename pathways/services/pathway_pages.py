"""What a pathway's page shows, as plain values: the flyer's gathering (steps with regional
wages and their sources, programs nearby, the diagram — `services.flyers.print_of`, so the
page and the flyer agree), every way into each step, and the routes compared side by side.
One read of the pathway serves it all."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from pathways.domain.access import Actor, Operation, can_read, can_write
from pathways.domain.flyers import Diagram, FlyerProgram, FlyerStep, Source
from pathways.domain.pathways import RouteSort
from pathways.domain.vocabulary import PathwayStatus, TransitionKind
from pathways.engines.routes import find_routes, sort_routes
from pathways.models import Pathway
from pathways.services.flyers import print_of
from pathways.services.pathway_graphs import to_graph
from pathways.services.pathways import draft_target, read_pathway

ROUTES_SHOWN = 12  # side by side: more than a dozen columns is a table nobody compares


@dataclass(frozen=True, slots=True)
class WayIn:
    """One transition into a step: from where, what kind, and what it takes."""

    source_key: str
    source_title: str
    kind: TransitionKind
    credentials: tuple[str, ...]
    months_training: int
    months_experience: int
    cost_cents: int
    earn_while_you_learn: bool
    notes: str | None


@dataclass(frozen=True, slots=True)
class PageStep:
    """A step's section: the flyer's row (title, wages with source, entry requirements),
    the catalog occupation it is, every way in, and programs nearby that lead to it."""

    row: FlyerStep
    occupation_title: str
    ways_in: tuple[WayIn, ...]
    programs: tuple[FlyerProgram, ...]


@dataclass(frozen=True, slots=True)
class PageRoute:
    steps: tuple[tuple[str, str], ...]  # (key, title), first to last
    credentials: tuple[str, ...]
    months_training: int
    months_experience: int
    cost_cents: int
    earn_while_you_learn: bool
    start_median: float | None  # annual
    end_median: float | None
    wage_gain: float | None


@dataclass(frozen=True, slots=True)
class VersionRef:
    number: int
    status: PathwayStatus
    published_at: datetime | None


@dataclass(frozen=True, slots=True)
class PathwayPage:
    slug: str
    title: str
    summary: str | None
    number: int
    status: PathwayStatus
    published_at: datetime | None
    partnership_slug: str
    partnership_name: str
    region_slug: str
    region_name: str
    steps: tuple[PageStep, ...]
    routes: tuple[PageRoute, ...]
    more_routes: bool  # routes left out (over ROUTES_SHOWN, or the search's own bound)
    other_programs: tuple[FlyerProgram, ...]  # nearby, leading to no one step
    diagram: Diagram
    sources: tuple[Source, ...]
    onet_release: str
    versions: tuple[VersionRef, ...]  # those the reader may see, oldest first
    can_edit: bool


def pathway_page(
    *, session: Session, actor: Actor, slug: str, version: str | None, page_url: str
) -> PathwayPage:
    """The page of the version of `slug` the actor reads (`version` as in `get_pathway`:
    the published one for readers, the draft for the partnership's editors)."""
    pathway, _ = read_pathway(session=session, actor=actor, slug=slug, version=version)
    found = print_of(session=session, pathway=pathway, page_url=page_url)
    rows = found.flyer.steps
    titles = {row.key: row.title for row in rows}
    occupations = {step.key: step.occupation.title for step in pathway.steps}
    ways = _ways_in(pathway, titles)
    programs, other = _programs_by_step(rows, found.flyer.programs)
    medians = {step.key: step.annual_median for step in found.diagram.steps}
    search = find_routes(to_graph(pathway), medians, limit=ROUTES_SHOWN + 1)
    ordered = sort_routes(search.routes, RouteSort.MONTHS)
    names = {c.id: c.name for move in pathway.transitions for c in move.credentials}
    drafts = can_read(actor, draft_target(pathway))
    return PathwayPage(
        slug=pathway.slug,
        title=pathway.title,
        summary=pathway.summary,
        number=pathway.number,
        status=pathway.status,
        published_at=pathway.published_at,
        partnership_slug=pathway.partnership.slug,
        partnership_name=pathway.partnership.name,
        region_slug=pathway.partnership.region.slug,
        region_name=found.flyer.subtitle,
        steps=tuple(
            PageStep(row, occupations[row.key], ways.get(row.key, ()), programs.get(row.key, ()))
            for row in rows
        ),
        routes=tuple(
            PageRoute(
                steps=tuple((key, titles[key]) for key in route.steps),
                credentials=tuple(dict.fromkeys(names[i] for i in route.credential_ids)),
                months_training=route.months_training,
                months_experience=route.months_experience,
                cost_cents=route.cost_cents,
                earn_while_you_learn=route.earn_while_you_learn,
                start_median=route.start_median,
                end_median=route.end_median,
                wage_gain=route.wage_gain,
            )
            for route in ordered[:ROUTES_SHOWN]
        ),
        more_routes=search.truncated or len(ordered) > ROUTES_SHOWN,
        other_programs=other,
        diagram=found.diagram,
        sources=found.flyer.sources,
        onet_release=found.flyer.onet_release,
        versions=tuple(
            VersionRef(row.number, row.status, row.published_at)
            for row in pathway.versions
            if drafts or row.status is not PathwayStatus.DRAFT
        ),
        can_edit=can_write(actor, Operation.UPDATE, draft_target(pathway)),
    )


def _ways_in(pathway: Pathway, titles: dict[str, str]) -> dict[str, tuple[WayIn, ...]]:
    found: dict[str, list[WayIn]] = defaultdict(list)
    for move in pathway.transitions:
        found[move.target.key].append(
            WayIn(
                source_key=move.source.key,
                source_title=titles[move.source.key],
                kind=move.kind,
                credentials=tuple(credential.name for credential in move.credentials),
                months_training=move.months_training,
                months_experience=move.months_experience,
                cost_cents=move.cost,
                earn_while_you_learn=move.earn_while_you_learn,
                notes=move.notes,
            )
        )
    return {key: tuple(ways) for key, ways in found.items()}


def _programs_by_step(
    rows: tuple[FlyerStep, ...], programs: tuple[FlyerProgram, ...]
) -> tuple[dict[str, tuple[FlyerProgram, ...]], tuple[FlyerProgram, ...]]:
    """The flyer's programs under the step each leads to (the first step of that title, as
    the flyer names it), and those that lead to none."""
    first_key: dict[str, str] = {}
    for row in rows:
        first_key.setdefault(row.title, row.key)
    by_step: dict[str, list[FlyerProgram]] = defaultdict(list)
    other: list[FlyerProgram] = []
    for program in programs:
        key = first_key.get(program.leads_to or "")
        (by_step[key] if key is not None else other).append(program)
    return {key: tuple(found) for key, found in by_step.items()}, tuple(other)
