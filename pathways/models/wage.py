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
    """OEWS cross-industry estimates for May of `vintage`, in US dollars as published; a NULL
    amount has its BLS reason in `markers` ({"hourly_p90": "top_coded", ...}, domain.wages)."""

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
    hourly_mean: Mapped[float | None] = mapped_column(sa.Float)
    hourly_p10: Mapped[float | None] = mapped_column(sa.Float)
    hourly_p25: Mapped[float | None] = mapped_column(sa.Float)
    hourly_median: Mapped[float | None] = mapped_column(sa.Float)
    hourly_p75: Mapped[float | None] = mapped_column(sa.Float)
    hourly_p90: Mapped[float | None] = mapped_column(sa.Float)
    annual_mean: Mapped[float | None] = mapped_column(sa.Float)
    annual_p10: Mapped[float | None] = mapped_column(sa.Float)
    annual_p25: Mapped[float | None] = mapped_column(sa.Float)
    annual_median: Mapped[float | None] = mapped_column(sa.Float)
    annual_p75: Mapped[float | None] = mapped_column(sa.Float)
    annual_p90: Mapped[float | None] = mapped_column(sa.Float)
    markers: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)

    area: Mapped[Area] = relationship()
