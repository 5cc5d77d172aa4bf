"""Accounts: who may edit, in which role, scoped to which partnerships or providers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from pathways.domain.access import Actor, Channel, Operation, Resource, Role, Target, require
from pathways.domain.errors import Conflict, InvalidInput, NotFound
from pathways.domain.paging import Page
from pathways.models import Partnership, Provider, User
from pathways.services import audit
from pathways.services.paging import paginate
from pathways.services.passwords import hash_password
from pathways.services.versions import check_version, flush

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SECRET_FIELDS = frozenset({"password"})


def actor_for(user: User, channel: Channel) -> Actor:
    return Actor(
        channel=channel,
        label=user.email,
        user_id=user.id,
        role=user.role,
        partnership_ids=frozenset(p.id for p in user.partnerships),
        provider_ids=frozenset(p.id for p in user.providers),
    )


def user_target(user_id: int | None = None) -> Target:
    return Target(Resource.USER, user_id=user_id)


def list_users(*, session: Session, actor: Actor, page: int = 1, per_page: int = 50) -> Page[User]:
    require(actor, Operation.READ, user_target())
    query = _with_scopes(sa.select(User)).order_by(User.email)
    return paginate(session, query, page=page, per_page=per_page)


def get_user(*, session: Session, actor: Actor, user_id: int, for_update: bool = False) -> User:
    require(actor, Operation.READ, user_target(user_id))
    query = _with_scopes(sa.select(User).where(User.id == user_id))
    user = session.scalar(query.with_for_update() if for_update else query)
    if user is None:
        raise NotFound("no such user")
    return user


def find_user(*, session: Session, email: str) -> User | None:
    return session.scalar(_with_scopes(sa.select(User).where(User.email == email.strip().lower())))


def create_user(
    *,
    session: Session,
    actor: Actor,
    email: str,
    role: Role,
    name: str | None = None,
    password: str | None = None,
    partnerships: Sequence[str] = (),
    providers: Sequence[int] = (),
) -> User:
    require(actor, Operation.CREATE, user_target())
    email = _email(email)
    taken = f"there is already an account for {email}"
    if find_user(session=session, email=email) is not None:
        raise Conflict(taken)
    user = User(email=email, name=_name(name), role=role)
    user.partnerships = _partnerships(session, partnerships)
    user.providers = _providers(session, providers)
    _check_scopes(user.role, user.partnerships, user.providers)
    if password is not None:
        user.password_hash = hash_password(password)
    session.add(user)
    flush(session, f"user {email}", taken=taken)
    audit.record(
        session=session, actor=actor, action="create", entity="user", entity_id=user.id,
        after=snapshot(user, password_set=password is not None), secret=SECRET_FIELDS,
    )  # fmt: skip
    return user


def update_user(
    *,
    session: Session,
    actor: Actor,
    user_id: int,
    expected_version: int | None,
    changes: dict[str, Any],
) -> User:
    """Change any of `name`, `role`, `active`, `password`, `partnerships` (slugs) and
    `providers` (ids) of the user at `expected_version`."""
    require(actor, Operation.UPDATE, user_target(user_id))
    user = get_user(session=session, actor=actor, user_id=user_id, for_update=True)
    check_version(f"user {user.email}", user.version, expected_version)
    before = snapshot(user)
    # Look everything up before changing anything: a query would flush a half-made change.
    role = changes.get("role", user.role)
    partnerships = (
        _partnerships(session, changes["partnerships"])
        if "partnerships" in changes
        else user.partnerships
    )
    providers = (
        _providers(session, changes["providers"]) if "providers" in changes else user.providers
    )
    _check_scopes(role, partnerships, providers)
    if "name" in changes:
        user.name = _name(changes["name"])
    if "active" in changes:
        user.active = bool(changes["active"])
    user.role, user.partnerships, user.providers = role, partnerships, providers
    if changes.get("password") is not None:
        user.password_hash = hash_password(changes["password"])
    after = snapshot(user, password_set=changes.get("password") is not None)
    if after != before:
        flag_changed(user)
        flush(session, f"user {user.email}")
        audit.record(
            session=session, actor=actor, action="update", entity="user", entity_id=user.id,
            before=before, after=after, secret=SECRET_FIELDS,
        )  # fmt: skip
    return user


def delete_user(
    *, session: Session, actor: Actor, user_id: int, expected_version: int | None
) -> None:
    require(actor, Operation.DELETE, user_target(user_id))
    user = get_user(session=session, actor=actor, user_id=user_id, for_update=True)
    check_version(f"user {user.email}", user.version, expected_version)
    if user.id == actor.user_id:
        raise Conflict("you cannot delete your own account")
    before = snapshot(user)
    session.delete(user)
    flush(session, f"user {before['email']}")
    audit.record(
        session=session, actor=actor, action="delete", entity="user", entity_id=user_id,
        before=before, secret=SECRET_FIELDS,
    )  # fmt: skip


def snapshot(user: User, *, password_set: bool = False) -> dict[str, Any]:
    """What the audit log shows of a user; the password only as "changed"."""
    return {
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "active": user.active,
        "partnerships": [p.slug for p in user.partnerships],
        "providers": [p.id for p in user.providers],
        "password": "set" if password_set else None,
    }


def flag_changed(user: User) -> None:
    """Rewrite the user's row, so its version moves on when only its scopes changed."""
    flag_modified(user, "role")


def _with_scopes(query: sa.Select[User]) -> sa.Select[User]:
    return query.options(selectinload(User.partnerships), selectinload(User.providers))


def _email(value: str) -> str:
    email = (value or "").strip().lower()
    if len(email) > 254 or not EMAIL.match(email):
        raise InvalidInput.for_field("email", f"{value!r} is not an email address")
    return email


def _name(value: str | None) -> str | None:
    name = (value or "").strip() or None
    if name is not None and len(name) > 200:
        raise InvalidInput.for_field("name", "a name has at most 200 characters")
    return name


def _partnerships(session: Session, slugs: Sequence[str]) -> list[Partnership]:
    found = list(session.scalars(sa.select(Partnership).where(Partnership.slug.in_(slugs))))
    missing = sorted(set(slugs) - {p.slug for p in found})
    if missing:
        raise InvalidInput.for_field("partnerships", f"no partnership {', '.join(missing)}")
    return found


def _providers(session: Session, ids: Sequence[int]) -> list[Provider]:
    found = list(session.scalars(sa.select(Provider).where(Provider.id.in_(ids))))
    missing = sorted(set(ids) - {p.id for p in found})
    if missing:
        raise InvalidInput.for_field("providers", f"no provider {', '.join(map(str, missing))}")
    return found


def _check_scopes(
    role: Role, partnerships: Sequence[Partnership], providers: Sequence[Provider]
) -> None:
    """Editors need the things they edit; scopes of another role would grant nothing."""
    if role is Role.PARTNERSHIP_EDITOR and not partnerships:
        raise InvalidInput.for_field("partnerships", "a partnership editor needs a partnership")
    if role is Role.PROVIDER_EDITOR and not providers:
        raise InvalidInput.for_field("providers", "a provider editor needs a provider")
    if role is not Role.PARTNERSHIP_EDITOR and partnerships:
        raise InvalidInput.for_field("partnerships", f"a {role.value} has no partnerships")
    if role is not Role.PROVIDER_EDITOR and providers:
        raise InvalidInput.for_field("providers", f"a {role.value} has no providers")
