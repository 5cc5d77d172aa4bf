"""Career pathways: versions, steps (occupations on stages) and the transitions between them,
with the credentials each transition earns.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
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
    with op.batch_alter_table("pathway_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pathway_steps_soc_code"))

    op.drop_table("pathway_steps")
    with op.batch_alter_table("pathways", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pathways_partnership_id"))

    op.drop_table("pathways")
