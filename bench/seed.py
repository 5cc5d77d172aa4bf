"""Loading the national catalog, and searching it, measured against raw SQLite in the same run.

1. Load: `seed_catalog` reads `seed_data/` into a fresh SQLite file (schema by Alembic, not
   timed) and commits. Then exactly the rows it wrote are inserted into a second file with the
   same schema and pragmas by `sqlite3.executemany`, in one transaction. Ratio = pathways / raw;
   the pathways side also decompresses and parses the source files, the raw side does not, so
   reading them alone (lzma + csv) is timed too: (read + raw) / raw is the floor of the ratio.
2. Search: 200 occupation queries drawn from a fixed mix (titles, abbreviations, SOC codes,
   one or two letters, misses), timed through the API, through the service alone, and as one
   raw `LIKE` scan of the occupations table with the same match condition and count.

`make bench` runs it. `--repeat N` loads N times, alternating, keeping each side's best time;
`--keep DIR` keeps the databases. Timings are printed, never asserted: a missed target prints
"missed" and exits 0; a failed load, unequal row counts or a failed request exit 1.
"""

from __future__ import annotations

import argparse
import csv
import lzma
import math
import os
import platform
import random
import sqlite3
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

from pathways.app import create_app
from pathways.db import make_engine, make_session_factory
from pathways.domain import search
from pathways.domain.access import Actor
from pathways.domain.imports import ImportSummary
from pathways.importers.catalog import read_manifest, seed_catalog
from pathways.migrations import upgrade
from pathways.services.search import search_occupations

SEED_DIR = Path(__file__).resolve().parent.parent / "seed_data"
LOAD_RATIO_TARGET, LOAD_SECONDS_TARGET, SEARCH_P95_TARGET_MS = 3.0, 60.0, 20.0
QUERY_COUNT, QUERY_SEED = 200, 2026
PRAGMAS = ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL")  # as pathways.db sets
# fmt: off
QUERY_MIX: dict[str, tuple[float, tuple[str, ...]]] = {  # kind: (share of queries, queries)
    "title": (0.50, (
        "nurse", "registered nurse", "truck driver", "welder", "medical assistant",
        "electrician", "software developer", "teacher", "plumber", "machinist", "accountant",
        "cashier", "dental hygienist", "pharmacy technician", "home health aide", "forklift",
        "maintenance technician", "diesel mechanic", "cook", "nurses' aides", "Nursing Assistants",
    )),
    "abbreviation": (0.15, ("cna", "lpn", "rn", "cdl", "hvac", "emt", "lvn")),
    "code": (0.15, ("29-2061", "29-1141", "53-3032", "29-2061.00", "51-4121", "29-", "29-20",
                    "51", "15-12")),
    "short": (0.10, ("a", "e", "n", "r", "s", "nu", "tr", "ma", "el", "op")),
    "miss": (0.10, ("xyzzy", "astronaut zookeeper", "qwerty", "99-9999", "zz")),
}
# fmt: on


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the databases in DIR")
    parser.add_argument("--repeat", type=int, default=1, metavar="N", help="best of N loads")
    args = parser.parse_args()
    os.environ["PATHWAYS_ENV"] = "testing"  # read by create_app: no instance secret needed
    os.environ["SECRET_KEY"] = "bench-only-secret-" + "x" * 32
    python, cpus = platform.python_version(), os.cpu_count()
    print(f"Pathways bench: Python {python}, SQLite {sqlite3.sqlite_version}, {cpus} CPUs")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.keep, max(1, args.repeat))
    with tempfile.TemporaryDirectory(prefix="pathways-bench-") as scratch:
        return run(Path(scratch), max(1, args.repeat))


