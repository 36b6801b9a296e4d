"""The chart of many series (60 units by day): what it draws equals what one computes by hand
from the same figures (each bucket's quartiles of the other series' shown values, the
highlighted series' own values), it stays within the marks a chart may draw, and the labels
named once per distinct value equal those named row by row."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from core import formats as fmt
from ui import band_chart
from ui.labels import series_name, with_labels

UNITS = 60
DAYS = 1_100


def _many(seed: int = 7) -> pd.DataFrame:
    """indicator_series()'s frame by units per day: 60 units over 1 100 days, a value a day,
    about a tenth hidden for too few answers."""
    rng = np.random.default_rng(seed)
    days = [dt.date(2023, 1, 2) + dt.timedelta(days=i) for i in range(DAYS)]
    rows = UNITS * DAYS
    suppressed = rng.random(rows) < 0.1
    return pd.DataFrame(
        {
            "bucket_start": np.tile(np.array(days, dtype=object), UNITS),
            "series": np.repeat([f"Yksikkö {u:02d}" for u in range(UNITS)], DAYS),
            "series_id": np.repeat(np.arange(1, UNITS + 1), DAYS),
            "value": np.where(suppressed, np.nan, rng.integers(100, 500, rows) / 100),
            "n": rng.integers(1, 40, rows),
            "suppressed": suppressed,
        }
    )


def _by_hand(frame: pd.DataFrame, left_out=None) -> dict:
    """Each day's lower quartile, median and upper quartile of the shown values of every series
    but left_out, one day at a time."""
    quartiles = {}
    for day, rows in frame.groupby("bucket_start"):
        values = [
            v
            for v, hidden, s in zip(
                rows["value"], rows["suppressed"], rows["series_id"], strict=True
            )
            if not hidden and s != left_out
        ]
        if values:
            quartiles[pd.Timestamp(day)] = tuple(np.percentile(values, [25, 50, 75]))
    return quartiles


def _layers(chart) -> tuple[dict, list[dict]]:
    spec = chart.to_dict()
    return spec, [spec["datasets"][layer["data"]["name"]] for layer in spec["layer"]]


def test_the_many_series_are_too_many_for_lines_and_fit_as_a_band():
    frame = _many()
    assert band_chart.line_marks(frame) > band_chart.MAX_MARKS
    assert band_chart.band_marks(frame) <= band_chart.MAX_MARKS


@pytest.mark.slow
def test_the_band_holds_the_other_units_quartiles_and_the_line_the_highlighted_unit():
    frame = _many()
    lit = 17
    chart = band_chart.band_chart(
        frame, "feedback_mean", "fi", target=4.0, period_kind="term", highlight=lit
    )
    spec, (band, line, *rest) = _layers(chart)

    expected = _by_hand(frame, left_out=lit)
    drawn = {pd.Timestamp(r["bucket_start"]): (r["low"], r["middle"], r["high"]) for r in band}
    assert drawn.keys() == expected.keys()
    for day, quartiles in expected.items():
        assert drawn[day] == pytest.approx(quartiles, rel=1e-12)

    own = frame[frame["series_id"] == lit]
    assert len(line) == len(own)
    for row, value, hidden in zip(line, own["value"], own["suppressed"], strict=True):
        assert row["group"] == "Yksikkö 16"
        if hidden:
            assert row["value"] is None or np.isnan(row["value"])
        else:
            assert row["value"] == pytest.approx(value)
    drawn_marks = 2 * len(band) + len(line) + sum(len(rows) for rows in rest)
    assert drawn_marks <= band_chart.MAX_MARKS + 10  # the target's rule and label


@pytest.mark.slow
def test_with_none_highlighted_the_line_is_every_units_median():
    frame = _many(seed=3)
    chart = band_chart.band_chart(frame, "feedback_mean", "en", period_kind="term")
    _, (band, line) = _layers(chart)
    expected = _by_hand(frame)
    medians = {pd.Timestamp(r["bucket_start"]): r["value"] for r in line}
    assert medians == pytest.approx({day: q[1] for day, q in expected.items()}, rel=1e-12)
    assert {r["group"] for r in line} == {"median"}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_labels_named_once_per_value_equal_labels_named_row_by_row(lang):
    frame = _many().head(5_000)
    frame["series"] = frame["series"].astype(object)
    frame.loc[frame.index[::7], "series"] = None  # units without a service area
    frame.loc[frame.index[::11], "series"] = ""  # the whole selection
    shown = with_labels(frame, "day", "term", lang)
    assert list(shown["label"]) == [
        fmt.bucket_label(d, "day", "term", lang) for d in frame["bucket_start"]
    ]
    assert list(shown["series"]) == [series_name(s, lang) for s in frame["series"]]
