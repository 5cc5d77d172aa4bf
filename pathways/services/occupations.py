"""An occupation's full profile: titles, wages for a place, skills, education, outlook."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.codes import parse_soc
from pathways.domain.errors import InvalidInput, NotFound
from pathways.domain.occupations import (
    BLS_NOTICE,
    ONET_ATTRIBUTION,
    DataSource,
    Education,
    EducationShare,
    JobZoneInfo,
    OccupationProfile,
    OutlookInfo,
    RelatedInfo,
    SkillRequirement,
)
from pathways.domain.vocabulary import SkillKind
from pathways.engines.next_steps import TIER_ORDER
from pathways.models import (
    AlternateTitle,
    EducationCategory,
    EducationRating,
    JobZone,
    Occupation,
    OccupationSkill,
    Outlook,
    RelatedOccupation,
    Skill,
)
from pathways.services.imports import latest_vintages
from pathways.services.wages import resolve_wages

RELATED_LIMIT = 20


def get_occupation(*, session: Session, soc: str) -> Occupation:
    code = parse_soc(soc)
    occupation = session.get(Occupation, code)
    if occupation is None:
        raise NotFound(f"no occupation {code} in the catalog")
    return occupation


def known_occupation(*, session: Session, soc: str, field: str = "soc") -> str:
    """`soc` as a catalog code, or InvalidInput on `field` (for input that names one)."""
    code = parse_soc(soc, field=field)
    if session.get(Occupation, code) is None:
        raise InvalidInput.for_field(field, f"no occupation {code} in the catalog")
    return code


def known_socs(*, session: Session, codes: Iterable[str]) -> set[str]:
    """Which of `codes` are catalog occupations."""
    wanted = set(codes)
    if not wanted:
        return set()
    found = sa.select(Occupation.soc_code).where(Occupation.soc_code.in_(wanted))
    return set(session.scalars(found))


def titles_of(*, session: Session, socs: Iterable[str]) -> dict[str, str]:
    """SOC code → title, for the codes that are in the catalog."""
    query = sa.select(Occupation.soc_code, Occupation.title).where(
        Occupation.soc_code.in_(set(socs))
    )
    return dict(session.execute(query).all())


def occupation_profile(
    *, session: Session, soc: str, area: str | None = None, region: str | None = None
) -> OccupationProfile:
    occupation = get_occupation(session=session, soc=soc)
    code = occupation.soc_code
    wages = resolve_wages(session=session, soc=code, area=area, region=region)
    projection = session.scalars(
        sa.select(Outlook).where(Outlook.soc_code == code).order_by(Outlook.base_year.desc())
    ).first()
    outlook = _outlook(projection) if projection is not None else None
    requirements = _requirements(session, code)
    vintages = latest_vintages(session=session)
    sources = [
        DataSource(
            "O*NET",
            vintages.get("onet", ""),
            ONET_ATTRIBUTION.format(release=vintages.get("onet", "")),
        ),
    ]
    if wages.estimate is not None:
        sources.append(DataSource("BLS OEWS", f"May {wages.estimate.vintage}", BLS_NOTICE))
    if outlook is not None:
        sources.append(
            DataSource(
                "BLS Employment Projections",
                f"{outlook.base_year}–{outlook.target_year}",
                BLS_NOTICE,
            )
        )
    return OccupationProfile(
        soc=code,
        onet_soc=occupation.onet_code,
        title=occupation.title,
        description=occupation.description,
        alternate_titles=list(
            session.scalars(
                sa.select(AlternateTitle.title)
                .where(AlternateTitle.soc_code == code)
                .order_by(AlternateTitle.title)
            )
        ),
        job_zone=_job_zone(session, occupation.job_zone),
        education=_education(session, code, projection),
        outlook=outlook,
        wages=wages,
        skills=[r for r in requirements if r.kind == SkillKind.SKILL],
        knowledge=[r for r in requirements if r.kind == SkillKind.KNOWLEDGE],
        related=_related(session, code),
        sources=sources,
    )


def _requirements(session: Session, soc: str) -> list[SkillRequirement]:
    rows = session.execute(
        sa.select(OccupationSkill, Skill)
        .join(Skill, OccupationSkill.skill_id == Skill.id)
        .where(OccupationSkill.soc_code == soc)
        .order_by(OccupationSkill.importance.desc(), OccupationSkill.level.desc(), Skill.name)
    )
    return [
        SkillRequirement(
            element_id=skill.element_id,
            name=skill.name,
            kind=skill.kind.value,
            importance=rating.importance,
            level=rating.level,
            suppressed=rating.suppressed,
        )
        for rating, skill in rows
    ]


def _job_zone(session: Session, zone: int | None) -> JobZoneInfo | None:
    found = session.get(JobZone, zone) if zone is not None else None
    if found is None:
        return None
    return JobZoneInfo(found.zone, found.name, found.education, found.experience, found.training)


def _outlook(row: Outlook) -> OutlookInfo:
    return OutlookInfo(
        base_year=row.base_year,
        target_year=row.target_year,
        reported_soc=row.reported_soc,
        reported_title=row.reported_title,
        employment=row.employment_base,
        projected_employment=row.employment_target,
        change_percent=row.change_percent,
        annual_openings=row.annual_openings,
        median_annual_wage=row.median_annual_wage,
        median_wage_top_coded=row.median_wage_top_coded,
    )


def _education(session: Session, soc: str, projection: Outlook | None) -> Education:
    """BLS's typical entry requirements, and O*NET's spread of required education."""
    shares = session.execute(
        sa.select(EducationRating.category, EducationCategory.label, EducationRating.percent)
        .join(
            EducationCategory,
            sa.and_(
                EducationCategory.scale == EducationRating.scale,
                EducationCategory.category == EducationRating.category,
            ),
        )
        .where(EducationRating.soc_code == soc, EducationRating.scale == "RL")
        .order_by(EducationRating.category)
    )
    return Education(
        typical_entry=projection.typical_education if projection else None,
        work_experience=projection.work_experience if projection else None,
        on_the_job_training=projection.on_the_job_training if projection else None,
        required_level=[EducationShare(c, label, pct) for c, label, pct in shares],
    )


def _related(session: Session, soc: str) -> list[RelatedInfo]:
    rows = session.execute(
        sa.select(Occupation.soc_code, Occupation.title, RelatedOccupation.tier)
        .join(RelatedOccupation, RelatedOccupation.related_soc_code == Occupation.soc_code)
        .where(RelatedOccupation.soc_code == soc)
        .order_by(RelatedOccupation.rank)
    )
    related = sorted(rows, key=lambda row: TIER_ORDER.get(row[2], len(TIER_ORDER)))
    return [RelatedInfo(code, title, tier) for code, title, tier in related[:RELATED_LIMIT]]
