"""Dates as exports write them: the day/month order of slash dates found per file (US forms
write M/D/YYYY), and the window of plausible dates, kept in one place."""

import datetime as dt
import re

import pandas as pd

EARLIEST = dt.date(2000, 1, 1)  # nothing the dashboard follows happened before this
LATEST_AHEAD_DAYS = 366  # a date more than this far after today is a typing error

SLASH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(.*)$")


def latest(today: dt.date | None = None) -> dt.date:
    return (today or dt.date.today()) + dt.timedelta(days=LATEST_AHEAD_DAYS)


def plausible(day: dt.date, today: dt.date | None = None) -> bool:
    return EARLIEST <= day <= latest(today)


def slash_order(cells: pd.Series) -> str | None:
    """'dmy' or 'mdy' when a first part above 12 (dmy) or a second part above 12 (mdy) settles
    it, 'ambiguous' when the file has slash dates that fit both, None when it has none."""
    firsts, seconds = [], []
    for value in cells:
        if isinstance(value, str) and (m := SLASH.match(value)):
            firsts.append(int(m[1]))
            seconds.append(int(m[2]))
    if not firsts:
        return None
    if max(firsts) > 12 and max(seconds) <= 12:
        return "dmy"
    if max(seconds) > 12 and max(firsts) <= 12:
        return "mdy"
    if max(firsts) > 12 and max(seconds) > 12:
        return None  # both ways broken: leave the cells to be reported as not dates
    return "ambiguous"


def to_iso(cells: pd.Series, order: str) -> pd.Series:
    """Slash dates rewritten as ISO text in the given order ('dmy' or 'mdy'); other cells kept."""

    def rewrite(value):
        if isinstance(value, str) and (m := SLASH.match(value)):
            first, second, year, rest = int(m[1]), int(m[2]), m[3], m[4].strip()
            day, month = (first, second) if order == "dmy" else (second, first)
            return f"{year}-{month:02d}-{day:02d}" + (f" {rest}" if rest else "")
        return value

    return cells.map(rewrite)
