"""Who may do what: roles, the actor behind a request or command, and the one policy every
service consults. Pure rules, no database: the services gather the facts and ask here.

| role               | reads                             | writes                                |
|--------------------|-----------------------------------|---------------------------------------|
| anyone             | published content and the catalog | nothing                               |
| partnership editor | + drafts of their partnerships    | their partnerships and their pathways |
| provider editor    | + their providers' unlisted data  | their providers and their programs    |
| any editor         |                                   | new credentials in the shared catalog |
| admin              | everything                        | everything (regions, users, audit…)   |
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from pathways.domain.errors import Forbidden, NotFound, Unauthorized


class Role(StrEnum):
    ADMIN = "admin"
    PARTNERSHIP_EDITOR = "partnership_editor"
    PROVIDER_EDITOR = "provider_editor"


class Channel(StrEnum):
    API = "api"
    WEB = "web"
    CLI = "cli"


class Operation(StrEnum):
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PUBLISH = "publish"


@dataclass(frozen=True)
class Actor:
    """Who is acting, and through which channel; `user_id` None means anonymous (or, on the
    CLI, the operator at the machine, who acts as an administrator)."""

    channel: Channel
    label: str  # what the audit log shows: the user's email, or "cli:<login>"
    user_id: int | None = None
    role: Role | None = None
    partnership_ids: frozenset[int] = field(default_factory=frozenset)
    provider_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def anonymous(cls, channel: Channel) -> Actor:
        return cls(channel, "anonymous")

    @classmethod
    def operator(cls, login: str) -> Actor:
        """The person at the command line: they own the machine, so they act as admin."""
        return cls(Channel.CLI, f"cli:{login}", role=Role.ADMIN)

    @property
    def is_authenticated(self) -> bool:
        return self.role is not None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


class Resource(StrEnum):
    """Kinds of things the policy knows; later issues add theirs."""

    CATALOG = "catalog"  # occupations, skills, wages: read by all, written by imports
    REGION = "region"
    USER = "user"
    AUDIT = "audit"
    PARTNERSHIP = "partnership"
    PATHWAY = "pathway"
    PROVIDER = "provider"
    PROGRAM = "program"
    CREDENTIAL = "credential"  # a shared catalog: editors add to it, admins correct it


@dataclass(frozen=True)
class Target:
    """The facts the policy needs about one thing (or a kind of thing, for CREATE)."""

    resource: Resource
    partnership_id: int | None = None  # the partnership that owns it
    provider_id: int | None = None  # the provider that owns it
    user_id: int | None = None  # for a user: who it is
    published: bool = True  # drafts are readable by their editors only


ADMIN_ONLY = {Resource.CATALOG, Resource.REGION, Resource.USER, Resource.AUDIT}
# Never public, so asking anonymously calls for signing in rather than "not found".
PRIVATE = {Resource.USER, Resource.AUDIT}


def can_read(actor: Actor, target: Target) -> bool:
    if actor.is_admin:
        return True
    if target.resource is Resource.AUDIT:
        return False
    if target.resource is Resource.USER:
        return actor.user_id is not None and actor.user_id == target.user_id
    return target.published or _owns(actor, target)


def can_write(actor: Actor, operation: Operation, target: Target) -> bool:
    if actor.is_admin:
        return True
    if target.resource in ADMIN_ONLY:
        return False
    if target.resource is Resource.CREDENTIAL:
        # Any editor may add a credential their pathway or program needs; changing or
        # removing one touches everyone who uses it, so that is for admins.
        return operation is Operation.CREATE and actor.is_authenticated
    if operation is Operation.CREATE and target.resource in (
        Resource.PARTNERSHIP,
        Resource.PROVIDER,
    ):
        return False  # admins set up partnerships and providers, and scope editors to them
    if operation is Operation.DELETE and target.resource in (
        Resource.PARTNERSHIP,
        Resource.PROVIDER,
    ):
        return False
    return _owns(actor, target)


def require(actor: Actor, operation: Operation, target: Target) -> None:
    """Raise unless `actor` may do `operation` to `target`: Unauthorized for anonymous writes
    and anonymous reads of private things (accounts, the audit log), NotFound for what the
    actor may not even read (a draft elsewhere), Forbidden for the rest."""
    if operation is Operation.READ:
        if can_read(actor, target):
            return
        if not actor.is_authenticated and target.resource in PRIVATE:
            raise Unauthorized(f"sign in, or send an API token, to see {target.resource.value}s")
        raise NotFound(f"no such {target.resource.value}")
    if not actor.is_authenticated:
        raise Unauthorized("sign in, or send an API token, to make changes")
    if operation is not Operation.CREATE and not can_read(actor, target):
        raise NotFound(f"no such {target.resource.value}")
    if not can_write(actor, operation, target):
        raise Forbidden(f"you may not {operation.value} this {target.resource.value}")


def _owns(actor: Actor, target: Target) -> bool:
    if actor.role is Role.PARTNERSHIP_EDITOR and target.partnership_id is not None:
        return target.partnership_id in actor.partnership_ids
    if actor.role is Role.PROVIDER_EDITOR and target.provider_id is not None:
        return target.provider_id in actor.provider_ids
    return False
