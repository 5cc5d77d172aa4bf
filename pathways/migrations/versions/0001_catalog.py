"""The catalog and every concept of SPEC §2: occupations, skills, wages, regions, credentials,
providers, programs, partnerships and pathways.

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
        "credentials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "ctdl_type",
            sa.Enum(
                "License",
                "Certification",
                "Certificate",
                "CertificateOfCompletion",
                "ApprenticeshipCertificate",
                "JourneymanCertificate",
                "Diploma",
                "AssociateDegree",
                "BachelorDegree",
                "MasterDegree",
                "DoctoralDegree",
                "Badge",
                name="credential_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("exam", sa.String(length=200), nullable=True),
        sa.Column("renewal", sa.String(length=200), nullable=True),
        sa.Column("typical_cost", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("typical_cost >= 0", name=op.f("ck_credentials_cost_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credentials")),
        sa.UniqueConstraint("name", "issuer", name=op.f("uq_credentials_name_issuer")),
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
        "partnerships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sector", sa.String(length=120), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("brand_name", sa.String(length=200), nullable=True),
        sa.Column("primary_color", sa.String(length=7), nullable=True),
        sa.Column("accent_color", sa.String(length=7), nullable=True),
        sa.Column("contact_line", sa.String(length=300), nullable=True),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_media_type", sa.String(length=40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"], ["regions.id"], name=op.f("fk_partnerships_region_id_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnerships")),
        sa.UniqueConstraint("slug", name=op.f("uq_partnerships_slug")),
    )
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partnerships_region_id"), ["region_id"], unique=False)

    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "high_school",
                "community_college",
                "university",
                "workforce_board",
                "employer",
                "apprenticeship_sponsor",
                "training_provider",
                name="provider_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("state", sa.String(length=2), nullable=True),
        sa.Column("postal_code", sa.String(length=10), nullable=True),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("contact_name", sa.String(length=200), nullable=True),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"], ["regions.id"], name=op.f("fk_providers_region_id_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_providers")),
    )
    with op.batch_alter_table("providers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_providers_region_id"), ["region_id"], unique=False)

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
        "critical_occupations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("priority", sa.SmallInteger(), nullable=False),
        sa.Column("annual_openings", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "annual_openings >= 0", name=op.f("ck_critical_occupations_openings_not_negative")
        ),
        sa.CheckConstraint("priority >= 1", name=op.f("ck_critical_occupations_priority_positive")),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_critical_occupations_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_critical_occupations_soc_code_occupations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_critical_occupations")),
        sa.UniqueConstraint(
            "partnership_id",
            "soc_code",
            name=op.f("uq_critical_occupations_partnership_id_soc_code"),
        ),
    )
    with op.batch_alter_table("critical_occupations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_critical_occupations_soc_code"), ["soc_code"], unique=False
        )

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
        "employer_wages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column(
            "pay_basis",
            sa.Enum(
                "hourly", "annual", name="pay_basis", native_enum=False, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column("entry", sa.Float(), nullable=True),
        sa.Column("median", sa.Float(), nullable=True),
        sa.Column("experienced", sa.Float(), nullable=True),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("employer_count", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "employer_count >= 1", name=op.f("ck_employer_wages_employer_count_positive")
        ),
        sa.CheckConstraint(
            "entry <= median AND median <= experienced",
            name=op.f("ck_employer_wages_levels_ordered"),
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_employer_wages_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_employer_wages_soc_code_occupations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_wages")),
    )
    with op.batch_alter_table("employer_wages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_employer_wages_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "occupation_credentials",
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("credential_id", sa.Integer(), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "required",
                "preferred",
                "add_on",
                name="credential_relation",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["credential_id"],
            ["credentials.id"],
            name=op.f("fk_occupation_credentials_credential_id_credentials"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_occupation_credentials_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "soc_code", "credential_id", name=op.f("pk_occupation_credentials")
        ),
    )
    with op.batch_alter_table("occupation_credentials", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_occupation_credentials_credential_id"), ["credential_id"], unique=False
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
        "partnership_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "employer",
                "education",
                "workforce_board",
                "economic_development",
                "community",
                "other",
                name="member_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_partnership_members_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership_members")),
        sa.UniqueConstraint(
            "partnership_id", "name", name=op.f("uq_partnership_members_partnership_id_name")
        ),
    )
    op.create_table(
        "pathways",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("number", sa.SmallInteger(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "published",
                "archived",
                name="pathway_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_pathways_number_positive")),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_pathways_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pathways")),
        sa.UniqueConstraint("slug", "number", name=op.f("uq_pathways_slug_number")),
    )
    with op.batch_alter_table("pathways", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pathways_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("cip_code", sa.String(length=7), nullable=False),
        sa.Column(
            "award_level",
            sa.Enum(
                "non_credit",
                "certificate",
                "diploma",
                "associate",
                "bachelor",
                "master",
                "apprenticeship",
                name="award_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("length_weeks", sa.Integer(), nullable=True),
        sa.Column("credit_hours", sa.Float(), nullable=True),
        sa.Column("cost", sa.Integer(), nullable=True),
        sa.Column(
            "modality",
            sa.Enum(
                "in_person",
                "online",
                "hybrid",
                name="modality",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("schedule", sa.String(length=200), nullable=True),
        sa.Column("seats_per_year", sa.Integer(), nullable=True),
        sa.Column("prerequisites", sa.Text(), nullable=True),
        sa.Column(
            "earn_while_you_learn",
            sa.Enum(
                "none",
                "apprenticeship",
                "employer_paid",
                name="earn_while_you_learn",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "planned",
                "suspended",
                "discontinued",
                name="program_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("next_start", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("cost >= 0", name=op.f("ck_programs_cost_not_negative")),
        sa.CheckConstraint("credit_hours >= 0", name=op.f("ck_programs_credit_hours_not_negative")),
        sa.CheckConstraint("length_weeks > 0", name=op.f("ck_programs_length_positive")),
        sa.CheckConstraint("seats_per_year >= 0", name=op.f("ck_programs_seats_not_negative")),
        sa.ForeignKeyConstraint(
            ["cip_code"], ["cip_codes.code"], name=op.f("fk_programs_cip_code_cip_codes")
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_programs_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
    )
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programs_cip_code"), ["cip_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_programs_provider_id"), ["provider_id"], unique=False)

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
        "skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("element_id", sa.String(length=20), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "skill",
                "knowledge",
                "competency",
                name="skill_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("partnership_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(element_id IS NOT NULL) OR (partnership_id IS NOT NULL)",
            name=op.f("ck_skills_origin"),
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_skills_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
        sa.UniqueConstraint("element_id", name=op.f("uq_skills_element_id")),
        sa.UniqueConstraint("partnership_id", "name", name=op.f("uq_skills_partnership_id_name")),
    )
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_skills_partnership_id"), ["partnership_id"], unique=False
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

    op.create_table(
        "occupation_skills",
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("importance", sa.Float(), nullable=False),
        sa.Column("level", sa.Float(), nullable=False),
        sa.Column("suppressed", sa.Boolean(), nullable=False),
        sa.Column("not_relevant", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "importance BETWEEN 1 AND 5", name=op.f("ck_occupation_skills_importance_range")
        ),
        sa.CheckConstraint("level BETWEEN 0 AND 7", name=op.f("ck_occupation_skills_level_range")),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_occupation_skills_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_occupation_skills_soc_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("soc_code", "skill_id", name=op.f("pk_occupation_skills")),
    )
    with op.batch_alter_table("occupation_skills", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_occupation_skills_skill_id"), ["skill_id"], unique=False
        )

    op.create_table(
        "pathway_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pathway_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("stage", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint("stage >= 1", name=op.f("ck_pathway_steps_stage_positive")),
        sa.ForeignKeyConstraint(
            ["pathway_id"],
            ["pathways.id"],
            name=op.f("fk_pathway_steps_pathway_id_pathways"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_pathway_steps_soc_code_occupations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pathway_steps")),
        sa.UniqueConstraint("pathway_id", "key", name=op.f("uq_pathway_steps_pathway_id_key")),
    )
    with op.batch_alter_table("pathway_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pathway_steps_soc_code"), ["soc_code"], unique=False)

    op.create_table(
        "program_credentials",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("credential_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["credential_id"],
            ["credentials.id"],
            name=op.f("fk_program_credentials_credential_id_credentials"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_credentials_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("program_id", "credential_id", name=op.f("pk_program_credentials")),
    )
    with op.batch_alter_table("program_credentials", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_program_credentials_credential_id"), ["credential_id"], unique=False
        )

    op.create_table(
        "program_skills",
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Float(), nullable=False),
        sa.CheckConstraint("level BETWEEN 0 AND 7", name=op.f("ck_program_skills_level_range")),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_skills_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_program_skills_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("program_id", "skill_id", name=op.f("pk_program_skills")),
    )
    with op.batch_alter_table("program_skills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_skills_skill_id"), ["skill_id"], unique=False)

    op.create_table(
        "requirement_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("soc_code", sa.String(length=7), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "add",
                "drop",
                "reweight",
                name="requirement_action",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("skill_id", sa.Integer(), nullable=True),
        sa.Column("credential_id", sa.Integer(), nullable=True),
        sa.Column("importance", sa.Float(), nullable=True),
        sa.Column("level", sa.Float(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(skill_id IS NULL) <> (credential_id IS NULL)",
            name=op.f("ck_requirement_overrides_skill_or_credential"),
        ),
        sa.CheckConstraint(
            "importance BETWEEN 1 AND 5", name=op.f("ck_requirement_overrides_importance_range")
        ),
        sa.CheckConstraint(
            "level BETWEEN 0 AND 7", name=op.f("ck_requirement_overrides_level_range")
        ),
        sa.ForeignKeyConstraint(
            ["credential_id"],
            ["credentials.id"],
            name=op.f("fk_requirement_overrides_credential_id_credentials"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_requirement_overrides_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_requirement_overrides_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["soc_code"],
            ["occupations.soc_code"],
            name=op.f("fk_requirement_overrides_soc_code_occupations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requirement_overrides")),
        sa.UniqueConstraint(
            "partnership_id",
            "soc_code",
            "skill_id",
            "credential_id",
            name=op.f("uq_requirement_overrides_partnership_id_soc_code_skill_id_credential_id"),
        ),
    )
    op.create_table(
        "transitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pathway_id", sa.Integer(), nullable=False),
        sa.Column("from_step_id", sa.Integer(), nullable=False),
        sa.Column("to_step_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "advance",
                "lateral",
                "add_on",
                name="transition_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("months_experience", sa.Integer(), nullable=False),
        sa.Column("months_training", sa.Integer(), nullable=False),
        sa.Column("cost", sa.Integer(), nullable=False),
        sa.Column("earn_while_you_learn", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint("cost >= 0", name=op.f("ck_transitions_cost_not_negative")),
        sa.CheckConstraint("from_step_id <> to_step_id", name=op.f("ck_transitions_not_self")),
        sa.CheckConstraint(
            "months_experience >= 0", name=op.f("ck_transitions_experience_not_negative")
        ),
        sa.CheckConstraint(
            "months_training >= 0", name=op.f("ck_transitions_training_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["from_step_id"],
            ["pathway_steps.id"],
            name=op.f("fk_transitions_from_step_id_pathway_steps"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pathway_id"],
            ["pathways.id"],
            name=op.f("fk_transitions_pathway_id_pathways"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_step_id"],
            ["pathway_steps.id"],
            name=op.f("fk_transitions_to_step_id_pathway_steps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transitions")),
        sa.UniqueConstraint(
            "from_step_id", "to_step_id", name=op.f("uq_transitions_from_step_id_to_step_id")
        ),
    )
    with op.batch_alter_table("transitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transitions_pathway_id"), ["pathway_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_transitions_to_step_id"), ["to_step_id"], unique=False)

    op.create_table(
        "transition_credentials",
        sa.Column("transition_id", sa.Integer(), nullable=False),
        sa.Column("credential_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["credential_id"],
            ["credentials.id"],
            name=op.f("fk_transition_credentials_credential_id_credentials"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["transition_id"],
            ["transitions.id"],
            name=op.f("fk_transition_credentials_transition_id_transitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "transition_id", "credential_id", name=op.f("pk_transition_credentials")
        ),
    )
    with op.batch_alter_table("transition_credentials", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_transition_credentials_credential_id"), ["credential_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("transition_credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transition_credentials_credential_id"))

    op.drop_table("transition_credentials")
    with op.batch_alter_table("transitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transitions_to_step_id"))
        batch_op.drop_index(batch_op.f("ix_transitions_pathway_id"))

    op.drop_table("transitions")
    op.drop_table("requirement_overrides")
    with op.batch_alter_table("program_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_skills_skill_id"))

    op.drop_table("program_skills")
    with op.batch_alter_table("program_credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_credentials_credential_id"))

    op.drop_table("program_credentials")
    with op.batch_alter_table("pathway_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pathway_steps_soc_code"))

    op.drop_table("pathway_steps")
    with op.batch_alter_table("occupation_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupation_skills_skill_id"))

    op.drop_table("occupation_skills")
    with op.batch_alter_table("wages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wages_area_code_vintage"))

    op.drop_table("wages")
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skills_partnership_id"))

    op.drop_table("skills")
    with op.batch_alter_table("related_occupations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_related_occupations_related_soc_code"))

    op.drop_table("related_occupations")
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programs_provider_id"))
        batch_op.drop_index(batch_op.f("ix_programs_cip_code"))

    op.drop_table("programs")
    with op.batch_alter_table("pathways", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pathways_partnership_id"))

    op.drop_table("pathways")
    op.drop_table("partnership_members")
    op.drop_table("outlooks")
    with op.batch_alter_table("occupation_credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupation_credentials_credential_id"))

    op.drop_table("occupation_credentials")
    with op.batch_alter_table("employer_wages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employer_wages_partnership_id"))

    op.drop_table("employer_wages")
    op.drop_table("education_ratings")
    with op.batch_alter_table("critical_occupations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_critical_occupations_soc_code"))

    op.drop_table("critical_occupations")
    with op.batch_alter_table("cip_soc_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cip_soc_links_soc_code"))

    op.drop_table("cip_soc_links")
    with op.batch_alter_table("alternate_titles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alternate_titles_soc_code"))

    op.drop_table("alternate_titles")
    op.drop_table("region_areas")
    with op.batch_alter_table("providers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_providers_region_id"))

    op.drop_table("providers")
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnerships_region_id"))

    op.drop_table("partnerships")
    op.drop_table("occupations")
    op.drop_table("regions")
    op.drop_table("job_zones")
    with op.batch_alter_table("import_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_runs_source_vintage"))

    op.drop_table("import_runs")
    op.drop_table("education_categories")
    op.drop_table("credentials")
    op.drop_table("cip_codes")
    op.drop_table("areas")
