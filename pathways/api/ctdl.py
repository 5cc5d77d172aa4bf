"""A pathway as CTDL JSON-LD, for the Credential Registry: `GET /api/v1/pathways/{slug}/ctdl`.
Same readers and `?version=` as the pathway itself."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.pathway_schemas import VersionArgs
from pathways.printing import printer
from pathways.services.ctdl_export import pathway_ctdl
from pathways.sessions import request_session

blp = Blueprint(
    "ctdl",
    __name__,
    url_prefix="/api/v1/pathways",
    description="Pathways as CTDL JSON-LD, ready for the Credential Registry",
)
MEDIA_TYPE = "application/ld+json"
# The envelope only: the Registry's own JSON Schemas check the nodes (tests/render/test_ctdl.py).
DOCUMENT = {
    "type": "object",
    "required": ["@context", "@id", "@graph"],
    "properties": {
        "@context": {"type": "string", "enum": ["https://credreg.net/ctdl/schema/context/json"]},
        "@id": {"type": "string", "format": "uri"},
        "@graph": {
            "type": "array",
            "minItems": 2,
            "items": {"type": "object", "required": ["@id", "@type", "ceterms:ctid"]},
        },
    },
}


@blp.route("/<slug>/ctdl")
class PathwayCtdl(MethodView):
    @blp.arguments(VersionArgs, location="query", as_kwargs=True)
    @blp.response(
        200,
        DOCUMENT,
        content_type=MEDIA_TYPE,
        description="A ceterms:Pathway and its components, or a ceterms:PathwaySet of one "
        "Pathway per destination, in one @graph",
    )
    @blp.alt_response(404, description="No such pathway, or no such version you may read")
    @blp.alt_response(422, description="The version has no destination step yet")
    def get(self, slug: str, version: str | None = None) -> Any:
        """A pathway as CTDL JSON-LD

        Steps are JobComponents (their SOC code as occupationType), credentials earned on
        the way CredentialComponents, ordered from the destination down with hasChild /
        isChildOf and ComponentConditions. A pathway with several destinations is a
        PathwaySet. CTIDs stay the same across exports and versions.
        """
        found = printer()
        export = pathway_ctdl(
            session=request_session(), actor=current_actor(), slug=slug, version=version,
            public_url=found.public_url, page_url=found.pathway_url(slug),
        )  # fmt: skip
        disposition = f'inline; filename="{export.slug}.jsonld"'
        return Response(
            export.document, mimetype=MEDIA_TYPE, headers={"Content-Disposition": disposition}
        )
