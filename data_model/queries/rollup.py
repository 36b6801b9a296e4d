"""Which feedback rows a figure reads, and which of them it may show (README "Privacy").

Month, period and year figures read the monthly totals over every batch (one row per privacy
cell, models.FeedbackMonthTotal), week figures the weekly ones (FeedbackWeekTotal); day figures
read the day table. Feedback dates snap outwards to whole months (whole weeks at week grain), so
two date ranges a day apart give the same figures. Each row carries `shown`: 1 when its privacy
cell (models.FeedbackCell: one unit, question and month) reaches the threshold, and at week or
day grain when every week or day of the cell does too; 0 otherwise. A row not shown counts in no
figure anywhere, so no combination of figures can work it out. The rows carry their cell's
figures (cell_n, ...: data_model.feedback_cells writes them with every recount), so no figure
joins the cells.
"""

import dataclasses

from sqlalchemy import and_, case, select

from core import periods
from core.scope import Scope
from data_model.models import FeedbackMonthTotal, FeedbackScore, FeedbackWeekTotal
from data_model.queries import scoping

MONTHLY_GRAINS = ("month", "period", "year")
ROLLUP_GRAINS = (*MONTHLY_GRAINS, "week")  # the grains read from a rollup (a test: days instead)
COLUMNS = (
    "unit_id", "date", "year", "month", "survey", "question", "scale_min", "scale_max", "n",
    "score_sum", "score_sq_sum", "positive_n", "promoters_n", "detractors_n",
)  # fmt: skip


class Rows:
    """A subquery whose columns read like a model class's (Rows(sub).n), so the measures can
    take it in place of a table."""

    def __init__(self, subquery) -> None:
        self.__table__ = subquery

    def __getattr__(self, name: str):
        try:
            return self.__table__.c[name]
        except KeyError:
            raise AttributeError(name) from None


def feedback_scope(grain: str, scope: Scope) -> Scope:
    """The scope with its dates snapped outwards to the whole buckets feedback is counted in:
    months at month grain and coarser, ISO weeks at week grain, days at day grain."""
    unit = "month" if grain in MONTHLY_GRAINS else grain
    start = None if scope.start is None else periods.bucket_start(scope.start, unit, "term")
    end = scope.end
    if end is not None:
        end = periods.bucket_end(periods.bucket_start(end, unit, "term"), unit, "term")
    return scope.between(start, end)


def shown(table, grain: str, min_answers: int):
    """1 when a row may count in a figure at this grain, else 0, by its privacy cell's figures
    as the row carries them (cell_n, and cell_week_min_n or cell_day_min_n at week or day)."""
    enough = [table.cell_n >= min_answers]
    if grain == "week":
        enough.append(table.cell_week_min_n >= min_answers)
    elif grain == "day":
        enough.append(table.cell_day_min_n >= min_answers)
    return case((and_(*enough), 1), else_=0)


def feedback_rows(grain: str, scope: Scope, min_answers: int) -> Rows:
    """The feedback rows of the scope (its units, survey and question; dates as
    feedback_scope() snaps them), each with `shown`. A service area needs Unit joined outside."""
    table = FeedbackScore
    if grain in ROLLUP_GRAINS:
        table = FeedbackWeekTotal if grain == "week" else FeedbackMonthTotal
    scope = feedback_scope(grain, scope)
    own = dataclasses.replace(scope, service_area_id=None)
    where = scoping.unit_filters(table, own) + scoping.question_filters(table, scope)
    where += scoping.date_filters(table.date, scope)
    columns = COLUMNS + (("week_start",) if hasattr(table, "week_start") else ())
    rows = select(
        *(getattr(table, c) for c in columns), shown(table, grain, min_answers).label("shown")
    ).where(*where)
    return Rows(rows.subquery("feedback_rows"))
