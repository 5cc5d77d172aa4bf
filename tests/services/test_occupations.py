"""An occupation's profile gathers O*NET and BLS facts, each with its source."""

import pytest

from pathways.domain.errors import InvalidInput, NotFound
from pathways.services.occupations import occupation_profile


def test_profile_of_licensed_practical_nurses(session):
    profile = occupation_profile(session=session, soc="29-2061", area="0033740")
    assert profile.onet_soc == "29-2061.00"
    assert profile.job_zone.zone == 3
    assert profile.education.typical_entry == "Postsecondary nondegree award"
    assert {share.category for share in profile.education.required_level} >= {1, 2, 3}
    assert profile.outlook.base_year == 2024
    assert profile.outlook.annual_openings > 0
    assert profile.wages.estimate.area.title == "Monroe, LA"


def test_skills_and_knowledge_are_on_onet_scales_most_important_first(session):
    profile = occupation_profile(session=session, soc="29-1141")
    assert len(profile.skills) == 35
    assert len(profile.knowledge) == 33
    for requirement in profile.skills + profile.knowledge:
        assert 1 <= requirement.importance <= 5
        assert 0 <= requirement.level <= 7
    importances = [r.importance for r in profile.skills]
    assert importances == sorted(importances, reverse=True)


def test_related_occupations_closest_tier_first(session):
    related = occupation_profile(session=session, soc="31-1131").related
    tiers = [r.tier for r in related]
    assert tiers == sorted(tiers, key=["Primary-Short", "Primary-Long", "Supplemental"].index)


def test_sources_carry_the_onet_attribution_and_vintages(session):
    sources = {s.name: s for s in occupation_profile(session=session, soc="29-2061").sources}
    assert sources["O*NET"].vintage == "29.3"
    assert "CC BY 4.0" in sources["O*NET"].notice
    assert sources["BLS OEWS"].vintage == "May 2025"


def test_specialty_titles_are_alternate_titles(session):
    titles = occupation_profile(session=session, soc="29-1141").alternate_titles
    assert "Acute Care Nurses" in titles


def test_unknown_occupation_is_not_found(session):
    with pytest.raises(NotFound, match="29-9999"):
        occupation_profile(session=session, soc="29-9999")


def test_malformed_code_is_invalid_input(session):
    with pytest.raises(InvalidInput):
        occupation_profile(session=session, soc="nurse")
