"""Which feedback rows a month, period or year figure reads: the monthly rollup
(models.FeedbackMonth) for the scope's whole months, and the day table only for the part-months
at its edges (a sidebar range ending mid-month). Day and week figures read the day table.

Both tables have the same columns, so the measures of queries.measures and the bucket columns
of queries.buckets work on either, or on a UNION ALL of both.
"""

import dataclasses
import datetime as dt

from sqlalchemy import select, union_all

from core.scope import Scope
from data_model.models import FeedbackMonth, FeedbackScore
from data_model.queries import scoping

MONTHLY_GRAINS = ("month", "period", "year")
COLUMNS = (
    "unit_id", "date", "year", "month", "survey", "question", "respondent_group", "scale_min",
    "scale_max", "n", "score_sum", "score_sq_sum", "positive_n", "promoters_n", "detractors_n",
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


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _is_month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def split(start: dt.date | None, end: dt.date | None):
    """(first, last) month starts of the whole months in [start, end] (None: unbounded; None
    for the pair when there are none), and the (from, to) day ranges outside them."""
    first = None if start is None else (start if start.day == 1 else _next_month(start))
    if end is None:
        last = None
    elif _is_month_end(end):
        last = end.replace(day=1)
    else:
        last = (end.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    if first is not None and last is not None and first > last:
        return None, [(start, end)]
    days = []
    if start is not None and start.day != 1:
        days.append((start, first - dt.timedelta(days=1)))
    if end is not None and not _is_month_end(end):
        days.append((end.replace(day=1), end))
    return (first, last), days


def _branch(table, scope: Scope, start, end):
    own = dataclasses.replace(scope, service_area_id=None)  # the area needs Unit: joined outside
    where = scoping.unit_filters(table, own) + scoping.question_filters(table, scope)
    where += scoping.date_filters(table.date, scope.between(start, end))
    return select(*(getattr(table, c) for c in COLUMNS)).where(*where)


def feedback_rows(grain: str, scope: Scope):
    """The table (or table-like subquery) a feedback figure at this grain reads; None: the day
    table."""
    if grain not in MONTHLY_GRAINS:
        return None
    months, days = split(scope.start, scope.end)
    if months is None:
        return None
    if not days:
        return FeedbackMonth
    branches = [_branch(FeedbackMonth, scope, *months)]
    branches += [_branch(FeedbackScore, scope, lo, hi) for lo, hi in days]
    return Rows(union_all(*branches).subquery("feedback_rows"))
