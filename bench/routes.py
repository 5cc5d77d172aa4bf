"""Finding routes through a large pathway, measured against a bare depth-first search.

A deterministic 500-step pathway (25 stages × 20 steps; each step advances to 2–3 steps of the
next stage, with laterals and add-ons within a stage) is searched by `find_routes`, with the
default limit of 200 routes: from no credential, and from a step on stage 13 to one fixed
destination. Each search is repeated; p50, p95 and max in milliseconds are printed against a
target of 50 ms (p95). The raw side is a bare walk in the same order over the same steps,
kept to the same steps that can reach an end, that only counts paths up to the same number:
no totals, no Route objects. The ratio is what the totals and the bookkeeping cost. Last, a
small pathway built so that only the work budget ends the search: the worst case.

`make bench` runs it. Timings are printed, never asserted: a missed target prints "missed" and
exits 0; a count that differs from the raw one exits 1.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
from collections import defaultdict

from timing import Figures, timings  # bench/timing.py, beside this script

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.engines.graph import destinations, entries
from pathways.engines.routes import ROUTE_LIMIT, WORK_BUDGET, find_routes

STAGES, PER_STAGE, GRAPH_SEED = 25, 20, 2026
P95_TARGET_MS = 50.0
MIDDLE, DESTINATION = "s13-07", "s25-11"


def build_pathway() -> PathwayGraph:
    """Always the same pathway: 500 steps, 1,420 transitions."""
    rng = random.Random(GRAPH_SEED)
    steps = [StepSpec(key(stage, i), "29-2061", stage) for stage in range(1, STAGES + 1)
             for i in range(PER_STAGE)]  # fmt: skip
    moves: list[TransitionSpec] = []
    for stage in range(1, STAGES + 1):
        for i in range(PER_STAGE):
            here = key(stage, i)
            if stage < STAGES:
                for j in sorted(rng.sample(range(PER_STAGE), rng.choice((2, 3)))):
                    moves.append(TransitionSpec(here, key(stage + 1, j), TransitionKind.ADVANCE,
                                                (stage,), 3, 6, 150_000))  # fmt: skip
            if rng.random() < 0.3:  # a lateral to any other step of the stage
                j = rng.choice([j for j in range(PER_STAGE) if j != i])
                moves.append(TransitionSpec(here, key(stage, j), TransitionKind.LATERAL))
            if stage < STAGES and i < PER_STAGE - 1 and rng.random() < 0.15:  # forward: no cycle
                j = rng.randrange(i + 1, PER_STAGE)
                moves.append(TransitionSpec(here, key(stage, j), TransitionKind.ADD_ON,
                                            months_training=2, cost_cents=40_000))  # fmt: skip
    return PathwayGraph(tuple(steps), tuple(moves))


def build_knot(size: int = 12) -> PathwayGraph:
    """A pathway built to defeat the search: past a gate, `size` steps joined every way by
    laterals that lead on only back through the gate. Every step can reach the destination,
    but no path through the knot can: only the work budget ends the search."""
    knot = [f"k{i:02d}" for i in range(size)]
    steps = [StepSpec("start", "31-1131", 1), StepSpec("gate", "31-1131", 2),
             *(StepSpec(k, "31-1131", 3) for k in knot), StepSpec("end", "29-1141", 5)]  # fmt: skip
    advance, lateral = TransitionKind.ADVANCE, TransitionKind.LATERAL
    moves = [TransitionSpec("start", "gate", advance), TransitionSpec("gate", "end", advance)]
    moves += [TransitionSpec("gate", k, advance) for k in knot]
    moves += [TransitionSpec(k, "gate", lateral) for k in knot]
    moves += [TransitionSpec(a, b, lateral) for a in knot for b in knot if a != b]
    return PathwayGraph(tuple(steps), tuple(moves))


def key(stage: int, i: int) -> str:
    return f"s{stage:02d}-{i:02d}"


def count_paths(graph: PathwayGraph, starts: list[str], ends: set[str], stop_at: int) -> int:
    """The raw side: the same walk in the same order, counting paths, nothing else."""
    stage = {step.key: step.stage for step in graph.steps}
    preceding: dict[str, list[str]] = defaultdict(list)
    for move in graph.transitions:
        preceding[move.target].append(move.source)
    useful, todo = set(ends), list(ends)
    while todo:
        fresh = [k for k in preceding[todo.pop()] if k not in useful]
        useful.update(fresh)
        todo.extend(fresh)
    following: dict[str, list[str]] = defaultdict(list)
    for move in sorted(graph.transitions, key=lambda m: (stage[m.target], m.target)):
        if move.target in useful:
            following[move.source].append(move.target)
    count = 0

    def walk(node: str, on_path: set[str]) -> bool:
        nonlocal count
        for target in following[node]:
            if target not in on_path:
                if target in ends:
                    count += 1
                    if count == stop_at:
                        return False
                if len(ends) == 1 and target in ends:
                    continue  # a simple path cannot come back to its one end
                on_path.add(target)
                going_on = walk(target, on_path)
                on_path.discard(target)
                if not going_on:
                    return False
        return True

    for start in starts:
        if not walk(start, {start}):
            break
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, metavar="N", help="searches per case")
    repeat = max(1, parser.parse_args().repeat)
    print(f"Pathways bench: Python {platform.python_version()}, {os.cpu_count()} CPUs")
    graph = build_pathway()
    ends = {step.key for step in destinations(graph)}
    shape = f"{len(graph.steps)} steps, {len(graph.transitions):,} transitions"
    print(f"\nRoutes through a pathway of {shape}, {len(ends)} destinations;"
          f" limit {ROUTE_LIMIT}, {repeat} searches each")  # fmt: skip
    everywhere = {"origin": None, "destination": None}
    to_one = {"origin": MIDDLE, "destination": DESTINATION}
    entry_keys = [step.key for step in entries(graph)]
    p95s, failed = [], False
    for label, filters, starts, case_ends in (
        ("From no credential to every destination", everywhere, entry_keys, ends),
        (f"From {MIDDLE} (stage 13) to {DESTINATION}", to_one, [MIDDLE], {DESTINATION}),
    ):
        p95, same = bench_case(label, graph, filters, starts, case_ends, repeat)
        p95s.append(p95)
        failed = failed or not same
    p95s.append(bench_knot(max(1, repeat // 10)))
    met = "met" if max(p95s) <= P95_TARGET_MS else "missed"
    print(f"\n  slowest p95 {max(p95s):.2f} ms: target ≤ {P95_TARGET_MS:g} ms {met}")
    return 1 if failed else 0


def bench_case(
    label: str,
    graph: PathwayGraph,
    filters: dict[str, str | None],
    starts: list[str],
    ends: set[str],
    repeat: int,
) -> tuple[float, bool]:
    """Time the engine and the raw walk on one search; p95 of the engine, and whether both
    found the same number of routes."""
    medians = {step.key: 40_000.0 + 1_000 * step.stage for step in graph.steps}
    found = len(find_routes(graph, medians, **filters).routes)
    counted = count_paths(graph, starts, ends, stop_at=found)
    engine, raw = timings(
        lambda: find_routes(graph, medians, **filters),
        lambda: count_paths(graph, starts, ends, found),
        repeat=repeat,
    )
    heading(label)
    report("find_routes", found, engine)
    report("raw walk, counting only", counted, raw)
    print(f"  ratio find_routes/raw (p50) {engine[0] / raw[0]:.1f}×")
    if counted != found:
        print(f"FAILED: {label}: {found} routes, the raw walk {counted}", file=sys.stderr)
    return engine[1], counted == found


def bench_knot(repeat: int) -> float:
    """The worst case: a search that only the work budget stops. Returns its p95."""
    knot = build_knot()
    search = find_routes(knot, {}, origin="start", destination="end")
    (engine,) = timings(
        lambda: find_routes(knot, {}, origin="start", destination="end"), repeat=repeat
    )
    heading("Worst case: 12 steps knotted by laterals")
    state = "truncated" if search.truncated else "complete"
    report(f"find_routes, {state} by the budget", len(search.routes), engine)
    print(f"  budget {WORK_BUDGET:,} transitions looked at; {repeat} searches")
    return engine[1]


def heading(label: str) -> None:
    print(f"\n  {label:46} {'routes':>6} {'p50':>8} {'p95':>8} {'max':>8}")


def report(label: str, routes: int, figures: Figures) -> None:
    p50, p95, worst = figures
    print(f"    {label:44} {routes:>6} {p50:6.2f}ms {p95:6.2f}ms {worst:6.2f}ms")


if __name__ == "__main__":
    sys.exit(main())
