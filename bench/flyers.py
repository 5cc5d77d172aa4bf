"""Flyers, measured against raw WeasyPrint in the same run (issue 6):

1. an uncached flyer (diagram drawn by dot, text laid out, PDF written) against WeasyPrint's
   own `HTML(string=…).write_pdf()` of the identical HTML — target ≤ 1.25×;
2. a cached flyer and a cached diagram through the HTTP endpoints — targets ≤ 5 ms and
   ≤ 2 ms p50;
3. a batch of distinct flyers with --jobs 2 against --jobs 1 — target ≥ 1.8×, and ≥ 0.9 × the
   raw limit, 2 × 1000 / (warm WeasyPrint ms), on this machine's two cores;
4. memory over many renders in one process — target ≤ 50 KiB growth per render.

    .venv/bin/python bench/flyers.py [--repeat N] [--batch N] [--renders N]

Builds a throwaway SQLite database with the sample catalog and the sample partnerships
(`pathways seed --sample`) and uses the CNA → RN flyer of Northeast Louisiana.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("PATHWAYS_ENV", "development")

from timing import timings  # bench/ is not a package

from pathways.app import create_app
from pathways.db import make_engine
from pathways.domain.access import Actor, Channel
from pathways.domain.flyers import DiagramFormat, Language, Paper
from pathways.importers.catalog import seed_catalog
from pathways.importers.workspace import load_workspaces
from pathways.jobs.batch import render_all
from pathways.jobs.prints import flyer_job
from pathways.jobs.tasks import FlyerJob, render_flyer
from pathways.migrations import upgrade
from pathways.render.diagrams import render_diagram
from pathways.render.fetcher import ASSET_BASE, BundledFetcher
from pathways.render.flyers import flyer_assets, render_flyer_html
from pathways.render.pdf import PDF_VARIANT, warm_up
from pathways.services.flyers import pathway_print

SEED = Path(__file__).resolve().parents[1] / "seed_data"
SLUG = "cna-to-rn"


def build(url: str) -> FlyerJob:
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        seed_catalog(session, SEED, actor=Actor.operator("bench"), sample=True)
        load_workspaces(session, SEED, actor=Actor.operator("bench"))
        session.commit()
        found = pathway_print(
            session=session, actor=Actor.anonymous(Channel.WEB), slug=SLUG, version=None,
            page_url=f"https://pathways.example.org/pathways/{SLUG}",
        )  # fmt: skip
    engine.dispose()
    return flyer_job(found, Paper.LETTER, Language.EN)


def uncached_against_raw(job: FlyerJob, repeat: int) -> float:
    """Prints the figures; returns raw WeasyPrint's warm p50 in ms."""
    from weasyprint import HTML

    assert job.diagram is not None
    compact = replace(job.diagram, compact=True)  # as the flyer draws it
    flyer = replace(job.flyer, diagram_svg=render_diagram(compact, DiagramFormat.SVG))
    html = render_flyer_html(flyer, paper=job.paper, language=job.language)
    assets = flyer_assets(flyer)

    def raw() -> bytes:
        document = HTML(string=html, base_url=ASSET_BASE, url_fetcher=BundledFetcher(assets))
        pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
        return pdf

    ours, bare = timings(lambda: render_flyer(job), raw, repeat=repeat)
    print(f"uncached flyer            p50 {ours[0]:7.1f} ms  p95 {ours[1]:7.1f} ms")
    print(f"raw WeasyPrint write_pdf  p50 {bare[0]:7.1f} ms  p95 {bare[1]:7.1f} ms")
    print(f"  ratio (p50)             {ours[0] / bare[0]:.2f}×   target ≤ 1.25×")
    return bare[0]


def cached_over_http(url: str, cache_dir: str, repeat: int) -> None:
    app = create_app({"DATABASE_URL": url, "RENDER_CACHE_DIR": cache_dir,
                      "RENDER_PRERENDER": "off"})  # fmt: skip
    client = app.test_client()
    for address, target in ((f"/pathways/{SLUG}/flyer.pdf", 5.0),
                            (f"/pathways/{SLUG}/diagram.svg", 2.0)):  # fmt: skip
        first = client.get(address)
        assert first.status_code == 200, first.status_code
        assert client.get(address).headers["X-Render-Cache"] == "hit"
        (figures,) = timings(lambda address=address: client.get(address), repeat=repeat * 10)
        print(f"cached {address:28} p50 {figures[0]:6.2f} ms  p95 {figures[1]:6.2f} ms"
              f"   target ≤ {target:.0f} ms p50")  # fmt: skip


def batch(job: FlyerJob, count: int, raw_ms: float) -> None:
    jobs = [
        replace(job, name=f"{job.name} {n}", flyer=replace(job.flyer, title=f"CNA to RN {n}"))
        for n in range(count)
    ]
    rates = {}
    for workers in (1, 2):
        start = time.perf_counter()
        outcomes = render_all(jobs, workers=workers)
        spent = time.perf_counter() - start
        assert all(outcome.content for outcome in outcomes), "a flyer failed"
        rates[workers] = count / spent
        print(
            f"batch of {count}, --jobs {workers}     {spent:6.1f} s  {rates[workers]:5.1f} flyers/s"
        )
    limit = 2 * 1000 / raw_ms
    print(f"  speed-up --jobs 2 / 1   {rates[2] / rates[1]:.2f}×   target ≥ 1.8×")
    print(f"  against the raw limit   {rates[2] / limit:.2f} of {limit:.1f} flyers/s"
          "   target ≥ 0.9")  # fmt: skip


def memory(job: FlyerJob, renders: int) -> None:
    def rss_kib() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024

    warm = min(100, renders // 10)
    for _ in range(warm):
        render_flyer(job)
    gc.collect()
    before = rss_kib()
    for _ in range(renders):
        render_flyer(job)
    gc.collect()
    growth = (rss_kib() - before) / renders
    print(f"memory over {renders} renders      {growth:+.1f} KiB per render"
          f" (after {warm} warm-up)   target ≤ 50 KiB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--renders", type=int, default=1000)
    args = parser.parse_args()
    warm_up()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        job = build(url)
        raw_ms = uncached_against_raw(job, args.repeat)
        cached_over_http(url, f"{folder}/renders", args.repeat)
        batch(job, args.batch, raw_ms)
        memory(job, args.renders)


if __name__ == "__main__":
    main()
