"""An indicator over time: one grouped SQL query per call (two with the total alongside),
returning a small DataFrame of buckets, series, values and the counts behind them: codes and
numbers only; labels are made where they are shown (ui).
"""

import datetime as dt
import operator

import numpy as np
import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from core import periods
from core.indicators import Indicator
from core.periods import Grain, PeriodKind
from core.reading import Reading
from core.scope import EVERYTHING, GROUPINGS, Grouping, Scope
from data_model.models import FeedbackDayTotal, FeedbackMonthTotal, ServiceArea, Unit
from data_model.queries import buckets, monthly_rows, privacy, rollup, scoping
from data_model.queries.measures import Measure, folded_feedback, measure

COLUMNS = ["bucket_start", "series", "series_id", "value", "n", "suppressed"]
SORTED_IN_PYTHON = 500  # rows of a figure up to which _in_order sorts in Python


def _date_column(table):
    return table.date if hasattr(table, "date") else table.month


def scope_filters(spec: Measure, scope: Scope) -> list:
    """WHERE clauses for a measure in a scope."""
    table = spec.table
    monthly = not hasattr(table, "date")
    filters = list(spec.where) + scoping.date_filters(_date_column(table), scope, monthly)
    filters += scoping.unit_filters(table, scope)
    if hasattr(table, "survey"):
        filters += scoping.question_filters(table, scope)
    return filters


def _statement(
    spec: Measure,
    scope: Scope,
    grain: Grain | None,
    period_kind: PeriodKind | None,
    by: Grouping,
    measures: list | None = None,
):
    """grain None: one figure for the scope's whole date range (per series). measures: the
    aggregate columns (default: spec's value, n and withheld)."""
    keys = [] if grain is None else buckets.sql_columns(spec.table, grain, period_kind)
    if measures is None:
        measures = [spec.value.label("value"), spec.n.label("n")]
        if spec.withheld is not None:
            measures.append(spec.withheld.label("withheld"))
    rows = spec.table.__table__
    if by == "service_area" or scope.service_area_id is not None:  # every row's unit exists (FK)
        rows = rows.join(Unit, spec.table.unit_id == Unit.id)
    if by == "service_area":
        rows = rows.outerjoin(ServiceArea, Unit.service_area_id == ServiceArea.id)
        keys += [ServiceArea.id.label("series_id"), ServiceArea.name.label("series")]
    elif by == "unit":
        keys.append(spec.table.unit_id.label("series_id"))
    # Grouping by the labels (not the expressions) keeps PostgreSQL from seeing the CASE
    # constants of SELECT and GROUP BY as different parameters.
    grouped = (
        select(*keys, *measures)
        .select_from(rows)
        .where(*scope_filters(spec, scope))
        .group_by(*(key.name for key in keys))
    )
    if by != "unit":
        return grouped
    # Units are named after grouping: grouped by the table's own unit column, the groups come
    # in the order of its index (week, then unit) instead of being sorted.
    inner = grouped.subquery("grouped")
    return select(*inner.c, Unit.name.label("series")).join_from(
        inner, Unit, Unit.id == inner.c.series_id
    )


def _columns(result) -> dict[str, np.ndarray]:
    """A result's rows as one object array per column, made in C: the driver's tuples, not
    SQLAlchemy's rows (_frame converts each column itself)."""
    names = list(result.keys())
    rows = result.cursor.fetchall()
    result.close()
    grid = np.empty((len(rows), len(names)), object)
    if rows:
        grid[:] = rows
    return {name: grid[:, j] for j, name in enumerate(names)}


def _frame(
    columns: dict[str, np.ndarray], grain: Grain, period_kind: PeriodKind | None
) -> pd.DataFrame:
    """series is "" for the total and None for units without a service area. A bucket whose
    rows all fall in privacy cells under the threshold comes back hidden, not missing."""
    size = len(columns["n"])
    counts = np.array([n or 0 for n in columns["n"]], dtype=int)
    values = np.array(columns["value"], dtype=float)
    values[counts == 0] = np.nan  # a value of no answers (SQL's sum of nothing)
    withheld = columns.get("withheld")
    hidden = (counts == 0) & (
        np.zeros(size, bool) if withheld is None else np.array([bool(w) for w in withheld], bool)
    )
    # Built column by column with their types (a frame of records and astype() cost a few
    # milliseconds a frame, and the scorecard builds twenty).
    return pd.DataFrame(
        {
            "bucket_start": buckets.starts(columns, grain, period_kind),
            "series": columns.get("series", np.full(size, "", object)),
            "series_id": columns.get("series_id", np.full(size, None, object)),
            "value": values,
            "n": counts,
            "suppressed": hidden,
        },
        columns=COLUMNS,
    )


