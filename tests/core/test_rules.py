"""core.rules: which units the feeling meter raises (a fall of 0,5 or more over the latest three
months against the three before, or a recent mean under 3), worst first."""

import datetime as dt

import pandas as pd

from core.rules import falling_units


def monthly(**moods: list[float]) -> pd.DataFrame:
    """A mentor_mood series by unit: one value per month from January 2026."""
    rows = []
    for unit_id, (unit, values) in enumerate(moods.items(), start=1):
        for month, value in enumerate(values, start=1):
            rows.append({"bucket_start": dt.date(2026, month, 1), "label": f"{month}/2026",
                         "series": unit, "series_id": unit_id, "value": value, "n": 4,
                         "suppressed": False})  # fmt: skip
    return pd.DataFrame(rows)


def test_a_fall_of_half_a_point_raises_the_unit_and_a_smaller_one_does_not():
    frame = monthly(A=[4, 4, 4, 3.5, 3.5, 3.5], B=[4, 4, 4, 3.6, 3.6, 3.6])

    falling = falling_units(frame)

    assert falling.to_dict("records") == [
        {"unit": "A", "series_id": 1, "recent": 3.5, "earlier": 4.0, "change": -0.5}
    ]


def test_a_low_mood_is_raised_even_when_steady_and_the_worst_fall_comes_first():
    frame = monthly(Low=[2.8] * 6, Small=[4, 4, 4, 3.4, 3.4, 3.4], Big=[4.5] * 3 + [2.5] * 3)

    falling = falling_units(frame)

    assert falling["unit"].tolist() == ["Big", "Small", "Low"]
    assert falling.loc[2, "change"] == 0.0


def test_a_unit_with_only_recent_months_is_judged_by_its_level():
    falling = falling_units(monthly(New=[2.5, 2.5], Fine=[4.2]))

    assert falling.to_dict("records") == [
        {"unit": "New", "series_id": 1, "recent": 2.5, "earlier": None, "change": None}
    ]
