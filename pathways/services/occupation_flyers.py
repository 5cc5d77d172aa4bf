"""What an occupation's flyer shows: its wages where the reader is (a region, or the nation),
the skills it needs, its outlook, the programs that lead to it and where it can lead next."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from pathways.domain.flyers import Branding, Flyer, FlyerNextStep
from pathways.engines.wages import step_wage
from pathways.services.flyers import (
    outlooks_of,
    plain_step,
    programs_leading_to,
    skills_of,
    sources_of,
)
from pathways.services.imports import latest_vintages
from pathways.services.next_steps import occupation_next_steps
from pathways.services.occupations import occupation_profile
from pathways.services.regions import get_region

NEXT_STEPS = 12  # the flyer trims what does not fit; more are not worth reading
PATHWAYS_BRANDING = Branding(
    name="Pathways", primary_color="#1F4E79", accent_color="#2E8B57", contact=None, logo=None
)


def occupation_flyer(*, session: Session, soc: str, region: str | None, page_url: str) -> Flyer:
    """The flyer of occupation `soc`, priced for `region` (a region slug; None: the nation)."""
    profile = occupation_profile(session=session, soc=soc, region=region)
    region_id = None if region is None else get_region(session=session, slug=region).id
    wage = step_wage(bls=profile.wages.estimate, employer=None)
    outlook = outlooks_of(session=session, socs=[profile.soc]).get(profile.soc)
    step = replace(plain_step(profile.soc, profile.soc, profile.title, 1, wage), outlook=outlook)
    found = occupation_next_steps(session=session, soc=soc, region=region, limit=NEXT_STEPS)
    vintages = latest_vintages(session=session)
    return Flyer(
        title=profile.title,
        subtitle=profile.wages.requested_name,
        description=profile.description,
        branding=PATHWAYS_BRANDING,
        steps=(step,),
        programs=programs_leading_to(session, region_id, [step]),
        skills=skills_of(session, None, [profile.soc]),
        page_url=page_url,
        sources=sources_of(vintages, [wage], outlook is not None),
        onet_release=vintages.get("onet", ""),
        generated_on=datetime.now(UTC).date(),
        next_steps=tuple(
            FlyerNextStep(
                item.soc,
                item.title,
                None if item.wage is None else item.wage.annual_median,
                item.wage_gain,
            )
            for item in found.items
            if item.wage_gain is None or item.wage_gain >= 0  # a step up, or not known
        ),
    )
