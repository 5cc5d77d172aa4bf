"""The application factory: configuration, extensions, blueprints, errors, commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask
from flask.cli import FlaskGroup

from pathways import api, cli, errors, printing, sessions, web
from pathways.config import load_config


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    instance = os.environ.get("PATHWAYS_INSTANCE")
    app = Flask(
        __name__,
        instance_path=str(Path(instance).resolve()) if instance else None,
        instance_relative_config=True,
        template_folder=str(Path(__file__).resolve().parent.parent / "templates"),
    )
    app.config.update(load_config(Path(app.instance_path)))
    app.config.update(overrides or {})
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep the schemas' field order
    sessions.init_app(app)
    printing.init_app(app)
    api.init_app(app)
    web.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    return app


def main() -> None:
    """The `pathways` console script: the same commands as `flask --app pathways`."""
    FlaskGroup(create_app=create_app, add_version_option=False)(prog_name="pathways")
