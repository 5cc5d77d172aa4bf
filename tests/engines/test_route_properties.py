"""On any pathway, even one with cycles: routes are simple paths along its transitions, from
where they should start to a destination, and none is missed or counted twice."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.engines.graph import destinations, entries
from pathways.engines.routes import find_routes

KEYS = [f"s{i}" for i in range(7)]


@st.composite
def pathways(draw: st.DrawFn) -> PathwayGraph:
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=len(KEYS), unique=True))
    steps = tuple(StepSpec(key, "31-1131", draw(st.integers(1, 3))) for key in keys)
    pairs = draw(st.lists(st.tuples(st.sampled_from(keys), st.sampled_from(keys)), unique=True))
    moves = tuple(
        TransitionSpec(source, target, draw(st.sampled_from(TransitionKind)), months_training=1)
        for source, target in pairs
        if source != target
    )
    return PathwayGraph(steps, moves)


def every_simple_path(graph: PathwayGraph, start: str, ends: set[str]) -> list[tuple[str, ...]]:
    """The plainest enumeration there is, to check the engine against."""
    found: list[tuple[str, ...]] = []

    def walk(path: tuple[str, ...]) -> None:
        for move in graph.transitions:
            if move.source == path[-1] and move.target not in path:
                if move.target in ends:
                    found.append((*path, move.target))
                walk((*path, move.target))

    walk((start,))
    return found


@settings(database=None, max_examples=300, deadline=None)
@given(pathways(), st.booleans())
def test_routes_are_every_simple_path_to_a_destination(graph, from_a_step):
    starts = [graph.steps[0].key] if from_a_step else [step.key for step in entries(graph)]
    ends = {step.key for step in destinations(graph)}
    origin = graph.steps[0].key if from_a_step else None
    search = find_routes(graph, {}, origin=origin, limit=10_000)
    assert not search.truncated
    for route in search.routes:
        assert route.steps[0] in starts
        assert route.steps[-1] in ends
        assert len(set(route.steps)) == len(route.steps)
        assert [(m.source, m.target) for m in route.transitions] == list(
            zip(route.steps, route.steps[1:], strict=False)
        )
        assert route.months_training == len(route.transitions)
    expected = [path for start in starts for path in every_simple_path(graph, start, ends)]
    assert sorted(route.steps for route in search.routes) == sorted(expected)


@settings(database=None, max_examples=200, deadline=None)
@given(pathways(), st.data(), st.integers(0, 5))
def test_to_one_step_within_a_limit(graph, data, limit):
    destination = data.draw(st.sampled_from([step.key for step in graph.steps]))
    search = find_routes(graph, {}, destination=destination, limit=limit)
    starts = [step.key for step in entries(graph)]
    everything = [p for start in starts for p in every_simple_path(graph, start, {destination})]
    assert [route.steps[-1] for route in search.routes] == [destination] * len(search.routes)
    assert len(search.routes) == min(limit, len(everything))
    assert search.truncated is (len(everything) > limit)
