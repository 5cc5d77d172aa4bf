"""What a pathway's flyer and diagram show, gathered from the workspace and the catalog as
plain values (`pathways.domain.flyers`) for the renderers: each step's wages for the
partnership's region, what it takes to get there, the programs nearby that lead to it, the
skills that matter most, the outlook and the sources with their vintages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from pathways.domain.access import Actor
from pathways.domain.flyers import (
    Branding,
    Diagram,
    DiagramMove,
    DiagramStep,
    Flyer,
    FlyerProgram,
    FlyerStep,
    FlyerWages,
    Logo,
    Outlook,
    Source,
    WageSourceNote,
)
from pathways.domain.pathways import StepWage, WageSource
from pathways.domain.vocabulary import CredentialRelation, TransitionKind
from pathways.domain.wages import TOP_CODES, WageMarker
from pathways.engines.skills import apply_overrides
from pathways.models import (
    CipSocLink,
    Credential,
    OccupationCredential,
    Partnership,
    Pathway,
    Program,
    Provider,
    Transition,
)
from pathways.models import Outlook as OutlookRow
from pathways.services.alignment import OFFERED
from pathways.services.imports import latest_vintages
from pathways.services.next_steps import requirements
from pathways.services.pathways import get_pathway
from pathways.services.requirement_overrides import skill_overrides
from pathways.services.routes import pathway_wages

REQUIRED_IMPORTANCE = 3.0  # SPEC §3.5: the skills an occupation requires
PROJECTIONS_AREA = "United States"  # BLS projects employment for the nation


@dataclass(frozen=True, slots=True)
class PathwayPrint:
    """A pathway version's flyer (without its diagram drawn) and its diagram."""

    slug: str
    tag: str  # "number.version": which version this is
    flyer: Flyer
    diagram: Diagram


def pathway_print(
    *, session: Session, actor: Actor, slug: str, version: str | None, page_url: str
) -> PathwayPrint:
    """The flyer and diagram of the version of `slug` that `actor` reads (`version` as in
    `get_pathway`)."""
    pathway = get_pathway(session=session, actor=actor, slug=slug, version=version)
    return print_of(session=session, pathway=pathway, page_url=page_url)


def print_of(*, session: Session, pathway: Pathway, page_url: str) -> PathwayPrint:
    partnership = pathway.partnership
    region, wages = pathway_wages(session=session, pathway=pathway)
    socs = [step.soc_code for step in pathway.steps]
    titles = {step.key: step.label or step.occupation.title for step in pathway.steps}
    names = _credential_names(pathway.transitions)
    steps = tuple(
        plain_step(step.key, step.soc_code, titles[step.key], step.stage, wages[step.key])
        for step in sorted(pathway.steps, key=lambda step: (step.stage, step.id))
    )
    steps = _with_ways_in(session, steps, pathway.transitions, names)
    outlooks = outlooks_of(session=session, socs=socs)
    steps = tuple(_with_outlook(step, outlooks.get(step.soc)) for step in steps)
    vintages = latest_vintages(session=session)
    flyer = Flyer(
        title=pathway.title,
        subtitle=region.name,
        description=pathway.summary,
        branding=branding_of(partnership),
        steps=steps,
        programs=programs_leading_to(session, partnership.region_id, steps, pathway.transitions),
        skills=skills_of(session, partnership.id, socs),
        page_url=page_url,
        sources=sources_of(vintages, wages.values(), bool(outlooks)),
        onet_release=vintages.get("onet", ""),
        generated_on=datetime.now(UTC).date(),
    )
    diagram = Diagram(
        title=pathway.title,
        steps=tuple(
            DiagramStep(step.key, step.title, step.stage, _annual(wages[step.key]))
            for step in steps
        ),
        moves=tuple(
            DiagramMove(
                move.source.key,
                move.target.key,
                move.kind,
                tuple(names[c.id] for c in move.credentials),
                move.months_training,
                move.months_experience,
            )
            for move in sorted(pathway.transitions, key=lambda move: move.id)
        ),
    )
    return PathwayPrint(pathway.slug, f"{pathway.number}.{pathway.version}", flyer, diagram)


def branding_of(partnership: Partnership) -> Branding:
    logo = None
    if partnership.logo is not None and partnership.logo_media_type is not None:
        logo = Logo(partnership.logo, partnership.logo_media_type)
    return Branding(
        name=partnership.brand_name or partnership.name,
        primary_color=partnership.primary_color,
        accent_color=partnership.accent_color,
        contact=partnership.contact_line,
        logo=logo,
    )


