"""The ui pieces that write numbers, dates and labels take them from core.formats, so every
language of the app gets its own forms, Finland-Swedish as Finnish does (3,7; 1 200; 5.3.2024)
and English its own, with no branch on one language in the ui."""

import datetime as dt

import pandas as pd
import pytest

from ui import attention, charts, effect, export
from ui import scorecard as sc

NBSP = "\u00a0"
MONTHS = pd.DataFrame(
    {
        "bucket_start": [dt.date(2024, m, 1) for m in (1, 2, 3)],
        "series": "",
        "series_id": None,
        "value": [3.7, 1200.5, 4.0],
        "n": [1200, 6, 7],
        "suppressed": False,
    }
)


@pytest.mark.parametrize(
    ("lang", "axis", "number"),
    [("fi", "%m/%Y", "1\u00a0200,5"), ("sv", "%m/%Y", "1\u00a0200,5"), ("en", "%Y-%m", "1,200.5")],
)
def test_charts_label_axes_and_tooltips_as_the_language_writes(lang, axis, number):
    spec = charts.trend_chart(MONTHS, "sick_leave_days_per_fte", lang, period_kind="term").to_dict()
    x = spec["layer"][0]["encoding"]["x"]["axis"]["format"]
    frame = charts.chart_frame(MONTHS, "sick_leave_days_per_fte", lang, "month", "term")
    assert x == axis
    assert frame["value_text"].tolist()[1] == number


def test_the_heatmap_names_weeks_as_the_tables_do():
    assert "'v. %-V/%G'" in attention.heatmap_labels("week", "sv")
    assert "'%-m/%Y'" in attention.heatmap_labels("month", "sv")
    assert "'W%-V %G'" in attention.heatmap_labels("week", "en")


@pytest.mark.parametrize(
    ("lang", "interval", "points"),
    [
        ("fi", "−0,25 … +0,50", "+2 %-yks."),
        ("sv", "−0,25 … +0,50", None),
        ("en", "−0.25 … +0.50", "+2 pp"),
    ],
)
def test_changes_and_intervals(lang, interval, points):
    assert effect.interval_text(-0.25, 0.5, lang) == interval
    delta = sc.change_text(82.0, 80.0, "feedback_positive_share", lang)
    assert delta.startswith("+2")
    if points is not None:
        assert delta == points


def test_export_ranges_and_dates_in_swedish():
    from core import indicators as catalog

    assert export.range_text(catalog.get("feedback_positive_share"), "sv") == f"0–100{NBSP}%"
    assert export.range_text(catalog.get("feedback_positive_share"), "en") == "0–100%"
