"""Pathways: versioned graphs of steps and transitions, their routes, and validation.

A pathway's ETag is `"number.version"` of its newest version (e.g. `"2.3"`); every change
sends it in If-Match. Changing a published pathway starts the next version as a draft; the
published one stays public, unchanged, until the draft is published."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways import printing
from pathways.api.auth import current_actor
from pathways.api.pathway_schemas import (
    PathwayArgs,
    PathwayCreateSchema,
    PathwayDetailSchema,
    PathwaySchema,
    PathwayUpdateSchema,
    RouteArgs,
    RoutesSchema,
    ValidationSchema,
    VersionArgs,
)
from pathways.api.versions import etag, expected_tag
from pathways.domain.pathways import RouteSort
from pathways.services.pathway_graphs import problems, to_graph
from pathways.services.pathways import (
    create_pathway,
    delete_pathway,
    get_pathway,
    list_pathways,
    publish_pathway,
    read_pathway,
    tag,
    update_pathway,
)
from pathways.services.routes import pathway_routes
from pathways.sessions import request_session

blp = Blueprint("pathways", __name__, url_prefix="/api/v1/pathways", description="Pathways")
TAG = r"\d+\.\d+"
CHANGED = "The pathway changed since the ETag sent in If-Match"


@blp.route("")
class Pathways(MethodView):
    @blp.arguments(PathwayArgs, location="query", as_kwargs=True)
    @blp.response(200, PathwaySchema(many=True))
    def get(self, partnership: str | None = None, q: str | None = None) -> Any:
        """List pathways

        The newest version of each that you may read (published, or your partnership's
        drafts), A–Z by title.
        """
        return list_pathways(
            session=request_session(), actor=current_actor(), partnership=partnership, q=q
        )

    @blp.arguments(PathwayCreateSchema)
    @blp.response(201, PathwayDetailSchema)
    @blp.alt_response(409, description="A pathway with this slug exists")
    def post(self, body: dict[str, Any]) -> Any:
        """Create a pathway, as a draft (the partnership's editors)

        Steps and transitions may be left out and added later; whatever is sent must be
        right (known SOC codes and credentials, no cycles…). Completeness — an entry and a
        destination — is checked when publishing.
        """
        session = request_session()
        pathway = create_pathway(session=session, actor=current_actor(), **body)
        session.commit()
        location = url_for("pathways.PathwayDetail", slug=pathway.slug)
        return pathway, 201, {**etag(tag(pathway)), "Location": location}


@blp.route("/<slug>")
class PathwayDetail(MethodView):
    @blp.arguments(VersionArgs, location="query", as_kwargs=True)
    @blp.response(200, PathwayDetailSchema)
    @blp.alt_response(404, description="No such pathway, or no such version you may read")
    def get(self, slug: str, version: str | None = None) -> Any:
        """Read a pathway

        The newest version you may read — the draft for the partnership's editors, the
        published one for everyone else — or `?version=N|draft|published`.
        """
        pathway, head = read_pathway(
            session=request_session(), actor=current_actor(), slug=slug, version=version
        )
        return pathway, 200, etag(head)

    @blp.arguments(PathwayUpdateSchema)
    @blp.response(200, PathwayDetailSchema)
    @blp.alt_response(412, description=CHANGED)
    @blp.alt_response(428, description="If-Match is missing")
    def patch(self, body: dict[str, Any], slug: str) -> Any:
        """Change a pathway (the partnership's editors; If-Match)

        `steps` and `transitions` come together and replace the whole graph. When the
        newest version is published, the change starts the next version as a draft.
        """
        session = request_session()
        pathway = update_pathway(
            session=session, actor=current_actor(), slug=slug,
            expected_tag=expected_tag(TAG), changes=body,
        )  # fmt: skip
        session.commit()
        return pathway, 200, etag(tag(pathway))

    @blp.response(204)
    @blp.alt_response(412, description=CHANGED)
    @blp.alt_response(428, description="If-Match is missing")
    def delete(self, slug: str) -> Any:
        """Delete a pathway, every version (the partnership's editors; If-Match)"""
        session = request_session()
        delete_pathway(
            session=session, actor=current_actor(), slug=slug, expected_tag=expected_tag(TAG)
        )
        session.commit()
        return None


@blp.route("/<slug>/publish")
class PathwayPublish(MethodView):
    @blp.response(200, PathwayDetailSchema)
    @blp.alt_response(409, description="The newest version is already published")
    @blp.alt_response(412, description=CHANGED)
    @blp.alt_response(422, description="The draft is not complete: the errors say where")
    @blp.alt_response(428, description="If-Match is missing")
    def post(self, slug: str) -> Any:
        """Publish the draft (the partnership's editors; If-Match)

        Freezes this version; the version it replaces is archived.
        """
        session = request_session()
        pathway = publish_pathway(
            session=session, actor=current_actor(), slug=slug, expected_tag=expected_tag(TAG)
        )
        session.commit()
        printing.published(pathway.slug)
        return pathway, 200, etag(tag(pathway))


@blp.route("/<slug>/routes")
class PathwayRoutes(MethodView):
    @blp.arguments(RouteArgs, location="query", as_kwargs=True)
    @blp.response(200, RoutesSchema)
    @blp.alt_response(422, description="No such step, or a bad sort or limit")
    def get(
        self,
        slug: str,
        sort: RouteSort,
        limit: int,
        version: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        order: str | None = None,
    ) -> Any:
        """Every route through a pathway, with totals

        From a step (`from`) or from no credential (every entry step) to each destination
        (or `to`): months of training and experience, cost, credentials, and the median wage
        gain — for the partnership's region, employer-reported wages first, else BLS OEWS
        (region's areas, then state, then nation), each step saying which — and the gain
        per month of training. Sorted by `sort`; at most `limit` routes (`truncated` says
        when there were more).
        """
        return pathway_routes(
            session=request_session(), actor=current_actor(), slug=slug, version=version,
            origin=origin, destination=destination, sort=sort,
            descending=None if order is None else order == "desc", limit=limit,
        )  # fmt: skip


@blp.route("/<slug>/validation")
class PathwayValidation(MethodView):
    @blp.arguments(VersionArgs, location="query", as_kwargs=True)
    @blp.response(200, ValidationSchema)
    def get(self, slug: str, version: str | None = None) -> Any:
        """Check a pathway before publishing it

        Every problem of the version (default: the newest you may read), by field,
        including those only publishing requires (an entry, a destination, no loose steps).
        """
        session = request_session()
        pathway = get_pathway(session=session, actor=current_actor(), slug=slug, version=version)
        errors = problems(session, to_graph(pathway), for_publish=True)
        return {"valid": not errors, "errors": errors}
