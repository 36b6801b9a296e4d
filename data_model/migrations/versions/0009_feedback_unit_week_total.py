"""each unit's week totals summed over its surveys and questions, per smallest week of the
privacy cells: week figures with no question chosen read a tenth of the rows (issue 13)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 05:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYS = "unit_id, year, month, week_start, scale_min, scale_max, cell_week_min_n"
SUMS = "n, score_sum, score_sq_sum, positive_n, promoters_n, detractors_n"
KNOWN = "score_sq_sum IS NULL, positive_n IS NULL, promoters_n IS NULL, detractors_n IS NULL"
FIGURES = [
    "scale_min",
    "scale_max",
    "n",
    "score_sum",
    "positive_n",
    "promoters_n",
    "detractors_n",
    "cell_week_min_n",
]


def upgrade() -> None:
    op.create_table(
        "feedback_unit_week_total",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("scale_min", sa.Integer(), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("score_sum", sa.Float(), nullable=False),
        sa.Column("score_sq_sum", sa.Float(), nullable=True),
        sa.Column("positive_n", sa.Integer(), nullable=True),
        sa.Column("promoters_n", sa.Integer(), nullable=True),
        sa.Column("detractors_n", sa.Integer(), nullable=True),
        sa.Column("cell_week_min_n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_feedback_unit_week_total_figures",
        "feedback_unit_week_total",
        ["week_start", "unit_id", "date", *FIGURES],
    )
    op.create_index(
        "ix_feedback_unit_week_total_unit_date", "feedback_unit_week_total", ["unit_id", "date"]
    )
    # Filled as data_model.feedback_cells does for the units and months a batch touches (plain
    # SQL, so this revision does not change when that module does).
    summed = ", ".join(f"SUM({s})" for s in SUMS.split(", "))
    op.execute(
        f"INSERT INTO feedback_unit_week_total ({KEYS}, date, {SUMS}) "
        f"SELECT {KEYS}, MIN(date), {summed} FROM feedback_week_total GROUP BY {KEYS}, {KNOWN}"
    )


def downgrade() -> None:
    op.drop_index("ix_feedback_unit_week_total_unit_date", table_name="feedback_unit_week_total")
    op.drop_index("ix_feedback_unit_week_total_figures", table_name="feedback_unit_week_total")
    op.drop_table("feedback_unit_week_total")
