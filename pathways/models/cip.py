"""CIP 2020 instructional programs and the NCES CIP ↔ SOC crosswalk."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, validates

from pathways.db import Base
from pathways.domain.codes import parse_cip


class CipCode(Base):
    """A CIP 2020 code at any level: family `NN`, series `NN.NN`, program `NN.NNNN`."""

    __tablename__ = "cip_codes"
    __table_args__ = (
        sa.CheckConstraint("length(code) IN (2, 5, 7)", name="code_format"),
        sa.CheckConstraint("level IN (2, 4, 6)", name="level_values"),
    )

    code: Mapped[str] = mapped_column(sa.String(7), primary_key=True)
    level: Mapped[int] = mapped_column(sa.SmallInteger)
    title: Mapped[str] = mapped_column(sa.String(250))
    definition: Mapped[str | None] = mapped_column(sa.Text)

    @validates("code")
    def _check_code(self, _key: str, value: str) -> str:
        return parse_cip(value, field="code")


class CipSocLink(Base):
    """NCES crosswalk: a program of study (CIP) that prepares for an occupation (SOC)."""

    __tablename__ = "cip_soc_links"

    cip_code: Mapped[str] = mapped_column(
        sa.ForeignKey("cip_codes.code", ondelete="CASCADE"), primary_key=True
    )
    soc_code: Mapped[str] = mapped_column(
        sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"), primary_key=True, index=True
    )
