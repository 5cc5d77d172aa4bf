"""Schemas of the occupation endpoints: query arguments in, search pages and profiles out."""

from __future__ import annotations

from typing import Any

import marshmallow as ma

from pathways.api.pagination import PageArgs, PageSchema
from pathways.domain.codes import AREA_PATTERN
from pathways.domain.occupations import WageResolution
from pathways.domain.wages import MARKER_TEXT, WageFigure, WageMarker

F = ma.fields


class SearchArgs(PageArgs):
    q = F.String(
        validate=ma.validate.Length(max=200),
        metadata={
            "description": "Words of a title or alternate title, or a SOC code",
            "example": "nurse",
        },
    )


class SearchHitSchema(ma.Schema):
    soc = F.String(required=True, metadata={"example": "29-2061"})
    title = F.String(required=True)
    job_zone = F.Integer(allow_none=True, required=True)
    matched = F.String(
        required=True, validate=ma.validate.OneOf(["code", "title", "alternate_title"])
    )
    matched_text = F.String(required=True, metadata={"description": "What the query matched"})


class SearchPageSchema(PageSchema):
    items = F.List(F.Nested(SearchHitSchema), required=True)


class PlaceArgs(ma.Schema):
    area = F.String(
        validate=ma.validate.Regexp(AREA_PATTERN, error="an OEWS area code has seven digits"),
        metadata={"description": "OEWS area code (e.g. 0033740, Monroe, LA)"},
    )
    region = F.String(
        validate=ma.validate.Length(min=1, max=80),
        metadata={"description": "Region slug (e.g. northeast-louisiana)"},
    )


class NextStepArgs(PlaceArgs):
    limit = F.Integer(load_default=20, validate=ma.validate.Range(min=1, max=100))


class FigureSchema(ma.Schema):
    value = F.Float(required=True, allow_none=True, metadata={"description": "US dollars"})
    marker = F.String(
        required=True,
        allow_none=True,
        validate=ma.validate.OneOf([marker.value for marker in WageMarker]),
        metadata={"description": "Why BLS publishes no value (or only a bound)"},
    )
    note = F.String(required=True, allow_none=True)

    @ma.pre_dump
    def _from_figure(self, figure: WageFigure, **_: Any) -> dict[str, Any]:
        return {
            "value": figure.dollars,
            "marker": figure.marker.value if figure.marker else None,
            "note": MARKER_TEXT[figure.marker] if figure.marker else None,
        }


class LevelsSchema(ma.Schema):
    entry = F.Nested(FigureSchema, required=True, metadata={"description": "25th percentile"})
    median = F.Nested(FigureSchema, required=True)
    experienced = F.Nested(FigureSchema, required=True, metadata={"description": "75th percentile"})


class AreaSchema(ma.Schema):
    code = F.String(required=True)
    title = F.String(required=True)
    kind = F.String(required=True)


class PlaceSchema(ma.Schema):
    kind = F.String(required=True, validate=ma.validate.OneOf(["nation", "area", "region"]))
    code = F.String(required=True)
    name = F.String(required=True)


class WagesSchema(ma.Schema):
    requested = F.Nested(PlaceSchema, required=True, metadata={"description": "Place asked for"})
    area = F.Nested(AreaSchema, required=True, allow_none=True)
    vintage = F.Integer(required=True, allow_none=True, metadata={"example": 2025})
    source = F.String(required=True, allow_none=True, metadata={"example": "BLS OEWS May 2025"})
    fallback = F.Boolean(
        required=True, metadata={"description": "Figures come from a wider area than asked"}
    )
    reported_soc = F.String(
        required=True, allow_none=True, metadata={"description": "SOC code BLS reports under"}
    )
    reported_title = F.String(required=True, allow_none=True)
    employment = F.Integer(required=True, allow_none=True)
    hourly = F.Nested(LevelsSchema, required=True, allow_none=True)
    annual = F.Nested(LevelsSchema, required=True, allow_none=True)

    @ma.pre_dump
    def _from_resolution(self, resolution: WageResolution, **_: Any) -> dict[str, Any]:
        estimate = resolution.estimate
        return {
            "requested": {
                "kind": resolution.requested_kind,
                "code": resolution.requested_code,
                "name": resolution.requested_name,
            },
            "fallback": resolution.fallback,
            "reported_title": resolution.reported_title,
            "area": estimate.area if estimate else None,
            "vintage": estimate.vintage if estimate else None,
            "source": estimate.source_label if estimate else None,
            "reported_soc": estimate.soc if estimate else None,
            "employment": estimate.employment if estimate else None,
            "hourly": estimate.levels("hourly") if estimate else None,
            "annual": estimate.levels("annual") if estimate else None,
        }


class RequirementSchema(ma.Schema):
    element_id = F.String(required=True, allow_none=True, metadata={"example": "2.A.1.a"})
    name = F.String(required=True)
    importance = F.Float(required=True, metadata={"description": "O*NET importance, 1–5"})
    level = F.Float(required=True, metadata={"description": "O*NET level, 0–7"})
    suppressed = F.Boolean(
        required=True, metadata={"description": "O*NET recommends suppressing this estimate"}
    )


class JobZoneSchema(ma.Schema):
    zone = F.Integer(required=True)
    name = F.String(required=True)
    education = F.String(required=True)
    experience = F.String(required=True)
    training = F.String(required=True)


class EducationShareSchema(ma.Schema):
    category = F.Integer(required=True)
    label = F.String(required=True)
    percent = F.Float(required=True)


class EducationSchema(ma.Schema):
    typical_entry = F.String(required=True, allow_none=True)
    work_experience = F.String(required=True, allow_none=True)
    on_the_job_training = F.String(required=True, allow_none=True)
    required_level = F.List(F.Nested(EducationShareSchema), required=True)


class OutlookSchema(ma.Schema):
    period = F.Function(
        lambda o: f"{o.base_year}-{o.target_year}", required=True, metadata={"type": "string"}
    )
    source = F.String(required=True, attribute="source_label")
    reported_soc = F.String(required=True)
    reported_title = F.String(required=True)
    employment = F.Integer(required=True, allow_none=True)
    projected_employment = F.Integer(required=True, allow_none=True)
    change_percent = F.Float(required=True, allow_none=True)
    annual_openings = F.Integer(required=True, allow_none=True)
    median_annual_wage = F.Integer(required=True, allow_none=True)
    median_wage_top_coded = F.Boolean(required=True)


class RelatedSchema(ma.Schema):
    soc = F.String(required=True)
    title = F.String(required=True)
    tier = F.String(required=True)


class SourceSchema(ma.Schema):
    name = F.String(required=True)
    vintage = F.String(required=True)
    notice = F.String(required=True)


class ProfileSchema(ma.Schema):
    soc = F.String(required=True, metadata={"example": "29-2061"})
    onet_soc = F.String(required=True, allow_none=True, metadata={"example": "29-2061.00"})
    title = F.String(required=True)
    description = F.String(required=True, allow_none=True)
    alternate_titles = F.List(F.String(), required=True)
    job_zone = F.Nested(JobZoneSchema, required=True, allow_none=True)
    education = F.Nested(EducationSchema, required=True)
    outlook = F.Nested(OutlookSchema, required=True, allow_none=True)
    wages = F.Nested(WagesSchema, required=True)
    skills = F.List(F.Nested(RequirementSchema), required=True)
    knowledge = F.List(F.Nested(RequirementSchema), required=True)
    related = F.List(F.Nested(RelatedSchema), required=True)
    sources = F.List(F.Nested(SourceSchema), required=True)
