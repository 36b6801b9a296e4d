"""core.coaching_period: where today falls on a coaching period, and the before/during/after
windows."""

import datetime as dt

from core.coaching_period import add_months, timeline, windows

D = dt.date


def test_add_months_clips_to_the_month_end():
    assert add_months(D(2025, 3, 31), -1) == D(2025, 2, 28)
    assert add_months(D(2025, 1, 15), -12) == D(2024, 1, 15)


def test_timeline_counts_months_done_of_planned_and_months_since_the_end():
    running = timeline(D(2025, 1, 1), D(2025, 12, 31), D(2025, 6, 30))
    assert (running.status, running.months_done, running.months_planned) == ("running", 6, 12)
    ended = timeline(D(2025, 1, 1), D(2025, 12, 31), D(2026, 4, 2))
    assert (ended.status, ended.months_since_end) == ("ended", 3)
    assert timeline(D(2026, 9, 1), D(2027, 8, 31), D(2026, 6, 1)).status == "not_started"
    assert timeline(None, None, D(2026, 6, 1)).status == "none"


def test_windows_before_during_after():
    found = windows(D(2025, 1, 1), D(2025, 12, 31), D(2026, 6, 15))
    assert [(w.name, w.start, w.end) for w in found] == [
        ("before", D(2024, 1, 1), D(2024, 12, 31)),
        ("during", D(2025, 1, 1), D(2025, 12, 31)),
        ("after", D(2026, 1, 1), D(2026, 6, 15)),
    ]
    running = windows(D(2025, 1, 1), D(2025, 12, 31), D(2025, 6, 15), before_months=6)
    assert [(w.name, w.start, w.end) for w in running] == [
        ("before", D(2024, 7, 1), D(2024, 12, 31)),
        ("during", D(2025, 1, 1), D(2025, 6, 15)),
    ]
