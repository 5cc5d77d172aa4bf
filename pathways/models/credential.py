"""Credentials (CTDL types) and which occupations require, prefer or reward them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from pathways.db import Base
from pathways.domain.vocabulary import CredentialRelation, CredentialType
from pathways.models.types import enum_type


class Credential(Base):
    __tablename__ = "credentials"
    __table_args__ = (
        sa.UniqueConstraint("name", "issuer"),
        sa.CheckConstraint("typical_cost >= 0", name="cost_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    ctdl_type: Mapped[CredentialType] = mapped_column(enum_type(CredentialType, "credential_type"))
    issuer: Mapped[str] = mapped_column(sa.String(200), default="")
    description: Mapped[str | None] = mapped_column(sa.Text)
    exam: Mapped[str | None] = mapped_column(sa.Text)
    renewal: Mapped[str | None] = mapped_column(sa.Text)
    typical_cost: Mapped[int | None]  # cents
    source: Mapped[str | None] = mapped_column(sa.String(500))  # where these facts are published
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class OccupationCredential(Base):
    __tablename__ = "occupation_credentials"

    soc_code: Mapped[str] = mapped_column(
        sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"), primary_key=True
    )
    credential_id: Mapped[int] = mapped_column(
        sa.ForeignKey("credentials.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[CredentialRelation] = mapped_column(
        enum_type(CredentialRelation, "credential_relation")
    )
