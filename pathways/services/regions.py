"""Labor-market regions and the OEWS areas their wages come from. Admins edit them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.codes import parse_area
from pathways.domain.errors import Conflict, InvalidInput, NotFound
from pathways.domain.slugs import parse_slug
from pathways.models import Area, Partnership, Provider, Region, RegionArea
from pathways.services import audit
from pathways.services.versions import check_version, flush

REGIONS = Target(Resource.REGION)


def list_regions(*, session: Session) -> list[Region]:
    query = sa.select(Region).options(selectinload(Region.areas).joinedload(RegionArea.area))
    return list(session.scalars(query.order_by(Region.name)))


def get_region(*, session: Session, slug: str, for_update: bool = False) -> Region:
    query = sa.select(Region).where(Region.slug == slug)
    if for_update:
        query = query.with_for_update()
    region = session.scalar(query.options(selectinload(Region.areas).joinedload(RegionArea.area)))
    if region is None:
        raise NotFound(f"no region {slug!r}")
    return region


def editable_region(*, session: Session, actor: Actor, slug: str) -> Region:
    """The region `slug`, for an actor about to edit it (an edit form, say)."""
    require(actor, Operation.UPDATE, REGIONS)
    return get_region(session=session, slug=slug)


def create_region(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    name: str,
    area_codes: Sequence[str],
    description: str | None = None,
) -> Region:
    require(actor, Operation.CREATE, REGIONS)
    slug = parse_slug(slug)
    taken = f"there is already a region {slug!r}"
    if session.scalar(sa.select(Region.id).where(Region.slug == slug)) is not None:
        raise Conflict(taken)
    region = Region(slug=slug, name=_name(name), description=description)
    region.areas = _areas(session, area_codes)
    session.add(region)
    flush(session, f"region {slug}", taken=taken)
    audit.record(
        session=session, actor=actor, action="create", entity="region", entity_id=slug,
        after=snapshot(region),
    )  # fmt: skip
    return region


def update_region(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    expected_version: int | None,
    changes: dict[str, Any],
) -> Region:
    """Change `name`, `description` or `area_codes` of the region at `expected_version`."""
    require(actor, Operation.UPDATE, REGIONS)
    region = get_region(session=session, slug=slug, for_update=True)
    check_version(f"region {slug}", region.version, expected_version)
    before = snapshot(region)
    if "area_codes" in changes:
        wanted = _areas(session, changes["area_codes"])
        if [link.area_code for link in wanted] != before["areas"]:
            region.areas = []
            session.flush()  # an area's position is unique in its region: drop the old first
            region.areas = wanted
    if "name" in changes:
        region.name = _name(changes["name"])
    if "description" in changes:
        region.description = changes["description"]
    after = snapshot(region)
    if after != before:
        # The region's own row is rewritten, so its version moves on even when only its
        # areas (rows of another table) changed.
        flag_modified(region, "name")
        flush(session, f"region {slug}")
        audit.record(
            session=session, actor=actor, action="update", entity="region", entity_id=slug,
            before=before, after=after,
        )  # fmt: skip
    return region


def delete_region(
    *, session: Session, actor: Actor, slug: str, expected_version: int | None
) -> None:
    require(actor, Operation.DELETE, REGIONS)
    region = get_region(session=session, slug=slug, for_update=True)
    check_version(f"region {slug}", region.version, expected_version)
    for model, what in ((Partnership, "partnerships"), (Provider, "providers")):
        users = session.scalar(
            sa.select(sa.func.count()).select_from(model).where(model.region_id == region.id)
        )
        if users:
            raise Conflict(f"region {slug} is the region of {users} {what}; move them first")
    before = snapshot(region)
    session.delete(region)
    flush(session, f"region {slug}")
    audit.record(
        session=session, actor=actor, action="delete", entity="region", entity_id=slug,
        before=before,
    )  # fmt: skip


def save_region(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    name: str,
    area_codes: Sequence[str],
    description: str | None = None,
) -> Region:
    """Create the region `slug`, or bring it to these values (the seed uses this)."""
    if session.scalar(sa.select(Region.id).where(Region.slug == slug)) is None:
        return create_region(
            session=session, actor=actor, slug=slug, name=name, area_codes=area_codes,
            description=description,
        )  # fmt: skip
    changes = {"name": name, "description": description, "area_codes": area_codes}
    return update_region(
        session=session, actor=actor, slug=slug, expected_version=None, changes=changes
    )


def snapshot(region: Region) -> dict[str, Any]:
    return {
        "slug": region.slug,
        "name": region.name,
        "description": region.description,
        "areas": [link.area_code for link in region.areas],
    }


def _name(value: str) -> str:
    name = (value or "").strip()
    if not name or len(name) > 200:
        raise InvalidInput.for_field("name", "a name of 1 to 200 characters is required")
    return name


def _areas(session: Session, area_codes: Sequence[str]) -> list[RegionArea]:
    if not area_codes:
        raise InvalidInput.for_field("areas", "a region needs at least one OEWS area")
    codes = [parse_area(code, field="areas") for code in area_codes]
    if len(set(codes)) != len(codes):
        raise InvalidInput.for_field("areas", "an area is listed twice")
    known = set(session.scalars(sa.select(Area.code).where(Area.code.in_(codes))))
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise InvalidInput.for_field("areas", f"unknown OEWS area(s): {', '.join(unknown)}")
    return [RegionArea(area_code=code, position=position) for position, code in enumerate(codes)]
