"""`pathways export …`: a partnership as a bundle, a pathway as CTDL JSON-LD. Each command
writes a file and nothing in the database."""

from __future__ import annotations

import click


@click.group("export", help="Write Pathways data to a file another system can read.")
def export_group() -> None:
    pass


COMMANDS = (export_group,)
