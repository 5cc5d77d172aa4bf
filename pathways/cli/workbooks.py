"""`pathways import workbook FILE… [--partnership SLUG] [--provider ID]`: a filled-in template
(critical-occupations.xlsx, pathway.xlsx, programs.xlsx, or its CSV sheets) imported all or
nothing. A rejected file prints every problem with its sheet, row and column, writes them to
`--errors FILE` as CSV when asked, and exits 1 with nothing written."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from pathways.cli.catalog import import_group
from pathways.cli.common import operator, transaction
from pathways.domain.workbooks import WorkbookRejected, error_report
from pathways.importers.workbook import Upload, import_workbook

FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@import_group.command(
    "workbook",
    help="A filled-in spreadsheet template: one .xlsx, or the CSV files of its sheets "
    "(critical occupations and pathways need --partnership; programs need --provider or a "
    "Provider column). Nothing is written unless every row is right.",
)
@click.argument("files", nargs=-1, required=True, type=FILE)
@click.option("--partnership", help="The partnership (slug) for occupations and pathways.")
@click.option("--provider", type=click.IntRange(1, 2_147_483_647), help="Provider id for programs.")
@click.option(
    "--errors",
    "errors_file",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="On failure, write the problems here as CSV: sheet,row,column,message.",
)
@with_appcontext
def import_workbook_command(
    files: tuple[Path, ...], partnership: str | None, provider: int | None, errors_file: Path | None
) -> None:
    uploads = [Upload(path.name, path.read_bytes()) for path in files]
    rejected: WorkbookRejected | None = None
    try:
        with transaction() as session:
            try:
                summary = import_workbook(
                    session, uploads, actor=operator(), partnership=partnership, provider=provider
                )
            except WorkbookRejected as error:
                rejected = error
                raise
    except click.ClickException:
        if rejected is None:
            raise
        _report(rejected, errors_file)
        sys.exit(1)
    for line in summary.lines():
        click.echo(line)


def _report(rejected: WorkbookRejected, errors_file: Path | None) -> None:
    click.echo(rejected.message, err=True)
    for line in rejected.lines():
        click.echo(f"  {line}", err=True)
    if errors_file is not None:
        errors_file.write_bytes(error_report(rejected.problems, rejected.count))
        click.echo(f"the problems are listed in {errors_file}", err=True)
