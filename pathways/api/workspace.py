"""A partnership's workspace: critical occupations, employer-reported wages and requirement
overrides. Everyone reads them; the partnership's editors change them (If-Match on each item)."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.converters import ID
from pathways.api.partnership_schemas import (
    CriticalCreateSchema,
    CriticalOccupationSchema,
    CriticalUpdateSchema,
    EmployerWageCreateSchema,
    EmployerWageSchema,
    EmployerWageUpdateSchema,
    OverrideCreateSchema,
    OverrideSchema,
    OverrideUpdateSchema,
)
from pathways.api.versions import etag, expected_version
from pathways.services.critical_occupations import (
    add_critical,
    get_critical,
    list_critical,
    remove_critical,
    update_critical,
)
from pathways.services.employer_wages import (
    add_employer_wage,
    get_employer_wage,
    list_employer_wages,
    remove_employer_wage,
    update_employer_wage,
)
from pathways.services.requirement_overrides import (
    add_override,
    get_override,
    list_overrides,
    remove_override,
    update_override,
)
from pathways.sessions import request_session

blp = Blueprint(
    "workspace",
    __name__,
    url_prefix="/api/v1/partnerships/<slug>",
    description="A partnership's critical occupations, employer wages and requirement overrides",
)
ITEM_RESPONSES = {
    412: "The item changed since the ETag sent in If-Match",
    428: "If-Match is missing",
}


def _item_errors(view: Any) -> Any:
    for status, description in ITEM_RESPONSES.items():
        view = blp.alt_response(status, description=description)(view)
    return view


@blp.route("/critical-occupations")
class CriticalOccupations(MethodView):
    @blp.response(200, CriticalOccupationSchema(many=True))
    def get(self, slug: str) -> Any:
        """List critical occupations (most urgent first)"""
        return list_critical(session=request_session(), slug=slug)

    @blp.arguments(CriticalCreateSchema)
    @blp.response(201, CriticalOccupationSchema)
    @blp.alt_response(409, description="Already a critical occupation of this partnership")
    def post(self, body: dict[str, Any], slug: str) -> Any:
        """Add a critical occupation (its editors)"""
        session = request_session()
        row = add_critical(session=session, actor=current_actor(), slug=slug, **body)
        session.commit()
        location = url_for("workspace.CriticalOccupation", slug=slug, soc=row.soc_code)
        return row, 201, {**etag(row.version), "Location": location}


@blp.route("/critical-occupations/<soc:soc>")
class CriticalOccupation(MethodView):
    @blp.response(200, CriticalOccupationSchema)
    def get(self, slug: str, soc: str) -> Any:
        """Read a critical occupation"""
        row = get_critical(session=request_session(), slug=slug, soc=soc)
        return row, 200, etag(row.version)

    @blp.arguments(CriticalUpdateSchema)
    @blp.response(200, CriticalOccupationSchema)
    @_item_errors
    def patch(self, body: dict[str, Any], slug: str, soc: str) -> Any:
        """Change priority, openings or notes (its editors; If-Match)"""
        session = request_session()
        row = update_critical(
            session=session, actor=current_actor(), slug=slug, soc=soc,
            expected_version=expected_version(), changes=body,
        )  # fmt: skip
        session.commit()
        return row, 200, etag(row.version)

    @blp.response(204)
    @_item_errors
    def delete(self, slug: str, soc: str) -> Any:
        """Remove a critical occupation (its editors; If-Match)"""
        session = request_session()
        remove_critical(
            session=session, actor=current_actor(), slug=slug, soc=soc,
            expected_version=expected_version(),
        )  # fmt: skip
        session.commit()
        return None


@blp.route("/employer-wages")
class EmployerWages(MethodView):
    @blp.response(200, EmployerWageSchema(many=True))
    def get(self, slug: str) -> Any:
        """List employer-reported wages

        What member employers report paying, shown beside (never instead of) BLS figures;
        the partnership's pathways price their steps with the newest report.
        """
        return list_employer_wages(session=request_session(), slug=slug)

    @blp.arguments(EmployerWageCreateSchema)
    @blp.response(201, EmployerWageSchema)
    def post(self, body: dict[str, Any], slug: str) -> Any:
        """Record employer-reported wages (its editors)"""
        session = request_session()
        row = add_employer_wage(session=session, actor=current_actor(), slug=slug, values=body)
        session.commit()
        location = url_for("workspace.EmployerWage", slug=slug, wage_id=row.id)
        return row, 201, {**etag(row.version), "Location": location}


@blp.route(f"/employer-wages/<{ID}:wage_id>")
class EmployerWage(MethodView):
    @blp.response(200, EmployerWageSchema)
    def get(self, slug: str, wage_id: int) -> Any:
        """Read an employer wage report"""
        row = get_employer_wage(session=request_session(), slug=slug, wage_id=wage_id)
        return row, 200, etag(row.version)

    @blp.arguments(EmployerWageUpdateSchema)
    @blp.response(200, EmployerWageSchema)
    @_item_errors
    def patch(self, body: dict[str, Any], slug: str, wage_id: int) -> Any:
        """Correct an employer wage report (its editors; If-Match)"""
        session = request_session()
        row = update_employer_wage(
            session=session, actor=current_actor(), slug=slug, wage_id=wage_id,
            expected_version=expected_version(), changes=body,
        )  # fmt: skip
        session.commit()
        return row, 200, etag(row.version)

    @blp.response(204)
    @_item_errors
    def delete(self, slug: str, wage_id: int) -> Any:
        """Remove an employer wage report (its editors; If-Match)"""
        session = request_session()
        remove_employer_wage(
            session=session, actor=current_actor(), slug=slug, wage_id=wage_id,
            expected_version=expected_version(),
        )  # fmt: skip
        session.commit()
        return None


@blp.route("/requirement-overrides")
class RequirementOverrides(MethodView):
    @blp.response(200, OverrideSchema(many=True))
    def get(self, slug: str) -> Any:
        """List requirement overrides

        The partnership's regional changes to what an occupation requires; the national
        O*NET values stay as they are.
        """
        return list_overrides(session=request_session(), slug=slug)

    @blp.arguments(OverrideCreateSchema)
    @blp.response(201, OverrideSchema)
    @blp.alt_response(409, description="This requirement is already overridden")
    def post(self, body: dict[str, Any], slug: str) -> Any:
        """Add, drop or re-weight a skill or credential for an occupation (its editors)"""
        session = request_session()
        soc, skill, credential = body.pop("soc"), body.pop("skill"), body.pop("credential")
        row = add_override(
            session=session, actor=current_actor(), slug=slug, soc=soc, skill=skill,
            credential=credential, values=body,
        )  # fmt: skip
        session.commit()
        location = url_for("workspace.RequirementOverride", slug=slug, override_id=row.id)
        return row, 201, {**etag(row.version), "Location": location}


@blp.route(f"/requirement-overrides/<{ID}:override_id>")
class RequirementOverride(MethodView):
    @blp.response(200, OverrideSchema)
    def get(self, slug: str, override_id: int) -> Any:
        """Read a requirement override"""
        row = get_override(session=request_session(), slug=slug, override_id=override_id)
        return row, 200, etag(row.version)

    @blp.arguments(OverrideUpdateSchema)
    @blp.response(200, OverrideSchema)
    @_item_errors
    def patch(self, body: dict[str, Any], slug: str, override_id: int) -> Any:
        """Change a requirement override (its editors; If-Match)"""
        session = request_session()
        row = update_override(
            session=session, actor=current_actor(), slug=slug, override_id=override_id,
            expected_version=expected_version(), changes=body,
        )  # fmt: skip
        session.commit()
        return row, 200, etag(row.version)

    @blp.response(204)
    @_item_errors
    def delete(self, slug: str, override_id: int) -> Any:
        """Remove a requirement override (its editors; If-Match)"""
        session = request_session()
        remove_override(
            session=session, actor=current_actor(), slug=slug, override_id=override_id,
            expected_version=expected_version(),
        )  # fmt: skip
        session.commit()
        return None
