"""Rows of a monthly table (own indicators' values, workforce months) as a figure that needs more
than sums reads them: each row marked `latest` when it is its unit's newest month of its bucket
(a level at the end of a period: places, students, the headcount on 31 December), and `shown`
when its unit-month reaches the privacy threshold (an own indicator the admin marked personal:
its denominator or weight counts people, and a unit-month of fewer counts in no figure
anywhere, as a feedback cell does; user guide, "Privacy"). Window functions over the scope's
rows, so "newest" and "reaches" never look outside the dates and units asked for.
"""

from sqlalchemy import case, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from core import periods
from core.indicators import (
    Indicator,
    LatestLevel,
    LeavingTurnover,
    OwnLatest,
    OwnRatio,
    OwnWeightedMean,
)
from core.periods import Grain, PeriodKind
from core.scope import Scope
from data_model.models import OwnValue, WorkforceMonth
from data_model.queries import buckets, privacy, scoping
from data_model.queries.rollup import Rows

V, W = OwnValue, WorkforceMonth


def needs_rows(indicator: Indicator) -> bool:
    """Whether the indicator's figure reads marked rows (a level at the end of the bucket, or
    a personal figure's unit-months behind the threshold) rather than the table itself."""
    aggregation = indicator.aggregation
    return isinstance(aggregation, LatestLevel | LeavingTurnover | OwnLatest) or bool(
        isinstance(aggregation, OwnRatio | OwnWeightedMean) and aggregation.personal
    )


def own_filters(aggregation, table=V) -> list[ColumnElement]:
    """The stored values an own indicator's figure counts: its own, with what its aggregation
    needs (a value; a numerator and a denominator; a value and a weight)."""
    where = [table.indicator_id == aggregation.definition]
    match aggregation:
        case OwnRatio():
            where += [table.numerator.is_not(None), table.denominator.is_not(None)]
        case OwnWeightedMean():
            where += [table.value.is_not(None), weight(table).is_not(None)]
        case _:
            where.append(table.value.is_not(None))
    return where


def weight(table=V) -> ColumnElement:
    """A weighted mean's weight: the file's weight column, else its denominator."""
    return func.coalesce(table.weight, table.denominator)


def rows(
    indicator: Indicator,
    scope: Scope,
    grain: Grain | None,
    period_kind: PeriodKind | None,
    min_answers: int,
) -> Rows:
    """The indicator's rows in scope, with `latest` and `shown` (1 or 0). grain None: the whole
    date range is one bucket (a window's sums)."""
    aggregation = indicator.aggregation
    grain = None if grain is None else periods.monthly_grain(grain)
    if aggregation.source == "workforce":
        table, where, levels = W, _workforce_filters(aggregation), _workforce_level(aggregation)
    else:
        table, where, levels = V, own_filters(aggregation), V.value
    where += scoping.unit_filters_unjoined(table, scope)
    where += scoping.date_filters(table.month, scope, monthly=True)
    bucket = (
        [] if grain is None else [c.element for c in buckets.sql_columns(table, grain, period_kind)]
    )
    newest = func.max(case((levels.is_not(None), table.month))).over(
        partition_by=[table.unit_id, *bucket]
    )
    latest = case((levels.is_not(None) & (table.month == newest), 1), else_=0)
    shown = literal(1)
    if getattr(aggregation, "personal", False):
        people = table.denominator if isinstance(aggregation, OwnRatio) else weight(table)
        cell = func.sum(people).over(partition_by=[table.unit_id, table.month])
        shown = case((privacy.enough(cell, min_answers), 1), else_=0)
    columns = [c for c in table.__table__.columns]
    marked = select(*columns, latest.label("latest"), shown.label("shown")).where(*where)
    return Rows(marked.subquery("monthly_rows"))


def _workforce_filters(aggregation) -> list[ColumnElement]:
    if isinstance(aggregation, LatestLevel):
        return [getattr(W, aggregation.figure).is_not(None)]
    return [W.leavers.is_not(None) | W.headcount.is_not(None)]


def _workforce_level(aggregation) -> ColumnElement:
    """The level whose newest month is the bucket's end."""
    return (
        W.headcount if isinstance(aggregation, LeavingTurnover) else getattr(W, aggregation.figure)
    )
