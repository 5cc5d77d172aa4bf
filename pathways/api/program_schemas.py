"""Schemas of the program registry: providers, their programs, and what a CIP code suggests."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import marshmallow as ma

from pathways.api.pagination import PageArgs, PageSchema
from pathways.domain.codes import CIP_PATTERN
from pathways.domain.slugs import SLUG_PATTERN
from pathways.domain.vocabulary import (
    AwardLevel,
    EarnWhileYouLearn,
    Modality,
    ProgramStatus,
    ProviderKind,
)
from pathways.models import Program, Provider
from pathways.services.program_suggestions import Suggestions, program_code, skills_taught
from pathways.services.programs import EDITABLE, credential_ids
from pathways.services.providers import region_slug
from pathways.sessions import request_session

F = ma.fields
V = ma.validate
MAX_ID = 2_147_483_647  # the database's id column (32-bit on PostgreSQL)
PROGRAM_CIP = r"^\d{2}\.\d{4}$"
REGION = F.String(
    validate=V.Regexp(SLUG_PATTERN, error="a region is named by its slug"),
    metadata={"description": "Region slug", "example": "northeast-louisiana"},
)


def text(limit: int, **metadata: Any) -> F.String:
    return F.String(allow_none=True, validate=V.Length(max=limit), metadata=metadata)


def program_cip(**options: Any) -> F.String:
    return F.String(
        validate=V.Regexp(PROGRAM_CIP, error="a program's CIP 2020 code is written NN.NNNN"),
        metadata={"description": "CIP 2020 program code", "example": "51.3901"},
        **options,
    )


# --- providers -----------------------------------------------------------------------------


class ProviderSchema(ma.Schema):
    id = F.Integer(required=True)
    name = F.String(required=True)
    kind = F.Enum(ProviderKind, by_value=True, required=True)
    street = F.String(required=True, allow_none=True)
    city = F.String(required=True, allow_none=True)
    state = F.String(required=True, allow_none=True)
    postal_code = F.String(required=True, allow_none=True)
    region = F.Method(
        "_region", required=True, allow_none=True, metadata={"type": "string"}
    )  # fmt: skip
    website = F.String(required=True, allow_none=True)
    contact_name = F.String(required=True, allow_none=True)
    contact_email = F.String(required=True, allow_none=True)
    contact_phone = F.String(required=True, allow_none=True)
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})

    def _region(self, provider: Provider) -> str | None:
        return region_slug(session=request_session(), provider=provider)


class ProviderPageSchema(PageSchema):
    items = F.List(F.Nested(ProviderSchema), required=True)


class ProviderArgs(PageArgs):
    region = REGION
    q = F.String(validate=V.Length(max=200), metadata={"description": "Words of name or city"})


class ProviderUpdateSchema(ma.Schema):
    name = F.String(validate=V.Length(min=1, max=200))
    kind = F.Enum(ProviderKind, by_value=True)
    street = text(200)
    city = text(100)
    state = F.String(
        allow_none=True,
        validate=V.Regexp(r"^[A-Za-z]{2}$", error="a two-letter state code"),
        metadata={"description": "USPS state code", "example": "LA"},
    )
    postal_code = F.String(
        allow_none=True,
        validate=V.Regexp(r"^\d{5}(-\d{4})?$", error="a ZIP code: 12345 or 12345-6789"),
        metadata={"example": "71201"},
    )
    region = F.String(
        allow_none=True, validate=REGION.validators, metadata=REGION.metadata
    )  # fmt: skip
    website = text(300, description="An http:// or https:// address")
    contact_name = text(200)
    contact_email = text(254, example="admissions@example.edu")
    contact_phone = text(40, example="(318) 555-0100")


class ProviderCreateSchema(ProviderUpdateSchema):
    name = F.String(required=True, validate=V.Length(min=1, max=200))
    kind = F.Enum(ProviderKind, by_value=True, required=True)


# --- programs ------------------------------------------------------------------------------


class SkillLevelSchema(ma.Schema):
    skill = F.String(
        required=True,
        validate=V.Length(min=1, max=20),
        metadata={"description": "O*NET element ID", "example": "2.A.1.a"},
    )
    level = F.Float(
        required=True,
        allow_nan=False,
        validate=V.Range(min=0, max=7),
        metadata={"description": "On O*NET's level scale, 0–7"},
    )


class SkillTaughtSchema(SkillLevelSchema):
    skill = F.String(required=True, attribute="element_id", metadata={"example": "2.A.1.a"})
    name = F.String(required=True)
    kind = F.String(required=True, metadata={"description": "skill or knowledge"})


class ProgramUpdateSchema(ma.Schema):
    provider = F.Integer(validate=V.Range(min=1, max=MAX_ID), metadata={"description": "Id"})
    title = F.String(validate=V.Length(min=1, max=200))
    cip = program_cip()
    award_level = F.Enum(AwardLevel, by_value=True)
    credentials = F.List(
        F.Integer(validate=V.Range(min=1, max=MAX_ID)),
        validate=V.Length(max=100),
        metadata={"description": "Ids of the credentials it leads to; replaces the list"},
    )
    length_weeks = F.Integer(allow_none=True, validate=V.Range(min=1, max=520))
    credit_hours = F.Float(allow_none=True, allow_nan=False, validate=V.Range(min=0, max=1000))
    cost = F.Integer(
        allow_none=True,
        validate=V.Range(min=0, max=100_000_000),
        metadata={"description": "Tuition and fees for the whole program, US cents"},
    )
    modality = F.Enum(Modality, by_value=True)
    schedule = text(200, example="Days, Monday to Thursday")
    seats_per_year = F.Integer(allow_none=True, validate=V.Range(min=0, max=100_000))
    prerequisites = text(5000)
    earn_while_you_learn = F.Enum(EarnWhileYouLearn, by_value=True)
    status = F.Enum(ProgramStatus, by_value=True)
    next_start = F.Date(allow_none=True)
    skills = F.List(
        F.Nested(SkillLevelSchema),
        validate=V.Length(max=500),
        metadata={"description": "Skills taught, with a level; replaces the list"},
    )


class ProgramCreateSchema(ProgramUpdateSchema):
    provider = F.Integer(required=True, validate=V.Range(min=1, max=MAX_ID))
    title = F.String(required=True, validate=V.Length(min=1, max=200))
    cip = program_cip(required=True)
    award_level = F.Enum(AwardLevel, by_value=True, required=True)
    modality = F.Enum(Modality, by_value=True, required=True)


class ProgramSchema(ProgramCreateSchema):
    id = F.Integer(required=True)
    provider_name = F.String(required=True)
    cip_title = F.String(required=True)
    credentials = F.List(F.Integer(), required=True)
    length_weeks = F.Integer(required=True, allow_none=True)
    credit_hours = F.Float(required=True, allow_none=True)
    cost = F.Integer(required=True, allow_none=True, metadata={"description": "US cents"})
    schedule = F.String(required=True, allow_none=True)
    seats_per_year = F.Integer(required=True, allow_none=True)
    prerequisites = F.String(required=True, allow_none=True)
    earn_while_you_learn = F.Enum(EarnWhileYouLearn, by_value=True, required=True)
    status = F.Enum(ProgramStatus, by_value=True, required=True)
    next_start = F.Date(required=True, allow_none=True)
    skills = F.List(F.Nested(SkillTaughtSchema), required=True)
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})

    @ma.pre_dump
    def _facts(self, program: Program, **_: Any) -> dict[str, Any]:
        session = request_session()
        return {
            **{key: getattr(program, key) for key in EDITABLE},
            "id": program.id,
            "provider": program.provider_id,
            "provider_name": program.provider.name,
            "cip": program.cip_code,
            "cip_title": program_code(session=session, cip=program.cip_code).title,
            "credentials": credential_ids(session=session, program_id=program.id),
            "skills": skills_taught(session=session, program_id=program.id),
            "version": program.version,
        }


class ProgramPageSchema(PageSchema):
    items = F.List(F.Nested(ProgramSchema), required=True)


class ProgramArgs(PageArgs):
    provider = F.Integer(validate=V.Range(min=1, max=MAX_ID), metadata={"description": "Id"})
    cip = F.String(
        validate=V.Regexp(CIP_PATTERN, error="a CIP code is written NN, NN.NN or NN.NNNN"),
        metadata={"description": "A program code, or a family or series", "example": "51.39"},
    )
    region = REGION
    q = F.String(validate=V.Length(max=200), metadata={"description": "Words of the title"})


# --- suggestions ---------------------------------------------------------------------------


class SuggestionArgs(ma.Schema):
    cip = program_cip(required=True)


class CrosswalkOccupationSchema(ma.Schema):
    soc = F.String(required=True, metadata={"example": "29-2061"})
    title = F.String(required=True)


class SuggestedSkillSchema(ma.Schema):
    element_id = F.String(required=True, metadata={"example": "2.A.1.a"})
    name = F.String(required=True)
    kind = F.String(required=True, metadata={"description": "skill or knowledge"})
    level = F.Float(required=True, metadata={"description": "The highest level asked for"})
    importance = F.Float(required=True, metadata={"description": "The highest importance"})
    occupations = F.List(
        F.String(), required=True, metadata={"description": "SOC codes that require it"}
    )


class SuggestionsSchema(ma.Schema):
    cip = F.String(required=True, metadata={"example": "51.3901"})
    title = F.String(required=True)
    occupations = F.List(F.Nested(CrosswalkOccupationSchema), required=True)
    skills = F.List(F.Nested(SuggestedSkillSchema), required=True)

    @ma.pre_dump
    def _plain(self, found: Suggestions, **_: Any) -> dict[str, Any]:
        occupations = [{"soc": soc, "title": title} for soc, title in found.occupations]
        return {**asdict(found), "occupations": occupations}
