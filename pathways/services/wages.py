"""Wages for an occupation in a place: the area's own estimate first, then its state's, then
the nation's, always the newest vintage, and always saying which area and vintage was used."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.codes import NATIONAL_AREA, broad_group, parse_area, state_area_code
from pathways.domain.errors import InvalidInput, NotFound
from pathways.domain.occupations import WageResolution
from pathways.domain.vocabulary import AreaKind
from pathways.domain.wages import (
    WAGE_FIELDS,
    AreaRef,
    WageEstimate,
    WageFigure,
    WageMarker,
    first_with_median,
)
from pathways.models import Area, Occupation, Region, Wage
from pathways.services.regions import get_region


def fallback_chain(areas: Sequence[Area]) -> list[str]:
    """Area codes to try, in order: the areas themselves, their states, the nation."""
    chain: list[str] = []
    for area in areas:
        chain.append(area.code)
    for area in areas:
        if area.kind in (AreaKind.METRO, AreaKind.NONMETRO):
            chain.append(state_area_code(area.state_fips))
    chain.append(NATIONAL_AREA)
    return list(dict.fromkeys(chain))


@dataclass(frozen=True)
class WagePlace:
    """Where wages are wanted, and the OEWS areas to try there, most local first."""

    kind: str  # "area", "region" or "nation"
    code: str
    name: str
    chain: list[str]


def wage_place(
    *, session: Session, area: str | None = None, region: str | None = None
) -> WagePlace:
    """An OEWS area, a partnership region, or (neither given) the nation."""
    if area is not None and region is not None:
        raise InvalidInput.for_field("region", "give an area or a region, not both")
    if area is not None:
        found = session.get(Area, parse_area(area))
        if found is None:
            raise NotFound(f"no OEWS area {area} in the catalog")
        return WagePlace("area", found.code, found.title, fallback_chain([found]))
    if region is not None:
        regional: Region = get_region(session=session, slug=region)
        chain = fallback_chain([link.area for link in regional.areas])
        return WagePlace("region", regional.slug, regional.name, chain)
    return WagePlace("nation", NATIONAL_AREA, "United States", [NATIONAL_AREA])


def resolve_wages(
    *, session: Session, soc: str, area: str | None = None, region: str | None = None
) -> WageResolution:
    """Wages for `soc` in an OEWS area, a partnership region, or (neither given) the nation."""
    place = wage_place(session=session, area=area, region=region)
    estimate = best_estimate(session=session, soc=soc, chain=place.chain)
    reported_title = None
    if estimate is None:
        # BLS publishes some occupations only as their broad group (31-1121 under 31-1120).
        group = broad_group(soc)
        if group != soc:
            estimate = best_estimate(session=session, soc=group, chain=place.chain)
            if estimate is not None:
                reported_title = session.scalar(
                    sa.select(Occupation.title).where(Occupation.soc_code == group)
                )
    return WageResolution(place.kind, place.code, place.name, estimate, reported_title)


def estimates_at(
    *, session: Session, socs: Iterable[str], place: WagePlace
) -> dict[str, WageEstimate | None]:
    """`resolve_wages`' estimate for many occupations in one place, in one query: a page of
    next steps or a partnership's occupations does not look the place up for each."""
    wanted = set(socs)
    codes = wanted | {broad_group(soc) for soc in wanted}
    rows = session.execute(
        sa.select(Wage, Area)
        .join(Area, Wage.area_code == Area.code)
        .where(Wage.soc_code.in_(codes), Wage.area_code.in_(place.chain))
        .order_by(Wage.vintage.desc())
    )
    newest: dict[tuple[str, str], WageEstimate] = {}
    for wage, found in rows:
        newest.setdefault((wage.soc_code, found.code), to_estimate(wage, found))

    def best(soc: str) -> WageEstimate | None:
        return first_with_median([newest[soc, c] for c in place.chain if (soc, c) in newest])

    return {soc: best(soc) or best(broad_group(soc)) for soc in wanted}


def best_estimate(*, session: Session, soc: str, chain: Sequence[str]) -> WageEstimate | None:
    """The newest estimate for each area of `chain`, and of those the first with a median."""
    rows = session.execute(
        sa.select(Wage, Area)
        .join(Area, Wage.area_code == Area.code)
        .where(Wage.soc_code == soc, Wage.area_code.in_(chain))
        .order_by(Wage.vintage.desc())
    )
    newest: dict[str, WageEstimate] = {}
    for wage, area in rows:
        newest.setdefault(area.code, to_estimate(wage, area))
    return first_with_median([newest[code] for code in chain if code in newest])


def to_estimate(wage: Wage, area: Area) -> WageEstimate:
    markers = wage.markers or {}
    figures = {
        field: WageFigure(
            getattr(wage, field),
            WageMarker(markers[field]) if field in markers else None,
        )
        for field in WAGE_FIELDS
    }
    return WageEstimate(
        soc=wage.soc_code,
        area=AreaRef(area.code, area.title, area.kind.value),
        vintage=wage.vintage,
        employment=wage.employment,
        figures=figures,
    )
