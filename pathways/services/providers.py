"""Education and training providers: high schools, colleges, workforce boards, employers and
apprenticeship sponsors, with their address, region, web site and contact. Admins create and
delete providers; a provider's editors change it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain import search
from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.errors import InvalidInput, NotFound
from pathways.domain.paging import Page
from pathways.domain.slugs import parse_slug
from pathways.domain.vocabulary import ProviderKind
from pathways.models import Program, Provider, Region
from pathways.services import audit
from pathways.services.paging import paginate
from pathways.services.partnerships import region_for
from pathways.services.saving import save_delete, save_update
from pathways.services.versions import check_version, flush

EDITABLE = (
    "name", "kind", "street", "city", "state", "postal_code", "website",
    "contact_name", "contact_email", "contact_phone",
)  # fmt: skip
TEXT_FIELDS = {"name": 200, "street": 200, "city": 100, "contact_name": 200, "website": 300}
# USPS codes of the states, DC and the territories where OEWS publishes wages.
STATES = frozenset({
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP",
})  # fmt: skip
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
POSTAL_CODE = re.compile(r"^\d{5}(-\d{4})?$")
WEBSITE = re.compile(r"^https?://[^\s<>\"'/]+\.[^\s<>\"']*$")
EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
PHONE = re.compile(r"^\+?[0-9(][0-9 ().\-]{5,24}[0-9]( ?(x|ext\.?) ?[0-9]{1,6})?$")
PATTERNS = {
    "postal_code": (POSTAL_CODE, "a ZIP code: 12345 or 12345-6789"),
    "website": (WEBSITE, "an http:// or https:// address"),
    "contact_email": (EMAIL, "an email address"),
    "contact_phone": (PHONE, "a telephone number, e.g. (318) 555-0100 ext. 12"),
}


def target(provider: Provider) -> Target:
    return Target(Resource.PROVIDER, provider_id=provider.id)


def list_providers(
    *,
    session: Session,
    region: str | None = None,
    q: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page[Provider]:
    """A–Z; `region` (a slug) keeps one region's providers, `q` words of the name or city."""
    query = sa.select(Provider).order_by(Provider.name, Provider.id)
    if region is not None:
        query = query.join(Region, Provider.region_id == Region.id).where(Region.slug == region)
    for word in search.terms(q or ""):
        query = query.where(
            sa.or_(
                sa.func.lower(Provider.name).contains(word, autoescape=True),
                sa.func.lower(Provider.city).contains(word, autoescape=True),
            )
        )
    return paginate(session, query, page=page, per_page=per_page)


def get_provider(*, session: Session, provider_id: int, for_update: bool = False) -> Provider:
    query = sa.select(Provider).where(Provider.id == provider_id)
    provider = session.scalar(query.with_for_update() if for_update else query)
    if provider is None:
        raise NotFound(f"no provider {provider_id}")
    return provider


def region_slug(*, session: Session, provider: Provider) -> str | None:
    if provider.region_id is None:
        return None
    region = session.get(Region, provider.region_id)
    return None if region is None else region.slug


def create_provider(*, session: Session, actor: Actor, values: Mapping[str, Any]) -> Provider:
    """A new provider (admins): `values` has `name`, `kind` and any other of EDITABLE, and
    `region` (a slug)."""
    require(actor, Operation.CREATE, Target(Resource.PROVIDER))
    for key in ("name", "kind"):
        if values.get(key) is None:
            raise InvalidInput.for_field(key, "required")
    provider = Provider()
    _apply(session, provider, values)
    session.add(provider)
    flush(session, "provider")
    audit.record(
        session=session, actor=actor, action="create", entity="provider",
        entity_id=provider.id, after=snapshot(session, provider),
    )  # fmt: skip
    return provider


def update_provider(
    *,
    session: Session,
    actor: Actor,
    provider_id: int,
    expected_version: int | None,
    changes: Mapping[str, Any],
) -> Provider:
    """Change any of EDITABLE or `region` (its editors and admins)."""
    provider = get_provider(session=session, provider_id=provider_id, for_update=True)
    require(actor, Operation.UPDATE, target(provider))
    what = f"provider {provider_id}"
    check_version(what, provider.version, expected_version)
    before = snapshot(session, provider)
    _apply(session, provider, changes)
    save_update(
        session, actor, what=what, entity="provider", entity_id=str(provider_id),
        before=before, after=snapshot(session, provider),
    )  # fmt: skip
    return provider


def delete_provider(
    *, session: Session, actor: Actor, provider_id: int, expected_version: int | None
) -> None:
    """Delete a provider and its programs (admins)."""
    provider = get_provider(session=session, provider_id=provider_id, for_update=True)
    require(actor, Operation.DELETE, target(provider))
    what = f"provider {provider_id}"
    check_version(what, provider.version, expected_version)
    programs = list(
        session.scalars(
            sa.select(Program).where(Program.provider_id == provider_id).order_by(Program.id)
        )
    )
    before = {**snapshot(session, provider), "programs": [p.title for p in programs]}
    for program in programs:  # the ORM would otherwise orphan them, not delete them
        session.delete(program)
    save_delete(
        session, actor, provider, what=what, entity="provider", entity_id=str(provider_id),
        before=before,
    )  # fmt: skip


def snapshot(session: Session, provider: Provider) -> dict[str, Any]:
    return {
        **{key: getattr(provider, key) for key in EDITABLE},
        "region": region_slug(session=session, provider=provider),
    }


def _apply(session: Session, provider: Provider, values: Mapping[str, Any]) -> None:
    if "region" in values:
        slug = (values["region"] or "").strip()
        region = region_for(session, parse_slug(slug, field="region")) if slug else None
        provider.region_id = None if region is None else region.id
    for key in EDITABLE:
        if key not in values:
            continue
        value = values[key]
        if key == "kind":
            provider.kind = _kind(value)
            continue
        text = (value or "").strip() or None
        if key == "name" and text is None:
            raise InvalidInput.for_field("name", "required")
        if text is not None:
            text = _checked(key, text)
        setattr(provider, key, text)


def checked_text(field: str, text: str, limit: int | None) -> str:
    """`text` of at most `limit` characters, without control characters (tabs and line
    breaks aside): PostgreSQL refuses NUL in text, and nobody means to type the others."""
    if limit is not None and len(text) > limit:
        raise InvalidInput.for_field(field, f"at most {limit} characters")
    if CONTROL.search(text):
        raise InvalidInput.for_field(field, "must not contain control characters")
    return text


def _checked(key: str, text: str) -> str:
    text = checked_text(key, text, TEXT_FIELDS.get(key))
    if key == "state":
        text = text.upper()
        if text not in STATES:
            raise InvalidInput.for_field(key, "a two-letter USPS state code, e.g. LA")
    if key in PATTERNS:
        pattern, explained = PATTERNS[key]
        if not pattern.match(text) or len(text) > 254:
            raise InvalidInput.for_field(key, explained)
    return text


def _kind(value: Any) -> ProviderKind:
    try:
        return ProviderKind(value)
    except ValueError:
        choices = ", ".join(kind.value for kind in ProviderKind)
        raise InvalidInput.for_field("kind", f"one of {choices}") from None
