"""`make_*(session, **overrides)`: valid rows with sensible defaults, flushed, for tests that
need data the sample catalog does not hold."""

from __future__ import annotations

import itertools
import secrets
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Role
from pathways.domain.search import search_text
from pathways.domain.vocabulary import AreaKind, ProviderKind
from pathways.models import (
    ApiToken,
    Area,
    Occupation,
    Partnership,
    Provider,
    Region,
    RegionArea,
    User,
    Wage,
)
from pathways.services.passwords import hash_password
from pathways.services.tokens import hash_token

_numbers = itertools.count(1)


def make_occupation(session: Session, **overrides: Any) -> Occupation:
    n = next(_numbers)
    values: dict[str, Any] = {"soc_code": f"99-{n:04d}", "title": f"Test Occupation {n}"}
    values.update(overrides)
    values.setdefault("search_text", search_text(values["title"]))
    occupation = Occupation(**values)
    session.add(occupation)
    session.flush()
    return occupation


def make_area(session: Session, **overrides: Any) -> Area:
    n = next(_numbers)
    values: dict[str, Any] = {
        "code": f"09{n:05d}",
        "title": f"Test Metro {n}",
        "kind": AreaKind.METRO,
        "state_fips": "22",
    }
    values.update(overrides)
    area = Area(**values)
    session.add(area)
    session.flush()
    return area


def make_wage(session: Session, **overrides: Any) -> Wage:
    """A wage row in US dollars. Defaults: a complete May 2025 estimate."""
    values: dict[str, Any] = {
        "vintage": 2025,
        "employment": 100,
        "hourly_p25": 20.0,
        "hourly_median": 25.0,
        "hourly_p75": 30.0,
        "annual_p25": 41_600.0,
        "annual_median": 52_000.0,
        "annual_p75": 62_400.0,
    }
    values.update(overrides)
    wage = Wage(**values)
    session.add(wage)
    session.flush()
    return wage


def make_region(session: Session, *, areas: list[str], **overrides: Any) -> Region:
    n = next(_numbers)
    values: dict[str, Any] = {"slug": f"test-region-{n}", "name": f"Test Region {n}"}
    values.update(overrides)
    region = Region(**values)
    region.areas = [RegionArea(area_code=code, position=i) for i, code in enumerate(areas)]
    session.add(region)
    session.flush()
    return region


def make_partnership(session: Session, **overrides: Any) -> Partnership:
    n = next(_numbers)
    values: dict[str, Any] = {
        "slug": f"test-partnership-{n}",
        "name": f"Test Partnership {n}",
        "sector": "Healthcare",
    }
    values.update(overrides)
    if "region_id" not in values:
        values["region_id"] = session.scalar(sa.select(Region.id).order_by(Region.id).limit(1))
    partnership = Partnership(**values)
    session.add(partnership)
    session.flush()
    return partnership


def make_provider(session: Session, **overrides: Any) -> Provider:
    n = next(_numbers)
    values: dict[str, Any] = {"name": f"Test College {n}", "kind": ProviderKind.COMMUNITY_COLLEGE}
    values.update(overrides)
    provider = Provider(**values)
    session.add(provider)
    session.flush()
    return provider


def make_user(
    session: Session,
    *,
    role: Role = Role.ADMIN,
    partnerships: list[Partnership] | None = None,
    providers: list[Provider] | None = None,
    password: str | None = None,
    **overrides: Any,
) -> User:
    """A user straight into the database (services are what the tests test, not this)."""
    n = next(_numbers)
    user = User(**{"email": f"user{n}@example.org", "role": role, **overrides})
    user.partnerships = partnerships or []
    user.providers = providers or []
    if password is not None:
        user.password_hash = hash_password(password)
    session.add(user)
    session.flush()
    return user


def make_token(session: Session, user: User, **overrides: Any) -> str:
    """A working API token for `user`; returns the token itself."""
    secret = f"pwy_test_{next(_numbers)}_{secrets.token_urlsafe(16)}"
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(secret), **overrides))
    session.flush()
    return secret


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