def run(directory: Path, repeat: int) -> int:
    pathways_db, raw_db = directory / "pathways.db", directory / "raw.db"
    pathways_seconds = raw_seconds = math.inf
    for attempt in range(1, repeat + 1):  # alternating, so both see the same machine
        for path in [*directory.glob("pathways.db*"), *directory.glob("raw.db*")]:
            path.unlink()  # with their -wal and -shm
        print(f"\nCatalog load {attempt}/{repeat}: seed_data/ into a fresh SQLite file")
        seconds = load_with_pathways(pathways_db)
        counts, raw_counts, raw = load_raw(pathways_db, raw_db)
        if counts != raw_counts:
            differ = {t: (n, raw_counts.get(t)) for t, n in counts.items() if raw_counts[t] != n}
            print(f"FAILED: row counts differ (pathways, raw): {differ}", file=sys.stderr)
            return 1
        if repeat > 1:
            print(f"    = pathways {seconds:.2f} s, raw {raw:.2f} s, ratio {seconds / raw:.2f}×")
        pathways_seconds, raw_seconds = min(pathways_seconds, seconds), min(raw_seconds, raw)
    source_rows, read_seconds = read_sources()
    ratio = pathways_seconds / raw_seconds
    if repeat > 1:
        print(f"\nCatalog load, best of {repeat} (the least noisy figure of each):")
    line("pathways seed_catalog + commit", f"{sum(counts.values()):>9,} rows", pathways_seconds)
    line("raw sqlite3.executemany + commit", f"{sum(raw_counts.values()):>9,} rows", raw_seconds)
    line("source files alone: lzma + csv", f"{source_rows:>9,} lines", read_seconds)
    close = verdict(ratio <= LOAD_RATIO_TARGET, f"≤ {LOAD_RATIO_TARGET:g}")
    fast = verdict(pathways_seconds < LOAD_SECONDS_TARGET, f"< {LOAD_SECONDS_TARGET:g} s")
    print(f"  ratio pathways/raw {ratio:.2f}×: {close}")
    print(f"  floor (read + raw)/raw {(read_seconds + raw_seconds) / raw_seconds:.2f}×")
    print(f"  pathways time {pathways_seconds:.1f} s: {fast}")
    tables = ", ".join(f"{name} {n:,}" for name, n in sorted(counts.items()) if n)
    tables = f"rows per table, pathways = raw: {tables}"
    print(textwrap.fill(tables, 96, initial_indent="  ", subsequent_indent="    "))
    return bench_search(pathways_db)


def load_with_pathways(path: Path) -> float:
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_engine(url)
    mark = start = time.perf_counter()

    def report(summary: ImportSummary) -> None:
        nonlocal mark
        now = time.perf_counter()
        line(f"  {summary.source} {summary.vintage}", f"{summary.written:>9,} rows", now - mark)
        mark = now

    try:
        with make_session_factory(engine)() as session:
            seed_catalog(session, SEED_DIR, actor=Actor.operator("bench"), report=report)
            session.commit()
    finally:
        engine.dispose()
    end = time.perf_counter()
    line("  regions + commit", "", end - mark)
    return end - start


def load_raw(source: Path, target: Path) -> tuple[dict[str, int], dict[str, int], float]:
    """Copy the schema of `source`, read all its rows, then time inserting them into `target`.
    Returns the row counts of both, and the seconds."""
    db = sqlite3.connect(source)
    try:
        order = foreign_key_order(db)
        schema = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
        index_sql = "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        indexes = [sql for (sql,) in db.execute(index_sql)]
        rows = {table: db.execute(f'SELECT * FROM "{table}"').fetchall() for table in order}
    finally:
        db.close()
    raw = sqlite3.connect(target, isolation_level=None)  # BEGIN and COMMIT are ours
    try:
        for pragma in PRAGMAS:
            raw.execute(f"PRAGMA {pragma}")
        for statement in [schema[table] for table in order] + indexes:
            raw.execute(statement)
        start = time.perf_counter()
        raw.execute("BEGIN")
        for table, values in rows.items():
            if values:
                marks = ", ".join("?" * len(values[0]))
                raw.executemany(f'INSERT INTO "{table}" VALUES ({marks})', values)
        raw.execute("COMMIT")
        seconds = time.perf_counter() - start
        count = 'SELECT count(*) FROM "{}"'
        loaded = {table: raw.execute(count.format(table)).fetchone()[0] for table in order}
    finally:
        raw.close()
    return {table: len(values) for table, values in rows.items()}, loaded, seconds


def read_sources() -> tuple[int, float]:
    """Decompress and split every source file: the least any loader of them has to do."""
    lines = 0
    start = time.perf_counter()
    for path in read_manifest(SEED_DIR).files.all_files():
        tabs: dict[str, Any] = {"delimiter": "\t", "quoting": csv.QUOTE_NONE}
        opener = lzma.open if path.suffix == ".xz" else open  # the catalog is xz today
        with opener(path, "rt", encoding="utf-8-sig", newline="") as text:
            lines += sum(1 for _ in csv.reader(text, **(tabs if ".txt" in path.suffixes else {})))
    return lines, time.perf_counter() - start


