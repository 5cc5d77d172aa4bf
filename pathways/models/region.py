"""Labor-market regions named by partnerships, mapped to the OEWS areas their wages come from."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pathways.db import Base
from pathways.models.wage import Area


class Region(Base):
    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str | None] = mapped_column(sa.Text)
    version: Mapped[int] = mapped_column(default=1)

    areas: Mapped[list[RegionArea]] = relationship(
        order_by="RegionArea.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}


class RegionArea(Base):
    """One OEWS area of a region; wages are looked up in `position` order, then each area's
    state, then the nation."""

    __tablename__ = "region_areas"
    __table_args__ = (sa.UniqueConstraint("region_id", "position"),)

    region_id: Mapped[int] = mapped_column(
        sa.ForeignKey("regions.id", ondelete="CASCADE"), primary_key=True
    )
    area_code: Mapped[str] = mapped_column(sa.ForeignKey("areas.code"), primary_key=True)
    position: Mapped[int] = mapped_column(sa.SmallInteger)

    area: Mapped[Area] = relationship()
