"""Read pages' server time on the full catalog (issue 7): every page a reader opens, through
the Flask test client (routing, the services' queries, Jinja, the response), against the
floor of the same stack — the sign-in page, which reads no data — and against the raw SQL
under the occupation page in the same run. Target: every request of every page under
100 ms (the max, not only p95). The server is warmed as `pathways serve` warms it.

    .venv/bin/python bench/pages.py [--repeat N] [--keep DIR]

Loads the full national catalog and the sample partnerships into a throwaway SQLite file
(about a minute), then times each page N times, taking turns.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ["PATHWAYS_ENV"] = "testing"  # read by create_app: no instance secret needed
os.environ.setdefault("SECRET_KEY", "bench-only-secret-" + "x" * 32)

from timing import heading, report, timings  # bench/ is not a package

from pathways.app import create_app
from pathways.db import make_engine
from pathways.domain.access import Actor
from pathways.importers.catalog import seed_catalog
from pathways.migrations import upgrade
from pathways.models import Partnership, Program, Provider
from pathways.render.flyers import warm_up

SEED = Path(__file__).resolve().parents[1] / "seed_data"
TARGET_MS = 100.0
PARTNERSHIP, PATHWAY, OCCUPATION = "ne-louisiana-healthcare", "cna-to-rn", "29-2061"


def build(url: str) -> tuple[int, str, int]:
    """The full catalog and the sample partnerships; a provider with programs in the region,
    the region's slug, and one program's id."""
    upgrade(url)
    engine = make_engine(url)
    started = time.perf_counter()
    with Session(engine) as session:
        seed_catalog(session, SEED, actor=Actor.operator("bench"))
        session.commit()
        partnership = session.scalars(sa.select(Partnership).filter_by(slug=PARTNERSHIP)).one()
        program = session.scalars(
            sa.select(Program)
            .join(Provider)
            .where(Provider.region_id == partnership.region_id)
            .order_by(Program.id)
        ).first()
        assert program is not None, "the sample region has no programs"
        found = (program.provider_id, partnership.region.slug, program.id)
    engine.dispose()
    print(f"  catalog loaded in {time.perf_counter() - started:.0f} s")
    return found


def pages(provider: int, region: str, program: int) -> dict[str, str]:
    return {
        "home /": "/",
        "search /search?q=nurse": "/search?q=nurse",
        "search as you type (fragment)": "/search?q=nurs&partial=1",
        "suggestions /suggest/occupations": "/suggest/occupations?q=nurse",
        f"occupation /occupations/{OCCUPATION}": f"/occupations/{OCCUPATION}?region={region}",
        "occupation, national (no region)": "/occupations/15-1252",
        f"pathway /pathways/{PATHWAY}": f"/pathways/{PATHWAY}",
        f"partnership /partnerships/{PARTNERSHIP}": f"/partnerships/{PARTNERSHIP}",
        f"provider /providers/{provider}": f"/providers/{provider}",
        "provider alignment report": f"/providers/{provider}/alignment",
        f"program alignment /programs/{program}/alignment": f"/programs/{program}/alignment",
    }


def raw_occupation(path: Path) -> Callable[[], object]:
    """The occupation page's core rows in plain sqlite3: the occupation, its wages in every
    area, its skills — what any page about it must at least read."""
    connection = sqlite3.connect(path, check_same_thread=False)

    def query() -> object:
        return (
            connection.execute(
                "SELECT * FROM occupations WHERE soc_code = ?", (OCCUPATION,)
            ).fetchall(),
            connection.execute("SELECT * FROM wages WHERE soc_code = ?", (OCCUPATION,)).fetchall(),
            connection.execute(
                "SELECT * FROM occupation_skills WHERE soc_code = ?", (OCCUPATION,)
            ).fetchall(),
        )

    return query


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, metavar="N")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the database in DIR")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.keep, args.repeat)
    with tempfile.TemporaryDirectory(prefix="pathways-pages-") as scratch:
        return run(Path(scratch), args.repeat)


def run(directory: Path, repeat: int) -> int:
    database = directory / "pages.db"
    url = f"sqlite:///{database}"
    print("Read pages on the full catalog")
    found = build(url) if not database.exists() else _found(url)
    app = create_app({"DATABASE_URL": url, "RENDER_PRERENDER": "off",
                      "RENDER_CACHE_DIR": directory / "renders"})  # fmt: skip
    client = app.test_client()
    warm_up()  # as `pathways serve` does in gunicorn's master: fonts, templates, gc.freeze()
    targets = pages(*found)
    failed = [name for name, path in targets.items() if client.get(path).status_code != 200]
    if failed:
        print(f"FAILED: not 200: {failed}", file=sys.stderr)
        return 1
    calls = [lambda path=path: client.get(path) for path in targets.values()]
    floor_call = lambda: client.get("/login")  # noqa: E731  (the stack with no data)
    raw_call = raw_occupation(database)
    figures = timings(floor_call, raw_call, *calls, repeat=repeat)
    floor, raw, measured = figures[0], figures[1], figures[2:]
    heading(f"server time, {repeat} requests each")
    report("floor: /login (layout and a form, no data)", floor)
    report("raw sqlite3: the occupation's rows", raw)
    slow = []
    for name, figure in zip(targets, measured, strict=True):
        report(name, figure)
        if figure[2] >= TARGET_MS:
            slow.append(name)
    worst = max(measured, key=lambda figure: figure[1])
    print(f"\n  slowest page p95 {worst[1]:.1f} ms = {worst[1] / floor[1]:.1f}× the floor")
    verdict = "met" if not slow else f"missed by {', '.join(slow)}"
    print(f"  every request under {TARGET_MS:g} ms (max): {verdict}")
    return 0


def _found(url: str) -> tuple[int, str, int]:
    engine = make_engine(url)
    with Session(engine) as session:
        partnership = session.scalars(sa.select(Partnership).filter_by(slug=PARTNERSHIP)).one()
        program = session.scalars(
            sa.select(Program)
            .join(Provider)
            .where(Provider.region_id == partnership.region_id)
            .order_by(Program.id)
        ).first()
        assert program is not None
        found = (program.provider_id, partnership.region.slug, program.id)
    engine.dispose()
    return found


if __name__ == "__main__":
    sys.exit(main())
