"""each unit's week totals summed over its surveys and questions, per smallest week of the
privacy cells: week figures with no question chosen read a tenth of the rows

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 05:00:00.000000
"""

from collections.abc import Sequence

from data_model.migrations import totals

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    totals.create_table(
        "feedback_unit_week_total",
        week_start=True,
        unit=True,
        question=False,
        cell=("cell_week_min_n",),
        server_default=False,
        covering=["week_start", "unit_id", "date"],
    )
    # Filled as data_model.feedback_cells does for the units and months a batch touches.
    keys = ["unit_id", "year", "month", "week_start", "scale_min", "scale_max", "cell_week_min_n"]
    totals.fill_by_summing("feedback_unit_week_total", "feedback_week_total", keys, first_day=True)


def downgrade() -> None:
    totals.drop_table("feedback_unit_week_total")
