"""The `pathways` command (also `flask --app pathways`): thin wrappers over the importers and
services. Each command is one transaction: it commits at the end or writes nothing."""

from __future__ import annotations

from flask import Flask

from pathways.cli import (
    accounts,
    audit,
    bundles,  # noqa: F401 - imported to add `pathways export|import bundle`
    catalog,
    ctdl_export,  # noqa: F401 - imported to add `pathways export ctdl`
    exports,
    programs,
    renders,
    workbooks,  # noqa: F401 - imported to add `pathways import workbook`
    workspace,
)


def init_app(app: Flask) -> None:
    for command in (*catalog.COMMANDS, *accounts.COMMANDS, *audit.COMMANDS, *workspace.COMMANDS):
        app.cli.add_command(command)
    for command in (*programs.COMMANDS, *renders.COMMANDS, *exports.COMMANDS):
        app.cli.add_command(command)
