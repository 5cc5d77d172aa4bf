"""The audit log: every write, by whom, when, and what changed (admins only)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.pagination import PageArgs, PageSchema, page_headers
from pathways.services.audit import list_events
from pathways.sessions import request_session

blp = Blueprint("audit", __name__, url_prefix="/api/v1/audit", description="Audit log")
F = ma.fields


class AuditArgs(PageArgs):
    entity = F.String(metadata={"description": "Kind of thing: region, user, api_token, …"})
    entity_id = F.String(metadata={"description": "Its id or slug"})
    user = F.String(metadata={"description": "Who acted: an email address or a user id"})
    since = F.AwareDateTime(metadata={"description": "From this moment (ISO 8601, with zone)"})
    until = F.AwareDateTime(metadata={"description": "Before this moment"})


class AuditEventSchema(ma.Schema):
    id = F.Integer(required=True)
    at = F.DateTime(required=True)
    actor = F.String(required=True, metadata={"description": "Email, or cli:<login>"})
    user_id = F.Integer(required=True, allow_none=True)
    channel = F.String(required=True, metadata={"description": "api, web or cli"})
    action = F.String(required=True)
    entity = F.String(required=True)
    entity_id = F.String(required=True)
    changes = F.Dict(
        keys=F.String(),
        values=F.Dict(),
        required=True,
        metadata={"description": '{field: {"before": …, "after": …}}; secrets only marked'},
    )


class AuditPageSchema(PageSchema):
    items = F.List(F.Nested(AuditEventSchema), required=True)


@blp.route("")
class Audit(MethodView):
    @blp.arguments(AuditArgs, location="query", as_kwargs=True)
    @blp.response(200, AuditPageSchema)
    def get(self, page: int, per_page: int, **filters: Any) -> Any:
        """Read the audit log (admins), newest first"""
        found = list_events(
            session=request_session(), actor=current_actor(), page=page, per_page=per_page,
            **filters,
        )  # fmt: skip
        return found, 200, page_headers(found)
