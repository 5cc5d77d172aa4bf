"""What the public occupation page shows, gathered once as plain values: the profile (the
same one the API serves), its wages for a chosen region as entry / median / experienced in
both annual and hourly terms, the programs nearby and the next steps (the same ones the
occupation flyer shows)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.flyers import FlyerProgram
from pathways.domain.occupations import OccupationProfile, SkillRequirement
from pathways.domain.pathways import NextSteps
from pathways.domain.wages import WageEstimate, WageFigure
from pathways.engines.wages import bls_wage
from pathways.models import Region, RegionArea
from pathways.services.flyers import plain_step, programs_leading_to
from pathways.services.next_steps import occupation_next_steps
from pathways.services.occupations import occupation_profile

TOP_SKILLS = 10  # of each kind: skills, knowledge
NEXT_STEPS = 10
LEVELS = (
    ("Entry", "25th percentile", "p25"),
    ("Median", "50th percentile", "median"),
    ("Experienced", "75th percentile", "p75"),
)


@dataclass(frozen=True, slots=True)
class RegionChoice:
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class WageLevelRow:
    """One wage level as people read it, with BLS's figure (or marker) per year and per hour."""

    level: str
    percentile: str
    annual: WageFigure
    hourly: WageFigure


@dataclass(frozen=True)
class OccupationPage:
    profile: OccupationProfile
    region: RegionChoice | None  # None: the nation
    regions: list[RegionChoice]
    wage_levels: tuple[WageLevelRow, ...]  # empty when BLS has no estimate anywhere in reach
    wage_source: str | None  # "BLS OEWS May 2025, Monroe, LA": the area and vintage used
    wider_area: (
        bool  # the region's own areas publish none: the figures are its state's or the nation's
    )
    skills: tuple[SkillRequirement, ...]
    knowledge: tuple[SkillRequirement, ...]
    programs: tuple[FlyerProgram, ...]
    next_steps: NextSteps


def region_choices(*, session: Session) -> list[RegionChoice]:
    rows = session.execute(sa.select(Region.slug, Region.name).order_by(Region.name))
    return [RegionChoice(slug, name) for slug, name in rows]


def occupation_page(*, session: Session, soc: str, region: str | None) -> OccupationPage:
    """The occupation page of `soc` priced for `region` (a slug; None: the nation).
    NotFound for an unknown occupation or region."""
    profile = occupation_profile(session=session, soc=soc, region=region)
    regions = region_choices(session=session)
    chosen = next((choice for choice in regions if choice.slug == region), None)
    estimate = profile.wages.estimate
    step = plain_step(profile.soc, profile.soc, profile.title, 1, None)
    region_id, own_areas = (None, set()) if chosen is None else _region_areas(session, chosen.slug)
    return OccupationPage(
        profile=profile,
        region=chosen,
        regions=regions,
        wage_levels=wage_levels(estimate),
        wage_source=None if estimate is None else bls_wage(estimate).label,
        wider_area=chosen is not None and (estimate is None or estimate.area.code not in own_areas),
        skills=_top(profile.skills),
        knowledge=_top(profile.knowledge),
        programs=programs_leading_to(session, region_id, [step]),
        next_steps=_steps_up(
            occupation_next_steps(session=session, soc=profile.soc, region=region, limit=20)
        ),
    )


def wage_levels(estimate: WageEstimate | None) -> tuple[WageLevelRow, ...]:
    if estimate is None:
        return ()
    return tuple(
        WageLevelRow(
            level,
            percentile,
            estimate.figure(f"annual_{field}"),
            estimate.figure(f"hourly_{field}"),
        )
        for level, percentile, field in LEVELS
    )


def _region_areas(session: Session, slug: str) -> tuple[int | None, set[str]]:
    """A region's id and the codes of its own OEWS areas."""
    rows = session.execute(
        sa.select(Region.id, RegionArea.area_code)
        .outerjoin(RegionArea, RegionArea.region_id == Region.id)
        .where(Region.slug == slug)
    ).all()
    region_id = rows[0][0] if rows else None
    return region_id, {code for _, code in rows if code is not None}


def _top(requirements: list[SkillRequirement]) -> tuple[SkillRequirement, ...]:
    """The most important ratings O*NET stands behind (suppressed ones are unreliable)."""
    return tuple(r for r in requirements if not r.suppressed)[:TOP_SKILLS]


def _steps_up(found: NextSteps) -> NextSteps:
    """Next steps that pay more, or whose pay is not known — as the occupation's flyer lists
    them: a move to lower pay is not a step on a career pathway."""
    ups = [step for step in found.items if step.wage_gain is None or step.wage_gain >= 0]
    return replace(found, items=tuple(ups[:NEXT_STEPS]))
