"""`pathways export bundle SLUG -o FILE` and `pathways import bundle FILE [--replace]`: a whole
partnership as one JSON file, to move it to another installation or keep it."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from pathways.cli.catalog import import_group
from pathways.cli.common import operator, transaction
from pathways.cli.exports import export_group
from pathways.domain.bundle import FORMAT_VERSION
from pathways.importers.bundle import import_bundle
from pathways.importers.bundle_export import export_bundle


@export_group.command(
    "bundle",
    help=f"Partnership SLUG, with its pathways (every version), as a JSON bundle "
    f"(format version {FORMAT_VERSION}). Exporting the same data again gives the same bytes.",
)
@click.argument("slug")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write; - writes to standard output.",
)
@with_appcontext
def export_bundle_command(slug: str, output: Path) -> None:
    with transaction() as session:
        content = export_bundle(session=session, actor=operator(), slug=slug)
    if str(output) == "-":
        click.echo(content.decode("utf-8"), nl=False)
        return
    output.write_bytes(content)
    click.echo(f"wrote partnership {slug} to {output} ({len(content):,} bytes)")


@import_group.command(
    "bundle",
    help="A partnership bundle (from `pathways export bundle`): checked whole, then imported "
    "all or nothing. A partnership already here is left as it is unless --replace.",
)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a partnership already here (and everything it owns) with the bundle's.",
)
@with_appcontext
def import_bundle_command(path: Path, replace: bool) -> None:
    content = path.read_bytes()
    with transaction() as session:
        result = import_bundle(session, content, file=path.name, actor=operator(), replace=replace)
    for line in result.lines():
        click.echo(line)
