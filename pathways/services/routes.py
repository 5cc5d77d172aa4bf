"""Routes through a pathway, priced with the wages of its partnership's region: what each step
pays (employer-reported when the partnership has a report, else BLS for the region's areas,
then state, then nation) and what each route costs and gains."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import InvalidInput
from pathways.domain.pathways import RouteSearch, RouteSort, StepWage
from pathways.engines.routes import find_routes, sort_routes
from pathways.engines.wages import step_wage
from pathways.models import Pathway, Region
from pathways.services.employer_wages import latest_reports
from pathways.services.partnerships import get_partnership_by_id
from pathways.services.pathway_graphs import to_graph
from pathways.services.pathways import get_pathway
from pathways.services.wages import estimates_at, wage_place

MAX_ROUTES = 500


@dataclass(frozen=True)
class PathwayRoutes:
    pathway: Pathway
    region: Region
    wages: dict[str, StepWage | None]  # by step key
    search: RouteSearch  # sorted as asked


def pathway_wages(
    *, session: Session, pathway: Pathway
) -> tuple[Region, dict[str, StepWage | None]]:
    """The wage each step shows, for the pathway partnership's region."""
    partnership = get_partnership_by_id(session=session, partnership_id=pathway.partnership_id)
    reports = latest_reports(session=session, partnership_id=partnership.id)
    place = wage_place(session=session, region=partnership.region.slug)
    estimates = estimates_at(
        session=session, socs={step.soc_code for step in pathway.steps}, place=place
    )
    by_soc = {soc: step_wage(bls=bls, employer=reports.get(soc)) for soc, bls in estimates.items()}
    return partnership.region, {step.key: by_soc[step.soc_code] for step in pathway.steps}


def pathway_routes(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    version: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    sort: RouteSort = RouteSort.MONTHS,
    descending: bool | None = None,
    limit: int = 200,
) -> PathwayRoutes:
    """Every route from `origin` (a step key; None: from no credential, i.e. every entry
    step) to `destination` (None: every destination), sorted by `sort`."""
    pathway = get_pathway(session=session, actor=actor, slug=slug, version=version)
    keys = {step.key for step in pathway.steps}
    for field, key in (("from", origin), ("to", destination)):
        if key is not None and key not in keys:
            choices = ", ".join(sorted(keys)) or "none"
            raise InvalidInput.for_field(field, f"no step {key!r} in this pathway ({choices})")
    if not 1 <= limit <= MAX_ROUTES:
        raise InvalidInput.for_field("limit", f"from 1 to {MAX_ROUTES}")
    region, wages = pathway_wages(session=session, pathway=pathway)
    medians = {key: None if wage is None else wage.annual_median for key, wage in wages.items()}
    found = find_routes(
        to_graph(pathway), medians, origin=origin, destination=destination, limit=limit
    )
    ordered = sort_routes(found.routes, sort, descending=descending)
    return PathwayRoutes(pathway, region, wages, RouteSearch(tuple(ordered), found.truncated))
