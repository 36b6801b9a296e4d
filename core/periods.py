"""Time buckets in Python: the grains (day, ISO week, month, period, year), the period kinds
(quarter, school term, operating year), and each bucket's first day, its neighbours and the
same bucket a year earlier. The week's Monday is computed here and nowhere else, and so is
today (`today()`) and whether a bucket is running, cut by the chosen dates, complete or stale
(`standing()`).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args
from zoneinfo import ZoneInfo

import pandas as pd

from core.config import get_settings

Grain = Literal["day", "week", "month", "period", "year"]
PeriodKind = Literal["quarter", "term", "operating_year"]
GRAINS: tuple[Grain, ...] = get_args(Grain)
PERIOD_KINDS: tuple[PeriodKind, ...] = get_args(PeriodKind)

# Month on which each period starts, by the month a date falls in (1..12).
_PERIOD_START_MONTH: dict[str, Callable[[int], int]] = {
    "quarter": lambda month: (month - 1) // 3 * 3 + 1,
    "term": lambda month: 1 if month <= 7 else 8,  # kevät Jan–Jul, syksy Aug–Dec
    "operating_year": lambda month: 8,  # Aug–Jul
}
_PERIOD_MONTHS = {"quarter": 3, "term": None, "operating_year": 12}


def check(grain: str, period_kind: PeriodKind) -> None:
    """Fail early and clearly on a misspelt grain or period kind (they come from settings)."""
    if grain not in GRAINS:
        raise ValueError(f"unknown grain {grain!r}; known: {', '.join(GRAINS)}")
    if period_kind not in PERIOD_KINDS:
        raise ValueError(f"unknown period kind {period_kind!r}; known: {', '.join(PERIOD_KINDS)}")


def _kind(grain: str, period_kind: PeriodKind | None) -> PeriodKind | None:
    """The period kind, which only the period grain needs: there it must be given."""
    if grain == "period" and period_kind is None:
        raise ValueError("the period grain needs a period kind (quarter, term, operating_year)")
    return period_kind


def monthly_grain(grain: str) -> str:
    """Workforce figures are monthly: day and week grains fall back to months for them."""
    return "month" if grain in ("day", "week") else grain


# --- Python side -------------------------------------------------------------------------------


def bucket_start(day: dt.date, grain: str, period_kind: PeriodKind | None = None) -> dt.date:
    """The first day of the bucket that day falls in (the period grain needs its kind)."""
    if grain == "day":
        return day
    if grain == "week":
        return week_start(day)
    if grain == "month":
        return day.replace(day=1)
    if grain == "year":
        return dt.date(day.year, 1, 1)
    first = _PERIOD_START_MONTH[_kind(grain, period_kind)](day.month)
    year = day.year - 1 if first > day.month else day.year
    return dt.date(year, first, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def shift(
    start: dt.date, grain: str, period_kind: PeriodKind | None = None, steps: int = 1
) -> dt.date:
    """The start of the bucket `steps` buckets after (negative: before) the one starting at
    start (the period grain needs its kind)."""
    if grain == "day":
        return start + dt.timedelta(days=steps)
    if grain == "week":
        return start + dt.timedelta(weeks=steps)
    if grain == "month":
        return _add_months(start, steps)
    if grain == "year":
        return dt.date(start.year + steps, 1, 1)
    if _kind(grain, period_kind) == "term":
        index = start.year * 2 + (start.month >= 8) + steps
        return dt.date(index // 2, 8 if index % 2 else 1, 1)
    return _add_months(start, steps * _PERIOD_MONTHS[period_kind])


def bucket_end(start: dt.date, grain: str, period_kind: PeriodKind | None = None) -> dt.date:
    """The last day of the bucket starting at start."""
    return shift(start, grain, period_kind) - dt.timedelta(days=1)


def year_earlier(start: dt.date, grain: str) -> dt.date:
    """The same bucket a year earlier: the same date, ISO week number, month or period.
    Week 53 maps to week 52 in years without one; 29 February to the 28th."""
    if grain == "week":
        year, week, _ = start.isocalendar()
        weeks = dt.date(year - 1, 12, 28).isocalendar().week  # 28 Dec is always in the last week
        return dt.date.fromisocalendar(year - 1, min(week, weeks), 1)
    if grain == "day" and (start.month, start.day) == (2, 29):
        return dt.date(start.year - 1, 2, 28)
    return start.replace(year=start.year - 1)


def week_start(day: dt.date) -> dt.date:
    """Monday of the ISO week that day falls in (SQLite here has no %V, so it is stored)."""
    return day - dt.timedelta(days=day.weekday())


def week_starts(days: pd.Series) -> pd.Series:
    """week_start() for a whole column of dates at once (imports have 100k+ rows), as
    datetime64 midnights (a Python date per row took 0.7 s of a 500k import)."""
    stamps = pd.to_datetime(days).dt.normalize()
    return stamps - pd.to_timedelta(stamps.dt.day_of_week, unit="D")


# --- A bucket still in progress, and the same part of an earlier bucket -----------------------


def months_between(first: dt.date, last: dt.date) -> int:
    """Calendar months from first's month to last's month, both counted: 1.3.–20.3. is 1."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def in_progress(start: dt.date, grain: str, period_kind: PeriodKind | None, as_of: dt.date) -> bool:
    """True when as_of falls inside the bucket before its last day: the bucket has not run to
    its end, so its figures are partial and compare only with the same part of another."""
    return start <= as_of < bucket_end(start, grain, period_kind)


