"""Routes through the CNA → RN pathway, their totals worked out by hand, filters and bounds."""

import random

import pytest

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.engines.routes import find_routes

ADVANCE, LATERAL, ADD_ON = TransitionKind.ADVANCE, TransitionKind.LATERAL, TransitionKind.ADD_ON
PHLEBOTOMY, LPN_LICENSE, RN_LICENSE, MA_CERTIFICATE = 3, 2, 1, 4

STEPS = (
    StepSpec("cna", "31-1131", 1),
    StepSpec("cna-phlebotomy", "31-1131", 1, "CNA with phlebotomy certificate"),
    StepSpec("lpn", "29-2061", 2),
    StepSpec("rn", "29-1141", 3),
    StepSpec("medical-assistant", "31-9092", 1),
)
ADD_PHLEBOTOMY = TransitionSpec(
    "cna", "cna-phlebotomy", ADD_ON, (PHLEBOTOMY,), months_training=2, cost_cents=90_000
)
PHLEBOTOMY_TO_LPN = TransitionSpec(
    "cna-phlebotomy", "lpn", ADVANCE, (LPN_LICENSE,), 6, months_training=12, cost_cents=840_000
)
CNA_TO_LPN = TransitionSpec(
    "cna", "lpn", ADVANCE, (LPN_LICENSE,), 6, months_training=12, cost_cents=840_000
)
LPN_TO_RN = TransitionSpec(
    "lpn", "rn", ADVANCE, (RN_LICENSE,), 12, 24, 1_800_000, earn_while_you_learn=True
)
CNA_TO_MA = TransitionSpec(
    "cna", "medical-assistant", LATERAL, (MA_CERTIFICATE,), months_training=9, cost_cents=350_000
)
NURSING = PathwayGraph(STEPS, (ADD_PHLEBOTOMY, PHLEBOTOMY_TO_LPN, CNA_TO_LPN, LPN_TO_RN, CNA_TO_MA))
MEDIANS = {"cna": 38_000.0, "cna-phlebotomy": 40_000.0, "lpn": 59_000.0, "rn": 86_000.0}

VIA_PHLEBOTOMY = ("cna", "cna-phlebotomy", "lpn", "rn")
TO_MA = ("cna", "medical-assistant")
CNA_RN = ("cna", "lpn", "rn")
PHLEBOTOMY_RN = ("cna-phlebotomy", "lpn", "rn")


def test_from_no_credential_every_entry_to_every_destination_in_exploration_order():
    search = find_routes(NURSING, MEDIANS)
    assert [route.steps for route in search.routes] == [
        VIA_PHLEBOTOMY,  # from cna: targets by (stage, key), cna-phlebotomy first
        TO_MA,
        CNA_RN,
        PHLEBOTOMY_RN,  # then the next entry; medical-assistant leads nowhere
    ]
    assert not search.truncated


def test_totals_of_the_route_through_the_phlebotomy_add_on():
    route = find_routes(NURSING, MEDIANS).routes[0]
    assert route.transitions == (ADD_PHLEBOTOMY, PHLEBOTOMY_TO_LPN, LPN_TO_RN)
    assert route.months_training == 2 + 12 + 24
    assert route.months_experience == 0 + 6 + 12
    assert route.cost_cents == 90_000 + 840_000 + 1_800_000
    assert route.credential_ids == (PHLEBOTOMY, LPN_LICENSE, RN_LICENSE)
    assert not route.earn_while_you_learn  # the add-on and the LPN year are unpaid
    assert (route.start_median, route.end_median) == (38_000.0, 86_000.0)
    assert route.wage_gain == 86_000.0 - 38_000.0
    assert route.gain_per_training_month == pytest.approx(48_000 / 38)


def test_an_unknown_wage_leaves_the_gain_unknown():
    route = find_routes(NURSING, MEDIANS).routes[1]
    assert route.steps == TO_MA
    assert (route.months_training, route.cost_cents) == (9, 350_000)
    assert route.credential_ids == (MA_CERTIFICATE,)
    assert (route.start_median, route.end_median) == (38_000.0, None)
    assert route.wage_gain is None
    assert route.gain_per_training_month is None


def test_earn_while_you_learn_when_every_trained_move_pays():
    (route,) = find_routes(NURSING, MEDIANS, origin="lpn").routes
    assert route.steps == ("lpn", "rn")
    assert route.earn_while_you_learn
    assert route.gain_per_training_month == pytest.approx(27_000 / 24)


