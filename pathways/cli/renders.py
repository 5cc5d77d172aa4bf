"""`pathways render diagram|flyer|flyers|occupation` and `pathways worker`: the same renders
as the pages, through the same cache, written to files."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from pathways.cli.common import operator, transaction
from pathways.cli.output import choice
from pathways.domain.flyers import DiagramFormat, Language, Paper
from pathways.jobs.batch import NoWorkers, Outcome, render_all
from pathways.jobs.output import write_outcomes
from pathways.jobs.prints import (
    Rendered,
    occupation_flyer_pdf,
    partnership_jobs,
    pathway_diagram,
    pathway_flyer,
)
from pathways.jobs.worker import run_worker
from pathways.printing import printer
from pathways.render.cache import DirectoryCache
from pathways.sessions import database

PAPER = click.option("--paper", type=choice(Paper), default="letter", show_default=True)
LANGUAGE = click.option(
    "--lang", "language", type=choice(Language), default="en", show_default=True
)
OUTPUT = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True
)


@click.group("render", help="Draw diagrams and flyers to files.")
def render_group() -> None:
    """Renders."""


@render_group.command("diagram", help="Draw the diagram of pathway SLUG.")
@click.argument("slug")
@click.option("-f", "--format", "fmt", type=choice(DiagramFormat), default="svg", show_default=True)
@LANGUAGE
@OUTPUT
@click.option("--version", help="A version number, draft or published (default: the newest).")
@with_appcontext
def diagram(slug: str, fmt: str, language: str, output: Path, version: str | None) -> None:
    with transaction() as session:
        rendered = pathway_diagram(
            session=session, actor=operator(), printer=printer(), slug=slug, version=version,
            fmt=DiagramFormat(fmt), language=Language(language),
        )  # fmt: skip
    _write(rendered, output)


@render_group.command("flyer", help="Draw the one-page flyer of pathway SLUG.")
@click.argument("slug")
@PAPER
@LANGUAGE
@OUTPUT
@click.option("--version", help="A version number, draft or published (default: the newest).")
@with_appcontext
def flyer(slug: str, paper: str, language: str, output: Path, version: str | None) -> None:
    with transaction() as session:
        rendered = pathway_flyer(
            session=session, actor=operator(), printer=printer(), slug=slug, version=version,
            paper=Paper(paper), language=Language(language),
        )  # fmt: skip
    _write(rendered, output)


@render_group.command("occupation", help="Draw the one-page flyer of occupation SOC.")
@click.argument("soc")
@click.option("--region", help="A region slug for the wages and programs (default: the nation).")
@PAPER
@LANGUAGE
@OUTPUT
@with_appcontext
def occupation(soc: str, region: str | None, paper: str, language: str, output: Path) -> None:
    with transaction() as session:
        rendered = occupation_flyer_pdf(
            session=session, printer=printer(), soc=soc, region=region, paper=Paper(paper),
            language=Language(language),
        )  # fmt: skip
    _write(rendered, output)


@render_group.command(
    "flyers",
    help="Draw every published pathway's flyer of a partnership: OUTPUT ending in .pdf gets "
    "one merged PDF, .zip a ZIP, anything else a folder of PDFs. With REDIS_URL set, RQ "
    "workers draw them (`pathways worker`); otherwise a local pool of --jobs processes.",
)
@click.option("--partnership", "slug", required=True, help="The partnership's slug.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option(
    "--paper", type=choice(Paper), multiple=True, help="Repeat for both (default letter)."
)
@click.option("--lang", "languages", type=choice(Language), multiple=True,
              help="Repeat for both (default en).")  # fmt: skip
@with_appcontext
def flyers(
    slug: str, output: Path, jobs: int, paper: tuple[str, ...], languages: tuple[str, ...]
) -> None:
    current = printer()
    with transaction() as session:
        work = partnership_jobs(
            session=session, actor=operator(), printer=current, slug=slug,
            papers=[Paper(p) for p in paper or ("letter",)],
            languages=[Language(code) for code in languages or ("en",)],
        )  # fmt: skip
    if not work:
        raise click.ClickException(f"partnership {slug!r} has no published pathway to print")
    failed: list[Outcome] = []
    with click.progressbar(length=len(work), label="flyers", file=sys.stderr) as bar:

        def advance(outcome: Outcome) -> None:
            if outcome.error is not None:
                failed.append(outcome)
            bar.update(1)

        try:
            outcomes = render_all(
                work, workers=jobs, redis_url=current_app.config["REDIS_URL"],
                cache=current.cache, progress=advance,
            )  # fmt: skip
        except NoWorkers as error:
            raise click.ClickException(str(error)) from None
    write_outcomes(outcomes, output)
    click.echo(f"wrote {output}: {len(outcomes) - len(failed)} of {len(outcomes)} flyers")
    for outcome in failed:
        click.echo(f"failed: {outcome.name}: {outcome.error}", err=True)
    if failed:
        sys.exit(1)


@render_group.command("prune", help="Remove cached renders nobody has read for --days days.")
@click.option("--days", type=click.IntRange(min=1), default=30, show_default=True)
@with_appcontext
def prune(days: int) -> None:
    cache = printer().cache
    if not isinstance(cache, DirectoryCache):
        click.echo("the render cache is in Redis, which expires unread entries itself")
        return
    files, freed = cache.prune(unread_for=timedelta(days=days))
    click.echo(f"removed {files} cached files ({freed:,} bytes) unread for {days} days")


@click.command("worker", help="Take render jobs from Redis (REDIS_URL) until stopped.")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker(burst: bool) -> None:
    redis_url = current_app.config["REDIS_URL"]
    if not redis_url:
        raise click.ClickException("set REDIS_URL (e.g. redis://127.0.0.1:6379/0) to run a worker")
    run_worker(redis_url=redis_url, sessions=database().sessions, printer=printer(), burst=burst)


def _write(rendered: Rendered, output: Path) -> None:
    output.write_bytes(rendered.content)
    click.echo(f"wrote {output} ({len(rendered.content):,} bytes)")


COMMANDS = (render_group, worker)
