"""`pathways export ctdl PATHWAY`: a pathway as CTDL JSON-LD, the document
GET /api/v1/pathways/{slug}/ctdl serves, written to a file."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from pathways.cli.common import operator, transaction
from pathways.cli.exports import export_group
from pathways.printing import printer
from pathways.services.ctdl_export import pathway_ctdl


@export_group.command("ctdl")
@click.argument("pathway")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The file to write (default: PATHWAY.jsonld here).",
)
@click.option(
    "--version",
    "version",
    help="A version number, draft or published (default: the newest, as the API gives it).",
)
@with_appcontext
def export_ctdl(pathway: str, output: Path | None, version: str | None) -> None:
    """Write PATHWAY as CTDL JSON-LD for the Credential Registry."""
    found = printer()
    with transaction() as session:
        export = pathway_ctdl(
            session=session, actor=operator(), slug=pathway, version=version,
            public_url=found.public_url, page_url=found.pathway_url(pathway),
        )  # fmt: skip
    target = output or Path(f"{export.slug}.jsonld")
    try:
        target.write_bytes(export.document)
    except OSError as error:
        raise click.ClickException(f"cannot write {target}: {error.strerror}") from None
    shape = (
        "a Pathway"
        if export.destinations == 1
        else f"a PathwaySet of {export.destinations} pathways, one per destination"
    )
    click.echo(
        f"Wrote {target} ({len(export.document):,} bytes): CTDL JSON-LD of pathway "
        f"{export.slug}, version {export.number} ({export.status.value}), as {shape}."
    )
