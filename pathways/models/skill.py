"""Skills and knowledge (O*NET elements, or a partnership's own competencies), and the
importance and level at which each occupation requires them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pathways.db import Base
from pathways.domain.vocabulary import SkillKind
from pathways.models.types import enum_type


class Skill(Base):
    __tablename__ = "skills"
    __table_args__ = (
        # O*NET elements have an element ID; a partnership's competencies belong to it instead.
        sa.CheckConstraint(
            "(element_id IS NOT NULL) OR (partnership_id IS NOT NULL)", name="origin"
        ),
        sa.UniqueConstraint("partnership_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    element_id: Mapped[str | None] = mapped_column(sa.String(20), unique=True)
    kind: Mapped[SkillKind] = mapped_column(enum_type(SkillKind, "skill_kind"))
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str | None] = mapped_column(sa.Text)
    partnership_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )


class OccupationSkill(Base):
    """A national requirement on O*NET's scales: importance 1–5, level 0–7."""

    __tablename__ = "occupation_skills"
    __table_args__ = (
        sa.CheckConstraint("importance BETWEEN 1 AND 5", name="importance_range"),
        sa.CheckConstraint("level BETWEEN 0 AND 7", name="level_range"),
    )

    soc_code: Mapped[str] = mapped_column(
        sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        sa.ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    importance: Mapped[float] = mapped_column(sa.Float)
    level: Mapped[float] = mapped_column(sa.Float)
    # O*NET flags: the estimate is unreliable (Recommend Suppress), or raters judged the
    # skill not relevant at any level (Not Relevant on the LV scale).
    suppressed: Mapped[bool] = mapped_column(default=False)
    not_relevant: Mapped[bool] = mapped_column(default=False)

    skill: Mapped[Skill] = relationship()
