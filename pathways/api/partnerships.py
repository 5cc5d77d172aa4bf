"""Partnerships: who they are, their members, flyer branding and logo. Admins create and
delete them; the partnership's editors change them."""

from __future__ import annotations

from typing import Any

from flask import Response, url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.pagination import page_headers
from pathways.api.partnership_schemas import (
    LogoUploadSchema,
    PartnershipArgs,
    PartnershipCreateSchema,
    PartnershipPageSchema,
    PartnershipSchema,
    PartnershipUpdateSchema,
)
from pathways.api.versions import etag, expected_version
from pathways.domain.errors import NotFound
from pathways.services.logos import MAX_LOGO_BYTES
from pathways.services.partnerships import (
    create_partnership,
    delete_partnership,
    get_partnership,
    list_partnerships,
    set_logo,
    update_partnership,
)
from pathways.sessions import request_session

blp = Blueprint(
    "partnerships", __name__, url_prefix="/api/v1/partnerships", description="Partnerships"
)
# An uploaded SVG is served as an image that can run nothing, even if opened on its own.
LOGO_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "public, max-age=300",
}


@blp.route("")
class Partnerships(MethodView):
    @blp.arguments(PartnershipArgs, location="query", as_kwargs=True)
    @blp.response(200, PartnershipPageSchema)
    def get(self, page: int, per_page: int, region: str | None = None) -> Any:
        """List partnerships

        A–Z; `?region=` keeps those of one region. Paginated (`Link`, `X-Total-Count`).
        """
        found = list_partnerships(
            session=request_session(), page=page, per_page=per_page, region=region
        )
        return found, 200, page_headers(found)

    @blp.arguments(PartnershipCreateSchema)
    @blp.response(201, PartnershipSchema)
    @blp.alt_response(409, description="A partnership with this slug exists")
    def post(self, body: dict[str, Any]) -> Any:
        """Create a partnership (admins)"""
        session = request_session()
        partnership = create_partnership(session=session, actor=current_actor(), **body)
        session.commit()
        location = url_for("partnerships.PartnershipDetail", slug=partnership.slug)
        return partnership, 201, {**etag(partnership.version), "Location": location}


@blp.route("/<slug>")
class PartnershipDetail(MethodView):
    @blp.response(200, PartnershipSchema)
    @blp.alt_response(404, description="No partnership with this slug")
    def get(self, slug: str) -> Any:
        """Read a partnership"""
        partnership = get_partnership(session=request_session(), slug=slug)
        return partnership, 200, etag(partnership.version)

    @blp.arguments(PartnershipUpdateSchema)
    @blp.response(200, PartnershipSchema)
    @blp.alt_response(412, description="The partnership changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def patch(self, body: dict[str, Any], slug: str) -> Any:
        """Change a partnership (its editors; If-Match)

        `members`, when sent, replaces the whole list.
        """
        session = request_session()
        partnership = update_partnership(
            session=session, actor=current_actor(), slug=slug,
            expected_version=expected_version(), changes=body,
        )  # fmt: skip
        session.commit()
        return partnership, 200, etag(partnership.version)

    @blp.response(204)
    @blp.alt_response(412, description="The partnership changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def delete(self, slug: str) -> Any:
        """Delete a partnership and everything it owns (admins; If-Match)"""
        session = request_session()
        delete_partnership(
            session=session, actor=current_actor(), slug=slug, expected_version=expected_version()
        )
        session.commit()
        return None


@blp.route("/<slug>/logo")
class PartnershipLogo(MethodView):
    @blp.response(200, {"format": "binary", "type": "string"}, content_type="image/*")
    @blp.alt_response(404, description="No such partnership, or it has no logo")
    def get(self, slug: str) -> Any:
        """The partnership's logo (PNG, JPEG or SVG)"""
        partnership = get_partnership(session=request_session(), slug=slug)
        if partnership.logo is None or partnership.logo_media_type is None:
            raise NotFound(f"partnership {slug!r} has no logo")
        return Response(
            partnership.logo, mimetype=partnership.logo_media_type, headers=LOGO_HEADERS
        )

    @blp.arguments(LogoUploadSchema, location="files")
    @blp.response(200, PartnershipSchema)
    @blp.alt_response(412, description="The partnership changed since the ETag sent")
    @blp.alt_response(422, description="Not a PNG, JPEG or safe SVG, or too large")
    @blp.alt_response(428, description="If-Match is missing")
    def put(self, files: dict[str, Any], slug: str) -> Any:
        """Upload the logo (its editors; If-Match; multipart field `logo`)

        PNG, JPEG or SVG, at most 512 KiB. An SVG must be self-contained:
        no scripts, event handlers, external links or DOCTYPE. Stored, never fetched.
        """
        content = files["logo"].stream.read(MAX_LOGO_BYTES + 1)
        session = request_session()
        partnership = set_logo(
            session=session, actor=current_actor(), slug=slug,
            expected_version=expected_version(), content=content,
        )  # fmt: skip
        session.commit()
        return partnership, 200, etag(partnership.version)

    @blp.response(200, PartnershipSchema)
    @blp.alt_response(412, description="The partnership changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def delete(self, slug: str) -> Any:
        """Remove the logo (its editors; If-Match)"""
        session = request_session()
        partnership = set_logo(
            session=session, actor=current_actor(), slug=slug,
            expected_version=expected_version(), content=None,
        )  # fmt: skip
        session.commit()
        return partnership, 200, etag(partnership.version)
