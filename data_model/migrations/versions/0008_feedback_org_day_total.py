"""the day totals of every unit together, per smallest day of the privacy cells: the
organisation's day figures read a fortieth of the rows

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 04:20:00.000000
"""

from collections.abc import Sequence

from data_model.migrations import totals

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    totals.create_table(
        "feedback_org_day_total",
        week_start=True,
        unit=False,
        question=True,
        cell=("cell_day_min_n",),
        server_default=False,
        covering=["date"],
    )
    # Filled as data_model.feedback_cells does for the months a batch touches.
    keys = ["date", "year", "month", "week_start", "survey", "question", "scale_min", "scale_max"]
    totals.fill_by_summing(
        "feedback_org_day_total", "feedback_day_total", [*keys, "cell_day_min_n"], first_day=False
    )


def downgrade() -> None:
    totals.drop_table("feedback_org_day_total")