def indicator_series(
    engine: Engine,
    *,
    indicator: Indicator,
    grain: Grain,
    reading: Reading,
    scope: Scope = EVERYTHING,
    by: Grouping = "total",
    with_total: bool = False,
) -> pd.DataFrame:
    """One indicator per time bucket, for the whole scope or per unit or service area.

    Columns: bucket_start, series ("" for the total, None for no service area), series_id,
    value, n (answers, reports or unit-months behind the value), suppressed. Feedback counts
    only privacy cells that reach the reading's threshold (queries.rollup), over whole months
    (weeks at week grain); a month, period or year bucket with none is hidden (value NaN, n 0,
    suppressed), as is any feedback figure under the threshold, and a day or week with none is
    not listed. with_total adds the total rows. Workforce data are monthly, so their day and
    week grains come out per month.
    """
    period_kind = reading.period_kind
    periods.check(grain, period_kind)
    _check_grouping(by)
    if indicator.monthly:
        grain = periods.monthly_grain(grain)
    feedback = indicator.source == "feedback"
    if feedback:
        scope = rollup.feedback_scope(grain, scope)
    groupings = [by] + (["total"] if with_total and by != "total" else [])
    frames = []
    with engine.connect() as conn:
        for grouping in groupings:
            source = None
            if feedback:
                source = rollup.feedback_rows(grain, scope, reading.min_answers, grouping)
            elif monthly_rows.needs_rows(indicator):
                source = monthly_rows.rows(
                    indicator, scope, grain, period_kind, reading.min_answers
                )
            spec = measure(indicator, source)
            result = conn.execute(_statement(spec, scope, grain, period_kind, grouping))
            frame = _frame(_columns(result), grain, period_kind)
            if indicator.protected:
                frame = privacy.suppress_small(frame, reading.min_answers)
            frames.append(frame)
    return _in_order(pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0])


def _check_grouping(by: str) -> None:
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; known: {', '.join(GROUPINGS)}")


def _in_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows by bucket, then series (the total "" first, no service area last), as
    sort_values(["bucket_start", "series"], na_position="last", kind="stable") orders them;
    skipped when SQL already gave that order. A figure of a few hundred rows is sorted in
    Python, ten times quicker than pandas for it; a large one (units by week) in numpy."""
    if len(frame) > SORTED_IN_PYTHON:
        return _in_order_large(frame)
    starts, names = frame["bucket_start"].tolist(), frame["series"].tolist()
    keys = [
        (start, False, name) if isinstance(name, str) else (start, True, "")
        for start, name in zip(starts, names, strict=True)
    ]
    if all(map(operator.le, keys, keys[1:])):  # in order already: no sort
        return frame
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return frame.take(order).reset_index(drop=True)


def _in_order_large(frame: pd.DataFrame) -> pd.DataFrame:
    starts, _ = pd.factorize(frame["bucket_start"].to_numpy(object), sort=True)
    names = frame["series"].to_numpy(object)
    missing = np.array([not isinstance(name, str) for name in names], bool)
    named, _ = pd.factorize(np.where(missing, "", names), sort=True)
    by_series = np.where(missing, named.max() + 1, named)
    steps = np.diff(starts)
    if ((steps > 0) | ((steps == 0) & (np.diff(by_series) >= 0))).all():
        return frame
    return frame.take(np.lexsort((by_series, starts))).reset_index(drop=True)


def feedback_series_together(
    engine: Engine,
    *,
    indicators: list[Indicator],
    grain: Grain,
    reading: Reading,
    scope: Scope,
    by: Grouping = "total",
    with_total: bool = False,
) -> dict[str, pd.DataFrame]:
    """indicator_series() of several feedback indicators over the same buckets, from one grouped
    statement per grouping (each indicator's rows chosen inside its sums): the same frames,
    a quarter of the table scans for the scorecard's four feedback cards."""
    period_kind, min_answers = reading.period_kind, reading.min_answers
    periods.check(grain, period_kind)
    _check_grouping(by)
    scope = rollup.feedback_scope(grain, scope)
    groupings = [by] + (["total"] if with_total and by != "total" else [])
    frames: dict[str, list[pd.DataFrame]] = {i.code: [] for i in indicators}
    with engine.connect() as conn:
        for grouping in groupings:
            source = rollup.feedback_rows(grain, scope, min_answers, grouping)
            specs = [folded_feedback(i, source) for i in indicators]
            measures = [
                column
                for k, spec in enumerate(specs)
                for column in (
                    spec.value.label(f"value_{k}"),
                    spec.n.label(f"n_{k}"),
                    spec.withheld.label(f"withheld_{k}"),
                )
            ]
            statement = _statement(specs[0], scope, grain, period_kind, grouping, measures)
            columns = _columns(conn.execute(statement))
            for k, indicator in enumerate(indicators):
                frame = _frame(_indicator_columns(columns, k), grain, period_kind)
                if indicator.protected:
                    frame = privacy.suppress_small(frame, min_answers)
                frames[indicator.code].append(frame)
    return {
        code: _in_order(pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0])
        for code, parts in frames.items()
    }


