"""Credentials (CTDL types) and what occupations require; providers and their programs;
partnerships' regional overrides of what an occupation requires.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
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


def downgrade() -> None:
    op.drop_table("requirement_overrides")
    with op.batch_alter_table("program_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_skills_skill_id"))

    op.drop_table("program_skills")
    with op.batch_alter_table("program_credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_credentials_credential_id"))

    op.drop_table("program_credentials")
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programs_provider_id"))
        batch_op.drop_index(batch_op.f("ix_programs_cip_code"))

    op.drop_table("programs")
    with op.batch_alter_table("occupation_credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupation_credentials_credential_id"))

    op.drop_table("occupation_credentials")
    with op.batch_alter_table("providers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_providers_region_id"))

    op.drop_table("providers")
    op.drop_table("credentials")
