"""Alignment: how well programs cover what occupations require (SPEC §3.5), for one program and
occupation, across a partnership's region, and for a provider's programs. Every number comes
with what it was computed from."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.converters import ID, SOC_CODE
from pathways.api.pathway_schemas import GapSchema
from pathways.domain.alignment import Flag
from pathways.services.alignment import (
    partnership_alignment,
    program_alignment,
    provider_alignment,
)
from pathways.sessions import request_session

blp = Blueprint(
    "alignment", __name__, url_prefix="/api/v1", description="Alignment of programs to occupations"
)
F = ma.fields


def about(text: str) -> dict[str, str]:
    return {"description": text}


class AlignmentArgs(ma.Schema):
    occupation = F.String(
        required=True,
        validate=SOC_CODE,
        metadata={"example": "29-2061"},
    )
    partnership = F.String(
        metadata={"description": "Apply this partnership's requirement overrides"}
    )


class ContributionSchema(ma.Schema):
    name = F.String(required=True)
    kind = F.String(required=True)
    importance = F.Float(required=True, metadata={"description": "O*NET importance, 1–5"})
    required_level = F.Float(required=True, metadata={"description": "O*NET level, 0–7"})
    taught_level = F.Float(
        required=True, allow_none=True, metadata={"description": "None: not taught"}
    )
    covered_fraction = F.Float(required=True, metadata={"description": "min(1, taught / required)"})
    contribution = F.Float(required=True, metadata={"description": "importance × covered_fraction"})


class AlignmentSchema(ma.Schema):
    program_id = F.Integer(required=True)
    soc = F.String(required=True)
    coverage = F.Float(
        required=True,
        allow_none=True,
        metadata=about("Σ contribution / Σ importance over skills of importance ≥ 3, 0–1"),
    )
    percent = F.Float(required=True, allow_none=True)
    total_importance = F.Float(required=True)
    contributions = F.List(F.Nested(ContributionSchema), required=True)
    gaps = F.List(
        F.Nested(GapSchema),
        required=True,
        metadata=about("Taught below the required level, largest importance × difference first"),
    )
    credential_aligned = F.Boolean(required=True)
    crosswalk_aligned = F.Boolean(required=True)
    required_credentials_awarded = F.List(F.Integer(), required=True)
    reason = F.String(required=True, allow_none=True)


class CellSchema(ma.Schema):
    program_id = F.Integer(required=True)
    coverage = F.Float(required=True, allow_none=True)
    percent = F.Float(required=True, allow_none=True)
    credential_aligned = F.Boolean(required=True)
    crosswalk_aligned = F.Boolean(required=True)
    leads_there = F.Boolean(required=True)


class MatrixRowSchema(ma.Schema):
    soc = F.String(required=True)
    title = F.String(required=True)
    annual_openings = F.Integer(required=True, allow_none=True)
    best_coverage = F.Float(required=True, allow_none=True)
    best_percent = F.Float(required=True, allow_none=True)
    best_program_id = F.Integer(required=True, allow_none=True)
    seats_per_year = F.Integer(
        required=True,
        metadata=about("Seats of the programs that lead there (crosswalk or credential)"),
    )
    seats_unreported = F.Integer(required=True)
    leading_program_ids = F.List(F.Integer(), required=True)
    cells = F.List(F.Nested(CellSchema), required=True)
    flags = F.List(F.Enum(Flag, by_value=True), required=True)


class ProgramRefSchema(ma.Schema):
    id = F.Integer(required=True, attribute="program_id")
    title = F.String(required=True)
    provider = F.String(required=True)
    cip = F.String(required=True, attribute="cip_code")
    seats_per_year = F.Integer(required=True, allow_none=True)


class PartnershipAlignmentSchema(ma.Schema):
    partnership = F.String(required=True, attribute="partnership.slug")
    region = F.String(required=True, attribute="partnership.region.slug")
    programs = F.Method("_programs", required=True, metadata={"type": "array"})
    rows = F.List(F.Nested(MatrixRowSchema), required=True)

    def _programs(self, found: Any) -> Any:
        return ProgramRefSchema(many=True).dump(found.programs.values())


class ProviderPartnershipSchema(ma.Schema):
    partnership = F.String(required=True)
    alignments = F.List(F.Nested(AlignmentSchema), required=True)


class ProviderAlignmentSchema(ma.Schema):
    provider = F.Integer(required=True, attribute="provider.id")
    programs = F.Method("_programs", required=True, metadata={"type": "array"})
    partnerships = F.Method("_partnerships", required=True, metadata={"type": "array"})

    def _programs(self, found: Any) -> Any:
        return ProgramRefSchema(many=True).dump(found.programs.values())

    def _partnerships(self, found: Any) -> Any:
        return [
            {"partnership": partnership.slug,
             "alignments": AlignmentSchema(many=True).dump(alignments)}
            for partnership, alignments in found.partnerships
        ]  # fmt: skip


@blp.route(f"/programs/<{ID}:program_id>/alignment")
class ProgramAlignment(MethodView):
    @blp.arguments(AlignmentArgs, location="query", as_kwargs=True)
    @blp.response(200, AlignmentSchema)
    @blp.alt_response(404, description="No such program, occupation or partnership")
    def get(self, program_id: int, occupation: str, partnership: str | None = None) -> Any:
        """How well a program covers an occupation

        Required skills are the occupation's O*NET skills and knowledge of importance ≥ 3
        (after `partnership`'s overrides when given). Coverage = Σ importance ×
        min(1, taught / required) / Σ importance; each skill's share is listed. Also: gaps,
        largest first; whether the program awards a credential the occupation requires; and
        whether the crosswalk maps its CIP code to the occupation.
        """
        return program_alignment(
            session=request_session(), program_id=program_id, soc=occupation,
            partnership=partnership,
        )  # fmt: skip


@blp.route("/partnerships/<slug>/alignment")
class PartnershipAlignment(MethodView):
    @blp.response(200, PartnershipAlignmentSchema)
    @blp.alt_response(404, description="No such partnership")
    def get(self, slug: str) -> Any:
        """A partnership's critical occupations × its region's programs

        For each occupation: best coverage and the program reaching it, seats a year of the
        programs that lead there against the openings employers expect, and red flags — no
        regional program, seats below half of openings, best coverage below 60 %.
        """
        return partnership_alignment(session=request_session(), slug=slug)


@blp.route(f"/providers/<{ID}:provider_id>/alignment")
class ProviderAlignment(MethodView):
    @blp.response(200, ProviderAlignmentSchema)
    @blp.alt_response(404, description="No such provider")
    def get(self, provider_id: int) -> Any:
        """A provider's programs against its region's critical occupations

        Every program of the provider against the critical occupations of each partnership
        in the provider's region, with coverage, gaps and credential/crosswalk alignment.
        """
        return provider_alignment(session=request_session(), provider_id=provider_id)
