"""source profiles; workforce headcount may be missing (absence logs)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("header_signature", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("headers", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("mapping", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("source_profile", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_profile_header_signature"), ["header_signature"], unique=False
        )
    with op.batch_alter_table("workforce_month", schema=None) as batch_op:
        batch_op.alter_column("headcount", existing_type=sa.Float(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM workforce_month WHERE headcount IS NULL")
    with op.batch_alter_table("workforce_month", schema=None) as batch_op:
        batch_op.alter_column("headcount", existing_type=sa.Float(), nullable=False)
    with op.batch_alter_table("source_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_profile_header_signature"))
    op.drop_table("source_profile")
