"""The national catalog of occupations: SOC 2018 codes with O*NET and BLS facts about each."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from pathways.db import Base
from pathways.domain.codes import parse_soc
from pathways.models.types import code_format


class JobZone(Base):
    """O*NET job zones 1–5: how much preparation an occupation needs."""

    __tablename__ = "job_zones"
    __table_args__ = (sa.CheckConstraint("zone BETWEEN 1 AND 5", name="zone_range"),)

    zone: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(sa.String(120))
    experience: Mapped[str] = mapped_column(sa.Text)
    education: Mapped[str] = mapped_column(sa.Text)
    training: Mapped[str] = mapped_column(sa.Text)
    examples: Mapped[str] = mapped_column(sa.Text)


class Occupation(Base):
    """A SOC 2018 detailed occupation. `onet_code` is the O*NET-SOC code its ratings come from."""

    __tablename__ = "occupations"
    __table_args__ = (
        code_format("soc_code", 7, 3, "-"),
        sa.CheckConstraint("job_zone BETWEEN 1 AND 5", name="job_zone_range"),
    )

    soc_code: Mapped[str] = mapped_column(sa.String(7), primary_key=True)
    onet_code: Mapped[str | None] = mapped_column(sa.String(10))
    title: Mapped[str] = mapped_column(sa.String(200))
    # Search forms (domain.search.search_text) of the title and of all alternate titles joined
    # by "|": one scan of the occupations finds matches in either, on any database.
    search_text: Mapped[str] = mapped_column(sa.String(210))
    alternate_search_text: Mapped[str] = mapped_column(sa.Text, default="")
    description: Mapped[str | None] = mapped_column(sa.Text)
    job_zone: Mapped[int | None] = mapped_column(sa.ForeignKey("job_zones.zone"))

    alternate_titles: Mapped[list[AlternateTitle]] = relationship(
        back_populates="occupation", cascade="all, delete-orphan", passive_deletes=True
    )

    @validates("soc_code")
    def _check_soc(self, _key: str, value: str) -> str:
        return parse_soc(value, field="soc_code")


class AlternateTitle(Base):
    """A job title people search by (O*NET alternate titles and O*NET specialty titles)."""

    __tablename__ = "alternate_titles"
    __table_args__ = (sa.UniqueConstraint("soc_code", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    soc_code: Mapped[str] = mapped_column(
        sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(250))
    search_text: Mapped[str] = mapped_column(sa.String(260))
    short_title: Mapped[str | None] = mapped_column(sa.String(120))

    occupation: Mapped[Occupation] = relationship(back_populates="alternate_titles")


class RelatedOccupation(Base):
    """O*NET related occupations, tiered (Primary-Short is the closest) and ranked by `rank`."""

    __tablename__ = "related_occupations"
    __table_args__ = (sa.CheckConstraint("soc_code <> related_soc_code", name="not_self"),)

    soc_code: Mapped[str] = mapped_column(
        sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"), primary_key=True
    )
    related_soc_code: Mapped[str] = mapped_column(
        sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"), primary_key=True, index=True
    )
    tier: Mapped[str] = mapped_column(sa.String(20))
    rank: Mapped[int] = mapped_column(sa.SmallInteger)


class EducationCategory(Base):
    """Labels for O*NET's education, training and experience categories (RL 3 = certificate)."""

    __tablename__ = "education_categories"

    scale: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    category: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True, autoincrement=False)
    label: Mapped[str] = mapped_column(sa.String(120))  # "Post-Secondary Certificate"
    description: Mapped[str | None] = mapped_column(sa.Text)  # O*NET's explanation, if any


class EducationRating(Base):
    """Share of workers (percent) in each O*NET category of education (RL), related work
    experience (RW), on-site training (PT) and on-the-job training (OJ)."""

    __tablename__ = "education_ratings"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["scale", "category"], ["education_categories.scale", "education_categories.category"]
        ),
        sa.CheckConstraint("percent BETWEEN 0 AND 100", name="percent_range"),
    )

    soc_code: Mapped[str] = mapped_column(
        sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"), primary_key=True
    )
    scale: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    category: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True, autoincrement=False)
    percent: Mapped[float] = mapped_column(sa.Float)


class Outlook(Base):
    """BLS Employment Projections for one occupation and projection period.

    `reported_soc` is the code BLS published the figures under: a broad group such as 29-2010
    when BLS does not project the detailed occupation separately.
    """

    __tablename__ = "outlooks"
    __table_args__ = (sa.UniqueConstraint("soc_code", "base_year", "target_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    soc_code: Mapped[str] = mapped_column(sa.ForeignKey("occupations.soc_code", ondelete="CASCADE"))
    base_year: Mapped[int] = mapped_column(sa.SmallInteger)
    target_year: Mapped[int] = mapped_column(sa.SmallInteger)
    reported_soc: Mapped[str] = mapped_column(sa.String(7))
    reported_title: Mapped[str] = mapped_column(sa.String(250))
    employment_base: Mapped[int | None]
    employment_target: Mapped[int | None]
    change_percent: Mapped[float | None] = mapped_column(sa.Float)
    annual_openings: Mapped[int | None]
    self_employed_percent: Mapped[float | None] = mapped_column(sa.Float)
    median_annual_wage: Mapped[int | None]  # dollars, OEWS May of base_year
    # BLS writes ">=$239,200" for a median at or above the OEWS top code.
    median_wage_top_coded: Mapped[bool] = mapped_column(default=False)
    typical_education: Mapped[str | None] = mapped_column(sa.String(80))
    work_experience: Mapped[str | None] = mapped_column(sa.String(80))
    on_the_job_training: Mapped[str | None] = mapped_column(sa.String(80))
