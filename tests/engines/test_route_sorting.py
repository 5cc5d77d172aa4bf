"""Sorting routes: sensible default directions, unknown measures last, ties by steps."""

import pytest

from pathways.domain.pathways import RouteSort
from pathways.engines.routes import find_routes, sort_routes
from tests.engines.test_routes import (
    CNA_RN,
    MEDIANS,
    NURSING,
    PHLEBOTOMY_RN,
    TO_MA,
    VIA_PHLEBOTOMY,
)

# months 38 / 9 / 36 / 36; cost $27,300 / $3,500 / $26,400 / $26,400;
# gain 48,000 / unknown / 48,000 / 46,000; per month 1,263 / unknown / 1,333 / 1,278
ROUTES = find_routes(NURSING, MEDIANS).routes


def order(by: RouteSort, descending: bool | None = None) -> list[tuple[str, ...]]:
    return [route.steps for route in sort_routes(ROUTES, by, descending=descending)]


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        (RouteSort.MONTHS, [TO_MA, CNA_RN, PHLEBOTOMY_RN, VIA_PHLEBOTOMY]),
        (RouteSort.COST, [TO_MA, CNA_RN, PHLEBOTOMY_RN, VIA_PHLEBOTOMY]),
        (RouteSort.STEPS, [TO_MA, CNA_RN, PHLEBOTOMY_RN, VIA_PHLEBOTOMY]),
        (RouteSort.WAGE_GAIN, [VIA_PHLEBOTOMY, CNA_RN, PHLEBOTOMY_RN, TO_MA]),
        (RouteSort.GAIN_PER_MONTH, [CNA_RN, PHLEBOTOMY_RN, VIA_PHLEBOTOMY, TO_MA]),
    ],
)
def test_default_directions_least_time_and_cost_most_gain(by, expected):
    assert order(by) == expected


def test_descending_months_keeps_ties_in_order_of_their_steps():
    assert order(RouteSort.MONTHS, descending=True) == [
        VIA_PHLEBOTOMY,
        CNA_RN,  # 36 months, like the next: ("cna", …) before ("cna-phlebotomy", …)
        PHLEBOTOMY_RN,
        TO_MA,
    ]


def test_unknown_gains_come_last_in_either_direction():
    assert order(RouteSort.WAGE_GAIN, descending=False) == [
        PHLEBOTOMY_RN,
        VIA_PHLEBOTOMY,  # 48,000, like the next: ("cna", "cna-phlebotomy") before ("cna", "lpn")
        CNA_RN,
        TO_MA,
    ]
    assert order(RouteSort.GAIN_PER_MONTH, descending=False)[-1] == TO_MA


def test_the_order_does_not_depend_on_the_order_given():
    for by in RouteSort:
        assert sort_routes(ROUTES[::-1], by) == sort_routes(ROUTES, by)


def test_sorting_nothing():
    assert sort_routes([], RouteSort.COST) == []
