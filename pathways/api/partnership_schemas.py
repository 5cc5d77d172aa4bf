"""Schemas of the partnership workspace: partnerships, critical occupations, employer wages
and requirement overrides."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import url_for
from flask_smorest.fields import Upload

from pathways.api.converters import SOC_CODE
from pathways.api.occupation_schemas import WagesSchema
from pathways.api.pagination import PageArgs, PageSchema
from pathways.domain.vocabulary import (
    CredentialRelation,
    MemberKind,
    PayBasis,
    RequirementAction,
)
from pathways.models import EmployerWage, Partnership
from pathways.services.wages import resolve_wages
from pathways.sessions import request_session

F = ma.fields
SOC = F.String(required=True, validate=SOC_CODE, metadata={"example": "31-1131"})


def color() -> F.String:
    return F.String(
        allow_none=True,
        validate=ma.validate.Regexp(r"^#[0-9A-Fa-f]{6}$", error="a colour is written #RRGGBB"),
        metadata={"example": "#0B5D8C"},
    )


class MemberSchema(ma.Schema):
    name = F.String(required=True, validate=ma.validate.Length(min=1, max=200))
    kind = F.Enum(MemberKind, by_value=True, required=True)
    website = F.String(allow_none=True, load_default=None, validate=ma.validate.Length(max=300))


class BrandingSchema(ma.Schema):
    brand_name = F.String(allow_none=True, validate=ma.validate.Length(max=200))
    primary_color = color()
    accent_color = color()
    contact_line = F.String(allow_none=True, validate=ma.validate.Length(max=300))


class PartnershipSchema(BrandingSchema):
    slug = F.String(required=True, metadata={"example": "ne-louisiana-healthcare"})
    name = F.String(required=True)
    sector = F.String(required=True)
    region = F.String(required=True, attribute="region.slug", metadata={"description": "Slug"})
    description = F.String(required=True, allow_none=True)
    members = F.List(F.Nested(MemberSchema), required=True)
    logo = F.Method("_logo", required=True, allow_none=True, metadata={"type": "string"})
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})

    def _logo(self, partnership: Partnership) -> str | None:
        if partnership.logo is None:
            return None
        return url_for("partnerships.PartnershipLogo", slug=partnership.slug)


class PartnershipPageSchema(PageSchema):
    items = F.List(F.Nested(PartnershipSchema), required=True)


class PartnershipArgs(PageArgs):
    region = F.String(metadata={"description": "Only partnerships of this region (slug)"})


class PartnershipUpdateSchema(BrandingSchema):
    name = F.String(validate=ma.validate.Length(min=1, max=200))
    sector = F.String(validate=ma.validate.Length(min=1, max=120))
    region = F.String(metadata={"description": "Region slug"})
    description = F.String(allow_none=True)
    members = F.List(F.Nested(MemberSchema), metadata={"description": "Replaces the list"})


class PartnershipCreateSchema(PartnershipUpdateSchema):
    slug = F.String(required=True, validate=ma.validate.Length(min=2, max=80))
    name = F.String(required=True, validate=ma.validate.Length(min=1, max=200))
    sector = F.String(required=True, validate=ma.validate.Length(min=1, max=120))
    region = F.String(required=True, metadata={"description": "Region slug"})


class LogoUploadSchema(ma.Schema):
    logo = Upload(required=True, metadata={"description": "PNG, JPEG or SVG, at most 512 KiB"})


class CriticalOccupationSchema(ma.Schema):
    soc = F.String(required=True, attribute="soc_code")
    title = F.String(required=True, attribute="occupation.title")
    priority = F.Integer(required=True, metadata={"description": "1 is the most urgent"})
    annual_openings = F.Integer(required=True, allow_none=True)
    notes = F.String(required=True, allow_none=True)
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})


class CriticalUpdateSchema(ma.Schema):
    priority = F.Integer(validate=ma.validate.Range(min=1, max=99))
    annual_openings = F.Integer(
        allow_none=True,
        validate=ma.validate.Range(min=0, max=10_000_000),
        metadata={"description": "Openings the partnership's employers expect each year"},
    )
    notes = F.String(allow_none=True, validate=ma.validate.Length(max=5000))


class CriticalCreateSchema(CriticalUpdateSchema):
    soc = SOC
    priority = F.Integer(load_default=1, validate=ma.validate.Range(min=1, max=99))


class EmployerWageUpdateSchema(ma.Schema):
    soc = F.String(validate=SOC_CODE)
    pay_basis = F.Enum(PayBasis, by_value=True)
    entry = F.Float(allow_none=True, allow_nan=False, metadata={"description": "US dollars"})
    median = F.Float(allow_none=True, allow_nan=False)
    experienced = F.Float(allow_none=True, allow_nan=False)
    reported_on = F.Date(metadata={"description": "When the employers reported it"})
    employer_count = F.Integer(validate=ma.validate.Range(min=1, max=100_000))
    notes = F.String(allow_none=True, validate=ma.validate.Length(max=5000))


class EmployerWageCreateSchema(EmployerWageUpdateSchema):
    soc = SOC
    pay_basis = F.Enum(PayBasis, by_value=True, required=True)
    reported_on = F.Date(required=True)
    employer_count = F.Integer(required=True, validate=ma.validate.Range(min=1, max=100_000))


class EmployerWageSchema(ma.Schema):
    id = F.Integer(required=True)
    soc = F.String(required=True, attribute="soc_code")
    pay_basis = F.Enum(PayBasis, by_value=True, required=True)
    entry = F.Float(required=True, allow_none=True)
    median = F.Float(required=True, allow_none=True)
    experienced = F.Float(required=True, allow_none=True)
    reported_on = F.Date(required=True)
    employer_count = F.Integer(required=True)
    notes = F.String(required=True, allow_none=True)
    source = F.Constant("employer", required=True, metadata={"description": "Always employer"})
    bls = F.Method(
        "_bls",
        required=True,
        metadata={
            "type": "object",
            "description": "BLS OEWS wages for the same occupation in the partnership's region "
            "(else its state, else the nation), to show beside the employers' figures",
        },
    )
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})

    def _bls(self, row: EmployerWage) -> Any:
        region = row.partnership.region.slug
        found = resolve_wages(session=request_session(), soc=row.soc_code, region=region)
        return WagesSchema().dump(found)


class OverrideUpdateSchema(ma.Schema):
    action = F.Enum(RequirementAction, by_value=True)
    importance = F.Float(allow_none=True, validate=ma.validate.Range(min=1, max=5))
    level = F.Float(allow_none=True, validate=ma.validate.Range(min=0, max=7))
    relation = F.Enum(CredentialRelation, by_value=True, allow_none=True)
    notes = F.String(allow_none=True, validate=ma.validate.Length(max=5000))


class OverrideCreateSchema(OverrideUpdateSchema):
    soc = SOC
    action = F.Enum(RequirementAction, by_value=True, required=True)
    skill = F.String(
        load_default=None, metadata={"description": "O*NET element ID", "example": "2.B.1.e"}
    )
    credential = F.Integer(load_default=None, metadata={"description": "Credential id"})


class OverrideSchema(ma.Schema):
    id = F.Integer(required=True)
    soc = F.String(required=True, attribute="soc_code")
    skill_id = F.Integer(required=True, allow_none=True)
    credential_id = F.Integer(required=True, allow_none=True)
    action = F.Enum(RequirementAction, by_value=True, required=True)
    importance = F.Float(required=True, allow_none=True)
    level = F.Float(required=True, allow_none=True)
    relation = F.Enum(CredentialRelation, by_value=True, required=True, allow_none=True)
    notes = F.String(required=True, allow_none=True)
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})
