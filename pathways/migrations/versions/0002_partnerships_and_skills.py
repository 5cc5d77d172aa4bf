"""Sector partnerships (members, critical occupations, employer-reported wages) and skills:
O*NET's elements, partnerships' own competencies, and what each occupation requires.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
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


def downgrade() -> None:
    with op.batch_alter_table("occupation_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupation_skills_skill_id"))

    op.drop_table("occupation_skills")
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skills_partnership_id"))

    op.drop_table("skills")
    op.drop_table("partnership_members")
    with op.batch_alter_table("employer_wages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employer_wages_partnership_id"))

    op.drop_table("employer_wages")
    with op.batch_alter_table("critical_occupations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_critical_occupations_soc_code"))

    op.drop_table("critical_occupations")
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnerships_region_id"))

    op.drop_table("partnerships")
