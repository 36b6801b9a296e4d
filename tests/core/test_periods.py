"""Bucket arithmetic in Python: starts, steps, a year earlier and labels of every grain."""

import datetime as dt

import pytest

from core import formats, periods

D = dt.date


@pytest.mark.parametrize(
    ("day", "grain", "kind", "start"),
    [
        (D(2021, 1, 1), "day", "term", D(2021, 1, 1)),
        (D(2021, 1, 1), "week", "term", D(2020, 12, 28)),
        (D(2024, 12, 30), "week", "term", D(2024, 12, 30)),
        (D(2024, 3, 31), "month", "term", D(2024, 3, 1)),
        (D(2024, 12, 31), "year", "term", D(2024, 1, 1)),
        (D(2024, 6, 30), "period", "quarter", D(2024, 4, 1)),
        (D(2024, 7, 1), "period", "quarter", D(2024, 7, 1)),
        (D(2024, 7, 31), "period", "term", D(2024, 1, 1)),
        (D(2024, 8, 1), "period", "term", D(2024, 8, 1)),
        (D(2024, 12, 31), "period", "term", D(2024, 8, 1)),
        (D(2025, 7, 31), "period", "operating_year", D(2024, 8, 1)),
        (D(2025, 8, 1), "period", "operating_year", D(2025, 8, 1)),
    ],
)
def test_bucket_start(day, grain, kind, start):
    assert periods.bucket_start(day, grain, kind) == start


@pytest.mark.parametrize(
    ("start", "grain", "kind", "steps", "expected"),
    [
        (D(2020, 12, 28), "week", "term", 1, D(2021, 1, 4)),
        (D(2024, 1, 1), "month", "term", -1, D(2023, 12, 1)),
        (D(2024, 1, 1), "period", "quarter", -1, D(2023, 10, 1)),
        (D(2024, 1, 1), "period", "term", -1, D(2023, 8, 1)),
        (D(2024, 8, 1), "period", "term", 1, D(2025, 1, 1)),
        (D(2024, 8, 1), "period", "term", -3, D(2023, 1, 1)),
        (D(2024, 8, 1), "period", "operating_year", -1, D(2023, 8, 1)),
        (D(2024, 1, 1), "year", "term", 2, D(2026, 1, 1)),
    ],
)
def test_shift(start, grain, kind, steps, expected):
    assert periods.shift(start, grain, kind, steps) == expected


@pytest.mark.parametrize(
    ("start", "grain", "kind", "end"),
    [
        (D(2024, 1, 1), "period", "term", D(2024, 7, 31)),
        (D(2024, 8, 1), "period", "operating_year", D(2025, 7, 31)),
        (D(2024, 2, 1), "month", "term", D(2024, 2, 29)),
        (D(2020, 12, 28), "week", "term", D(2021, 1, 3)),
    ],
)
def test_bucket_end(start, grain, kind, end):
    assert periods.bucket_end(start, grain, kind) == end


@pytest.mark.parametrize(
    ("start", "grain", "expected"),
    [
        (D(2021, 1, 4), "week", D(2019, 12, 30)),  # 2021-W01 -> 2020-W01, which starts in 2019
        (D(2020, 12, 28), "week", D(2019, 12, 23)),  # 2020-W53 -> 2019-W52 (no W53 in 2019)
        (D(2024, 2, 29), "day", D(2023, 2, 28)),
        (D(2024, 8, 1), "period", D(2023, 8, 1)),
    ],
)
def test_year_earlier(start, grain, expected):
    assert periods.year_earlier(start, grain) == expected


@pytest.mark.parametrize(
    ("start", "grain", "kind", "fi", "en"),
    [
        (D(2016, 10, 5), "day", "term", "5.10.2016", "2016-10-05"),
        (D(2020, 12, 28), "week", "term", "vk 53/2020", "W53 2020"),
        (D(2024, 12, 30), "week", "term", "vk 1/2025", "W1 2025"),  # ISO week 1 of 2025
        (D(2024, 3, 1), "month", "term", "3/2024", "3/2024"),
        (D(2024, 1, 1), "period", "quarter", "2024 Q1", "2024 Q1"),
        (D(2024, 10, 1), "period", "quarter", "2024 Q4", "2024 Q4"),
        (D(2024, 1, 1), "period", "term", "kevät 2024", "spring 2024"),
        (D(2024, 8, 1), "period", "term", "syksy 2024", "autumn 2024"),
        (D(2024, 8, 1), "period", "operating_year", "2024–2025", "2024–2025"),
        (D(2024, 1, 1), "year", "term", "2024", "2024"),
    ],
)
def test_label(start, grain, kind, fi, en):
    assert formats.bucket_label(start, grain, kind, "fi") == fi
    assert formats.bucket_label(start, grain, kind, "en") == en


def test_unknown_grain_or_period_kind_is_refused():
    with pytest.raises(ValueError, match="grain"):
        periods.check("fortnight", "term")
    with pytest.raises(ValueError, match="period kind"):
        periods.check("period", "semester")


def test_week_start_is_the_monday_of_the_iso_week():
    assert periods.week_start(dt.date(2024, 1, 7)) == dt.date(2024, 1, 1)  # a Sunday
    assert periods.week_start(dt.date(2024, 12, 31)) == dt.date(2024, 12, 30)
