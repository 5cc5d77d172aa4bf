"""Commands for the database and the national catalog: migrate, seed, import, serve."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from pathways import migrations
from pathways.cli.common import operator, progress_bar, transaction
from pathways.domain.imports import ImportSummary
from pathways.importers.catalog import catalog_size, seed_catalog
from pathways.importers.cip import import_cip_codes, import_crosswalk
from pathways.importers.files import Progress, data_size
from pathways.importers.oews import import_oews
from pathways.importers.onet import import_onet
from pathways.importers.onet_source import onet_files
from pathways.importers.projections import import_projections
from pathways.services.catalog import catalog_status
from pathways.services.imports import record_import


def report(summary: ImportSummary) -> None:
    for line in summary.lines():
        click.echo(line)


# --- pathways db ---------------------------------------------------------------------------


@click.group(help="The database schema (Alembic migrations).")
def db() -> None:
    pass


@db.command(help="Migrate the database to the newest schema (or to --revision).")
@click.option("--revision", default="head", show_default=True)
@with_appcontext
def upgrade(revision: str) -> None:
    migrations.upgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"database at {revision}")


@db.command(help="Migrate the database back to REVISION ('base' empties it).")
@click.argument("revision")
@with_appcontext
def downgrade(revision: str) -> None:
    migrations.downgrade(current_app.config["DATABASE_URL"], revision)


@db.command(help="Show the database's current revision.")
@with_appcontext
def current() -> None:
    migrations.current(current_app.config["DATABASE_URL"])


# --- pathways seed -------------------------------------------------------------------------


@click.command(help="Load the national catalog and the sample regions from seed_data/.")
@click.option("--sample", is_flag=True, help="Only the sample occupations: fast, for tests.")
@click.option("--if-empty", is_flag=True, help="Do nothing when a catalog is already loaded.")
@with_appcontext
def seed(sample: bool, if_empty: bool) -> None:
    seed_dir = Path(current_app.config["SEED_DATA_DIR"])
    summaries: list[ImportSummary] = []
    with transaction() as session:
        loaded = catalog_status(session=session)["occupations"]
        if if_empty and loaded:
            click.echo(f"the catalog is already loaded ({loaded} occupations)")
            return
        if sample:
            summaries = seed_catalog(session, seed_dir, actor=operator(), sample=True)
        else:
            with progress_bar(catalog_size(seed_dir), "loading the national catalog") as step:
                summaries = seed_catalog(session, seed_dir, actor=operator(), progress=step)
    for summary in summaries:
        report(summary)


# --- pathways import -----------------------------------------------------------------------


@click.group("import", help="Import one public data file (a new release, say).")
def import_group() -> None:
    pass


EXISTING = click.Path(exists=True, path_type=Path)


def _run_import(paths: list[Path], label: str, load: Callable[..., ImportSummary]) -> None:
    with transaction() as session, progress_bar(sum(map(data_size, paths)), label) as step:
        summary = load(session, step)
        record_import(session=session, summary=summary)
    report(summary)


@import_group.command("onet", help="O*NET text files in DIRECTORY (plain, .gz or .xz).")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--release", required=True, help="The O*NET release, e.g. 29.3.")
@with_appcontext
def import_onet_command(directory: Path, release: str) -> None:
    def load(session: Session, step: Progress) -> ImportSummary:
        return import_onet(session, directory, release=release, progress=step)

    _run_import(onet_files(directory), f"O*NET {release}", load)


@import_group.command("oews", help="An OEWS wage file (BLS *_dl or national/state/metro layout).")
@click.argument("path", type=EXISTING)
@click.option("--vintage", type=int, help="The May reference year, when the name lacks it.")
@with_appcontext
def import_oews_command(path: Path, vintage: int | None) -> None:
    def load(session: Session, step: Progress) -> ImportSummary:
        return import_oews(session, path, vintage=vintage, progress=step)

    _run_import([path], path.name, load)


def _file_import(name: str, help_text: str, importer: Callable[..., ImportSummary]) -> Any:
    @import_group.command(name, help=help_text)
    @click.argument("path", type=EXISTING)
    @with_appcontext
    def command(path: Path) -> None:
        _run_import([path], path.name, lambda session, step: importer(session, path, progress=step))

    return command


_file_import("cip", "NCES CIP 2020 codes (CIPCode2020 CSV).", import_cip_codes)
_file_import("crosswalk", "The NCES CIP 2020 ↔ SOC 2018 crosswalk CSV.", import_crosswalk)
_file_import("projections", "BLS Employment Projections table 1.2 CSV.", import_projections)


# --- pathways serve ------------------------------------------------------------------------


@click.command(help="Serve the web app and API with gunicorn (the production WSGI server).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
def serve(host: str, port: int, workers: int) -> None:
    # This process runs inside the application context Flask pushes for every command; a
    # worker forked from it would reuse that context for every request, so `g` (the
    # database session, the signed-in user) would outlive each request and pass to the
    # next. gunicorn replaces this process instead, and each worker builds its own app.
    os.execv(  # noqa: S606 - our own interpreter and fixed arguments, no shell involved
        sys.executable,
        [sys.executable, "-m", "gunicorn", "--config", "python:pathways.gunicorn_config",
         "--bind", f"{host}:{port}", "--workers", str(workers), "--access-logfile", "-",
         "pathways.app:create_app()"],
    )  # fmt: skip


COMMANDS = (db, seed, import_group, serve)
