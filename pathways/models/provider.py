"""Education and training providers and the programs they run."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pathways.db import Base
from pathways.domain.vocabulary import (
    AwardLevel,
    EarnWhileYouLearn,
    Modality,
    ProgramStatus,
    ProviderKind,
)
from pathways.models.credential import Credential
from pathways.models.region import Region
from pathways.models.types import enum_type


class Provider(Base):
    __tablename__ = "providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[ProviderKind] = mapped_column(enum_type(ProviderKind, "provider_kind"))
    street: Mapped[str | None] = mapped_column(sa.String(200))
    city: Mapped[str | None] = mapped_column(sa.String(100))
    state: Mapped[str | None] = mapped_column(sa.String(2))
    postal_code: Mapped[str | None] = mapped_column(sa.String(10))
    region_id: Mapped[int | None] = mapped_column(sa.ForeignKey("regions.id"), index=True)
    website: Mapped[str | None] = mapped_column(sa.String(300))
    contact_name: Mapped[str | None] = mapped_column(sa.String(200))
    contact_email: Mapped[str | None] = mapped_column(sa.String(254))
    contact_phone: Mapped[str | None] = mapped_column(sa.String(40))
    version: Mapped[int] = mapped_column(default=1)

    programs: Mapped[list[Program]] = relationship(back_populates="provider")
    region: Mapped[Region | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class Program(Base):
    __tablename__ = "programs"
    __table_args__ = (
        sa.CheckConstraint("length_weeks > 0", name="length_positive"),
        sa.CheckConstraint("credit_hours >= 0", name="credit_hours_not_negative"),
        sa.CheckConstraint("cost >= 0", name="cost_not_negative"),
        sa.CheckConstraint("seats_per_year >= 0", name="seats_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(
        sa.ForeignKey("providers.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    cip_code: Mapped[str] = mapped_column(sa.ForeignKey("cip_codes.code"), index=True)
    award_level: Mapped[AwardLevel] = mapped_column(enum_type(AwardLevel, "award_level"))
    length_weeks: Mapped[int | None]
    credit_hours: Mapped[float | None] = mapped_column(sa.Float)
    cost: Mapped[int | None]  # cents, tuition and fees for the whole program
    modality: Mapped[Modality] = mapped_column(enum_type(Modality, "modality"))
    schedule: Mapped[str | None] = mapped_column(sa.String(200))
    seats_per_year: Mapped[int | None]
    prerequisites: Mapped[str | None] = mapped_column(sa.Text)
    earn_while_you_learn: Mapped[EarnWhileYouLearn] = mapped_column(
        enum_type(EarnWhileYouLearn, "earn_while_you_learn"), default=EarnWhileYouLearn.NONE
    )
    status: Mapped[ProgramStatus] = mapped_column(
        enum_type(ProgramStatus, "program_status"), default=ProgramStatus.ACTIVE
    )
    next_start: Mapped[date | None]
    version: Mapped[int] = mapped_column(default=1)

    provider: Mapped[Provider] = relationship(back_populates="programs")
    skills: Mapped[list[ProgramSkill]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    # What the program awards, for reading; rows of program_credentials are written directly.
    credentials: Mapped[list[Credential]] = relationship(
        secondary="program_credentials", order_by="Credential.id", viewonly=True
    )

    __mapper_args__ = {"version_id_col": version}


class ProgramCredential(Base):
    __tablename__ = "program_credentials"

    program_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True
    )
    credential_id: Mapped[int] = mapped_column(
        sa.ForeignKey("credentials.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ProgramSkill(Base):
    """A skill a program teaches, at a level on O*NET's 0–7 scale."""

    __tablename__ = "program_skills"
    __table_args__ = (sa.CheckConstraint("level BETWEEN 0 AND 7", name="level_range"),)

    program_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        sa.ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    level: Mapped[float] = mapped_column(sa.Float)
