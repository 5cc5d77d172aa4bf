"""The app's printer — where rendered flyers and diagrams are cached, and the public address
their QR codes point to — and the pre-rendering that follows a publish."""

from __future__ import annotations

from flask import Flask, current_app

from pathways.jobs.prints import Printer, printer_from
from pathways.jobs.worker import schedule_prerender
from pathways.sessions import database

EXTENSION = "pathways.printer"
PRERENDER_MODES = ("background", "inline", "off")


def init_app(app: Flask) -> None:
    if app.config["RENDER_PRERENDER"] not in PRERENDER_MODES:
        raise ValueError(f"PATHWAYS_PRERENDER must be one of {', '.join(PRERENDER_MODES)}")
    app.extensions[EXTENSION] = printer_from(app.config)


def printer(app: Flask | None = None) -> Printer:
    found: Printer = (app or current_app).extensions[EXTENSION]
    return found


def published(slug: str, *, app: Flask | None = None, short_lived: bool = False) -> None:
    """Pathway `slug` was just published (and committed): pre-render what readers will ask.
    A `short_lived` process (a CLI command) draws at once rather than on a thread that would
    die with it, unless RQ workers take the job."""
    app = app or current_app
    mode = app.config["RENDER_PRERENDER"]
    if mode == "background" and short_lived and not app.config["REDIS_URL"]:
        mode = "inline"
    schedule_prerender(
        mode=mode,
        redis_url=app.config["REDIS_URL"],
        sessions=database(app).sessions,
        printer=printer(app),
        slug=slug,
    )