def flyer_wages(wage: StepWage | None) -> FlyerWages | None:
    if wage is None:
        return None
    if wage.source is WageSource.EMPLOYER and wage.employer is not None:
        note = WageSourceNote(
            employer_count=wage.employer.employer_count, reported_on=wage.employer.reported_on
        )
    elif wage.bls is not None:
        note = WageSourceNote(area=wage.bls.area.title, vintage=wage.bls.vintage)
    else:
        return None
    figures = {
        "entry": wage.levels.entry,
        "median": wage.levels.median,
        "experienced": wage.levels.experienced,
    }
    top_coded = tuple(level for level, f in figures.items() if f.marker is WageMarker.TOP_CODED)
    amounts = {
        level: TOP_CODES[wage.basis] if level in top_coded else figure.dollars
        for level, figure in figures.items()
    }
    return FlyerWages(basis=wage.basis, source=note, top_coded=top_coded, **amounts)


def outlooks_of(*, session: Session, socs: Iterable[str]) -> dict[str, Outlook]:
    """The newest BLS projection of each occupation."""
    query = sa.select(OutlookRow).where(OutlookRow.soc_code.in_(set(socs)))
    found: dict[str, Outlook] = {}
    for row in session.scalars(query.order_by(OutlookRow.base_year)):
        found[row.soc_code] = Outlook(
            growth_percent=row.change_percent,
            annual_openings=row.annual_openings,
            area=PROJECTIONS_AREA,
            base_year=row.base_year,
            target_year=row.target_year,
        )
    return found


def sources_of(
    vintages: dict[str, str], wages: Iterable[StepWage | None], projections: bool
) -> tuple[Source, ...]:
    """The sources a flyer cites, each with its vintage."""
    found = [Source("O*NET", vintages.get("onet", ""))]
    bls = sorted({wage.bls.vintage for wage in wages if wage is not None and wage.bls})
    if bls:
        found.append(Source("BLS OEWS", ", ".join(f"May {year}" for year in bls)))
    if projections and "projections" in vintages:
        found.append(Source("BLS Employment Projections", vintages["projections"]))
    if "crosswalk" in vintages:
        found.append(Source("NCES CIP–SOC crosswalk", vintages["crosswalk"]))
    return tuple(found)


def _annual(wage: StepWage | None) -> float | None:
    return None if wage is None else wage.annual_median


def plain_step(key: str, soc: str, title: str, stage: int, wage: StepWage | None) -> FlyerStep:
    """A step with its wages and no way in yet."""
    return FlyerStep(
        key=key,
        soc=soc,
        title=title,
        stage=stage,
        wages=flyer_wages(wage),
        credentials=(),
        months_training=None,
        months_experience=None,
        cost_cents=None,
        earn_while_you_learn=False,
        outlook=None,
    )


def _with_ways_in(
    session: Session,
    steps: tuple[FlyerStep, ...],
    transitions: Sequence[Transition],
    names: dict[int, str],
) -> tuple[FlyerStep, ...]:
    """What it takes to reach each step: the quickest move into it (an add-on only when
    nothing else leads there), or, for an entry step, the credentials its occupation
    requires."""
    into: dict[str, list[Transition]] = defaultdict(list)
    for move in transitions:
        into[move.target.key].append(move)
    entry_socs = [step.soc for step in steps if not into[step.key]]
    required = _required_credentials(session, entry_socs)
    result = []
    for step in steps:
        moves = into[step.key]
        if not moves:
            credentials = required.get(step.soc, [])
            costs = [cost for _, cost in credentials if cost is not None]
            result.append(
                replace(
                    step,
                    credentials=tuple(name for name, _ in credentials),
                    cost_cents=sum(costs) if costs else None,
                )
            )
            continue
        # A step reached by an add-on is also reached some other way only rarely; prefer
        # advancing or moving across, then the quickest and cheapest.
        best = min(
            moves,
            key=lambda move: (
                move.kind is TransitionKind.ADD_ON,
                move.months_training,
                move.cost,
                move.id,
            ),
        )
        result.append(
            replace(
                step,
                credentials=tuple(names[c.id] for c in best.credentials),
                months_training=best.months_training,
                months_experience=best.months_experience,
                cost_cents=best.cost,
                earn_while_you_learn=best.earn_while_you_learn,
            )
        )
    return tuple(result)


def _with_outlook(step: FlyerStep, outlook: Outlook | None) -> FlyerStep:
    return replace(step, outlook=outlook)


def _credential_names(transitions: Sequence[Transition]) -> dict[int, str]:
    return {
        credential.id: credential.name for move in transitions for credential in move.credentials
    }