def days_run(start: dt.date, as_of: dt.date) -> int:
    """Days of a bucket counted up to and including as_of (the first day is day 1)."""
    return (as_of - start).days + 1


def same_part_end(
    other_start: dt.date,
    start: dt.date,
    as_of: dt.date,
    grain: str,
    period_kind: PeriodKind | None,
    monthly: bool = False,
) -> dt.date:
    """The last day of the part of the bucket at other_start that matches the part of the
    bucket at start run by as_of: as many days (monthly figures: as many calendar months),
    never past the other bucket's end. 1.10.–24.10.2026 matches 1.9.–24.9. and 1.10.–24.10.2025;
    the spring term to 20.3. (monthly) matches January to March."""
    if monthly:
        end = shift(other_start, "month", steps=months_between(start, as_of)) - dt.timedelta(1)
    else:
        end = other_start + dt.timedelta(days=days_run(start, as_of) - 1)
    return min(end, bucket_end(other_start, grain, period_kind))


def sparse(starts: list[dt.date], grain: str, period_kind: PeriodKind | None = None) -> bool:
    """True when fewer than half of the buckets from the first to the last hold data (survey
    rounds a year apart): such a series is drawn as points, since a line would invent the
    figures between them. A month missing here and there still reads as a line."""
    ordered = sorted(set(starts))
    if len(ordered) < 2:
        return False
    span, day = 1, ordered[0]
    while day < ordered[-1]:
        day, span = shift(day, grain, period_kind), span + 1
    return len(ordered) * 2 < span


def rolling_window(end_month: dt.date, months: int = 12) -> tuple[dt.date, dt.date]:
    """The first and last day of the `months` calendar months ending with end_month's month."""
    last = bucket_end(end_month.replace(day=1), "month")
    return shift(end_month.replace(day=1), "month", steps=1 - months), last


# --- Today, and where a bucket stands on it ---------------------------------------------------


HELSINKI = ZoneInfo("Europe/Helsinki")  # where the users are


def today() -> dt.date:
    """The one day every page, export and report takes as today: TILANNEKUVA_TODAY when set (a
    test, a demonstration of a given day), else today's date in Finland. Whether a period is
    running depends on this day alone, never on the last day with data."""
    return get_settings().today or dt.datetime.now(HELSINKI).date()


State = Literal["running", "cut", "complete", "stale"]


@dataclass(frozen=True)
class Standing:
    """Where a bucket stands on a given today, for the words that name it.

    - running: today falls in it; its figures are counted to today (`counted_to`) and compare
      with the same part of other buckets.
    - cut: the chosen dates end inside it, before today; counted to that end, compared likewise.
    - complete: it has ended and data reach its end, with no newer bucket missing.
    - stale: it has ended, and its source's data stop before its end or before the bucket the
      view ends in (`latest`, the last day or month with data): said as such, and compared
      with full buckets.
    """

    state: State
    start: dt.date
    end: dt.date
    counted_to: dt.date
    latest: dt.date | None = None
    monthly: bool = False  # the source counts whole months (workforce): latest is a month

    @property
    def days_run(self) -> int:
        return days_run(self.start, self.counted_to)

    @property
    def days_total(self) -> int:
        return days_run(self.start, self.end)

    @property
    def partial(self) -> bool:
        """Counted to a day before its end: compared with the same part of other buckets."""
        return self.state in ("running", "cut")


def standing(
    start: dt.date,
    grain: str,
    period_kind: PeriodKind | None,
    *,
    today: dt.date,
    view_end: dt.date | None = None,
    latest: dt.date | None = None,
    monthly: bool = False,
) -> Standing:
    """Where the bucket starting at start stands: running only when today falls in it; cut
    when the view's last day (view_end) ends it early, before today; stale when it has ended
    and its data (latest: the source's last day with data, or month for a monthly source) stop
    before its end or before the bucket the view ends in; else complete. A monthly source
    (workforce) counts whole months, so a month of it is never running nor cut."""
    end = bucket_end(start, grain, period_kind)
    last = today if view_end is None else min(view_end, today)
    if monthly and grain == "month":  # a whole month's figure: stale only when newer ones lack
        newer_missing = start < bucket_start(last, "month")
        return Standing("stale" if newer_missing else "complete", start, end, end, latest, True)
    if start <= today <= end and last == today:
        return Standing("running", start, end, today, latest, monthly)
    if start <= last < end:
        return Standing("cut", start, end, last, latest, monthly)
    data_end = latest
    if monthly and latest is not None:
        data_end = bucket_end(latest.replace(day=1), "month")
    behind = data_end is not None and data_end < end
    newer_missing = start < bucket_start(last, grain, period_kind)
    state = "stale" if behind or newer_missing else "complete"
    return Standing(state, start, end, end, latest, monthly)
