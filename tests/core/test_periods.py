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


# --- Where a bucket stands on a fixed today ---------------------------------------------------

DAY = dt.date


@pytest.mark.parametrize(
    ("start", "grain", "today", "view_end", "latest", "state"),
    [
        # today falls in the month: running, whatever the data
        (DAY(2026, 12, 1), "month", DAY(2026, 12, 5), None, DAY(2026, 12, 3), "running"),
        (DAY(2026, 12, 1), "month", DAY(2026, 12, 31), None, DAY(2026, 12, 31), "running"),
        # on 5.12. October is over: data to 30.10. are stale, never "running"
        (DAY(2026, 10, 1), "month", DAY(2026, 12, 5), DAY(2026, 12, 5), DAY(2026, 10, 30), "stale"),
        # October's data reach its end but November has none: still behind
        (DAY(2026, 10, 1), "month", DAY(2026, 12, 5), None, DAY(2026, 10, 31), "stale"),
        (
            DAY(2026, 11, 1),
            "month",
            DAY(2026, 12, 5),
            DAY(2026, 11, 30),
            DAY(2026, 11, 30),
            "complete",
        ),
        # the old default view ending on the last data day: cut by the dates, not running
        (DAY(2026, 10, 1), "month", DAY(2026, 12, 5), DAY(2026, 10, 30), DAY(2026, 10, 30), "cut"),
        # a 2021 view: a year five years ago is never running
        (DAY(2021, 1, 1), "year", DAY(2026, 12, 5), DAY(2021, 6, 30), DAY(2021, 6, 30), "cut"),
        (
            DAY(2021, 1, 1),
            "year",
            DAY(2026, 12, 5),
            DAY(2021, 12, 31),
            DAY(2021, 12, 31),
            "complete",
        ),
    ],
)
def test_a_bucket_runs_only_when_today_falls_in_it(start, grain, today, view_end, latest, state):
    found = periods.standing(start, grain, None, today=today, view_end=view_end, latest=latest)
    assert found.state == state
    assert found.partial == (state in ("running", "cut"))


def test_a_running_bucket_counts_its_days_to_today():
    found = periods.standing(
        DAY(2026, 12, 1), "month", None, today=DAY(2026, 12, 5), latest=DAY(2026, 12, 3)
    )
    assert (found.days_run, found.days_total, found.counted_to) == (5, 31, DAY(2026, 12, 5))


def test_a_monthly_source_month_is_whole_and_stale_only_when_newer_months_lack():
    october = DAY(2026, 10, 1)
    on = periods.standing(
        october, "month", None, today=DAY(2026, 10, 20), latest=october, monthly=True
    )
    later = periods.standing(
        october, "month", None, today=DAY(2026, 12, 5), latest=october, monthly=True
    )
    assert (on.state, later.state) == ("complete", "stale")


def test_today_comes_from_one_place_and_can_be_fixed(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_TODAY", "2026-12-05")
    assert periods.today() == DAY(2026, 12, 5)
    monkeypatch.delenv("TILANNEKUVA_TODAY")
    assert periods.today() == dt.date.today()
