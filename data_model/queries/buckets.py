"""Time buckets in SQL: group rows by the stored year/month/week_start columns with portable
CASE expressions (SQLite 3.40 here has no %V), and turn each group back into its first day.
Bucket arithmetic in Python lives in core.periods; labels in core.formats.
"""

import datetime as dt

import numpy as np
from sqlalchemy import Integer, case, cast, extract
from sqlalchemy.sql.elements import ColumnElement

from core.periods import Grain, PeriodKind

# --- SQL side ----------------------------------------------------------------------------------


def _month_number(table) -> ColumnElement:
    """The month (1..12) of a row: stored for dated facts, taken from the month date for
    workforce rows."""
    if hasattr(table, "date"):  # the day rows and every table of totals
        return table.month
    return cast(extract("month", table.month), Integer)


def sql_columns(table, grain: Grain, period_kind: PeriodKind | None) -> list[ColumnElement]:
    """Labelled columns to group by (b_day, or b_year with b_month) for the table's rows (the
    period grain needs its kind)."""
    if grain == "day":
        day = table.date if hasattr(table, "date") else table.month
        return [day.label("b_day")]
    if grain == "week":
        return [table.week_start.label("b_day")]
    year, month = table.year, _month_number(table)
    if grain == "year":
        return [year.label("b_year")]
    if grain == "month":
        return [year.label("b_year"), month.label("b_month")]
    if period_kind == "quarter":
        first = case((month <= 3, 1), (month <= 6, 4), (month <= 9, 7), else_=10)
        return [year.label("b_year"), first.label("b_month")]
    if period_kind == "term":
        return [year.label("b_year"), case((month <= 7, 1), else_=8).label("b_month")]
    if period_kind == "operating_year":
        return [case((month >= 8, year), else_=year - 1).label("b_year")]
    raise ValueError(f"the period grain needs a period kind, not {period_kind!r}")


def starts(columns: dict, grain: Grain, period_kind: PeriodKind | None) -> np.ndarray:
    """The bucket starts of a grouped result (one array per column, from the columns
    sql_columns() made): one date made per distinct bucket, not per row."""
    size = len(columns["b_day" if grain in ("day", "week") else "b_year"])
    if not size:
        return np.empty(0, object)
    if grain in ("day", "week"):
        days = columns["b_day"]
        if isinstance(days[0], dt.date):  # PostgreSQL's dates; SQLite gives their ISO text
            return days
        made = {day: dt.date.fromisoformat(str(day)) for day in set(days)}
    elif grain == "year":
        days = columns["b_year"]
        made = {year: dt.date(int(year), 1, 1) for year in set(days)}
    else:
        first_month = 8 if grain != "month" and period_kind == "operating_year" else None
        months = columns.get("b_month", [first_month] * size)
        days = list(zip(columns["b_year"], months, strict=True))
        made = {(y, m): dt.date(int(y), int(m or first_month), 1) for y, m in set(days)}
    return np.array([made[day] for day in days], object)
