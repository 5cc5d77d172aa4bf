"""Occupations: search the national catalog, and read one occupation's profile."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.occupation_schemas import (
    NextStepArgs,
    PlaceArgs,
    ProfileSchema,
    SearchArgs,
    SearchPageSchema,
)
from pathways.api.pagination import page_headers
from pathways.api.pathway_schemas import NextStepsSchema
from pathways.services.next_steps import occupation_next_steps
from pathways.services.occupations import occupation_profile
from pathways.services.search import search_occupations
from pathways.sessions import request_session

blp = Blueprint(
    "occupations", __name__, url_prefix="/api/v1/occupations", description="The national catalog"
)


@blp.route("")
class Occupations(MethodView):
    @blp.arguments(SearchArgs, location="query", as_kwargs=True)
    @blp.response(200, SearchPageSchema)
    def get(self, page: int, per_page: int, q: str | None = None) -> Any:
        """Search occupations

        By SOC code, title or alternate title; an exact code first, then title matches, then
        alternate titles, larger occupations first within each. Without `q`, every
        occupation A–Z. Paginated: `Link` (first, prev, next, last) and `X-Total-Count`.
        """
        found = search_occupations(session=request_session(), query=q, page=page, per_page=per_page)
        return found, 200, page_headers(found)


@blp.route("/<soc:soc>")
class OccupationDetail(MethodView):
    @blp.arguments(PlaceArgs, location="query", as_kwargs=True)
    @blp.response(200, ProfileSchema)
    @blp.alt_response(
        404, description="No occupation with this SOC code, or no such area or region"
    )
    @blp.alt_response(422, description="Malformed SOC code or area; both an area and a region")
    def get(self, soc: str, area: str | None = None, region: str | None = None) -> Any:
        """Read an occupation

        Wages for `?area=` (an OEWS area code) or `?region=` (a region slug), else the
        nation: entry (25th percentile), median and experienced (75th), hourly and annual,
        from the area asked for, else its state, else the nation — labelled with the area
        and OEWS vintage actually used. Also O*NET skills and knowledge (importance 1–5,
        level 0–7), job zone, education, BLS projections and related occupations.
        """
        return occupation_profile(session=request_session(), soc=soc, area=area, region=region)


@blp.route("/<soc:soc>/next-steps")
class OccupationNextSteps(MethodView):
    @blp.arguments(NextStepArgs, location="query", as_kwargs=True)
    @blp.response(200, NextStepsSchema)
    @blp.alt_response(404, description="No occupation with this SOC code, or no such place")
    def get(self, soc: str, limit: int, area: str | None = None, region: str | None = None) -> Any:
        """What comes after an occupation

        Moves laid out in published pathways first (best kind of move first), then O*NET
        related occupations by tier; each with its wages for `?area=` / `?region=` (else the
        nation), the median wage gain, and the skills to build: the target's skills and
        knowledge of importance ≥ 3 that it needs at a higher level, largest gap first.
        """
        return occupation_next_steps(
            session=request_session(), soc=soc, area=area, region=region, limit=limit
        )
