"""Schemas of the pathway endpoints: the graph in and out, versions, routes and next steps."""

from __future__ import annotations

from typing import Any

import marshmallow as ma

from pathways.api.auth import current_actor
from pathways.api.converters import SOC_CODE
from pathways.api.occupation_schemas import AreaSchema, FigureSchema, LevelsSchema
from pathways.domain.access import can_read
from pathways.domain.pathways import (
    PathwayGraph,
    RouteSort,
    StepSpec,
    StepWage,
    TransitionSpec,
)
from pathways.domain.vocabulary import CredentialType, PathwayStatus, TransitionKind
from pathways.engines.graph import destinations, entries
from pathways.models import Pathway
from pathways.services.pathway_graphs import to_graph
from pathways.services.pathways import draft_target

F = ma.fields


def months() -> F.Integer:
    """Months are checked by the pathway validation, which names the transition."""
    return F.Integer(load_default=0)


class StepInSchema(ma.Schema):
    key = F.String(
        required=True, metadata={"example": "cna", "description": "Unique in the pathway"}
    )
    soc = F.String(required=True, validate=SOC_CODE, metadata={"example": "31-1131"})
    stage = F.Integer(required=True, metadata={"description": "1 is entry"})
    label = F.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=200))


class TransitionInSchema(ma.Schema):
    source = F.String(required=True, data_key="from", metadata={"description": "A step key"})
    target = F.String(required=True, data_key="to", metadata={"description": "A step key"})
    kind = F.Enum(TransitionKind, by_value=True, required=True)
    credential_ids = F.List(
        F.Integer(), data_key="credentials", load_default=list,
        metadata={"description": "Ids of credentials earned on the way"},
    )  # fmt: skip
    months_experience = months()
    months_training = months()
    cost_cents = F.Integer(load_default=0, metadata={"description": "US cents"})
    earn_while_you_learn = F.Boolean(load_default=False)
    notes = F.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=5000))


class GraphSchema(ma.Schema):
    steps = F.List(F.Nested(StepInSchema), required=True, validate=ma.validate.Length(max=500))
    transitions = F.List(
        F.Nested(TransitionInSchema), required=True, validate=ma.validate.Length(max=2000)
    )

    @ma.post_load
    def _to_graph(self, data: dict[str, Any], **_: Any) -> PathwayGraph:
        steps = tuple(StepSpec(**step) for step in data["steps"])
        transitions = tuple(
            TransitionSpec(**{**move, "credential_ids": tuple(move["credential_ids"])})
            for move in data["transitions"]
        )
        return PathwayGraph(steps, transitions)


