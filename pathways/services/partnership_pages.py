"""What the public partnership page shows, as plain values: who the partnership is, its
critical occupations with employer-reported wages beside the BLS ones (each labelled with its
source), the pathways the reader may see, and the alignment matrix of its region's programs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from pathways.domain.access import Actor, Operation, Resource, Target, can_write
from pathways.domain.alignment import MatrixRow, ProgramFacts
from pathways.domain.occupations import ONET_ATTRIBUTION
from pathways.domain.pathways import StepWage
from pathways.domain.vocabulary import PathwayStatus
from pathways.engines.wages import bls_wage, employer_wage
from pathways.services.alignment import partnership_alignment
from pathways.services.employer_wages import latest_reports
from pathways.services.imports import latest_vintages
from pathways.services.pathways import list_pathways
from pathways.services.providers import list_providers
from pathways.services.wages import estimates_at, wage_place


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    kind: str
    website: str | None


@dataclass(frozen=True, slots=True)
class CriticalLine:
    """A critical occupation: the employers' figures (`employer`, when they reported any)
    and BLS OEWS for the region (`bls`), each with its own source label."""

    soc: str
    title: str
    priority: int
    annual_openings: int | None
    notes: str | None
    employer: StepWage | None
    bls: StepWage | None


@dataclass(frozen=True, slots=True)
class PathwayLink:
    slug: str
    title: str
    summary: str | None
    status: str  # "published", or "draft" for its editors


@dataclass(frozen=True, slots=True)
class ProviderLink:
    id: int
    name: str
    city: str | None


@dataclass(frozen=True)
class PartnershipPage:
    slug: str
    name: str
    sector: str
    description: str | None
    region_slug: str
    region_name: str
    has_logo: bool
    members: tuple[Member, ...]
    critical: tuple[CriticalLine, ...]
    pathways: tuple[PathwayLink, ...]
    programs: tuple[ProgramFacts, ...]  # the matrix's columns, in the order of its cells
    rows: tuple[MatrixRow, ...]
    may_edit: bool  # change its critical occupations, wages, branding
    may_add_pathway: bool
    providers: tuple[ProviderLink, ...]  # the schools and trainers of its region
    onet_notice: str  # the O*NET attribution: coverage is computed from O*NET ratings


def partnership_page(*, session: Session, actor: Actor, slug: str) -> PartnershipPage:
    """The page of partnership `slug` as `actor` sees it (drafts only for its editors)."""
    alignment = partnership_alignment(session=session, slug=slug)
    partnership = alignment.partnership
    region = partnership.region
    reports = latest_reports(session=session, partnership_id=partnership.id)
    estimates = estimates_at(
        session=session,
        socs=[row.soc_code for row in partnership.critical_occupations],
        place=wage_place(session=session, region=region.slug),
    )
    critical = []
    for row in partnership.critical_occupations:
        estimate = estimates[row.soc_code]
        report = reports.get(row.soc_code)
        critical.append(
            CriticalLine(
                soc=row.soc_code,
                title=row.occupation.title,
                priority=row.priority,
                annual_openings=row.annual_openings,
                notes=row.notes,
                employer=None if report is None else employer_wage(report, estimate),
                bls=None if estimate is None else bls_wage(estimate),
            )
        )
    pathways = list_pathways(session=session, actor=actor, partnership=slug)
    owned = Target(Resource.PARTNERSHIP, partnership_id=partnership.id)
    return PartnershipPage(
        slug=partnership.slug,
        name=partnership.name,
        sector=partnership.sector,
        description=partnership.description,
        region_slug=region.slug,
        region_name=region.name,
        has_logo=partnership.logo is not None and partnership.logo_media_type is not None,
        members=tuple(Member(m.name, m.kind.value, m.website) for m in partnership.members),
        critical=tuple(critical),
        pathways=tuple(
            PathwayLink(p.slug, p.title, p.summary, p.status.value)
            for p in pathways
            if p.status is not PathwayStatus.ARCHIVED
        ),
        programs=tuple(alignment.programs.values()),
        rows=tuple(alignment.rows),
        may_edit=can_write(actor, Operation.UPDATE, owned),
        may_add_pathway=can_write(
            actor, Operation.CREATE, Target(Resource.PATHWAY, partnership_id=partnership.id)
        ),
        providers=tuple(
            ProviderLink(p.id, p.name, p.city)
            for p in list_providers(session=session, region=region.slug, per_page=100).items
        ),
        onet_notice=onet_notice(session),
    )


def onet_notice(session: Session) -> str:
    """The O*NET attribution naming the release loaded, for pages showing O*NET-derived data."""
    return ONET_ATTRIBUTION.format(release=latest_vintages(session=session).get("onet", ""))
