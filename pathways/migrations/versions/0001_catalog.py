"""The national catalog: occupations, their titles, relations, education and outlook; OEWS
areas and wages; CIP codes and the crosswalk; regions; the record of imports.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "areas",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "national",
                "state",
                "metro",
                "nonmetro",
                name="area_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("state_fips", sa.String(length=2), nullable=False),
        sa.CheckConstraint("length(code) = 7", name=op.f("ck_areas_code_format")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_areas")),
    )
    op.create_table(
        "cip_codes",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("title", sa.String(length=250), nullable=False),
        sa.Column("definition", sa.Text(), nullable=True),
        sa.CheckConstraint("length(code) IN (2, 5, 7)", name=op.f("ck_cip_codes_code_format")),
        sa.CheckConstraint("level IN (2, 4, 6)", name=op.f("ck_cip_codes_level_values")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_cip_codes")),
    )
    op.create_table(
        "education_categories",
        sa.Column("scale", sa.String(length=2), nullable=False),
        sa.Column("category", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("scale", "category", name=op.f("pk_education_categories")),
    )
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("vintage", sa.String(length=20), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("rows_written", sa.Integer(), nullable=False),
        sa.Column("rows_skipped", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
    )
    with op.batch_alter_table("import_runs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_runs_source_vintage"), ["source", "vintage"], unique=False
        )

    op.create_table(
        "job_zones",
        sa.Column("zone", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("experience", sa.Text(), nullable=False),
        sa.Column("education", sa.Text(), nullable=False),
        sa.Column("training", sa.Text(), nullable=False),
        sa.Column("examples", sa.Text(), nullable=False),
        sa.CheckConstraint("zone BETWEEN 1 AND 5", name=op.f("ck_job_zones_zone_range")),
        sa.PrimaryKeyConstraint("zone", name=op.f("pk_job_zones")),
    )
    op.create_table(
        "regions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regions")),
        sa.UniqueConstraint("slug", name=op.f("uq_regions_slug")),
    )
    op.create_table(
        "occupations",
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("onet_code", sa.String(length=10), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("search_text", sa.String(length=210), nullable=False),
        sa.Column("alternate_search_text", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("job_zone", sa.SmallInteger(), nullable=True),
        sa.CheckConstraint(
            "length(soc_code) = 7 AND substr(soc_code, 3, 1) = '-'",
            name=op.f("ck_occupations_soc_code_format"),
        ),
        sa.CheckConstraint("job_zone BETWEEN 1 AND 5", name=op.f("ck_occupations_job_zone_range")),
        sa.ForeignKeyConstraint(
            ["job_zone"], ["job_zones.zone"], name=op.f("fk_occupations_job_zone_job_zones")
        ),
        sa.PrimaryKeyConstraint("soc_code", name=op.f("pk_occupations")),
    )
    op.create_table(
        "region_areas",
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("area_code", sa.String(length=7), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_code"], ["areas.code"], name=op.f("fk_region_areas_area_code_areas")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["regions.id"],
            name=op.f("fk_region_areas_region_id_regions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("region_id", "area_code", name=op.f("pk_region_areas")),
        sa.UniqueConstraint(
            "region_id", "position", name=op.f("uq_region_areas_region_id_position")
        ),
    )
    op.create_table(
        "alternate_titles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("title", sa.String(length=250), nullable=False),
        sa.Column("search_text", sa.String(length=260), nullable=False),
        sa.Column("short_title", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_alternate_titles_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alternate_titles")),
        sa.UniqueConstraint("soc_code", "title", name=op.f("uq_alternate_titles_soc_code_title")),
    )
    with op.batch_alter_table("alternate_titles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alternate_titles_soc_code"), ["soc_code"], unique=False
        )

    op.create_table(
        "cip_soc_links",
        sa.Column("cip_code", sa.String(length=7), nullable=False),
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(
            ["cip_code"],
            ["cip_codes.code"],
            name=op.f("fk_cip_soc_links_cip_code_cip_codes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_cip_soc_links_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cip_code", "soc_code", name=op.f("pk_cip_soc_links")),
    )
    with op.batch_alter_table("cip_soc_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cip_soc_links_soc_code"), ["soc_code"], unique=False)

    op.create_table(
        "education_ratings",
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("scale", sa.String(length=2), nullable=False),
        sa.Column("category", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
        sa.CheckConstraint(
            "percent BETWEEN 0 AND 100", name=op.f("ck_education_ratings_percent_range")
        ),
        sa.ForeignKeyConstraint(
            ["scale", "category"],
            ["education_categories.scale", "education_categories.category"],
            name=op.f("fk_education_ratings_scale_education_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_education_ratings_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("soc_code", "scale", "category", name=op.f("pk_education_ratings")),
    )
    op.create_table(
        "outlooks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("base_year", sa.SmallInteger(), nullable=False),
        sa.Column("target_year", sa.SmallInteger(), nullable=False),
        sa.Column("reported_soc", sa.String(length=7), nullable=False),
        sa.Column("reported_title", sa.String(length=250), nullable=False),
        sa.Column("employment_base", sa.Integer(), nullable=True),
        sa.Column("employment_target", sa.Integer(), nullable=True),
        sa.Column("change_percent", sa.Float(), nullable=True),
        sa.Column("annual_openings", sa.Integer(), nullable=True),
        sa.Column("self_employed_percent", sa.Float(), nullable=True),
        sa.Column("median_annual_wage", sa.Integer(), nullable=True),
        sa.Column("median_wage_top_coded", sa.Boolean(), nullable=False),
        sa.Column("typical_education", sa.String(length=80), nullable=True),
        sa.Column("work_experience", sa.String(length=80), nullable=True),
        sa.Column("on_the_job_training", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_outlooks_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlooks")),
        sa.UniqueConstraint(
            "soc_code",
            "base_year",
            "target_year",
            name=op.f("uq_outlooks_soc_code_base_year_target_year"),
        ),
    )
    op.create_table(
        "related_occupations",
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("related_soc_code", sa.String(length=7), nullable=False),
        sa.Column("tier", sa.String(length=20), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint(
            "soc_code <> related_soc_code", name=op.f("ck_related_occupations_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["related_soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_related_occupations_related_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_related_occupations_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "soc_code", "related_soc_code", name=op.f("pk_related_occupations")
        ),
    )
    with op.batch_alter_table("related_occupations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_related_occupations_related_soc_code"),
            ["related_soc_code"],
            unique=False,
        )

    op.create_table(
        "wages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("area_code", sa.String(length=7), nullable=False),
        sa.Column("vintage", sa.SmallInteger(), nullable=False),
        sa.Column("employment", sa.Integer(), nullable=True),
        sa.Column("employment_rse", sa.Float(), nullable=True),
        sa.Column("hourly_mean", sa.Float(), nullable=True),
        sa.Column("hourly_p10", sa.Float(), nullable=True),
        sa.Column("hourly_p25", sa.Float(), nullable=True),
        sa.Column("hourly_median", sa.Float(), nullable=True),
        sa.Column("hourly_p75", sa.Float(), nullable=True),
        sa.Column("hourly_p90", sa.Float(), nullable=True),
        sa.Column("annual_mean", sa.Float(), nullable=True),
        sa.Column("annual_p10", sa.Float(), nullable=True),
        sa.Column("annual_p25", sa.Float(), nullable=True),
        sa.Column("annual_median", sa.Float(), nullable=True),
        sa.Column("annual_p75", sa.Float(), nullable=True),
        sa.Column("annual_p90", sa.Float(), nullable=True),
        sa.Column("markers", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["area_code"], ["areas.code"], name=op.f("fk_wages_area_code_areas")
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_wages_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wages")),
        sa.UniqueConstraint(
            "soc_code", "area_code", "vintage", name=op.f("uq_wages_soc_code_area_code_vintage")
        ),
    )
    with op.batch_alter_table("wages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wages_area_code_vintage"), ["area_code", "vintage"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("wages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wages_area_code_vintage"))

    op.drop_table("wages")
    with op.batch_alter_table("related_occupations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_related_occupations_related_soc_code"))

    op.drop_table("related_occupations")
    op.drop_table("outlooks")
    op.drop_table("education_ratings")
    with op.batch_alter_table("cip_soc_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cip_soc_links_soc_code"))

    op.drop_table("cip_soc_links")
    with op.batch_alter_table("alternate_titles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alternate_titles_soc_code"))

    op.drop_table("alternate_titles")
    op.drop_table("region_areas")
    op.drop_table("occupations")
    op.drop_table("regions")
    op.drop_table("job_zones")
    with op.batch_alter_table("import_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_runs_source_vintage"))

    op.drop_table("import_runs")
    op.drop_table("education_categories")
    op.drop_table("cip_codes")
    op.drop_table("areas")
