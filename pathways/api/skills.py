"""Skills and knowledge: O*NET elements, and partnerships' own competencies."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.pagination import PageArgs, PageSchema, page_headers
from pathways.domain.vocabulary import SkillKind
from pathways.services.skills import list_skills
from pathways.sessions import request_session

blp = Blueprint("skills", __name__, url_prefix="/api/v1/skills", description="Skills")


class SkillArgs(PageArgs):
    kind = ma.fields.Enum(SkillKind, by_value=True, metadata={"description": "Only this kind"})
    q = ma.fields.String(
        validate=ma.validate.Length(max=100), metadata={"description": "Words of the name"}
    )


class SkillSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    element_id = ma.fields.String(required=True, allow_none=True, metadata={"example": "2.A.1.a"})
    kind = ma.fields.Enum(SkillKind, by_value=True, required=True)
    name = ma.fields.String(required=True)
    description = ma.fields.String(required=True, allow_none=True)


class SkillPageSchema(PageSchema):
    items = ma.fields.List(ma.fields.Nested(SkillSchema), required=True)


@blp.route("")
class Skills(MethodView):
    @blp.arguments(SkillArgs, location="query", as_kwargs=True)
    @blp.response(200, SkillPageSchema)
    def get(
        self, page: int, per_page: int, kind: SkillKind | None = None, q: str | None = None
    ) -> Any:
        """List skills

        O*NET skills (elements 2.A, 2.B) and knowledge areas (2.C), and competencies
        partnerships define; by kind, then name. Paginated like the occupation search.
        """
        found = list_skills(
            session=request_session(), kind=kind, query=q, page=page, per_page=per_page
        )
        return found, 200, page_headers(found)
