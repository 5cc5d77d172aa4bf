"""Every route through a pathway — from a step, or from "no credential" — with its totals, and
the orders people ask for them in. A search is bounded: a pathway with many laterals has more
routes than anyone reads, so it stops after `limit` routes or a work budget and says so."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pathways.domain.pathways import PathwayGraph, Route, RouteSearch, RouteSort, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.engines.graph import destinations, entries

ROUTE_LIMIT = 200
WORK_BUDGET = 50_000  # transitions looked at: ≤ 25 ms on the 2-core development machine
KIND_ORDER = {TransitionKind.ADVANCE: 0, TransitionKind.ADD_ON: 1, TransitionKind.LATERAL: 2}
DESCENDING = {RouteSort.WAGE_GAIN, RouteSort.GAIN_PER_MONTH}  # more is better; others, less


def find_routes(
    graph: PathwayGraph,
    medians: Mapping[str, float | None],
    *,
    origin: str | None = None,
    destination: str | None = None,
    limit: int = ROUTE_LIMIT,
    budget: int = WORK_BUDGET,
) -> RouteSearch:
    """Simple paths from `origin` (None: every entry step) to the pathway's destinations.

    `medians` maps step key → annual median wage. A route is recorded each time the walk
    reaches a destination other than its start, and the walk goes on through it. With
    `destination`, only routes ending on that step (any step may be named). Unknown keys raise
    `KeyError(key)`: the service checks them first and answers with its own error. At most
    `limit` routes and `budget` transitions looked at; reaching either sets `truncated`.
    """
    stages = {step.key: step.stage for step in graph.steps}
    for key in (origin, destination):
        if key is not None and key not in stages:
            raise KeyError(key)
    ends = {destination} if destination is not None else {step.key for step in destinations(graph)}
    outgoing = moves_toward(ends, graph.transitions, stages)
    if destination is not None:
        outgoing[destination] = []  # a simple path cannot come back to it
    walk = Walk(outgoing, ends, medians, limit, budget)
    for start in [origin] if origin is not None else [step.key for step in entries(graph)]:
        if not walk.explore(start):
            break
    return RouteSearch(routes=tuple(walk.routes), truncated=walk.truncated)


def moves_toward(
    ends: set[str], transitions: Iterable[TransitionSpec], stages: Mapping[str, int]
) -> dict[str, list[TransitionSpec]]:
    """Step → transitions leaving it that can still lead to an end, by (target stage, key).

    Leaving out moves into steps from which no end can be reached keeps a search for one
    destination from wandering the rest of the pathway.
    """
    known = [move for move in transitions if move.source in stages and move.target in stages]
    preceding: dict[str, list[str]] = defaultdict(list)
    for move in known:
        preceding[move.target].append(move.source)
    useful, todo = set(ends), list(ends)
    while todo:
        fresh = [key for key in preceding[todo.pop()] if key not in useful]
        useful.update(fresh)
        todo.extend(fresh)
    outgoing: dict[str, list[TransitionSpec]] = defaultdict(list)
    for move in sorted(known, key=lambda move: exploration_order(move, stages)):
        if move.target in useful:
            outgoing[move.source].append(move)
    return outgoing


def exploration_order(move: TransitionSpec, stages: Mapping[str, int]) -> tuple[object, ...]:
    """(target stage, target key), then every other field: the same graph in any order gives
    the same routes in the same order."""
    return (
        stages[move.target],
        move.target,
        KIND_ORDER[move.kind],
        move.credential_ids,
        move.months_training,
        move.months_experience,
        move.cost_cents,
        move.earn_while_you_learn,
        move.notes or "",
    )


@dataclass(slots=True)
class Walk:
    """A depth-first walk that records routes until it runs out of routes, limit or budget."""

    outgoing: Mapping[str, Sequence[TransitionSpec]]
    ends: set[str]
    medians: Mapping[str, float | None]
    limit: int
    budget: int
    routes: list[Route] = field(default_factory=list)
    truncated: bool = False

    def explore(self, start: str) -> bool:
        """Walk every simple path from `start`; False when a bound stopped it."""
        path, on_path = [start], {start}
        moves: list[TransitionSpec] = []
        pending = [iter(self.outgoing.get(start, ()))]  # one iterator per step on the path
        while pending:
            move = next(pending[-1], None)
            if move is None:
                pending.pop()
                if moves:
                    on_path.discard(path.pop())
                    moves.pop()
                continue
            self.budget -= 1  # counted before the check: looking at a move is work too
            if self.budget < 0:
                self.truncated = True
                return False
            if move.target in on_path:
                continue
            path.append(move.target)
            moves.append(move)
            on_path.add(move.target)
            if move.target in self.ends:
                if len(self.routes) >= self.limit:
                    self.truncated = True  # this one is a route beyond the limit
                    return False
                self.routes.append(route(tuple(path), tuple(moves), self.medians))
            pending.append(iter(self.outgoing.get(move.target, ())))
        return True


def route(
    steps: tuple[str, ...], moves: tuple[TransitionSpec, ...], medians: Mapping[str, float | None]
) -> Route:
    """A route with its totals: time, cost, credentials in order, and the wage it gains."""
    # list comprehensions, not generators: a search builds up to `limit` of these, and they are
    # a third faster here
    training = sum([move.months_training for move in moves])
    paid = [move.earn_while_you_learn for move in moves if move.months_training > 0]
    start, end = medians.get(steps[0]), medians.get(steps[-1])
    gain = end - start if start is not None and end is not None else None
    return Route(
        steps=steps,
        transitions=moves,
        months_training=training,
        months_experience=sum([move.months_experience for move in moves]),
        cost_cents=sum([move.cost_cents for move in moves]),
        earn_while_you_learn=bool(paid) and all(paid),
        credential_ids=tuple(dict.fromkeys([cid for move in moves for cid in move.credential_ids])),
        start_median=start,
        end_median=end,
        wage_gain=gain,
        gain_per_training_month=gain / training if gain is not None and training else None,
    )


def sort_routes(
    routes: Iterable[Route], by: RouteSort, *, descending: bool | None = None
) -> list[Route]:
    """Routes by one measure; unknown measures last either way, ties by their steps.

    By default fewest months, lowest cost and fewest steps first; largest gains first.
    """
    reverse = by in DESCENDING if descending is None else descending
    ordered = sorted(routes, key=lambda route: route.steps)
    known = [route for route in ordered if measure(route, by) is not None]
    unknown = [route for route in ordered if measure(route, by) is None]
    # sorted() is stable in both directions, so equal measures keep the order of their steps
    known.sort(key=lambda route: measure(route, by) or 0.0, reverse=reverse)
    return known + unknown


def measure(route: Route, by: RouteSort) -> float | None:
    match by:
        case RouteSort.MONTHS:
            return route.months_training
        case RouteSort.COST:
            return route.cost_cents
        case RouteSort.STEPS:
            return len(route.steps)
        case RouteSort.WAGE_GAIN:
            return route.wage_gain
        case RouteSort.GAIN_PER_MONTH:
            return route.gain_per_training_month