class PathwayUpdateSchema(ma.Schema):
    title = F.String(validate=ma.validate.Length(min=1, max=200))
    summary = F.String(allow_none=True, validate=ma.validate.Length(max=5000))
    steps = F.List(F.Nested(StepInSchema), validate=ma.validate.Length(max=500))
    transitions = F.List(F.Nested(TransitionInSchema), validate=ma.validate.Length(max=2000))

    @ma.post_load
    def _graph(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """Steps and transitions come together: they are one graph, replaced whole."""
        if ("steps" in data) != ("transitions" in data):
            missing = "transitions" if "steps" in data else "steps"
            raise ma.ValidationError("send steps and transitions together", missing)
        if "steps" in data:
            graph = {"steps": data.pop("steps"), "transitions": data.pop("transitions")}
            data["graph"] = GraphSchema().load(GraphSchema().dump(graph))
        return data


class PathwayCreateSchema(PathwayUpdateSchema):
    partnership = F.String(required=True, metadata={"example": "ne-louisiana-healthcare"})
    slug = F.String(required=True, validate=ma.validate.Length(min=2, max=80))
    title = F.String(required=True, validate=ma.validate.Length(min=1, max=200))


class PathwayArgs(ma.Schema):
    partnership = F.String(metadata={"description": "Only this partnership's pathways"})
    q = F.String(validate=ma.validate.Length(max=200), metadata={"description": "Title words"})


class VersionArgs(ma.Schema):
    version = F.String(
        validate=ma.validate.Regexp(r"^(\d{1,5}|draft|published)$"),
        metadata={"description": "A version number, `draft` or `published`; default: the "
                  "newest you may read"},
    )  # fmt: skip


class CredentialRefSchema(ma.Schema):
    id = F.Integer(required=True)
    name = F.String(required=True)
    type = F.Enum(CredentialType, by_value=True, required=True, attribute="ctdl_type")


class StepOutSchema(ma.Schema):
    key = F.String(required=True)
    soc = F.String(required=True, attribute="soc_code")
    title = F.String(required=True, attribute="occupation.title")
    label = F.String(required=True, allow_none=True)
    stage = F.Integer(required=True)


class TransitionOutSchema(ma.Schema):
    source = F.String(required=True, data_key="from", attribute="source.key")
    target = F.String(required=True, data_key="to", attribute="target.key")
    kind = F.Enum(TransitionKind, by_value=True, required=True)
    credentials = F.List(F.Nested(CredentialRefSchema), required=True)
    months_experience = F.Integer(required=True)
    months_training = F.Integer(required=True)
    cost_cents = F.Integer(required=True, attribute="cost")
    earn_while_you_learn = F.Boolean(required=True)
    notes = F.String(required=True, allow_none=True)


class VersionSchema(ma.Schema):
    number = F.Integer(required=True)
    status = F.Enum(PathwayStatus, by_value=True, required=True)
    published_at = F.DateTime(required=True, allow_none=True)


class PathwaySchema(VersionSchema):
    slug = F.String(required=True, metadata={"example": "cna-to-rn"})
    partnership = F.String(required=True, attribute="partnership.slug")
    title = F.String(required=True)
    summary = F.String(required=True, allow_none=True)
    tag = F.Method("_tag", required=True, metadata={"description": "Also the ETag"})
    steps = F.List(F.Nested(StepOutSchema), required=True)
    transitions = F.List(F.Nested(TransitionOutSchema), required=True)
    entries = F.Method("_entries", required=True, metadata={"type": "array"})
    destinations = F.Method("_destinations", required=True, metadata={"type": "array"})

    def _tag(self, pathway: Pathway) -> str:
        return f"{pathway.number}.{pathway.version}"

    def _entries(self, pathway: Pathway) -> list[str]:
        return [step.key for step in entries(to_graph(pathway))]

    def _destinations(self, pathway: Pathway) -> list[str]:
        return [step.key for step in destinations(to_graph(pathway))]


class PathwayDetailSchema(PathwaySchema):
    versions = F.Method("_versions", required=True, metadata={"type": "array"})

    def _versions(self, pathway: Pathway) -> list[dict[str, Any]]:
        """The versions the caller may read: drafts only for the partnership's editors."""
        drafts = can_read(current_actor(), draft_target(pathway))
        shown = [row for row in pathway.versions if drafts or row.status is not PathwayStatus.DRAFT]
        return VersionSchema(many=True).dump(shown)  # type: ignore[no-any-return]


class ValidationSchema(ma.Schema):
    valid = F.Boolean(required=True)
    errors = F.Dict(
        keys=F.String(), values=F.List(F.String()), required=True,
        metadata={"description": "Messages by field, e.g. transitions[2].to"},
    )  # fmt: skip


class WageSchema(ma.Schema):
    """What one step pays, employer-reported or BLS, with its source."""

    source = F.String(required=True, metadata={"description": "employer or bls"})
    label = F.String(required=True, metadata={"example": "BLS OEWS May 2025, Monroe, LA"})
    basis = F.String(required=True, metadata={"description": "hourly or annual"})
    entry = F.Nested(FigureSchema, required=True, attribute="levels.entry")
    median = F.Nested(FigureSchema, required=True, attribute="levels.median")
    experienced = F.Nested(FigureSchema, required=True, attribute="levels.experienced")
    annual_median = F.Float(required=True, allow_none=True)
    area = F.Nested(AreaSchema, required=True, allow_none=True, attribute="bls.area")
    vintage = F.Integer(required=True, allow_none=True, attribute="bls.vintage")
    bls_annual = F.Nested(LevelsSchema, required=True, allow_none=True)
    employer_count = F.Integer(required=True, allow_none=True, attribute="employer.employer_count")
    reported_on = F.Date(required=True, allow_none=True, attribute="employer.reported_on")

    @ma.pre_dump
    def _bls_beside(self, wage: StepWage, **_: Any) -> dict[str, Any]:
        fields = ("source", "label", "basis", "levels", "annual_median", "bls", "employer")
        values = {name: getattr(wage, name) for name in fields}
        values["source"] = wage.source.value
        values["bls_annual"] = wage.bls.levels("annual") if wage.bls else None
        return values


class RouteArgs(VersionArgs):
    origin = F.String(data_key="from", metadata={"description": "Step key; default: no credential"})
    destination = F.String(data_key="to", metadata={"description": "Step key; default: all"})
    sort = F.Enum(RouteSort, by_value=True, load_default=RouteSort.MONTHS)
    order = F.String(validate=ma.validate.OneOf(["asc", "desc"]), metadata={
        "description": "Default: fewest months/cost/steps first, largest gains first"})  # fmt: skip
    limit = F.Integer(load_default=200, validate=ma.validate.Range(min=1, max=500))


class RouteSchema(ma.Schema):
    steps = F.List(F.String(), required=True, metadata={"description": "Step keys, in order"})
    transitions = F.List(F.Nested(TransitionInSchema), required=True)
    months_training = F.Integer(required=True)
    months_experience = F.Integer(required=True)
    cost_cents = F.Integer(required=True)
    earn_while_you_learn = F.Boolean(
        required=True, metadata={"description": "Every step with training pays while you learn"}
    )
    credentials = F.List(F.Integer(), required=True, attribute="credential_ids")
    start_median = F.Float(required=True, allow_none=True, metadata={"description": "Annual"})
    end_median = F.Float(required=True, allow_none=True)
    wage_gain = F.Float(required=True, allow_none=True, metadata={"description": "Annual median"})
    gain_per_training_month = F.Float(required=True, allow_none=True)


class RegionRefSchema(ma.Schema):
    slug = F.String(required=True)
    name = F.String(required=True)


class RoutesSchema(ma.Schema):
    pathway = F.String(required=True, attribute="pathway.slug")
    number = F.Integer(required=True, attribute="pathway.number")
    region = F.Nested(RegionRefSchema, required=True)
    steps = F.Method("_steps", required=True, metadata={"type": "array"})
    routes = F.List(F.Nested(RouteSchema), required=True, attribute="search.routes")
    truncated = F.Boolean(required=True, attribute="search.truncated")

    def _steps(self, found: Any) -> list[dict[str, Any]]:
        return [
            {**StepOutSchema().dump(step), "wage": _dump_wage(found.wages.get(step.key))}
            for step in found.pathway.steps
        ]


def _dump_wage(wage: StepWage | None) -> dict[str, Any] | None:
    return None if wage is None else WageSchema().dump(wage)


class GapSchema(ma.Schema):
    name = F.String(required=True)
    kind = F.String(required=True, metadata={"description": "skill or knowledge"})
    importance = F.Float(required=True, metadata={"description": "For the target, 1–5"})
    have_level = F.Float(required=True, metadata={"description": "Origin's level, 0–7"})
    need_level = F.Float(required=True, metadata={"description": "Target's level, 0–7"})
    difference = F.Float(required=True)


class MoveSchema(ma.Schema):
    pathway = F.String(required=True, attribute="pathway_slug")
    pathway_title = F.String(required=True)
    label = F.String(required=True, allow_none=True, attribute="target_label")
    kind = F.Enum(TransitionKind, by_value=True, required=True, attribute="transition.kind")
    months_training = F.Integer(required=True, attribute="transition.months_training")
    months_experience = F.Integer(required=True, attribute="transition.months_experience")
    cost_cents = F.Integer(required=True, attribute="transition.cost_cents")
    credentials = F.List(F.Integer(), required=True, attribute="transition.credential_ids")


class NextStepSchema(ma.Schema):
    soc = F.String(required=True)
    title = F.String(required=True)
    moves = F.List(F.Nested(MoveSchema), required=True, metadata={
        "description": "Where published pathways lead here from the origin"})  # fmt: skip
    related_tier = F.String(required=True, allow_none=True, attribute="related.tier")
    wage = F.Nested(WageSchema, required=True, allow_none=True)
    wage_gain = F.Float(required=True, allow_none=True, metadata={
        "description": "Annual median here minus at the origin"})  # fmt: skip
    skill_gaps = F.List(F.Nested(GapSchema), required=True, metadata={
        "description": "Skills to build, largest gap (importance × levels) first"})  # fmt: skip


class NextStepsSchema(ma.Schema):
    soc = F.String(required=True)
    title = F.String(required=True)
    wage = F.Nested(WageSchema, required=True, allow_none=True)
    items = F.List(F.Nested(NextStepSchema), required=True)
