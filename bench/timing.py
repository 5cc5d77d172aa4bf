"""Timing shared by the benchmarks: calls take turns, so the machine's load falls on every
side alike, and figures are nearest-rank percentiles in milliseconds."""

from __future__ import annotations

import time
from collections.abc import Callable

Figures = tuple[float, float, float]  # p50, p95, max in milliseconds


def timings(*calls: Callable[[], object], repeat: int) -> list[Figures]:
    """p50, p95 and max of each call, after three untimed rounds. The calls take turns, so
    each sees the same machine: another process slows both sides, not one."""
    for _ in range(3):
        for call in calls:
            call()
    spent: list[list[float]] = [[] for _ in calls]
    for _ in range(repeat):
        for call, times in zip(calls, spent, strict=True):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
    return [(percentile(t, 50), percentile(t, 95), max(t)) for t in map(sorted, spent)]


def percentile(ordered: list[float], share: int) -> float:
    """Nearest rank: the smallest timing at or above `share` percent of them."""
    return ordered[max(0, -(-len(ordered) * share // 100) - 1)]


def heading(label: str) -> None:
    """A table's title line, with the figures' column names."""
    print(f"\n  {label:46} {'p50':>8} {'p95':>8} {'max':>8}")


def report(label: str, figures: Figures) -> None:
    """One line of figures under a `heading`."""
    p50, p95, worst = figures
    print(f"    {label:44} {p50:6.2f}ms {p95:6.2f}ms {worst:6.2f}ms")
