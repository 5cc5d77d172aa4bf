"""Regions: the labor-market areas partnerships name, and the OEWS areas behind them."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.services.regions import get_region, list_regions
from pathways.sessions import request_session

blp = Blueprint("regions", __name__, url_prefix="/api/v1/regions", description="Regions")


class RegionAreaSchema(ma.Schema):
    code = ma.fields.String(required=True, attribute="area.code", metadata={"example": "0033740"})
    title = ma.fields.String(required=True, attribute="area.title")
    kind = ma.fields.String(required=True, attribute="area.kind")


class RegionSchema(ma.Schema):
    slug = ma.fields.String(required=True, metadata={"example": "northeast-louisiana"})
    name = ma.fields.String(required=True)
    description = ma.fields.String(required=True, allow_none=True)
    areas = ma.fields.List(
        ma.fields.Nested(RegionAreaSchema),
        required=True,
        metadata={"description": "OEWS areas, in the order wages are looked up"},
    )


@blp.route("")
class Regions(MethodView):
    @blp.response(200, RegionSchema(many=True))
    def get(self) -> Any:
        """List regions"""
        return list_regions(session=request_session())


@blp.route("/<slug>")
class RegionDetail(MethodView):
    @blp.response(200, RegionSchema)
    @blp.alt_response(404, description="No region with this slug")
    def get(self, slug: str) -> Any:
        """Read a region"""
        return get_region(session=request_session(), slug=slug)
