"""Swagger UI's files for /api/v1/docs, served from the installed swagger-ui-bundle package
so the docs page works without reaching a CDN."""

from __future__ import annotations

from flask import Blueprint, Response, send_from_directory
from swagger_ui_bundle import swagger_ui_path

assets = Blueprint("api_docs_assets", __name__)


@assets.get("/api/v1/docs/assets/<path:filename>")
def asset(filename: str) -> Response:
    return send_from_directory(swagger_ui_path, filename, max_age=86400)
