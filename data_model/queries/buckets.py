"""Time buckets in SQL: group rows by the stored year/month/week_start columns with portable
CASE expressions (SQLite 3.40 here has no %V), and turn each group back into its first day.
Bucket arithmetic in Python lives in core.periods; labels in core.formats.
"""

import datetime as dt

from sqlalchemy import Integer, case, cast, extract
from sqlalchemy.sql.elements import ColumnElement

# --- SQL side ----------------------------------------------------------------------------------


def _month_number(table) -> ColumnElement:
    """The month (1..12) of a row: stored for dated facts, taken from the month date for
    workforce rows."""
    if hasattr(table, "date"):  # the day rows and every table of totals
        return table.month
    return cast(extract("month", table.month), Integer)


def sql_columns(table, grain: str, period_kind: str) -> list[ColumnElement]:
    """Labelled columns to group by (b_day, or b_year with b_month) for the table's rows."""
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
    return [case((month >= 8, year), else_=year - 1).label("b_year")]


def start_from_row(row, grain: str, period_kind: str) -> dt.date:
    """A grouped result row's bucket start, from the columns sql_columns() made."""
    if grain in ("day", "week"):
        day = row.b_day
        return day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
    if grain == "year":
        return dt.date(int(row.b_year), 1, 1)
    if grain == "month" or period_kind != "operating_year":
        return dt.date(int(row.b_year), int(row.b_month), 1)
    return dt.date(int(row.b_year), 8, 1)
