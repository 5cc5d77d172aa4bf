"""People who edit Pathways, what they may edit, and how they prove who they are."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from pathways.db import Base
from pathways.domain.access import Role
from pathways.models.partnership import Partnership
from pathways.models.provider import Provider
from pathways.models.types import UtcDateTime, enum_type, utcnow

user_partnerships = sa.Table(
    "user_partnerships",
    Base.metadata,
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "partnership_id",
        sa.ForeignKey("partnerships.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)
user_providers = sa.Table(
    "user_providers",
    Base.metadata,
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "provider_id",
        sa.ForeignKey("providers.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)  # stored lower-case
    name: Mapped[str | None] = mapped_column(sa.String(200))
    role: Mapped[Role] = mapped_column(enum_type(Role, "user_role"))
    password_hash: Mapped[str | None] = mapped_column(sa.String(200))  # argon2; None: no login
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    partnerships: Mapped[list[Partnership]] = relationship(
        secondary=user_partnerships, order_by=Partnership.slug
    )
    providers: Mapped[list[Provider]] = relationship(secondary=user_providers, order_by=Provider.id)

    __mapper_args__ = {"version_id_col": version}

    @validates("email")
    def _lower_case(self, _key: str, value: str) -> str:
        return value.strip().lower()


class ApiToken(Base):
    """A bearer token for the API. Only its SHA-256 is kept: the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(sa.String(100))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    user: Mapped[User] = relationship()


class LoginFailure(Base):
    """A failed sign-in, kept for a while to slow down password guessing (per account and per
    address), in the database so every worker and machine counts the same attempts."""

    __tablename__ = "login_failures"
    __table_args__ = (sa.Index(None, "email", "at"), sa.Index(None, "address", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254))
    address: Mapped[str] = mapped_column(sa.String(45))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
