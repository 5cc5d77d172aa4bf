"""Regions: the labor-market areas partnerships name, and the OEWS areas behind them."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.versions import etag, expected_version
from pathways.services.regions import (
    create_region,
    delete_region,
    get_region,
    list_regions,
    update_region,
)
from pathways.sessions import request_session

blp = Blueprint("regions", __name__, url_prefix="/api/v1/regions", description="Regions")
F = ma.fields


class RegionAreaSchema(ma.Schema):
    code = F.String(required=True, attribute="area.code", metadata={"example": "0033740"})
    title = F.String(required=True, attribute="area.title")
    kind = F.String(required=True, attribute="area.kind")


class RegionSchema(ma.Schema):
    slug = F.String(required=True, metadata={"example": "northeast-louisiana"})
    name = F.String(required=True)
    description = F.String(required=True, allow_none=True)
    areas = F.List(
        F.Nested(RegionAreaSchema),
        required=True,
        metadata={"description": "OEWS areas, in the order wages are looked up"},
    )
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})


def area_codes(*, required: bool) -> F.List[str]:
    code = F.String(
        validate=ma.validate.Regexp(r"^\d{7}$", error="an OEWS area code has seven digits")
    )
    return F.List(
        code,
        required=required,
        validate=ma.validate.Length(min=1, max=50),
        metadata={"description": "OEWS area codes, most local first", "example": ["0033740"]},
    )


class RegionCreateSchema(ma.Schema):
    slug = F.String(required=True, validate=ma.validate.Length(min=2, max=80))
    name = F.String(required=True, validate=ma.validate.Length(min=1, max=200))
    description = F.String(load_default=None, allow_none=True)
    areas = area_codes(required=True)


class RegionUpdateSchema(ma.Schema):
    name = F.String(validate=ma.validate.Length(min=1, max=200))
    description = F.String(allow_none=True)
    areas = area_codes(required=False)


@blp.route("")
class Regions(MethodView):
    @blp.response(200, RegionSchema(many=True))
    def get(self) -> Any:
        """List regions"""
        return list_regions(session=request_session())

    @blp.arguments(RegionCreateSchema)
    @blp.response(201, RegionSchema)
    @blp.alt_response(409, description="A region with this slug exists")
    def post(self, body: dict[str, Any]) -> Any:
        """Create a region (admins)"""
        session = request_session()
        region = create_region(
            session=session, actor=current_actor(), slug=body["slug"], name=body["name"],
            area_codes=body["areas"], description=body["description"],
        )  # fmt: skip
        session.commit()
        location = url_for("regions.RegionDetail", slug=region.slug)
        return region, 201, {**etag(region.version), "Location": location}


@blp.route("/<slug>")
class RegionDetail(MethodView):
    @blp.response(200, RegionSchema)
    @blp.alt_response(404, description="No region with this slug")
    def get(self, slug: str) -> Any:
        """Read a region"""
        region = get_region(session=request_session(), slug=slug)
        return region, 200, etag(region.version)

    @blp.arguments(RegionUpdateSchema)
    @blp.response(200, RegionSchema)
    @blp.alt_response(412, description="The region changed since the ETag sent in If-Match")
    @blp.alt_response(428, description="If-Match is missing")
    def patch(self, body: dict[str, Any], slug: str) -> Any:
        """Change a region (admins; If-Match)"""
        session = request_session()
        changes = {("area_codes" if key == "areas" else key): value for key, value in body.items()}
        region = update_region(
            session=session, actor=current_actor(), slug=slug,
            expected_version=expected_version(), changes=changes,
        )  # fmt: skip
        session.commit()
        return region, 200, etag(region.version)

    @blp.response(204)
    @blp.alt_response(409, description="Partnerships or providers are in this region")
    @blp.alt_response(412, description="The region changed since the ETag sent in If-Match")
    @blp.alt_response(428, description="If-Match is missing")
    def delete(self, slug: str) -> Any:
        """Delete a region (admins; If-Match)"""
        session = request_session()
        delete_region(
            session=session, actor=current_actor(), slug=slug, expected_version=expected_version()
        )
        session.commit()
        return None
