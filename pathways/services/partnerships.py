"""Sector partnerships: who they are, their members and flyer branding, and their logo.
Admins create and delete partnerships; their editors change them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.errors import Conflict, InvalidInput, NotFound
from pathways.domain.paging import Page
from pathways.domain.slugs import parse_slug
from pathways.domain.vocabulary import MemberKind
from pathways.models import Partnership, PartnershipMember, Pathway, Region
from pathways.services import audit
from pathways.services.logos import check_logo
from pathways.services.paging import paginate
from pathways.services.regions import get_region
from pathways.services.versions import check_version, flush

HEX_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
TEXT_FIELDS = {"name": 200, "sector": 120, "brand_name": 200, "contact_line": 300}
EDITABLE = (
    "name", "sector", "description", "brand_name", "primary_color", "accent_color",
    "contact_line",
)  # fmt: skip


def target(partnership: Partnership) -> Target:
    return Target(Resource.PARTNERSHIP, partnership_id=partnership.id)


def list_partnerships(
    *, session: Session, page: int = 1, per_page: int = 20, region: str | None = None
) -> Page[Partnership]:
    query = sa.select(Partnership).options(*_loads()).order_by(Partnership.name)
    if region is not None:
        query = query.join(Region).where(Region.slug == region)
    return paginate(session, query, page=page, per_page=per_page)


def get_partnership(*, session: Session, slug: str, for_update: bool = False) -> Partnership:
    query = sa.select(Partnership).where(Partnership.slug == slug).options(*_loads())
    if for_update:
        query = query.with_for_update(of=Partnership)
    partnership = session.scalar(query)
    if partnership is None:
        raise NotFound(f"no partnership {slug!r}")
    return partnership


def get_partnership_by_id(*, session: Session, partnership_id: int) -> Partnership:
    partnership = session.scalar(
        sa.select(Partnership).where(Partnership.id == partnership_id).options(*_loads())
    )
    if partnership is None:
        raise NotFound(f"no partnership {partnership_id}")
    return partnership


def editable_partnership(
    *, session: Session, actor: Actor, slug: str, expected_version: int | None = None
) -> Partnership:
    """The partnership `slug`, locked, for an actor allowed to change it or what it owns."""
    partnership = get_partnership(session=session, slug=slug, for_update=True)
    require(actor, Operation.UPDATE, target(partnership))
    check_version(f"partnership {slug}", partnership.version, expected_version)
    return partnership


def create_partnership(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    name: str,
    sector: str,
    region: str,
    members: Sequence[Mapping[str, Any]] = (),
    **fields: Any,
) -> Partnership:
    """A new partnership (admins). `fields` are any of EDITABLE."""
    require(actor, Operation.CREATE, Target(Resource.PARTNERSHIP))
    slug = parse_slug(slug)
    taken = f"there is already a partnership {slug!r}"
    if session.scalar(sa.select(Partnership.id).where(Partnership.slug == slug)) is not None:
        raise Conflict(taken)
    partnership = Partnership(slug=slug, region=region_for(session, region))
    _apply(partnership, {"name": name, "sector": sector, **fields})
    partnership.members = _members(members)
    session.add(partnership)
    flush(session, f"partnership {slug}", taken=taken)
    audit.record(
        session=session, actor=actor, action="create", entity="partnership", entity_id=slug,
        after=snapshot(partnership),
    )  # fmt: skip
    return partnership


def update_partnership(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    expected_version: int | None,
    changes: Mapping[str, Any],
) -> Partnership:
    """Change any of EDITABLE, `region` (a region slug) or `members` (the whole list)."""
    partnership = editable_partnership(
        session=session, actor=actor, slug=slug, expected_version=expected_version
    )
    before = snapshot(partnership)
    # Members and the region first: their flush and query must not carry the partnership's
    # own row, which is saved once, at the end, so its version moves on by exactly one.
    if "members" in changes:
        wanted = _members(changes["members"])
        if _member_rows(wanted) != before["members"]:
            partnership.members = []
            session.flush()  # a member's name is unique in its partnership: drop the old first
            partnership.members = wanted
    if "region" in changes and changes["region"] != partnership.region.slug:
        partnership.region = region_for(session, changes["region"])
    _apply(partnership, {key: changes[key] for key in EDITABLE if key in changes})
    return _saved(session, actor, partnership, before)


def set_logo(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    expected_version: int | None,
    content: bytes | None,
) -> Partnership:
    """Store an uploaded logo (checked: PNG, JPEG or self-contained SVG), or remove it."""
    partnership = editable_partnership(
        session=session, actor=actor, slug=slug, expected_version=expected_version
    )
    media_type = None if content is None else check_logo(content)
    if content == partnership.logo:
        return partnership  # the same file again: nothing changes
    before = snapshot(partnership)
    partnership.logo_media_type, partnership.logo = media_type, content
    return _saved(session, actor, partnership, before, force=True)


def delete_partnership(
    *, session: Session, actor: Actor, slug: str, expected_version: int | None
) -> None:
    """Delete a partnership with everything it owns (admins)."""
    partnership = get_partnership(session=session, slug=slug, for_update=True)
    require(actor, Operation.DELETE, target(partnership))
    check_version(f"partnership {slug}", partnership.version, expected_version)
    before = snapshot(partnership)
    pathways = session.scalars(
        sa.select(Pathway.slug).where(Pathway.partnership_id == partnership.id).distinct()
    ).all()
    session.delete(partnership)
    flush(session, f"partnership {slug}")
    audit.record(
        session=session, actor=actor, action="delete", entity="partnership", entity_id=slug,
        before={**before, "pathways": sorted(pathways)},
    )  # fmt: skip


def snapshot(partnership: Partnership) -> dict[str, Any]:
    logo = partnership.logo
    return {
        "slug": partnership.slug,
        "region": partnership.region.slug,
        **{key: getattr(partnership, key) for key in EDITABLE},
        "members": _member_rows(partnership.members),
        "logo": None if logo is None else f"{partnership.logo_media_type}, {len(logo)} bytes",
    }


def _saved(
    session: Session,
    actor: Actor,
    partnership: Partnership,
    before: dict[str, Any],
    *,
    force: bool = False,
) -> Partnership:
    after = snapshot(partnership)
    if after != before or force:
        flag_modified(partnership, "name")  # members live in another table: bump the version
        flush(session, f"partnership {partnership.slug}")
        audit.record(
            session=session, actor=actor, action="update", entity="partnership",
            entity_id=partnership.slug, before=before, after=after,
        )  # fmt: skip
    return partnership


def region_for(session: Session, slug: str) -> Region:
    """The region a partnership names, or InvalidInput on `region` (it is the input's fault)."""
    try:
        return get_region(session=session, slug=slug)
    except NotFound as error:
        raise InvalidInput.for_field("region", error.message) from None


def _apply(partnership: Partnership, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip() or None
        if key in ("name", "sector") and not value:
            raise InvalidInput.for_field(key, "required")
        limit = TEXT_FIELDS.get(key)
        if limit is not None and value is not None and len(value) > limit:
            raise InvalidInput.for_field(key, f"at most {limit} characters")
        if key.endswith("_color") and value is not None and not HEX_COLOR.match(value):
            raise InvalidInput.for_field(key, "a colour is written #RRGGBB, e.g. #0B5D8C")
        setattr(partnership, key, value.upper() if key.endswith("_color") and value else value)


def _members(members: Sequence[Mapping[str, Any]]) -> list[PartnershipMember]:
    rows: list[PartnershipMember] = []
    seen: set[str] = set()
    for index, member in enumerate(members):
        field = f"members[{index}]"
        name = (member.get("name") or "").strip()
        if not name or len(name) > 200:
            raise InvalidInput.for_field(f"{field}.name", "a name of 1 to 200 characters")
        if name.casefold() in seen:
            raise InvalidInput.for_field(f"{field}.name", f"{name!r} is listed twice")
        seen.add(name.casefold())
        try:
            kind = MemberKind(member.get("kind", MemberKind.OTHER))
        except ValueError:
            choices = ", ".join(kind.value for kind in MemberKind)
            raise InvalidInput.for_field(f"{field}.kind", f"one of {choices}") from None
        website = (member.get("website") or "").strip() or None
        if website is not None and not re.match(r"^https?://[^\s<>\"']+$", website):
            raise InvalidInput.for_field(f"{field}.website", "an http(s) address")
        rows.append(PartnershipMember(name=name, kind=kind, website=website))
    return rows


def _member_rows(members: Sequence[PartnershipMember]) -> list[dict[str, Any]]:
    return [{"name": m.name, "kind": m.kind.value, "website": m.website} for m in members]


def _loads() -> tuple[Any, ...]:
    return (selectinload(Partnership.members), selectinload(Partnership.region))
