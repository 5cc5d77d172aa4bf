"""The REST API under /api/v1: flask-smorest blueprints, one module per resource."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_smorest import Api as SmorestApi

from pathways import errors
from pathways.api import (
    alignment,
    audit,
    auth,
    bundles,
    converters,
    credentials,
    ctdl,
    docs,
    health,
    occupations,
    partnerships,
    pathways,
    programs,
    providers,
    regions,
    skills,
    users,
    workspace,
)


class Api(SmorestApi):  # type: ignore[misc]
    """flask-smorest, documenting our error shape; errors.py handles every error itself."""

    ERROR_SCHEMA = errors.ErrorSchema

    def _register_error_handlers(self) -> None:
        pass


def init_app(app: Flask) -> None:
    app.url_map.converters["soc"] = converters.SocCode
    api = Api(app, spec_kwargs=_spec_kwargs())
    api.register_converter(converters.SocCode, converters.soc_parameter)
    modules = (health, occupations, regions, partnerships, workspace, pathways, credentials)
    for module in (*modules, providers, programs, alignment, skills, users, audit, ctdl, bundles):
        api.register_blueprint(module.blp)
    app.register_blueprint(docs.assets)
    auth.init_app(app)


def _spec_kwargs() -> dict[str, Any]:
    return {
        "components": {
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API token from `pathways tokens create EMAIL`",
                }
            }
        },
        # Reading needs no token; changing anything does.
        "security": [{}, {"bearerAuth": []}],
        "info": {
            "description": (
                "Career pathways and education alignment for regional sector partnerships. "
                "Occupation data: O*NET (CC BY 4.0, USDOL/ETA) and U.S. Bureau of Labor "
                "Statistics; every figure names its source and vintage."
            )
        },
    }
