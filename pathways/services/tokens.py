"""API tokens: random secrets shown once; only their SHA-256 is stored.

A token carries 256 random bits, so a fast hash is enough to make the stored form useless to
someone who reads the database (unlike a password, it cannot be guessed from a dictionary).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from pathways.domain.access import Actor, Channel, Operation, require
from pathways.domain.errors import InvalidInput, NotFound, Unauthorized
from pathways.models import ApiToken, User
from pathways.models.types import utcnow
from pathways.services import audit
from pathways.services.users import actor_for, find_user, user_target

PREFIX = "pwy_"
MAX_DAYS = 3650


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    *,
    session: Session,
    actor: Actor,
    email: str,
    name: str | None = None,
    expires_days: int | None = None,
) -> tuple[ApiToken, str]:
    """A new token for the user with `email`: the record, and the token itself, which is not
    kept anywhere and cannot be shown again."""
    user = _user(session, email)
    require(actor, Operation.UPDATE, user_target(user.id))
    if expires_days is not None and not 1 <= expires_days <= MAX_DAYS:
        raise InvalidInput.for_field("expires", f"between 1 and {MAX_DAYS} days")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        name=(name or "").strip()[:100] or None,
        token_hash=hash_token(secret),
        expires_at=utcnow() + timedelta(days=expires_days) if expires_days else None,
    )
    session.add(token)
    session.flush()
    audit.record(
        session=session, actor=actor, action="create", entity="api_token", entity_id=token.id,
        after={"user": user.email, "name": token.name, "expires_at": token.expires_at},
    )  # fmt: skip
    return token, secret


def list_tokens(*, session: Session, actor: Actor, email: str) -> list[ApiToken]:
    user = _user(session, email)
    require(actor, Operation.READ, user_target(user.id))
    return list(
        session.scalars(
            sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)
        )
    )


def revoke_token(*, session: Session, actor: Actor, token_id: int) -> ApiToken:
    token = session.scalar(
        sa.select(ApiToken).where(ApiToken.id == token_id).options(joinedload(ApiToken.user))
    )
    if token is None:
        raise NotFound(f"no token {token_id}")
    require(actor, Operation.UPDATE, user_target(token.user_id))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.flush()
        audit.record(
            session=session, actor=actor, action="revoke", entity="api_token",
            entity_id=token.id, after={"user": token.user.email, "revoked_at": token.revoked_at},
        )  # fmt: skip
    return token


def actor_for_token(*, session: Session, token: str) -> Actor:
    """The actor a bearer token stands for. The message never repeats the token."""
    found = session.scalar(
        sa.select(ApiToken)
        .where(ApiToken.token_hash == hash_token(token))
        .options(
            joinedload(ApiToken.user).selectinload(User.partnerships),
            joinedload(ApiToken.user).selectinload(User.providers),
        )
    )
    now = utcnow()
    if (
        found is None
        or found.revoked_at is not None
        or (found.expires_at is not None and found.expires_at <= now)
        or not found.user.active
    ):
        raise Unauthorized("the API token is not valid (unknown, expired or revoked)")
    return actor_for(found.user, Channel.API)


def _user(session: Session, email: str) -> User:
    user = find_user(session=session, email=email)
    if user is None:
        raise NotFound(f"no account for {email.strip().lower()}")
    return user
