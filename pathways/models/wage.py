"""OEWS areas and wage estimates: one row per occupation × area × vintage."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pathways.db import Base
from pathways.domain.vocabulary import AreaKind
from pathways.models.types import enum_type


class Area(Base):
    """An OEWS area: the nation (0000000), a state (FIPS + 00000) or a metro/nonmetro area."""

    __tablename__ = "areas"
    __table_args__ = (sa.CheckConstraint("length(code) = 7", name="code_format"),)

    code: Mapped[str] = mapped_column(sa.String(7), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(120))
    kind: Mapped[AreaKind] = mapped_column(enum_type(AreaKind, "area_kind"))
    state_fips: Mapped[str] = mapped_column(sa.String(2))


class Wage(Base):
    """OEWS cross-industry estimates for May of `vintage`. Amounts are US cents; a NULL amount
    has its BLS reason in `markers` ({"hourly_p90": "top_coded", ...}, see domain.wages)."""

    __tablename__ = "wages"
    __table_args__ = (
        sa.UniqueConstraint("soc_code", "area_code", "vintage"),
        sa.Index(None, "area_code", "vintage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    soc_code: Mapped[str] = mapped_column(sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"))
    area_code: Mapped[str] = mapped_column(sa.ForeignKey("areas.code"))
    vintage: Mapped[int] = mapped_column(sa.SmallInteger)
    employment: Mapped[int | None]
    employment_rse: Mapped[float | None] = mapped_column(sa.Float)  # relative standard error, %
    hourly_mean: Mapped[int | None]
    hourly_p10: Mapped[int | None]
    hourly_p25: Mapped[int | None]
    hourly_median: Mapped[int | None]
    hourly_p75: Mapped[int | None]
    hourly_p90: Mapped[int | None]
    annual_mean: Mapped[int | None]
    annual_p10: Mapped[int | None]
    annual_p25: Mapped[int | None]
    annual_median: Mapped[int | None]
    annual_p75: Mapped[int | None]
    annual_p90: Mapped[int | None]
    markers: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)

    area: Mapped[Area] = relationship()
