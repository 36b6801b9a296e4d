"""A unit's coaching period in time: where today falls on it, and the before / during / after
windows its figures are compared over. Pure Python."""

import calendar
import datetime as dt
from dataclasses import dataclass

BEFORE_MONTHS = 12  # the months before the start that a before/after compares with


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day months later (earlier when negative), clipped to the month's last day."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from start to end (0 when end is before start's next month-day)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


@dataclass(frozen=True)
class Timeline:
    """status: none (no start in the register), not_started, running or ended."""

    status: str
    start: dt.date | None = None
    end: dt.date | None = None
    today: dt.date | None = None
    months_done: int = 0
    months_planned: int | None = None
    months_since_end: int = 0
    months_to_start: int = 0


def timeline(start: dt.date | None, end: dt.date | None, today: dt.date) -> Timeline:
    if start is None:
        return Timeline("none", today=today)
    planned = months_between(start, end + dt.timedelta(days=1)) if end else None
    if today < start:
        return Timeline(
            "not_started",
            start,
            end,
            today,
            0,
            planned,
            months_to_start=months_between(today, start),
        )
    if end is not None and today > end:
        return Timeline(
            "ended",
            start,
            end,
            today,
            planned or 0,
            planned,
            months_since_end=months_between(end, today),
        )
    return Timeline(
        "running", start, end, today, months_between(start, today + dt.timedelta(days=1)), planned
    )


@dataclass(frozen=True)
class Window:
    name: str  # before, during, after
    start: dt.date
    end: dt.date


def windows(
    start: dt.date, end: dt.date | None, today: dt.date, before_months: int = BEFORE_MONTHS
) -> list[Window]:
    """The months before the start, the coaching up to today, and after its end up to today
    (only the windows that have begun)."""
    found = [Window("before", add_months(start, -before_months), start - dt.timedelta(days=1))]
    if today >= start:
        found.append(Window("during", start, min(end, today) if end else today))
    if end is not None and today > end:
        found.append(Window("after", end + dt.timedelta(days=1), today))
    return found
