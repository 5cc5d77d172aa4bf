"""Providers: schools, colleges, workforce boards, employers and apprenticeship sponsors.
Everyone reads them; admins create and delete them; a provider's editors change it."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.converters import ID
from pathways.api.pagination import page_headers
from pathways.api.program_schemas import (
    ProviderArgs,
    ProviderCreateSchema,
    ProviderPageSchema,
    ProviderSchema,
    ProviderUpdateSchema,
)
from pathways.api.versions import etag, expected_version
from pathways.services.providers import (
    create_provider,
    delete_provider,
    get_provider,
    list_providers,
    update_provider,
)
from pathways.sessions import request_session

blp = Blueprint("providers", __name__, url_prefix="/api/v1/providers", description="Providers")


@blp.route("")
class Providers(MethodView):
    @blp.arguments(ProviderArgs, location="query", as_kwargs=True)
    @blp.response(200, ProviderPageSchema)
    def get(self, page: int, per_page: int, **filters: Any) -> Any:
        """List providers

        A–Z; `?region=` keeps those of one region, `?q=` words of the name or city.
        Paginated (`Link`, `X-Total-Count`).
        """
        found = list_providers(session=request_session(), page=page, per_page=per_page, **filters)
        return found, 200, page_headers(found)

    @blp.arguments(ProviderCreateSchema)
    @blp.response(201, ProviderSchema)
    def post(self, body: dict[str, Any]) -> Any:
        """Add a provider (admins)"""
        session = request_session()
        provider = create_provider(session=session, actor=current_actor(), values=body)
        session.commit()
        location = url_for("providers.ProviderDetail", provider_id=provider.id)
        return provider, 201, {**etag(provider.version), "Location": location}


@blp.route(f"/<{ID}:provider_id>")
class ProviderDetail(MethodView):
    @blp.response(200, ProviderSchema)
    @blp.alt_response(404, description="No such provider")
    def get(self, provider_id: int) -> Any:
        """Read a provider"""
        provider = get_provider(session=request_session(), provider_id=provider_id)
        return provider, 200, etag(provider.version)

    @blp.arguments(ProviderUpdateSchema)
    @blp.response(200, ProviderSchema)
    @blp.alt_response(412, description="The provider changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def patch(self, body: dict[str, Any], provider_id: int) -> Any:
        """Change a provider (its editors; If-Match)

        Send only what changes; `null` clears an optional field.
        """
        session = request_session()
        provider = update_provider(
            session=session, actor=current_actor(), provider_id=provider_id,
            expected_version=expected_version(), changes=body,
        )  # fmt: skip
        session.commit()
        return provider, 200, etag(provider.version)

    @blp.response(204)
    @blp.alt_response(412, description="The provider changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def delete(self, provider_id: int) -> Any:
        """Delete a provider and its programs (admins; If-Match)"""
        session = request_session()
        delete_provider(
            session=session, actor=current_actor(), provider_id=provider_id,
            expected_version=expected_version(),
        )  # fmt: skip
        session.commit()
        return None
