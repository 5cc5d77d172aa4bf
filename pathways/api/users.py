"""Accounts: admins manage them; everyone may read their own."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from pathways.api.auth import current_actor
from pathways.api.converters import ID
from pathways.api.pagination import PageArgs, PageSchema, page_headers
from pathways.api.versions import etag, expected_version
from pathways.domain.access import Role
from pathways.domain.errors import Unauthorized
from pathways.services.users import create_user, delete_user, get_user, list_users, update_user
from pathways.sessions import request_session

blp = Blueprint("users", __name__, url_prefix="/api/v1/users", description="Accounts")
F = ma.fields


class UserSchema(ma.Schema):
    id = F.Integer(required=True)
    email = F.Email(required=True)
    name = F.String(required=True, allow_none=True)
    role = F.Enum(Role, by_value=True, required=True)
    active = F.Boolean(required=True)
    partnerships = F.Pluck("SlugSchema", "slug", many=True, required=True)
    providers = F.Pluck("IdSchema", "id", many=True, required=True)
    created_at = F.DateTime(required=True)
    version = F.Integer(required=True, metadata={"description": "Also the ETag"})


class SlugSchema(ma.Schema):
    slug = F.String()


class IdSchema(ma.Schema):
    id = F.Integer()


class UserPageSchema(PageSchema):
    items = F.List(F.Nested(UserSchema), required=True)


def _fields(*, creating: bool) -> dict[str, ma.fields.Field[Any]]:
    return {
        "name": F.String(allow_none=True, validate=ma.validate.Length(max=200)),
        "role": F.Enum(Role, by_value=True, required=creating),
        "password": F.String(
            load_only=True,
            validate=ma.validate.Length(min=12, max=1024),
            metadata={"description": "For signing in on the web; 12 characters or more"},
        ),
        "partnerships": F.List(F.String(), metadata={"description": "Partnership slugs"}),
        "providers": F.List(F.Integer(), metadata={"description": "Provider ids"}),
    }


UserCreateSchema = ma.Schema.from_dict(
    {"email": F.Email(required=True), **_fields(creating=True)}, name="UserCreate"
)
UserUpdateSchema = ma.Schema.from_dict(
    {"active": F.Boolean(), **_fields(creating=False)}, name="UserUpdate"
)


@blp.route("")
class Users(MethodView):
    @blp.arguments(PageArgs, location="query", as_kwargs=True)
    @blp.response(200, UserPageSchema)
    def get(self, page: int, per_page: int) -> Any:
        """List accounts (admins)"""
        found = list_users(
            session=request_session(), actor=current_actor(), page=page, per_page=per_page
        )
        return found, 200, page_headers(found)

    @blp.arguments(UserCreateSchema)
    @blp.response(201, UserSchema)
    @blp.alt_response(409, description="An account with this email exists")
    def post(self, body: dict[str, Any]) -> Any:
        """Create an account (admins)"""
        session = request_session()
        user = create_user(
            session=session, actor=current_actor(), email=body["email"], role=body["role"],
            name=body.get("name"), password=body.get("password"),
            partnerships=body.get("partnerships", ()), providers=body.get("providers", ()),
        )  # fmt: skip
        session.commit()
        location = url_for("users.UserDetail", user_id=user.id)
        return user, 201, {**etag(user.version), "Location": location}


@blp.route("/me")
class Me(MethodView):
    @blp.response(200, UserSchema)
    @blp.alt_response(401, description="No token was sent")
    def get(self) -> Any:
        """Read the account of the token's holder"""
        actor = current_actor()
        if actor.user_id is None:
            raise Unauthorized("send an API token to see whose it is")
        user = get_user(session=request_session(), actor=actor, user_id=actor.user_id)
        return user, 200, etag(user.version)


@blp.route(f"/<{ID}:user_id>")
class UserDetail(MethodView):
    @blp.response(200, UserSchema)
    @blp.alt_response(404, description="No such account, or not yours to see")
    def get(self, user_id: int) -> Any:
        """Read an account (admins, or its owner)"""
        user = get_user(session=request_session(), actor=current_actor(), user_id=user_id)
        return user, 200, etag(user.version)

    @blp.arguments(UserUpdateSchema)
    @blp.response(200, UserSchema)
    @blp.alt_response(412, description="The account changed since the ETag sent in If-Match")
    @blp.alt_response(428, description="If-Match is missing")
    def patch(self, body: dict[str, Any], user_id: int) -> Any:
        """Change an account (admins; If-Match)"""
        session = request_session()
        user = update_user(
            session=session, actor=current_actor(), user_id=user_id,
            expected_version=expected_version(), changes=body,
        )  # fmt: skip
        session.commit()
        return user, 200, etag(user.version)

    @blp.response(204)
    @blp.alt_response(409, description="You cannot delete your own account")
    @blp.alt_response(412, description="The account changed since the ETag sent in If-Match")
    @blp.alt_response(428, description="If-Match is missing")
    def delete(self, user_id: int) -> Any:
        """Delete an account (admins; If-Match)"""
        session = request_session()
        delete_user(
            session=session, actor=current_actor(), user_id=user_id,
            expected_version=expected_version(),
        )  # fmt: skip
        session.commit()
        return None
