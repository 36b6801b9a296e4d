"""the day totals of every unit together, per smallest day of the privacy cells: the
organisation's day figures read a fortieth of the rows (issue 13)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 04:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYS = "date, year, month, week_start, survey, question, scale_min, scale_max, cell_day_min_n"
SUMS = "n, score_sum, score_sq_sum, positive_n, promoters_n, detractors_n"
KNOWN = "score_sq_sum IS NULL, positive_n IS NULL, promoters_n IS NULL, detractors_n IS NULL"


def upgrade() -> None:
    op.create_table(
        "feedback_org_day_total",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("survey", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("question", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("scale_min", sa.Integer(), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("score_sum", sa.Float(), nullable=False),
        sa.Column("score_sq_sum", sa.Float(), nullable=True),
        sa.Column("positive_n", sa.Integer(), nullable=True),
        sa.Column("promoters_n", sa.Integer(), nullable=True),
        sa.Column("detractors_n", sa.Integer(), nullable=True),
        sa.Column("cell_day_min_n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_feedback_org_day_total_figures",
        "feedback_org_day_total",
        [
            "date",
            "scale_min",
            "scale_max",
            "n",
            "score_sum",
            "positive_n",
            "promoters_n",
            "detractors_n",
            "cell_day_min_n",
        ],
    )
    # Filled as data_model.feedback_cells does for the months a batch touches (plain SQL, so
    # this revision does not change when that module does).
    summed = ", ".join(f"SUM({s})" for s in SUMS.split(", "))
    op.execute(
        f"INSERT INTO feedback_org_day_total ({KEYS}, {SUMS}) "
        f"SELECT {KEYS}, {summed} FROM feedback_day_total GROUP BY {KEYS}, {KNOWN}"
    )


def downgrade() -> None:
    op.drop_index("ix_feedback_org_day_total_figures", table_name="feedback_org_day_total")
    op.drop_table("feedback_org_day_total")
