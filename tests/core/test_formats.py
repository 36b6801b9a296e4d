"""core.formats for every language, Finland-Swedish included: changes with their sign, the percent
sign after a range, Excel's date format, and the formats Vega-Lite draws chart labels with (the
same as the tables': 3 991,5, 3/2024, vk 9/2024)."""

import pytest

from core import formats as fmt

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", ["−0,25", "+1 234,50", "0,00"]),
        ("sv", ["−0,25", "+1 234,50", "0,00"]),
        ("en", ["−0.25", "+1,234.50", "0.00"]),
    ],
)
def test_a_change_is_written_with_its_sign(lang, expected):
    shown = [fmt.signed(v, lang) for v in (-0.25, 1234.5, 0)]
    assert [s.replace(NBSP, " ") for s in shown] == expected
    assert fmt.signed(None, lang) == "–"


@pytest.mark.parametrize(
    ("lang", "rng", "date", "month", "week"),
    [
        ("fi", f"0–100{NBSP}%", "d.m.yyyy", "%-m/%Y", "vk %-V/%G"),
        ("sv", f"0–100{NBSP}%", "d.m.yyyy", "%-m/%Y", "v. %-V/%G"),
        ("en", "0–100%", "yyyy-mm-dd", "%Y-%m", "W%-V %G"),
    ],
)
def test_ranges_excel_dates_and_chart_labels(lang, rng, date, month, week):
    assert fmt.percent_sign("0–100", lang) == rng
    assert fmt.excel_date_format(lang) == date
    assert fmt.chart_label_month(lang) == month
    assert fmt.chart_label_week(lang) == week


def test_chart_axes_group_and_mark_decimals_as_the_language_does():
    nordic = "replace(replace(datum.label, regexp(',', 'g'), '\u00a0'), '.', ',')"
    assert fmt.chart_number_expression("fi") == fmt.chart_number_expression("sv") == nordic
    assert fmt.chart_number_expression("en") == "datum.label"
    assert fmt.chart_month_format("sv") == fmt.chart_month_format("fi") == "%m/%Y"


def test_a_period_label_needs_its_kind():
    import datetime as dt

    assert fmt.bucket_label(dt.date(2024, 8, 1), "period", "term", "sv") == "höstterminen 2024"
    with pytest.raises(ValueError):
        fmt.bucket_label(dt.date(2024, 8, 1), "period")
