"""privacy cells' figures carried on the feedback rows, so queries need no join (issue 13)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 18:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIGURES = ("date", "year", "month", "unit_id", "scale_min", "scale_max", "n", "score_sum",
           "positive_n", "promoters_n", "detractors_n")  # fmt: skip
KEYS = ("unit_id", "year", "month", "survey", "question", "scale_min", "scale_max")


def _same_cell(table: str) -> str:
    same = " AND ".join(f"c.{k} = {table}.{k}" for k in KEYS)
    return f"{same} AND c.detailed = ({table}.positive_n IS NOT NULL)"


def upgrade() -> None:
    for name in ("cell_n", "cell_week_min_n", "cell_day_min_n"):
        op.add_column(
            "feedback_score",
            sa.Column(name, sa.Integer(), server_default="0", nullable=False),
        )
    op.add_column(
        "feedback_month", sa.Column("cell_n", sa.Integer(), server_default="0", nullable=False)
    )
    op.drop_index("ix_feedback_month_figures", table_name="feedback_month")
    op.create_index("ix_feedback_month_figures", "feedback_month", [*FIGURES, "cell_n"])
    # Copy every cell's figures onto its rows as data_model.feedback_cells does per batch
    # (plain SQL, so this revision does not change when that module does). A row without a
    # cell (zero answers) keeps 0.
    op.execute(
        "UPDATE feedback_score SET cell_n = c.n, cell_week_min_n = c.week_min_n, "
        f"cell_day_min_n = c.day_min_n FROM feedback_cell AS c WHERE {_same_cell('feedback_score')}"
    )
    op.execute(
        "UPDATE feedback_month SET cell_n = c.n FROM feedback_cell AS c "
        f"WHERE {_same_cell('feedback_month')}"
    )


def downgrade() -> None:
    op.drop_index("ix_feedback_month_figures", table_name="feedback_month")
    op.create_index("ix_feedback_month_figures", "feedback_month", list(FIGURES))
    with op.batch_alter_table("feedback_month", schema=None) as batch_op:
        batch_op.drop_column("cell_n")
    with op.batch_alter_table("feedback_score", schema=None) as batch_op:
        for name in ("cell_n", "cell_week_min_n", "cell_day_min_n"):
            batch_op.drop_column(name)
