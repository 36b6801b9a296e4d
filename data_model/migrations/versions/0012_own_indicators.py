"""the organisation's own indicators: their definitions and their values per unit and month

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(length: int | None = None):
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "own_indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", _text(64), nullable=False),
        sa.Column("name_fi", _text(255), nullable=False),
        sa.Column("name_sv", _text(255), nullable=False),
        sa.Column("name_en", _text(255), nullable=False),
        sa.Column("name_key", _text(255), nullable=False),
        sa.Column("description_fi", _text(), nullable=False),
        sa.Column("description_sv", _text(), nullable=False),
        sa.Column("description_en", _text(), nullable=False),
        sa.Column("measure", _text(8), nullable=False),
        sa.Column("better", _text(8), nullable=False),
        sa.Column("aggregate", _text(16), nullable=False),
        sa.Column("per_year", sa.Boolean(), nullable=False),
        sa.Column("decimals", sa.Integer(), nullable=False),
        sa.Column("scorecard", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("personal", sa.Boolean(), nullable=False),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("formula", _text(64), nullable=True),
        sa.Column("preset", _text(32), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "own_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("numerator", sa.Float(), nullable=True),
        sa.Column("denominator", sa.Float(), nullable=True),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"]),
        sa.ForeignKeyConstraint(["indicator_id"], ["own_indicator.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("own_value", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_own_value_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            "ix_own_value_indicator_unit_month",
            ["indicator_id", "unit_id", "month"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("own_value", schema=None) as batch_op:
        batch_op.drop_index("ix_own_value_indicator_unit_month")
        batch_op.drop_index(batch_op.f("ix_own_value_batch_id"))
    op.drop_table("own_value")
    op.drop_table("own_indicator")
