"""core.rules.attention: each feeling-meter rule raised and not raised, with its numbers,
including a fall of exactly 0,5 written as 4,1 -> 3,6 (floating point gives 0,4999...)."""

import datetime as dt

import pandas as pd

from core import change as ch
from core.rules import Thresholds, attention
from data_model.queries.mentoring import SUM_COLUMNS

AS_OF = dt.date(2026, 6, 30)


def sums(reports: list[tuple]) -> pd.DataFrame:
    """report_sums' frame from single reports (unit_id, date, mentor, mood, workload, concern),
    one report per row as the query gives for one report in its week."""
    rows = []
    for unit_id, day, mentor, mood, workload, concern in reports:
        week = day - dt.timedelta(days=day.weekday())
        wl = [1, workload, workload * workload] if workload is not None else [0, None, None]
        rows.append(
            [
                unit_id,
                1,
                week,
                day.replace(day=1),
                mentor,
                1,
                1,
                mood,
                mood * mood,
                *wl,
                0,
                None,
                None,
                int(bool(concern)),
                day,
            ]
        )
    return pd.DataFrame(rows, columns=SUM_COLUMNS)


def monthly(unit_id: int, moods: list[float], workloads=None, mentor="Mari") -> list[tuple]:
    """One report on the 15th of each month January-June 2026 (the last value is June)."""
    first = 7 - len(moods)
    workloads = workloads or [3.0] * len(moods)
    return [
        (unit_id, dt.date(2026, first + i, 15), mentor, m, w, False)
        for i, (m, w) in enumerate(zip(moods, workloads, strict=True))
    ]


def reasons(raised, unit_id):
    return {r.rule: r.values for x in raised if x.unit_id == unit_id for r in x.reasons}


def test_a_fall_of_exactly_half_a_point_raises_and_a_smaller_one_does_not():
    frame = sums(monthly(1, [4.1] * 3 + [3.6] * 3) + monthly(2, [4.1] * 3 + [3.61] * 3))

    raised = attention(frame, AS_OF)

    fall = reasons(raised, 1)["mood_fall"]
    assert fall["months"] == 3 and fall["n_recent"] == 3 and fall["n_earlier"] == 3
    assert round(fall["recent"], 2) == 3.6 and round(fall["earlier"], 2) == 4.1
    assert round(fall["change"], 2) == -0.5
    assert fall["verdict"] == ch.WORSE  # no variance within the windows: a clear fall
    assert 2 not in [r.unit_id for r in raised]


def test_the_fall_compares_calendar_months_set_in_the_thresholds():
    frame = sums(monthly(1, [4.0, 4.0, 3.0, 3.0]))  # March-June
    assert "mood_fall" in reasons(attention(frame, AS_OF, Thresholds(months=2)), 1)
    # three months: April-June (3,33) against January-March (4,0): a fall of 0,67
    assert round(reasons(attention(frame, AS_OF), 1)["mood_fall"]["change"], 2) == -0.67
    assert attention(frame, AS_OF, Thresholds(months=2, drop=1.5)) == []


def test_low_mood_in_two_report_months_in_a_row_but_not_one_or_with_a_gap():
    two = monthly(1, [3.5, 3.5, 3.5, 3.5, 2.9, 2.8])
    one = monthly(2, [3.5, 3.5, 3.5, 3.5, 3.5, 2.8])
    gap = [r for r in monthly(3, [3.5, 3.5, 3.5, 2.9, 3.5, 2.8]) if r[1].month != 5]
    at_level = monthly(4, [3.0] * 6)

    raised = attention(sums(two + one + gap + at_level), AS_OF)

    low = reasons(raised, 1)["low_mood"]
    assert low["low"] == 3.0 and low["means"] == [2.9, 2.8]
    assert low["months"] == [dt.date(2026, 5, 1), dt.date(2026, 6, 1)]
    for unit_id in (2, 3, 4):
        assert "low_mood" not in reasons(raised, unit_id)


def test_concerns_in_the_latest_month_say_how_many_and_by_whom():
    reports = (
        monthly(1, [4.0] * 6)
        + [
            (1, dt.date(2026, 6, 20), "Pekka", 4.0, 3.0, True),
            (1, dt.date(2026, 6, 22), "Anna", 4.0, 3.0, True),
            (2, dt.date(2026, 5, 20), "Pekka", 4.0, 3.0, True),  # an older month: not raised
        ]
        + monthly(2, [4.0] * 6)
    )

    raised = attention(sums(reports), AS_OF)

    assert reasons(raised, 1)["concerns"] == {
        "month": dt.date(2026, 6, 1),
        "count": 2,
        "mentors": ["Anna", "Pekka"],
        "reports": 3,
    }
    assert reasons(raised, 2) == {}


def test_no_report_for_longer_than_the_expected_interval():
    late = [r for r in monthly(1, [4.0] * 6) if r[1].month <= 5]  # last on 15 May: 46 days
    fresh = monthly(2, [4.0] * 6)

    raised = attention(sums(late + fresh), AS_OF, expected=(3,))

    assert reasons(raised, 1)["no_report"] == {"last": dt.date(2026, 5, 15), "weeks": 6, "days": 46}
    assert reasons(raised, 3)["no_report"]["last"] is None  # in coaching, never reported
    assert 2 not in [r.unit_id for r in raised]
    assert attention(sums(late), AS_OF, Thresholds(report_weeks=7)) == []


def test_rising_workload_is_raised_and_steady_workload_is_not():
    rising = monthly(1, [4.0] * 6, workloads=[3.0, 3.0, 3.0, 3.5, 3.5, 3.5])
    steady = monthly(2, [4.0] * 6, workloads=[3.0, 3.0, 3.0, 3.4, 3.4, 3.4])

    raised = attention(sums(rising + steady), AS_OF)

    rise = reasons(raised, 1)["workload_rise"]
    assert rise["change"] == 0.5 and rise["recent"] == 3.5 and rise["earlier"] == 3.0
    assert 2 not in [r.unit_id for r in raised]


def test_units_with_more_reasons_come_first():
    many = monthly(1, [4.5, 4.5, 4.5, 2.5, 2.5, 9.9])[:-1]  # January-May: nothing in June
    one = monthly(2, [4.5] * 3 + [3.9] * 3)
    raised = attention(sums(many + one), AS_OF, Thresholds(report_weeks=4))
    assert [r.unit_id for r in raised] == [1, 2]
    assert raised[0].rules() == ["mood_fall", "low_mood", "no_report"]


def test_heatmap_names_every_third_month_as_the_dashboard_writes_buckets():
    from ui.attention import heatmap_labels

    assert heatmap_labels("month", "fi") == (
        "month(datum.value) % 3 == 0 ? timeFormat(datum.value, '%-m/%Y') : ''"
    )
    assert "'vk %-V/%G'" in heatmap_labels("week", "fi")
    assert "'W%-V %G'" in heatmap_labels("week", "en")
