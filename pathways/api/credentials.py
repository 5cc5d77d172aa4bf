"""Credentials: the shared catalog (CTDL credential types) and the occupations that require,
prefer or reward each one. Any editor adds; admins change and remove."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.converters import ID, SOC_CODE
from pathways.api.pagination import PageArgs, PageSchema, page_headers
from pathways.api.versions import etag, expected_version
from pathways.domain.vocabulary import CredentialRelation, CredentialType
from pathways.models import Credential
from pathways.services.credentials import (
    create_credential,
    delete_credential,
    get_credential,
    list_credentials,
    occupation_links,
    update_credential,
)
from pathways.sessions import request_session

blp = Blueprint(
    "credentials", __name__, url_prefix="/api/v1/credentials", description="Credentials"
)
F = ma.fields


def credential_type(
    *, required: bool = False, attribute: str | None = None
) -> F.Enum[CredentialType]:
    return F.Enum(
        CredentialType,
        by_value=True,
        required=required,
        attribute=attribute,
        metadata={"description": "CTDL credential class (ceterms:…)"},
    )


class LinkSchema(ma.Schema):
    soc = F.String(
        required=True,
        validate=SOC_CODE,
    )
    relation = F.Enum(CredentialRelation, by_value=True, load_default=CredentialRelation.REQUIRED)


class CredentialSchema(ma.Schema):
    id = F.Integer(required=True)
    name = F.String(required=True)
    type = credential_type(required=True, attribute="ctdl_type")
    issuer = F.String(required=True)
    description = F.String(required=True, allow_none=True)
    exam = F.String(required=True, allow_none=True)
    renewal = F.String(required=True, allow_none=True)
    typical_cost = F.Integer(
        required=True, allow_none=True, metadata={"description": "US cents, e.g. 12500 = $125"}
    )
    source = F.String(required=True, allow_none=True)
    occupations = F.Method("_occupations", required=True, metadata={"type": "array"})
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})

    def _occupations(self, credential: Credential) -> list[dict[str, str]]:
        links = occupation_links(session=request_session(), credential_id=credential.id)
        return [{"soc": link.soc_code, "relation": link.relation.value} for link in links]


class CredentialPageSchema(PageSchema):
    items = F.List(F.Nested(CredentialSchema), required=True)


class CredentialArgs(PageArgs):
    q = F.String(validate=ma.validate.Length(max=200), metadata={"description": "Name or issuer"})
    type = credential_type()
    occupation = F.String(
        validate=SOC_CODE,
        metadata={"description": "Only credentials linked to this SOC code"},
    )


class CredentialUpdateSchema(ma.Schema):
    name = F.String(validate=ma.validate.Length(min=1, max=200))
    type = credential_type()
    issuer = F.String(validate=ma.validate.Length(max=200))
    description = F.String(allow_none=True, validate=ma.validate.Length(max=5000))
    exam = F.String(allow_none=True, validate=ma.validate.Length(max=1000))
    renewal = F.String(allow_none=True, validate=ma.validate.Length(max=1000))
    typical_cost = F.Integer(allow_none=True, validate=ma.validate.Range(min=0, max=100_000_000))
    source = F.String(allow_none=True, validate=ma.validate.Length(max=500))
    occupations = F.List(F.Nested(LinkSchema), metadata={"description": "Replaces the links"})


class CredentialCreateSchema(CredentialUpdateSchema):
    name = F.String(required=True, validate=ma.validate.Length(min=1, max=200))
    type = credential_type(required=True)


@blp.route("")
class Credentials(MethodView):
    @blp.arguments(CredentialArgs, location="query", as_kwargs=True)
    @blp.response(200, CredentialPageSchema)
    def get(self, page: int, per_page: int, **filters: Any) -> Any:
        """List credentials

        A–Z; filter by words of the name or issuer (`q`), CTDL `type`, or an `occupation`
        that requires, prefers or rewards them. Paginated (`Link`, `X-Total-Count`).
        """
        ctdl_type = filters.get("type")
        found = list_credentials(
            session=request_session(), q=filters.get("q"),
            ctdl_type=None if ctdl_type is None else ctdl_type.value,
            occupation=filters.get("occupation"), page=page, per_page=per_page,
        )  # fmt: skip
        return found, 200, page_headers(found)

    @blp.arguments(CredentialCreateSchema)
    @blp.response(201, CredentialSchema)
    @blp.alt_response(409, description="A credential with this name and issuer exists")
    def post(self, body: dict[str, Any]) -> Any:
        """Add a credential (any editor)"""
        session = request_session()
        links = body.pop("occupations", [])
        credential = create_credential(
            session=session, actor=current_actor(), values=body, occupations=links
        )
        session.commit()
        location = url_for("credentials.CredentialDetail", credential_id=credential.id)
        return credential, 201, {**etag(credential.version), "Location": location}


@blp.route(f"/<{ID}:credential_id>")
class CredentialDetail(MethodView):
    @blp.response(200, CredentialSchema)
    def get(self, credential_id: int) -> Any:
        """Read a credential"""
        credential = get_credential(session=request_session(), credential_id=credential_id)
        return credential, 200, etag(credential.version)

    @blp.arguments(CredentialUpdateSchema)
    @blp.response(200, CredentialSchema)
    @blp.alt_response(412, description="The credential changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def patch(self, body: dict[str, Any], credential_id: int) -> Any:
        """Change a credential (admins; If-Match)"""
        session = request_session()
        links = body.pop("occupations", None)
        credential = update_credential(
            session=session, actor=current_actor(), credential_id=credential_id,
            expected_version=expected_version(), changes=body, occupations=links,
        )  # fmt: skip
        session.commit()
        return credential, 200, etag(credential.version)

    @blp.response(204)
    @blp.alt_response(412, description="The credential changed since the ETag sent")
    @blp.alt_response(428, description="If-Match is missing")
    def delete(self, credential_id: int) -> Any:
        """Remove a credential (admins; If-Match)"""
        session = request_session()
        delete_credential(
            session=session, actor=current_actor(), credential_id=credential_id,
            expected_version=expected_version(),
        )  # fmt: skip
        session.commit()
        return None
