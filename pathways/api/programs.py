"""Programs: what providers teach, the credentials they lead to and the skills they teach.
Everyone reads them; a provider's editors (and admins) add, change and remove its programs."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.converters import ID
from pathways.api.pagination import page_headers
from pathways.api.program_schemas import (
    ProgramArgs,
    ProgramCreateSchema,
    ProgramPageSchema,
    ProgramSchema,
    ProgramUpdateSchema,
    SuggestionArgs,
    SuggestionsSchema,
)
from pathways.api.versions import etag, expected_version
from pathways.services.program_suggestions import suggestions
from pathways.services.programs import (
    create_program,
    delete_program,
    get_program,
    list_programs,
    update_program,
)
from pathways.sessions import request_session

blp = Blueprint("programs", __name__, url_prefix="/api/v1/programs", description="Programs")


@blp.route("")
class Programs(MethodView):
    @blp.arguments(ProgramArgs, location="query", as_kwargs=True)
    @blp.response(200, ProgramPageSchema)
    def get(self, page: int, per_page: int, **filters: Any) -> Any:
        """List programs

        By title; filter by `provider` (id), `cip` (a program code, or a family or series
        for all the programs in it), `region` (the provider's, by slug) and `q` (words of
        the title or the provider's name). Paginated (`Link`, `X-Total-Count`).
        """
        found = list_programs(session=request_session(), page=page, per_page=per_page, **filters)
        return found, 200, page_headers(found)

    @blp.arguments(ProgramCreateSchema)
    @blp.response(201, ProgramSchema)
    def post(self, body: dict[str, Any]) -> Any:
        """Add a program (the provider's editors)

        Start from `GET /programs/suggestions?cip=` for the skills to teach.
        """
        session = request_session()
        credentials, skills = body.pop("credentials", []), body.pop("skills", [])
        program = create_program(
            session=session, actor=current_actor(), values=body, credentials=credentials,
            skills=skills,
        )  # fmt: skip
        session.commit()
        location = url_for("programs.ProgramDetail", program_id=program.id)
        return program, 201, {**etag(program.version), "Location": location}


@blp.route("/suggestions")
class ProgramSuggestions(MethodView):
    @blp.arguments(SuggestionArgs, location="query", as_kwargs=True)
    @blp.response(200, SuggestionsSchema)
    @blp.alt_response(404, description="No such CIP 2020 code in the catalog")
    def get(self, cip: str) -> Any:
        """Occupations and skills for a CIP code

        The occupations the NCES CIP 2020 ↔ SOC 2018 crosswalk maps the code to, and their
        O*NET skills and knowledge of importance 3 or more: each at the highest level those
        occupations ask for, with the occupations that ask. A list to confirm or lower.
        """
        return suggestions(session=request_session(), cip=cip)


@blp.route(f"/<{ID}:program_id>")
class ProgramDetail(MethodView):
    @blp.response(200, ProgramSchema)
    @blp.alt_response(404, description="No such program")
    def get(self, program_id: int) -> Any:
        """Read a program"""
        program = get_program(session=request_session(), program_id=program_id)
        return program, 200, etag(program.version)

    @blp.arguments(ProgramUpdateSchema)
    @blp.response(200, ProgramSchema)
    @blp.alt_response(412, description="The program changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def patch(self, body: dict[str, Any], program_id: int) -> Any:
        """Change a program (the provider's editors; If-Match)

        Send only what changes; `credentials` and `skills`, when sent, replace the lists.
        """
        session = request_session()
        credentials, skills = body.pop("credentials", None), body.pop("skills", None)
        program = update_program(
            session=session, actor=current_actor(), program_id=program_id,
            expected_version=expected_version(), changes=body, credentials=credentials,
            skills=skills,
        )  # fmt: skip
        session.commit()
        return program, 200, etag(program.version)

    @blp.response(204)
    @blp.alt_response(412, description="The program changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def delete(self, program_id: int) -> Any:
        """Remove a program (the provider's editors; If-Match)"""
        session = request_session()
        delete_program(
            session=session, actor=current_actor(), program_id=program_id,
            expected_version=expected_version(),
        )  # fmt: skip
        session.commit()
        return None
