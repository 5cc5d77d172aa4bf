"""Regional wages: metro → state → nation, newest vintage, labelled with what was used."""

import pytest

from pathways.domain.errors import InvalidInput, NotFound
from pathways.domain.wages import WageMarker
from pathways.services.wages import resolve_wages
from tests.factories import make_area, make_occupation, make_region, make_wage


def test_area_uses_its_own_newest_estimate(session):
    found = resolve_wages(session=session, soc="29-2061", area="0033740")
    assert found.estimate.area.code == "0033740"
    assert found.estimate.area.title == "Monroe, LA"
    assert found.estimate.vintage == 2025
    assert not found.fallback


def test_nation_by_default_and_newest_vintage_of_several(session):
    found = resolve_wages(session=session, soc="29-2061")
    assert found.requested_kind == "nation"
    assert found.estimate.area.code == "0000000"
    assert found.estimate.vintage == 2025  # May 2023 and May 2024 are loaded too


def test_region_resolves_through_its_areas(session):
    found = resolve_wages(session=session, soc="31-1131", region="northeast-louisiana")
    assert found.requested_name == "Northeast Louisiana"
    assert found.estimate.area.code == "0033740"


def test_metro_without_the_occupation_falls_back_to_its_state(session):
    occupation = make_occupation(session)
    metro = make_area(session, state_fips="22")
    make_wage(session, soc_code=occupation.soc_code, area_code="2200000", hourly_median=31.0)
    make_wage(session, soc_code=occupation.soc_code, area_code="0000000", hourly_median=29.0)
    found = resolve_wages(session=session, soc=occupation.soc_code, area=metro.code)
    assert found.estimate.area.code == "2200000"
    assert found.estimate.figure("hourly_median").dollars == 31.0
    assert found.fallback


def test_metro_whose_median_is_not_released_falls_back(session):
    occupation = make_occupation(session)
    metro = make_area(session, state_fips="22")
    make_wage(
        session,
        soc_code=occupation.soc_code,
        area_code=metro.code,
        hourly_median=None,
        annual_median=None,
        markers={"hourly_median": "not_released", "annual_median": "not_released"},
    )
    make_wage(session, soc_code=occupation.soc_code, area_code="0000000", hourly_median=29.0)
    found = resolve_wages(session=session, soc=occupation.soc_code, area=metro.code)
    assert found.estimate.area.code == "0000000"


def test_region_tries_all_its_areas_before_their_states(session):
    occupation = make_occupation(session)
    first, second = make_area(session, state_fips="22"), make_area(session, state_fips="06")
    make_wage(session, soc_code=occupation.soc_code, area_code="2200000")
    make_wage(session, soc_code=occupation.soc_code, area_code=second.code, hourly_median=40.0)
    region = make_region(session, areas=[first.code, second.code])
    found = resolve_wages(session=session, soc=occupation.soc_code, region=region.slug)
    assert found.estimate.area.code == second.code


def test_occupation_bls_reports_only_as_its_broad_group(session):
    found = resolve_wages(session=session, soc="31-1121", area="0033740")
    assert found.estimate.soc == "31-1120"
    assert found.reported_title == "Home Health and Personal Care Aides"


def test_markers_come_back_as_markers(session):
    occupation = make_occupation(session)
    make_wage(
        session,
        soc_code=occupation.soc_code,
        area_code="0000000",
        annual_p75=None,
        markers={"annual_p75": "top_coded"},
    )
    found = resolve_wages(session=session, soc=occupation.soc_code)
    experienced = found.estimate.levels("annual").experienced
    assert experienced.dollars is None
    assert experienced.marker is WageMarker.TOP_CODED


def test_no_wages_anywhere_is_an_empty_resolution_not_an_error(session):
    occupation = make_occupation(session)
    found = resolve_wages(session=session, soc=occupation.soc_code, area="0033740")
    assert found.estimate is None
    assert found.fallback


@pytest.mark.parametrize(
    ("place", "named"), [({"area": "0099999"}, "0099999"), ({"region": "nowhere"}, "nowhere")]
)
def test_unknown_places_are_not_found_by_name(session, place, named):
    with pytest.raises(NotFound, match=named):
        resolve_wages(session=session, soc="29-2061", **place)


def test_an_area_and_a_region_together_are_invalid(session):
    with pytest.raises(InvalidInput) as caught:
        resolve_wages(session=session, soc="29-2061", area="0033740", region="inland-empire")
    assert "region" in caught.value.errors
