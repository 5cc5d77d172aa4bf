"""`make_*(session, **overrides)`: valid rows with sensible defaults, flushed, for tests that
need data the sample catalog does not hold."""

from __future__ import annotations

import itertools
import secrets
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor, Role
from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.search import search_text
from pathways.domain.vocabulary import (
    AreaKind,
    AwardLevel,
    CredentialType,
    Modality,
    PayBasis,
    ProviderKind,
    RequirementAction,
    TransitionKind,
)
from pathways.models import (
    ApiToken,
    Area,
    Credential,
    CriticalOccupation,
    EmployerWage,
    Occupation,
    Partnership,
    Pathway,
    Program,
    Provider,
    Region,
    RegionArea,
    RequirementOverride,
    Skill,
    User,
    Wage,
)
from pathways.services.passwords import hash_password
from pathways.services.pathways import create_pathway, publish_pathway
from pathways.services.tokens import hash_token

_numbers = itertools.count(1)


def make_occupation(session: Session, **overrides: Any) -> Occupation:
    n = next(_numbers)
    # A SOC code has four digits after the dash; the counter passes 9999 in a full run.
    values: dict[str, Any] = {"soc_code": f"99-{n % 10_000:04d}", "title": f"Test Occupation {n}"}
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


def make_credential(session: Session, **overrides: Any) -> Credential:
    """A credential in the shared catalog, with no occupations linked."""
    n = next(_numbers)
    values: dict[str, Any] = {
        "name": f"Test Certificate {n}",
        "ctdl_type": CredentialType.CERTIFICATION,
        "issuer": "Test Issuing Board",
    }
    values.update(overrides)
    credential = Credential(**values)
    session.add(credential)
    session.flush()
    return credential


def make_critical_occupation(
    session: Session, *, partnership: Partnership, **overrides: Any
) -> CriticalOccupation:
    values: dict[str, Any] = {"soc_code": "29-1141", "priority": 1, "annual_openings": 10}
    values.update(overrides)
    row = CriticalOccupation(partnership_id=partnership.id, **values)
    session.add(row)
    session.flush()
    return row


def make_employer_wage(
    session: Session, *, partnership: Partnership, **overrides: Any
) -> EmployerWage:
    """An hourly report from three employers, in US dollars."""
    values: dict[str, Any] = {
        "soc_code": "31-1131",
        "pay_basis": PayBasis.HOURLY,
        "entry": 14.0,
        "median": 15.5,
        "experienced": 17.0,
        "reported_on": date(2025, 3, 1),
        "employer_count": 3,
    }
    values.update(overrides)
    row = EmployerWage(partnership_id=partnership.id, **values)
    session.add(row)
    session.flush()
    return row


def make_requirement_override(
    session: Session, *, partnership: Partnership, skill: str = "2.B.1.e", **overrides: Any
) -> RequirementOverride:
    """A re-weighted O*NET skill (`skill` is its element ID) for an occupation."""
    skill_id = session.scalar(sa.select(Skill.id).where(Skill.element_id == skill))
    values: dict[str, Any] = {
        "soc_code": "29-2061",
        "action": RequirementAction.REWEIGHT,
        "skill_id": skill_id,
        "importance": 4.0,
        "level": 4.0,
    }
    values.update(overrides)
    row = RequirementOverride(partnership_id=partnership.id, **values)
    session.add(row)
    session.flush()
    return row


# Nurse aide → practical nurse: an entry and a destination, so it can be published.
TWO_STEPS = PathwayGraph(
    (StepSpec("cna", "31-1131", 1), StepSpec("lpn", "29-2061", 2)),
    (TransitionSpec("cna", "lpn", TransitionKind.ADVANCE, months_training=12),),
)


def make_pathway(
    session: Session,
    *,
    partnership: Partnership,
    graph: PathwayGraph = TWO_STEPS,
    publish: bool = False,
    **overrides: Any,
) -> Pathway:
    """Version 1 of a pathway, drafted (and, with `publish`, published) through the services,
    so its steps, transitions and audit entries are as the app writes them."""
    n = next(_numbers)
    values: dict[str, Any] = {"slug": f"test-pathway-{n}", "title": f"Test Pathway {n}"}
    values.update(overrides)
    operator = Actor.operator("tests")
    pathway = create_pathway(
        session=session, actor=operator, partnership=partnership.slug, graph=graph, **values
    )
    if publish:
        pathway = publish_pathway(
            session=session, actor=operator, slug=pathway.slug, expected_tag=None
        )
    session.flush()  # the audit entries too
    return pathway


def make_program(session: Session, *, provider: Provider, **overrides: Any) -> Program:
    """A practical nursing certificate of `provider` (CIP 51.3901), teaching nothing yet."""
    n = next(_numbers)
    values: dict[str, Any] = {
        "title": f"Test Practical Nursing {n}",
        "cip_code": "51.3901",
        "award_level": AwardLevel.CERTIFICATE,
        "modality": Modality.IN_PERSON,
        "length_weeks": 48,
        "cost": 840_000,
        "seats_per_year": 40,
    }
    values.update(overrides)
    program = Program(provider_id=provider.id, **values)
    session.add(program)
    session.flush()
    return program
