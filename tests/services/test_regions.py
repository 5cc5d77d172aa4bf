"""Regions map to OEWS areas; saving one checks every area exists."""

import pytest

from pathways.domain.errors import InvalidInput, NotFound
from pathways.services.regions import get_region, list_regions, save_region


def test_sample_regions_are_seeded(session):
    slugs = {region.slug for region in list_regions(session=session)}
    assert {"northeast-louisiana", "inland-empire", "gallatin-valley"} <= slugs
    assert [a.area_code for a in get_region(session=session, slug="inland-empire").areas] == [
        "0040140"
    ]


def test_save_region_replaces_its_areas_in_order(session):
    save_region(session=session, slug="delta", name="Delta", area_codes=["0033740"])
    region = save_region(
        session=session, slug="delta", name="The Delta", area_codes=["2200000", "0033740"]
    )
    assert region.name == "The Delta"
    assert [link.area_code for link in region.areas] == ["2200000", "0033740"]


@pytest.mark.parametrize("areas", [[], ["0099999"], ["33740"]])
def test_region_needs_known_areas(session, areas):
    with pytest.raises(InvalidInput) as caught:
        save_region(session=session, slug="x", name="X", area_codes=areas)
    assert "areas" in caught.value.errors


def test_unknown_region(session):
    with pytest.raises(NotFound):
        get_region(session=session, slug="atlantis")