def foreign_key_order(db: sqlite3.Connection) -> list[str]:
    """Every table but alembic_version, each after the tables its foreign keys refer to."""
    names = "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"
    tables = sorted(name for (name,) in db.execute(names) if not name.startswith("sqlite_"))
    graph = {t: {fk[2] for fk in db.execute(f'PRAGMA foreign_key_list("{t}")')} for t in tables}
    return list(TopologicalSorter({t: refs - {t} for t, refs in graph.items()}).static_order())


def bench_search(path: Path) -> int:
    url = f"sqlite:///{path}"
    rng = random.Random(QUERY_SEED)
    kinds = list(QUERY_MIX)
    drawn = rng.choices(kinds, weights=[QUERY_MIX[k][0] for k in kinds], k=QUERY_COUNT)
    queries = [rng.choice(QUERY_MIX[kind][1]) for kind in drawn]
    warm_up = [QUERY_MIX[kind][1][0] for kind in kinds]
    client = create_app({"DATABASE_URL": url}).test_client()
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    raw = sqlite3.connect(path)
    failures: list[str] = []

    def api(query: str) -> None:
        response = client.get("/api/v1/occupations", query_string={"q": query})
        if response.status_code != 200:
            failures.append(f"{query!r}: HTTP {response.status_code}")

    def service(query: str) -> None:
        with sessions() as session:  # a session per query, as each request has
            search_occupations(session=session, query=query)

    def raw_like(query: str) -> None:
        words, code = search.terms(query), search.code_prefix(query)
        clauses, params = (["soc_code LIKE ?"], [f"{code}%"]) if code else ([], [])
        for column in ("search_text", "alternate_search_text") if words else ():
            clauses.append("(" + " AND ".join(f"{column} LIKE ?" for _ in words) + ")")
            params += [f"%{word}%" for word in words]
        where = " OR ".join(clauses) or "1"
        raw.execute(
            "SELECT soc_code, title, count(*) OVER () FROM occupations "
            f"WHERE {where} ORDER BY title LIMIT 20",
            params,
        ).fetchall()

    measured = {
        "API GET /api/v1/occupations": api,
        "service search_occupations": service,
        "raw sqlite3 LIKE scan": raw_like,
    }
    print(f"\nOccupation search: {QUERY_COUNT} queries (seed {QUERY_SEED}) on the full catalog")
    print(f"  {'':28} {'p50':>8} {'p95':>8} {'max':>8}")
    p95: dict[str, float] = {}
    try:
        for label, call in measured.items():
            p50, p95[label], worst = latencies(call, warm_up, queries)
            print(f"  {label:28} {p50:6.2f}ms {p95[label]:6.2f}ms {worst:6.2f}ms")
    finally:
        raw.close()
        engine.dispose()
    api_p95, service_p95, raw_p95 = p95.values()
    print(
        f"  p95 ratios: API/raw {api_p95 / raw_p95:.1f}×, service/raw {service_p95 / raw_p95:.1f}×,"
        f" API/service {api_p95 / service_p95:.1f}×"
    )
    met = verdict(api_p95 <= SEARCH_P95_TARGET_MS, f"≤ {SEARCH_P95_TARGET_MS:g} ms")
    print(f"  API p95 {api_p95:.2f} ms: {met}")
    if failures:
        print(f"FAILED: {len(failures)} requests: {'; '.join(failures[:5])}", file=sys.stderr)
        return 1
    return 0


def latencies(
    call: Callable[[str], Any], warm_up: list[str], queries: list[str]
) -> tuple[float, float, float]:
    """p50, p95 and max in milliseconds, after a few untimed calls."""
    for query in warm_up:
        call(query)
    timings = []
    for query in queries:
        start = time.perf_counter()
        call(query)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return percentile(timings, 50), percentile(timings, 95), timings[-1]


def percentile(ordered: list[float], share: int) -> float:
    """Nearest rank: the smallest timing at or above `share` percent of them."""
    return ordered[max(0, -(-len(ordered) * share // 100) - 1)]


def line(label: str, rows: str, seconds: float) -> None:
    print(f"  {label:34} {rows:>14} {seconds:8.2f} s")


def verdict(met: bool, target: str) -> str:
    return f"target {target} {'met' if met else 'missed'}"


if __name__ == "__main__":
    sys.exit(main())
