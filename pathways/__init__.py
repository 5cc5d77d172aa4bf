"""Pathways: career pathways and education alignment for regional sector partnerships.

`create_app` is loaded on first use (so `flask --app pathways` finds it) rather than at import,
which keeps `import pathways.domain` free of Flask.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from pathways.app import create_app

        return create_app
    raise AttributeError(name)
