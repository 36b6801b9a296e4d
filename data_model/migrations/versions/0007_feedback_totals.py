"""feedback totals per privacy cell and day, week and month, carrying their cell's figures, in
place of the per-batch monthly rollup: figures read fewer rows and join nothing

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 21:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from data_model.migrations import totals

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYS = "unit_id, year, month, survey, question, scale_min, scale_max"
SUMS = "n, score_sum, score_sq_sum, positive_n, promoters_n, detractors_n"
SUMMED = (
    "SUM(n), SUM(score_sum), SUM(score_sq_sum), SUM(positive_n), SUM(promoters_n), "
    "SUM(detractors_n)"
)
KNOWN = "score_sq_sum IS NULL, positive_n IS NULL, promoters_n IS NULL, detractors_n IS NULL"


def _same_cell(table: str) -> str:
    same = " AND ".join(f"c.{k} = {table}.{k}" for k in KEYS.split(", "))
    return f"{same} AND c.detailed = ({table}.positive_n IS NOT NULL)"


def upgrade() -> None:
    per_question = {"unit": True, "question": True, "server_default": True}
    totals.create_table(
        "feedback_month_total",
        week_start=False,
        cell=("cell_n",),
        covering=["date", "year", "month", "unit_id"],
        question_index=True,
        **per_question,
    )
    totals.create_table(
        "feedback_week_total",
        week_start=True,
        cell=("cell_n", "cell_week_min_n"),
        covering=["week_start", "unit_id", "date"],
        **per_question,
    )
    totals.create_table(
        "feedback_day_total",
        week_start=True,
        cell=("cell_n", "cell_day_min_n"),
        covering=["date", "unit_id"],
        **per_question,
    )
    # Nothing reads the per-batch monthly rollup any more, nor the day rows by date alone.
    with op.batch_alter_table("feedback_month", schema=None) as batch_op:
        batch_op.drop_index("ix_feedback_month_question")
        batch_op.drop_index("ix_feedback_month_figures")
        batch_op.drop_index("ix_feedback_month_batch_id")
    op.drop_table("feedback_month")
    op.drop_index("ix_feedback_date", table_name="feedback_score")

    # Fill the totals as data_model.feedback_cells.refresh does per batch (plain SQL, so this
    # revision does not change when that module does); the cells are 0006's.
    dialect = op.get_bind().dialect.name
    month_start = (
        "date(date, 'start of month')"
        if dialect == "sqlite"
        else "CAST(date_trunc('month', date) AS DATE)"
    )
    names = dict(zip(SUMS.split(", "), SUMMED.split(", "), strict=True))
    aliased = ", ".join(f"{names[s]} AS {s}" for s in names)
    days = f"SELECT {KEYS}, week_start, date, {aliased} FROM feedback_score"
    days += f" GROUP BY {KEYS}, week_start, date, {KNOWN}"
    op.execute(
        f"INSERT INTO feedback_day_total ({KEYS}, week_start, date, {SUMS}, cell_n, "
        f"cell_day_min_n) SELECT d.*, COALESCE(c.n, 0), COALESCE(c.day_min_n, 0) FROM ({days}) "
        f"AS d LEFT JOIN feedback_cell AS c ON {_same_cell('d')}"
    )
    per_cell = f"GROUP BY {KEYS}, {KNOWN}"
    op.execute(
        f"INSERT INTO feedback_week_total ({KEYS}, week_start, date, {SUMS}) "
        f"SELECT {KEYS}, week_start, MIN(date), {SUMMED} FROM feedback_day_total "
        f"{per_cell}, week_start"
    )
    op.execute(
        f"INSERT INTO feedback_month_total ({KEYS}, date, {SUMS}) "
        f"SELECT {KEYS}, MIN({month_start}), {SUMMED} FROM feedback_day_total {per_cell}"
    )
    for table, figures in (
        ("feedback_week_total", "cell_n = c.n, cell_week_min_n = c.week_min_n"),
        ("feedback_month_total", "cell_n = c.n"),
    ):
        op.execute(
            f"UPDATE {table} SET {figures} FROM feedback_cell AS c WHERE {_same_cell(table)}"
        )


def downgrade() -> None:
    op.create_index("ix_feedback_date", "feedback_score", ["date"])
    op.create_table(
        "feedback_month",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("survey", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("question", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("respondent_group", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("scale_min", sa.Integer(), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("score_sum", sa.Float(), nullable=False),
        sa.Column("score_sq_sum", sa.Float(), nullable=True),
        sa.Column("positive_n", sa.Integer(), nullable=True),
        sa.Column("promoters_n", sa.Integer(), nullable=True),
        sa.Column("detractors_n", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_feedback_month_batch_id", "feedback_month", ["batch_id"])
    op.create_index(
        "ix_feedback_month_figures",
        "feedback_month",
        [
            "date",
            "year",
            "month",
            "unit_id",
            "scale_min",
            "scale_max",
            "n",
            "score_sum",
            "positive_n",
            "promoters_n",
            "detractors_n",
        ],
    )
    op.create_index("ix_feedback_month_question", "feedback_month", ["survey", "question"])
    dialect = op.get_bind().dialect.name
    month_start = (
        "date(date, 'start of month')"
        if dialect == "sqlite"
        else "CAST(date_trunc('month', date) AS DATE)"
    )
    keys = f"batch_id, {KEYS}, respondent_group"
    op.execute(
        f"INSERT INTO feedback_month ({keys}, date, {SUMS}) "
        f"SELECT {keys}, MIN({month_start}), {SUMMED} FROM feedback_score GROUP BY {keys}, {KNOWN}"
    )
    for name in ("feedback_day_total", "feedback_week_total", "feedback_month_total"):
        totals.drop_table(name)
