"""Dates as exports write them: the day/month order of slash dates found per file (US forms
write M/D/YYYY), and the window of plausible dates, kept in one place."""

import datetime as dt
import re

import pandas as pd

from core.config import get_settings

SLASH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(.*)$")


def window(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last plausible date (core.config: TILANNEKUVA_EARLIEST_DATE and
    TILANNEKUVA_DAYS_AHEAD); the dashboard's default date range uses the same window."""
    return get_settings().plausible_dates(today)


def plausible(day: dt.date, today: dt.date | None = None) -> bool:
    first, last = window(today)
    return first <= day <= last


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
