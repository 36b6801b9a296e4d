"""Which feedback rows a figure reads, and which of them it may show (user guide, "Privacy").

Figures read the totals over every batch and respondent group, one row per privacy cell and
bucket (data_model.feedback_cells writes them): month, period and year figures the monthly
totals (models.FeedbackMonthTotal), week figures the weekly ones, day figures the daily ones
(those of the whole organisation, with no unit filter nor grouping by unit, the daily and
monthly totals of every unit together, models.FeedbackOrgDayTotal and FeedbackOrgMonthTotal;
week figures with no survey or question chosen each unit's week totals over its questions,
models.FeedbackUnitWeekTotal).
Feedback dates snap outwards to whole months (whole weeks at week grain), so two date ranges a
day apart give the same figures. Each row carries `shown` (queries.privacy.shown): 1 when its
privacy cell (models.FeedbackCell: one unit, question and month) reaches the threshold, and at
week or day grain when every week or day of the cell does too; 0 otherwise. A row not shown
counts in no figure anywhere, so no combination of figures can work it out. At month grain and
coarser a bucket of such rows only reads as hidden; at week and day grain its rows are not read
at all, so no list of days or weeks tells on which of them hidden answers came. The totals
carry their cell's figures (cell_n, ...), so no figure joins the cells; only the day rows
themselves, read when a test empties ROLLUP_GRAINS to check the totals against them, are joined
to their cells.
"""

import dataclasses

from sqlalchemy import Integer, and_, literal, select

from core import periods
from core.feedback_figures import CELL_KEYS, SCALE, SUMS
from core.scope import Scope
from data_model.models import TOTAL_MODELS, FeedbackCell, FeedbackScore
from data_model.queries import privacy, scoping

MONTHLY_GRAINS = ("month", "period", "year")
ROLLUP_GRAINS = (*MONTHLY_GRAINS, "week", "day")  # the grains read from totals (a test: day rows)
# Of the totals that can answer a figure, the smallest: every unit's together, then each unit's
# over its questions, then each unit's per question.
PREFERENCE = {"organisation": 0, "unit": 1, "question": 2}
COLUMNS = ("unit_id", "date", "year", "month", "survey", "question", *SCALE, *SUMS)


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
    start = None if scope.start is None else periods.bucket_start(scope.start, unit)
    end = scope.end
    if end is not None:
        end = periods.bucket_end(periods.bucket_start(end, unit), unit)
    return scope.between(start, end)


def feedback_rows(grain: str, scope: Scope, min_answers: int, by: str) -> Rows:
    """The feedback rows of the scope (its units, survey and question; dates as
    feedback_scope() snaps them), each with `shown`. A service area needs Unit joined outside.
    by: how the figure groups them ("total", "unit" or "service_area"). "total" may give the
    organisation's totals, whose unit_id is NULL: a caller that joins the rows to their units
    passes "unit" even for one figure."""
    scope = feedback_scope(grain, scope)
    if grain not in ROLLUP_GRAINS:
        return _day_rows(grain, scope, min_answers)
    table = totals(grain, scope, by)
    cell = [getattr(table, c, None) for c in ("cell_n", "cell_week_min_n", "cell_day_min_n")]
    columns = COLUMNS + (("week_start",) if hasattr(table, "week_start") else ())
    # The organisation's rows have no unit_id, the units' weeks no survey or question: NULL.
    present = [
        getattr(table, c) if hasattr(table, c) else literal(None, Integer).label(c) for c in columns
    ]
    shown = privacy.shown(*cell, grain, min_answers)
    rows = select(*present, shown.label("shown")).where(*_filters(table, scope))
    if grain not in MONTHLY_GRAINS:
        rows = rows.where(shown == 1)  # a hidden cell's days and weeks are not listed
    return Rows(rows.subquery("feedback_rows"))


def totals(grain: str, scope: Scope, by: str):
    """The totals a figure at this grain reads (models.TOTALS): every unit's together where no
    unit is filtered out (the user's own units, a list, an area) and the figure is not per
    unit; each unit's over its questions where no survey or question is chosen; else each
    unit's per question."""
    grain = "month" if grain in MONTHLY_GRAINS else grain
    every_unit = by == "total" and not scoping.narrows_units(scope)
    every_question = scope.survey is None and scope.question is None
    usable = {"organisation": every_unit, "unit": every_question, "question": True}
    found = [t for t in TOTAL_MODELS if t.spec.grain == grain and usable[t.spec.grouping]]
    return min(found, key=lambda t: PREFERENCE[t.spec.grouping])


def _filters(table, scope: Scope) -> list:
    own = dataclasses.replace(scope, service_area_id=None)
    units = scoping.unit_filters(table, own) if hasattr(table, "unit_id") else []
    where = units + scoping.question_filters(table, scope)
    spec = getattr(table, "spec", None)
    if spec is not None and spec.grain == "week":  # whole weeks: the same rows, by week
        where += scoping.date_filters(table.week_start, scope)
    return where + scoping.date_filters(table.date, scope)


def _day_rows(grain: str, scope: Scope, min_answers: int) -> Rows:
    """The stored day rows themselves, each joined to its cell: what the totals must equal."""
    table, cell = FeedbackScore, FeedbackCell
    on = [getattr(cell, k) == getattr(table, k) for k in CELL_KEYS]
    on.append(cell.detailed == table.positive_n.is_not(None))
    shown = privacy.shown(cell.n, cell.week_min_n, cell.day_min_n, grain, min_answers)
    rows = (
        select(*(getattr(table, c) for c in (*COLUMNS, "week_start")), shown.label("shown"))
        .select_from(table.__table__.outerjoin(cell.__table__, and_(*on)))
        .where(*_filters(table, scope))
    )
    if grain not in MONTHLY_GRAINS:
        rows = rows.where(shown == 1)
    return Rows(rows.subquery("feedback_rows"))
