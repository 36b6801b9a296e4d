"""the month totals of every unit together, per privacy cell size: the organisation's month,
period and year figures read less than half of the rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 14:40:00.000000
"""

from collections.abc import Sequence

from data_model.migrations import totals

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    totals.create_table(
        "feedback_org_month_total",
        week_start=False,
        unit=False,
        question=True,
        cell=("cell_n",),
        server_default=False,
        covering=["date", "year", "month"],
    )
    # Filled as data_model.feedback_cells does for the months a batch touches.
    keys = ["date", "year", "month", "survey", "question", "scale_min", "scale_max", "cell_n"]
    totals.fill_by_summing(
        "feedback_org_month_total", "feedback_month_total", keys, first_day=False
    )


def downgrade() -> None:
    totals.drop_table("feedback_org_month_total")
