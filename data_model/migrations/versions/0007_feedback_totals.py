"""monthly and weekly feedback totals over every batch, and the privacy cells' figures carried
on the rows, so figures read fewer rows and need no join (issue 13)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 18:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYS = "unit_id, year, month, survey, question, scale_min, scale_max"
SUMS = "n, score_sum, score_sq_sum, positive_n, promoters_n, detractors_n"


def _same_cell(table: str) -> str:
    same = " AND ".join(f"c.{k} = {table}.{k}" for k in KEYS.split(", "))
    return f"{same} AND c.detailed = ({table}.positive_n IS NOT NULL)"


def upgrade() -> None:
    op.create_table(
        "feedback_month_total",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
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
        sa.Column("cell_n", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_feedback_month_total_figures",
        "feedback_month_total",
        ["date", "year", "month", "unit_id", "scale_min", "scale_max", "n", "score_sum",
         "positive_n", "promoters_n", "detractors_n", "cell_n"],
    )  # fmt: skip
    op.create_index(
        "ix_feedback_month_total_unit_date", "feedback_month_total", ["unit_id", "date"]
    )
    op.create_table(
        "feedback_week_total",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
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
        sa.Column("cell_n", sa.Integer(), server_default="0", nullable=False),
        sa.Column("cell_week_min_n", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_feedback_week_total_figures",
        "feedback_week_total",
        ["date", "week_start", "unit_id", "scale_min", "scale_max", "n", "score_sum",
         "positive_n", "promoters_n", "detractors_n", "cell_n", "cell_week_min_n"],
    )  # fmt: skip
    op.create_index("ix_feedback_week_total_unit_date", "feedback_week_total", ["unit_id", "date"])
    for name in ("cell_n", "cell_week_min_n", "cell_day_min_n"):
        op.add_column(
            "feedback_score",
            sa.Column(name, sa.Integer(), server_default="0", nullable=False),
        )
    # Fill both as data_model.feedback_cells does per batch (plain SQL, so this revision does
    # not change when that module does). A row without a cell (zero answers) keeps 0.
    op.execute(
        f"INSERT INTO feedback_month_total ({KEYS}, date, {SUMS}) "
        f"SELECT {KEYS}, MIN(date), SUM(n), SUM(score_sum), SUM(score_sq_sum), SUM(positive_n), "
        "SUM(promoters_n), SUM(detractors_n) FROM feedback_month "
        f"GROUP BY {KEYS}, score_sq_sum IS NULL, positive_n IS NULL, promoters_n IS NULL, "
        "detractors_n IS NULL"
    )
    op.execute(
        f"INSERT INTO feedback_week_total ({KEYS}, week_start, date, {SUMS}) "
        f"SELECT {KEYS}, week_start, MIN(date), SUM(n), SUM(score_sum), SUM(score_sq_sum), "
        "SUM(positive_n), SUM(promoters_n), SUM(detractors_n) FROM feedback_score "
        f"GROUP BY {KEYS}, week_start, score_sq_sum IS NULL, positive_n IS NULL, "
        "promoters_n IS NULL, detractors_n IS NULL"
    )
    op.execute(
        "UPDATE feedback_week_total SET cell_n = c.n, cell_week_min_n = c.week_min_n "
        f"FROM feedback_cell AS c WHERE {_same_cell('feedback_week_total')}"
    )
    op.execute(
        "UPDATE feedback_month_total SET cell_n = c.n FROM feedback_cell AS c "
        f"WHERE {_same_cell('feedback_month_total')}"
    )
    op.execute(
        "UPDATE feedback_score SET cell_n = c.n, cell_week_min_n = c.week_min_n, "
        f"cell_day_min_n = c.day_min_n FROM feedback_cell AS c WHERE {_same_cell('feedback_score')}"
    )


def downgrade() -> None:
    with op.batch_alter_table("feedback_score", schema=None) as batch_op:
        for name in ("cell_n", "cell_week_min_n", "cell_day_min_n"):
            batch_op.drop_column(name)
    op.drop_index("ix_feedback_week_total_unit_date", table_name="feedback_week_total")
    op.drop_index("ix_feedback_week_total_figures", table_name="feedback_week_total")
    op.drop_table("feedback_week_total")
    op.drop_index("ix_feedback_month_total_unit_date", table_name="feedback_month_total")
    op.drop_index("ix_feedback_month_total_figures", table_name="feedback_month_total")
    op.drop_table("feedback_month_total")