def _required_credentials(
    session: Session, socs: Sequence[str]
) -> dict[str, list[tuple[str, int | None]]]:
    """Each occupation's required credentials: (name, typical cost in cents)."""
    query = (
        sa.select(OccupationCredential.soc_code, Credential.name, Credential.typical_cost)
        .join(Credential, OccupationCredential.credential_id == Credential.id)
        .where(
            OccupationCredential.soc_code.in_(set(socs)),
            OccupationCredential.relation == CredentialRelation.REQUIRED,
        )
        .order_by(OccupationCredential.soc_code, Credential.name)
    )
    found: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for soc, name, cost in session.execute(query):
        found[soc].append((name, cost))
    return dict(found)


def programs_leading_to(
    session: Session,
    region_id: int | None,
    steps: Sequence[FlyerStep],
    transitions: Sequence[Transition] = (),
) -> tuple[FlyerProgram, ...]:
    """Offered programs in the region that lead to a step: their CIP code crosswalks to the
    step's occupation, or they award a credential a move into the step needs; taking turns
    between steps, each step's by provider and title. Without a region, programs anywhere."""
    socs = {step.soc for step in steps}
    credential_steps: dict[int, set[str]] = defaultdict(set)
    for move in transitions:
        for credential in move.credentials:
            credential_steps[credential.id].add(move.target.key)
    keys_of: dict[str, list[str]] = defaultdict(list)  # two steps may share an occupation
    for step in steps:
        keys_of[step.soc].append(step.key)
    crosswalked = sa.select(CipSocLink.cip_code).where(CipSocLink.soc_code.in_(socs))
    awarding = (
        sa.select(Program.id).join(Program.credentials).where(Credential.id.in_(credential_steps))
    )
    query = (
        sa.select(Program, Provider)
        .join(Provider, Program.provider_id == Provider.id)
        .where(
            Program.status.in_(OFFERED),
            sa.or_(Program.cip_code.in_(crosswalked), Program.id.in_(awarding)),
        )
        .order_by(Provider.name, Program.title, Program.id)
        .options(selectinload(Program.credentials))
    )
    if region_id is not None:
        query = query.where(Provider.region_id == region_id)
    rows = session.execute(query).all()
    links = _crosswalk(session, {program.cip_code for program, _ in rows}, socs)
    order = {step.key: index for index, step in enumerate(steps)}
    found = []
    for program, provider in rows:
        keys = {key for soc in links.get(program.cip_code, ()) for key in keys_of[soc]}
        keys |= {key for c in program.credentials for key in credential_steps.get(c.id, ())}
        index = min((order[key] for key in keys), default=len(steps))
        leads_to = steps[index].title if index < len(steps) else None
        found.append(
            (
                index,
                FlyerProgram(
                    provider=provider.name,
                    title=program.title,
                    leads_to=leads_to,
                    length_weeks=program.length_weeks,
                    cost_cents=program.cost,
                    modality=program.modality,
                    contact=provider.contact_phone or provider.contact_email or provider.website,
                ),
            )
        )
    return _taking_turns(found)


def _taking_turns(programs: list[tuple[int, FlyerProgram]]) -> tuple[FlyerProgram, ...]:
    """Programs by step, taking turns: the first for each step (entry first), then the second
    for each, and so on — a flyer with room for three shows three steps' programs."""
    by_step: dict[int, list[FlyerProgram]] = defaultdict(list)
    for step, program in programs:
        by_step[step].append(program)
    queues = [by_step[step] for step in sorted(by_step)]
    longest = max((len(queue) for queue in queues), default=0)
    return tuple(queue[turn] for turn in range(longest) for queue in queues if turn < len(queue))


def _crosswalk(session: Session, cips: set[str], socs: set[str]) -> dict[str, list[str]]:
    query = sa.select(CipSocLink.cip_code, CipSocLink.soc_code).where(
        CipSocLink.cip_code.in_(cips), CipSocLink.soc_code.in_(socs)
    )
    found: dict[str, list[str]] = defaultdict(list)
    for cip, soc in session.execute(query.order_by(CipSocLink.soc_code)):
        found[cip].append(soc)
    return dict(found)


def skills_of(session: Session, partnership_id: int | None, socs: Sequence[str]) -> tuple[str, ...]:
    """The skills and knowledge the pathway's occupations require (importance ≥ 3 after the
    partnership's overrides), most important first."""
    overrides = (
        {}
        if partnership_id is None
        else skill_overrides(session=session, partnership_id=partnership_id, socs=socs)
    )
    best: dict[str, float] = {}
    for soc, needs in requirements(session, socs).items():
        for need in apply_overrides(needs, overrides.get(soc, ())):
            if need.importance >= REQUIRED_IMPORTANCE:
                best[need.name] = max(best.get(need.name, 0.0), need.importance)
    return tuple(sorted(best, key=lambda name: (-best[name], name)))
