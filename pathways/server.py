"""gunicorn, run from `pathways serve` with an app the factory already built."""

from __future__ import annotations

from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from pathways.sessions import database


class Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, app: Flask, **options: Any) -> None:
        self.application = app
        self.options = {
            "accesslog": "-",
            "preload_app": True,
            # Each worker opens its own database connections, never the parent's.
            "post_fork": lambda _server, _worker: database(app).engine.dispose(close=False),
            **options,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings and value is not None:
                self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application