def test_no_training_means_no_gain_per_month_and_no_earn_while_you_learn():
    steps = (StepSpec("cna", "31-1131", 1), StepSpec("lead-cna", "31-1131", 2))
    moves = (TransitionSpec("cna", "lead-cna", ADVANCE, months_experience=24),)
    (route,) = find_routes(PathwayGraph(steps, moves), {"cna": 1.0, "lead-cna": 3.0}).routes
    assert (route.wage_gain, route.gain_per_training_month) == (2.0, None)
    assert not route.earn_while_you_learn


def test_a_credential_earned_twice_is_listed_once_in_route_order():
    steps = tuple(StepSpec(key, "31-1131", stage) for key, stage in (("a", 1), ("b", 2), ("c", 3)))
    moves = (
        TransitionSpec("a", "b", ADVANCE, (7, 5)),
        TransitionSpec("b", "c", ADVANCE, (5, 6, 7)),
    )
    (route,) = find_routes(PathwayGraph(steps, moves), {}).routes
    assert route.credential_ids == (7, 5, 6)


def test_from_a_step():
    routes = find_routes(NURSING, MEDIANS, origin="cna-phlebotomy").routes
    assert [route.steps for route in routes] == [PHLEBOTOMY_RN]
    assert routes[0].wage_gain == 86_000.0 - 40_000.0


def test_from_a_destination_there_is_nowhere_to_go():
    assert find_routes(NURSING, MEDIANS, origin="rn").routes == ()


def test_to_one_destination():
    routes = find_routes(NURSING, MEDIANS, destination="rn").routes
    assert [route.steps for route in routes] == [VIA_PHLEBOTOMY, CNA_RN, PHLEBOTOMY_RN]


def test_to_a_step_that_is_not_a_destination():
    routes = find_routes(NURSING, MEDIANS, origin="cna", destination="lpn").routes
    assert [route.steps for route in routes] == [("cna", "cna-phlebotomy", "lpn"), ("cna", "lpn")]


def test_a_route_goes_on_through_a_destination_with_a_lateral():
    steps = (*STEPS, StepSpec("charge-nurse", "29-1141", 3))
    moves = (*NURSING.transitions, TransitionSpec("rn", "charge-nurse", LATERAL))
    routes = find_routes(PathwayGraph(steps, moves), MEDIANS, origin="lpn").routes
    assert [route.steps for route in routes] == [("lpn", "rn"), ("lpn", "rn", "charge-nurse")]


@pytest.mark.parametrize("keys", [{"origin": "xyz"}, {"destination": "cna-x"}])
def test_an_unknown_key_raises_key_error_naming_it(keys):
    with pytest.raises(KeyError) as raised:
        find_routes(NURSING, MEDIANS, **keys)
    assert raised.value.args == tuple(keys.values())


@pytest.mark.parametrize(
    ("limit", "count", "truncated"), [(0, 0, True), (3, 3, True), (4, 4, False)]
)
def test_the_limit_stops_the_search_and_says_more_exist(limit, count, truncated):
    search = find_routes(NURSING, MEDIANS, limit=limit)
    assert len(search.routes) == count
    assert search.truncated is truncated
    assert search.routes == find_routes(NURSING, MEDIANS).routes[:count]


def test_the_work_budget_stops_the_search():
    search = find_routes(NURSING, MEDIANS, budget=3)  # cna-phlebotomy, lpn, rn: one route
    assert [route.steps for route in search.routes] == [VIA_PHLEBOTOMY]
    assert search.truncated


@pytest.mark.parametrize("seed", range(5))
def test_the_same_pathway_in_any_order_gives_the_same_routes(seed):
    rng = random.Random(seed)
    steps, moves = list(NURSING.steps), list(NURSING.transitions)
    rng.shuffle(steps)
    rng.shuffle(moves)
    shuffled = PathwayGraph(tuple(steps), tuple(moves))
    for filters in ({}, {"origin": "cna"}, {"destination": "rn"}, {"limit": 2}):
        assert find_routes(shuffled, MEDIANS, **filters) == find_routes(NURSING, MEDIANS, **filters)


def test_transitions_naming_no_step_are_left_out_of_a_draft():
    graph = PathwayGraph(STEPS, (*NURSING.transitions, TransitionSpec("cna", "ghost", ADVANCE)))
    assert find_routes(graph, MEDIANS) == find_routes(NURSING, MEDIANS)
