"""A partnership as a bundle, to move it to another installation:
`GET /api/v1/partnerships/{slug}/bundle` — the same JSON as `pathways export bundle`. It
holds every pathway version, drafts included, so only those who may read the partnership's
drafts (its editors, admins) may download it."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.importers.bundle_export import export_bundle
from pathways.sessions import request_session

blp = Blueprint(
    "bundles",
    __name__,
    url_prefix="/api/v1/partnerships",
    description="A whole partnership as one versioned JSON bundle",
)
DOCUMENT = {
    "type": "object",
    "required": ["format", "format_version", "partnership"],
    "properties": {
        "format": {"type": "string", "enum": ["pathways-bundle"]},
        "format_version": {"type": "integer"},
        "partnership": {"type": "object"},
    },
}


@blp.route("/<slug>/bundle")
class PartnershipBundle(MethodView):
    @blp.response(
        200,
        DOCUMENT,
        description="The bundle (format_version 1; see the README): deterministic, so the "
        "same data always gives the same bytes",
    )
    @blp.alt_response(401, description="Not signed in")
    @blp.alt_response(403, description="You may not read this partnership's drafts")
    @blp.alt_response(404, description="No such partnership")
    def get(self, slug: str) -> Any:
        """A partnership as a bundle

        Everything the partnership is — details, logo, members, region, critical occupations,
        employer wages, overrides, every pathway version — and the credentials, providers and
        programs it uses, by natural keys. `pathways import bundle FILE` loads it elsewhere.
        """
        body = export_bundle(session=request_session(), actor=current_actor(), slug=slug)
        disposition = f'attachment; filename="{slug}.bundle.json"'
        return Response(
            body, mimetype="application/json", headers={"Content-Disposition": disposition}
        )
