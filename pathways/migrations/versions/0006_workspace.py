"""Partnership workspace: why a regional requirement differs (notes), a credential override's
relation (required / preferred / add-on) and a key that truly keeps one override per skill
or credential; where a credential's facts are published, and room for its exam and renewal
rules.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("credentials", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=500), nullable=True))
        # Exam and renewal rules are sentences, not names.
        batch_op.alter_column("exam", type_=sa.Text(), existing_type=sa.String(length=200))
        batch_op.alter_column("renewal", type_=sa.Text(), existing_type=sa.String(length=200))

    with op.batch_alter_table("requirement_overrides", schema=None) as batch_op:
        batch_op.add_column(sa.Column("relation", sa.String(length=9), nullable=True))
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_requirement_overrides_credential_relation"),
            "relation IN ('required', 'preferred', 'add_on')",
        )
        # The old key included both skill_id and credential_id, one of which is always NULL,
        # so it never refused a duplicate: one partial unique index for each kind instead.
        batch_op.drop_constraint(
            op.f("uq_requirement_overrides_partnership_id_soc_code_skill_id_credential_id"),
            type_="unique",
        )
    for kind in ("skill", "credential"):
        op.create_index(
            f"uq_requirement_overrides_{kind}",
            "requirement_overrides",
            ["partnership_id", "soc_code", f"{kind}_id"],
            unique=True,
            sqlite_where=sa.text(f"{kind}_id IS NOT NULL"),
            postgresql_where=sa.text(f"{kind}_id IS NOT NULL"),
        )


def downgrade() -> None:
    for kind in ("skill", "credential"):
        op.drop_index(f"uq_requirement_overrides_{kind}", table_name="requirement_overrides")
    with op.batch_alter_table("requirement_overrides", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            op.f("uq_requirement_overrides_partnership_id_soc_code_skill_id_credential_id"),
            ["partnership_id", "soc_code", "skill_id", "credential_id"],
        )
        batch_op.drop_constraint(
            op.f("ck_requirement_overrides_credential_relation"), type_="check"
        )
        batch_op.drop_column("notes")
        batch_op.drop_column("relation")

    with op.batch_alter_table("credentials", schema=None) as batch_op:
        batch_op.alter_column("renewal", type_=sa.String(length=200), existing_type=sa.Text())
        batch_op.alter_column("exam", type_=sa.String(length=200), existing_type=sa.Text())
        batch_op.drop_column("source")
