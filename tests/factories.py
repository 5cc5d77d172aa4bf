"""`make_*(session, **overrides)`: valid rows with sensible defaults, flushed, for tests that
need data the sample catalog does not hold."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from pathways.domain.search import search_text
from pathways.domain.vocabulary import AreaKind
from pathways.models import Area, Occupation, Region, RegionArea, Wage

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