def window_totals(
    engine: Engine, *, indicator: Indicator, scope: Scope, by: Grouping = "total"
) -> pd.DataFrame:
    """One figure over the scope's whole date range (a rolling 12 months of a small unit's
    rates), in total or per unit or service area: series, series_id, value, n. Only for
    figures the privacy rule does not cover (workforce, mentor reports)."""
    if indicator.protected:
        raise ValueError(f"{indicator.code} is a feedback figure: use indicator_series")
    spec = measure(indicator)
    with engine.connect() as conn:
        rows = conn.execute(_statement(spec, scope, None, None, by)).all()
    records = [
        {
            "series": getattr(row, "series", ""),
            "series_id": getattr(row, "series_id", None),
            "value": None if row.value is None else float(row.value),
            "n": int(row.n or 0),
        }
        for row in rows
        if row.n
    ]
    return pd.DataFrame.from_records(records, columns=["series", "series_id", "value", "n"])


def _indicator_columns(columns: dict[str, np.ndarray], k: int) -> dict[str, np.ndarray]:
    """The rows with answers or withheld cells for the k-th indicator of a statement, its
    value_k, n_k and withheld_k read as value, n and withheld."""
    mine = {f"value_{k}": "value", f"n_{k}": "n", f"withheld_{k}": "withheld"}
    answered = zip(columns[f"n_{k}"], columns[f"withheld_{k}"], strict=True)
    kept = np.array([n is not None or bool(w) for n, w in answered], dtype=bool)
    return {
        mine.get(name, name): column[kept]
        for name, column in columns.items()
        if name in mine or not name.startswith(("value_", "n_", "withheld_"))
    }


def latest_date(
    engine: Engine, *, indicator: Indicator, scope: Scope, today: dt.date
) -> dt.date | None:
    """The newest date (workforce: month) with data for the indicator in scope, not after
    today, so a scorecard shows the current bucket or, if it is empty, the latest one."""
    with engine.connect() as conn:
        if indicator.source != "feedback":
            scope = scope.between(None, today)
            rows = None
            if monthly_rows.needs_rows(indicator):
                rows = monthly_rows.rows(indicator, scope, None, None, min_answers=0)
            return _latest(conn, measure(indicator, rows), scope)
        spec = measure(indicator, FeedbackDayTotal)
        # Feedback: the newest month from the monthly totals, then its newest day. Straight on
        # the day totals, an indicator few rows have (NPS: 0-10 questions only) walked the date
        # index back through every other row (0.2 s on PostgreSQL at 2 M answers).
        months = measure(indicator, FeedbackMonthTotal)
        upto = today
        while (month := _latest(conn, months, scope.between(None, upto))) is not None:
            day = _latest(conn, spec, scope.between(month, upto))
            if day is not None:
                return day
            upto = month - dt.timedelta(days=1)  # that month's rows all come after `today`
        return None


def _latest(conn, spec: Measure, scope: Scope) -> dt.date | None:
    """The newest date of spec's rows in scope."""
    rows = spec.table.__table__
    if scope.service_area_id is not None:  # else no join: max() is then one index probe
        rows = rows.join(Unit, spec.table.unit_id == Unit.id)
    stmt = select(func.max(_date_column(spec.table)).label("latest")).select_from(rows)
    stmt = stmt.where(*scope_filters(spec, scope))
    return scoping.as_date(conn.execute(stmt).scalar())
