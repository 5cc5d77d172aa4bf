"""Labor-market regions and the OEWS areas their wages come from."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from pathways.domain.codes import parse_area
from pathways.domain.errors import InvalidInput, NotFound
from pathways.models import Area, Region, RegionArea


def list_regions(*, session: Session) -> list[Region]:
    query = sa.select(Region).options(selectinload(Region.areas).joinedload(RegionArea.area))
    return list(session.scalars(query.order_by(Region.name)))


def get_region(*, session: Session, slug: str) -> Region:
    region = session.scalar(
        sa.select(Region)
        .where(Region.slug == slug)
        .options(selectinload(Region.areas).joinedload(RegionArea.area))
    )
    if region is None:
        raise NotFound(f"no region {slug!r}")
    return region


def save_region(
    *,
    session: Session,
    slug: str,
    name: str,
    area_codes: Sequence[str],
    description: str | None = None,
) -> Region:
    """Create the region `slug`, or replace its name, description and areas."""
    if not area_codes:
        raise InvalidInput.for_field("areas", "a region needs at least one OEWS area")
    codes = [parse_area(code, field="areas") for code in area_codes]
    known = set(session.scalars(sa.select(Area.code).where(Area.code.in_(codes))))
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise InvalidInput.for_field("areas", f"unknown OEWS area(s): {', '.join(unknown)}")
    region = session.scalar(sa.select(Region).where(Region.slug == slug))
    if region is None:
        region = Region(slug=slug, name=name)
        session.add(region)
    region.name = name
    region.description = description
    region.areas = [
        RegionArea(area_code=code, position=position) for position, code in enumerate(codes)
    ]
    session.flush()
    return region
