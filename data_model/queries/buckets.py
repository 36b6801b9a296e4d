"""Time buckets: the grains (day, ISO week, month, period, year) and period kinds (quarter,
school term, operating year), in SQL for grouping and in Python for starts, steps and labels.

SQL groups by the stored year/month/week_start columns with portable CASE expressions (SQLite
3.40 here has no %V); Python turns each group back into the bucket's first day and its label.
"""

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Integer, case, cast, extract
from sqlalchemy.sql.elements import ColumnElement

GRAINS = ("day", "week", "month", "period", "year")
PERIOD_KINDS = ("quarter", "term", "operating_year")

# Month on which each period starts, by the month a date falls in (1..12).
_PERIOD_START_MONTH: dict[str, Callable[[int], int]] = {
    "quarter": lambda month: (month - 1) // 3 * 3 + 1,
    "term": lambda month: 1 if month <= 7 else 8,  # kevät Jan–Jul, syksy Aug–Dec
    "operating_year": lambda month: 8,  # Aug–Jul
}
_PERIOD_MONTHS = {"quarter": 3, "term": None, "operating_year": 12}


def check(grain: str, period_kind: str) -> None:
    """Fail early and clearly on a misspelt grain or period kind (they come from settings)."""
    if grain not in GRAINS:
        raise ValueError(f"unknown grain {grain!r}; known: {', '.join(GRAINS)}")
    if period_kind not in PERIOD_KINDS:
        raise ValueError(f"unknown period kind {period_kind!r}; known: {', '.join(PERIOD_KINDS)}")


def monthly_grain(grain: str) -> str:
    """Workforce figures are monthly: day and week grains fall back to months for them."""
    return "month" if grain in ("day", "week") else grain


# --- Python side -------------------------------------------------------------------------------


def bucket_start(day: dt.date, grain: str, period_kind: str = "term") -> dt.date:
    """The first day of the bucket that day falls in."""
    if grain == "day":
        return day
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "year":
        return dt.date(day.year, 1, 1)
    first = _PERIOD_START_MONTH[period_kind](day.month)
    year = day.year - 1 if first > day.month else day.year
    return dt.date(year, first, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def shift(start: dt.date, grain: str, period_kind: str = "term", steps: int = 1) -> dt.date:
    """The start of the bucket `steps` buckets after (negative: before) the one starting at
    start."""
    if grain == "day":
        return start + dt.timedelta(days=steps)
    if grain == "week":
        return start + dt.timedelta(weeks=steps)
    if grain == "month":
        return _add_months(start, steps)
    if grain == "year":
        return dt.date(start.year + steps, 1, 1)
    if period_kind == "term":
        index = start.year * 2 + (start.month >= 8) + steps
        return dt.date(index // 2, 8 if index % 2 else 1, 1)
    return _add_months(start, steps * _PERIOD_MONTHS[period_kind])


def bucket_end(start: dt.date, grain: str, period_kind: str = "term") -> dt.date:
    """The last day of the bucket starting at start."""
    return shift(start, grain, period_kind) - dt.timedelta(days=1)


def year_earlier(start: dt.date, grain: str, period_kind: str = "term") -> dt.date:
    """The same bucket a year earlier: the same date, ISO week number, month or period.
    Week 53 maps to week 52 in years without one; 29 February to the 28th."""
    if grain == "week":
        year, week, _ = start.isocalendar()
        weeks = dt.date(year - 1, 12, 28).isocalendar().week  # 28 Dec is always in the last week
        return dt.date.fromisocalendar(year - 1, min(week, weeks), 1)
    if grain == "day" and (start.month, start.day) == (2, 29):
        return dt.date(start.year - 1, 2, 28)
    return start.replace(year=start.year - 1)


_TERMS = {"fi": ("kevät", "syksy"), "en": ("spring", "autumn")}


def label(start: dt.date, grain: str, period_kind: str = "term", lang: str = "fi") -> str:
    """How a bucket is named on screen: 5.10.2016 / 2016-10-05, 2020-W53, 3/2024, 2024 Q1,
    kevät 2024 / spring 2024, 2024–2025, 2024."""
    if grain == "day":
        return f"{start.day}.{start.month}.{start.year}" if lang == "fi" else start.isoformat()
    if grain == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if grain == "month":
        return f"{start.month}/{start.year}"
    if grain == "year":
        return str(start.year)
    if period_kind == "quarter":
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    if period_kind == "term":
        spring, autumn = _TERMS["en" if lang == "en" else "fi"]
        return f"{spring if start.month < 8 else autumn} {start.year}"
    return f"{start.year}–{start.year + 1}"


# --- SQL side ----------------------------------------------------------------------------------


def _month_number(table) -> ColumnElement:
    """The month (1..12) of a row: stored for dated facts, taken from the month date for
    workforce rows."""
    if hasattr(table, "week_start"):
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
