"""Career pathways: versioned graphs of steps (occupations on stages) joined by transitions."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pathways.db import Base
from pathways.domain.vocabulary import PathwayStatus, TransitionKind
from pathways.models.credential import Credential
from pathways.models.occupation import Occupation
from pathways.models.partnership import Partnership
from pathways.models.types import UtcDateTime, enum_type


class Pathway(Base):
    """One version of a pathway. Publishing freezes it; editing a published pathway makes a
    new draft row with the same slug and the next `number`, while the published one stays."""

    __tablename__ = "pathways"
    __table_args__ = (
        sa.UniqueConstraint("slug", "number"),
        sa.CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        sa.ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )
    slug: Mapped[str] = mapped_column(sa.String(80))
    number: Mapped[int] = mapped_column(sa.SmallInteger, default=1)  # the published version
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[PathwayStatus] = mapped_column(
        enum_type(PathwayStatus, "pathway_status"), default=PathwayStatus.DRAFT
    )
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(default=1)  # optimistic lock, not the version number

    partnership: Mapped[Partnership] = relationship(lazy="joined", viewonly=True)
    # Every version of this pathway (itself included), oldest first.
    versions: Mapped[list[Pathway]] = relationship(
        primaryjoin="remote(Pathway.slug) == foreign(Pathway.slug)",
        order_by="Pathway.number",
        viewonly=True,
        uselist=True,
    )
    steps: Mapped[list[PathwayStep]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(PathwayStep.stage, PathwayStep.key)",
    )
    transitions: Mapped[list[Transition]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Transition.id"
    )

    __mapper_args__ = {"version_id_col": version}


class PathwayStep(Base):
    """An occupation on a stage of a pathway (stage 1 is entry), optionally relabelled."""

    __tablename__ = "pathway_steps"
    __table_args__ = (
        sa.UniqueConstraint("pathway_id", "key"),
        sa.CheckConstraint("stage >= 1", name="stage_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pathway_id: Mapped[int] = mapped_column(sa.ForeignKey("pathways.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(80))  # stable within the pathway: "cna-phleb"
    soc_code: Mapped[str] = mapped_column(sa.ForeignKey("occupations.soc_code"), index=True)
    label: Mapped[str | None] = mapped_column(sa.String(200))
    stage: Mapped[int] = mapped_column(sa.SmallInteger)

    occupation: Mapped[Occupation] = relationship(lazy="joined", viewonly=True)


class Transition(Base):
    __tablename__ = "transitions"
    __table_args__ = (
        sa.UniqueConstraint("from_step_id", "to_step_id"),
        sa.CheckConstraint("from_step_id <> to_step_id", name="not_self"),
        sa.CheckConstraint("months_experience >= 0", name="experience_not_negative"),
        sa.CheckConstraint("months_training >= 0", name="training_not_negative"),
        sa.CheckConstraint("cost >= 0", name="cost_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pathway_id: Mapped[int] = mapped_column(
        sa.ForeignKey("pathways.id", ondelete="CASCADE"), index=True
    )
    from_step_id: Mapped[int] = mapped_column(sa.ForeignKey("pathway_steps.id", ondelete="CASCADE"))
    to_step_id: Mapped[int] = mapped_column(
        sa.ForeignKey("pathway_steps.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[TransitionKind] = mapped_column(enum_type(TransitionKind, "transition_kind"))
    months_experience: Mapped[int] = mapped_column(default=0)
    months_training: Mapped[int] = mapped_column(default=0)
    cost: Mapped[int] = mapped_column(default=0)  # cents
    earn_while_you_learn: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(sa.Text)

    source: Mapped[PathwayStep] = relationship(foreign_keys=[from_step_id])
    target: Mapped[PathwayStep] = relationship(foreign_keys=[to_step_id])
    credentials: Mapped[list[Credential]] = relationship(
        secondary="transition_credentials", order_by="Credential.id"
    )


class TransitionCredential(Base):
    """A credential earned on a transition."""

    __tablename__ = "transition_credentials"

    transition_id: Mapped[int] = mapped_column(
        sa.ForeignKey("transitions.id", ondelete="CASCADE"), primary_key=True
    )
    credential_id: Mapped[int] = mapped_column(
        sa.ForeignKey("credentials.id", ondelete="CASCADE"), primary_key=True, index=True
    )
