"""Sector partnerships: their members, branding, critical occupations, employer-reported
wages and regional adjustments to what each occupation requires."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pathways.db import Base
from pathways.domain.vocabulary import (
    CredentialRelation,
    MemberKind,
    PayBasis,
    RequirementAction,
)
from pathways.models.occupation import Occupation
from pathways.models.region import Region
from pathways.models.types import enum_type


class Partnership(Base):
    __tablename__ = "partnerships"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    sector: Mapped[str] = mapped_column(sa.String(120))
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("regions.id"), index=True)
    description: Mapped[str | None] = mapped_column(sa.Text)
    # Flyer branding. The logo is an uploaded file kept in the database, never fetched by URL.
    brand_name: Mapped[str | None] = mapped_column(sa.String(200))
    primary_color: Mapped[str | None] = mapped_column(sa.String(7))
    accent_color: Mapped[str | None] = mapped_column(sa.String(7))
    contact_line: Mapped[str | None] = mapped_column(sa.String(300))
    logo: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    logo_media_type: Mapped[str | None] = mapped_column(sa.String(40))
    version: Mapped[int] = mapped_column(default=1)

    region: Mapped[Region] = relationship()
    members: Mapped[list[PartnershipMember]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PartnershipMember.id"
    )
    critical_occupations: Mapped[list[CriticalOccupation]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(CriticalOccupation.priority, CriticalOccupation.soc_code)",
    )

    __mapper_args__ = {"version_id_col": version}


class PartnershipMember(Base):
    __tablename__ = "partnership_members"
    __table_args__ = (sa.UniqueConstraint("partnership_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        sa.ForeignKey("partnerships.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[MemberKind] = mapped_column(enum_type(MemberKind, "member_kind"))
    website: Mapped[str | None] = mapped_column(sa.String(300))


class CriticalOccupation(Base):
    """An occupation the partnership's employers cannot fill; priority 1 is the most urgent."""

    __tablename__ = "critical_occupations"
    __table_args__ = (
        sa.UniqueConstraint("partnership_id", "soc_code"),
        sa.CheckConstraint("priority >= 1", name="priority_positive"),
        sa.CheckConstraint("annual_openings >= 0", name="openings_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        sa.ForeignKey("partnerships.id", ondelete="CASCADE")
    )
    soc_code: Mapped[str] = mapped_column(sa.ForeignKey("occupations.soc_code"), index=True)
    priority: Mapped[int] = mapped_column(sa.SmallInteger, default=1)
    annual_openings: Mapped[int | None]
    notes: Mapped[str | None] = mapped_column(sa.Text)
    version: Mapped[int] = mapped_column(default=1)

    occupation: Mapped[Occupation] = relationship(lazy="joined", viewonly=True)

    __mapper_args__ = {"version_id_col": version}


class EmployerWage(Base):
    """Wages member employers report paying, in US dollars per hour or per year (`pay_basis`),
    shown as such beside the BLS figures."""

    __tablename__ = "employer_wages"
    __table_args__ = (
        sa.CheckConstraint("employer_count >= 1", name="employer_count_positive"),
        sa.CheckConstraint("entry <= median AND median <= experienced", name="levels_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        sa.ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )
    soc_code: Mapped[str] = mapped_column(sa.ForeignKey("occupations.soc_code"))
    pay_basis: Mapped[PayBasis] = mapped_column(enum_type(PayBasis, "pay_basis"))
    entry: Mapped[float | None] = mapped_column(sa.Float)
    median: Mapped[float | None] = mapped_column(sa.Float)
    experienced: Mapped[float | None] = mapped_column(sa.Float)
    reported_on: Mapped[date]
    employer_count: Mapped[int]
    notes: Mapped[str | None] = mapped_column(sa.Text)
    version: Mapped[int] = mapped_column(default=1)

    partnership: Mapped[Partnership] = relationship(viewonly=True)

    __mapper_args__ = {"version_id_col": version}


class RequirementOverride(Base):
    """A partnership's regional change to a national requirement: add, drop or re-weight a
    skill or a credential for one occupation. The national values stay as they are."""

    __tablename__ = "requirement_overrides"
    __table_args__ = (
        sa.CheckConstraint(
            "(skill_id IS NULL) <> (credential_id IS NULL)", name="skill_or_credential"
        ),
        sa.CheckConstraint("importance BETWEEN 1 AND 5", name="importance_range"),
        sa.CheckConstraint("level BETWEEN 0 AND 7", name="level_range"),
        # One override per skill, or per credential, of an occupation. Two partial indexes,
        # because the column that is not used is NULL, and NULLs never collide.
        sa.Index(
            "uq_requirement_overrides_skill",
            "partnership_id", "soc_code", "skill_id",
            unique=True,
            sqlite_where=sa.text("skill_id IS NOT NULL"),
            postgresql_where=sa.text("skill_id IS NOT NULL"),
        ),
        sa.Index(
            "uq_requirement_overrides_credential",
            "partnership_id", "soc_code", "credential_id",
            unique=True,
            sqlite_where=sa.text("credential_id IS NOT NULL"),
            postgresql_where=sa.text("credential_id IS NOT NULL"),
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        sa.ForeignKey("partnerships.id", ondelete="CASCADE")
    )
    soc_code: Mapped[str] = mapped_column(sa.ForeignKey("occupations.soc_code"))
    action: Mapped[RequirementAction] = mapped_column(
        enum_type(RequirementAction, "requirement_action")
    )
    skill_id: Mapped[int | None] = mapped_column(sa.ForeignKey("skills.id", ondelete="CASCADE"))
    credential_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("credentials.id", ondelete="CASCADE")
    )
    importance: Mapped[float | None] = mapped_column(sa.Float)  # skills
    level: Mapped[float | None] = mapped_column(sa.Float)  # skills
    relation: Mapped[CredentialRelation | None] = mapped_column(
        enum_type(CredentialRelation, "credential_relation")
    )  # credentials: required, preferred or add-on in this region
    notes: Mapped[str | None] = mapped_column(sa.Text)  # why the region differs
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
