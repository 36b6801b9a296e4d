"""The chart builders: the texts tooltips show, the data and encodings Altair hands to Vega-Lite
(chart.to_dict()), and the week or month of the year that puts years side by side."""

import datetime as dt

import pandas as pd
import pytest

from ui import charts, palette

D = dt.date


def series(rows: list[tuple], series_name: str = "") -> pd.DataFrame:
    """indicator_series()'s frame from (bucket_start, label, value, n) rows; value None means
    hidden for too few answers."""
    return pd.DataFrame(
        {
            "bucket_start": [r[0] for r in rows],
            "label": [r[1] for r in rows],
            "series": series_name,
            "series_id": None,
            "value": [float("nan") if r[2] is None else r[2] for r in rows],
            "n": [r[3] for r in rows],
            "suppressed": [r[2] is None for r in rows],
        }
    )


MONTHS = series([(D(2024, 1, 1), "1/2024", 4.5, 6), (D(2024, 2, 1), "2/2024", None, 3)])


def layers(chart) -> list[dict]:
    return chart.to_dict()["layer"]


def dataset(spec: dict, layer: dict | None = None) -> list[dict]:
    """The rows of the layer's own data, or of the chart's top-level data."""
    name = (layer or spec)["data"]["name"]
    return spec["datasets"][name]


@pytest.mark.parametrize(
    ("lang", "shown", "hidden", "total"),
    [("fi", "4,50", "piilotettu", "Kaikki yksiköt"), ("en", "4.50", "hidden", "All units")],
)
def test_chart_frame_tooltips_say_too_few_answers_for_hidden_values(lang, shown, hidden, total):
    frame = charts.chart_frame(MONTHS, "feedback_mean", lang, "month", "term")

    assert frame["value_text"].tolist() == [shown, hidden]
    assert frame["series"].tolist() == [total, total]
    assert pd.isna(frame["value"].iloc[1])  # nothing to draw, nothing to derive
    assert frame["bucket_start"].tolist() == [pd.Timestamp(2024, 1, 1), pd.Timestamp(2024, 2, 1)]


def test_trend_chart_draws_line_points_and_the_target_rule():
    spec = charts.trend_chart(
        MONTHS, "feedback_mean", "fi", target=4.2, period_kind="term"
    ).to_dict()
    line, points, rule, label = spec["layer"]

    assert (line["mark"]["type"], points["mark"]["type"], rule["mark"]["type"]) == (
        "line",
        "point",
        "rule",
    )
    assert rule["encoding"]["y"]["field"] == "target"
    assert [(r["target"], r["text"]) for r in dataset(spec, rule)] == [(4.2, "4,20")]
    assert rule["mark"]["color"] == palette.TARGET
    assert label["mark"]["type"] == "text"  # the line says what it is
    assert [r["text"] for r in dataset(spec, label)] == ["tavoite 4,20"]
    assert spec["title"] == "Palautteen keskiarvo"
    assert line["encoding"]["x"]["field"] == "bucket_start"
    assert line["encoding"]["x"]["type"] == "temporal"
    # 3,991.5 -> 3 991,5: thousands with a no-break space, a decimal comma
    assert line["encoding"]["y"]["axis"]["labelExpr"] == (
        "replace(replace(datum.label, regexp(',', 'g'), '\u00a0'), '.', ',')"
    )
    rows = dataset(spec)
    assert [(r["label"], r["value"], r["value_text"]) for r in rows] == [
        ("1/2024", 4.5, "4,50"),
        ("2/2024", None, "piilotettu"),
    ]
    tooltip = {t["field"]: t["title"] for t in line["encoding"]["tooltip"]}
    assert tooltip == {
        "label": "Ajanjakso",
        "series": "Yksikkö tai alue",
        "value_text": "Palautteen keskiarvo",
        "n_text": "Aineiston koko (n)",
    }


def test_trend_chart_without_a_target_has_no_rule():
    chart = charts.trend_chart(MONTHS, "mentor_mood", "en", period_kind="term")

    assert [layer["mark"]["type"] for layer in layers(chart)] == ["line", "point"]


def test_one_series_needs_no_legend():
    for layer in layers(
        charts.trend_chart(MONTHS, "feedback_mean", "fi", target=4.0, period_kind="term")
    )[:2]:
        assert layer["encoding"]["color"]["legend"] is None


def test_several_series_share_one_legend_at_the_bottom():
    frame = pd.concat(
        [
            series([(D(2024, 1, 1), "1/2024", 4.5, 6)], "Päiväkoti Aurinko"),
            series([(D(2024, 1, 1), "1/2024", 3.0, 6)], "Palvelutalo Koivu"),
        ],
        ignore_index=True,
    )
    line, points, rule, _ = layers(
        charts.trend_chart(frame, "feedback_mean", "en", target=4.0, period_kind="term")
    )

    # Line and points encode colour identically, so Vega-Lite merges them into one legend;
    # the target rule has no colour channel to add a second one.
    assert line["encoding"]["color"] == points["encoding"]["color"]
    legend = line["encoding"]["color"]["legend"]  # a name a line: whole names on a phone
    assert (legend["orient"], legend["direction"]) == ("bottom", "vertical")
    assert line["encoding"]["color"]["field"] == "series"
    assert "color" not in rule["encoding"]


@pytest.mark.parametrize(("lang", "month_format"), [("fi", "%m/%Y"), ("en", "%Y-%m")])
def test_time_axis_names_months_or_whole_years(lang, month_format):
    def axis(grain):
        chart = charts.trend_chart(MONTHS, "feedback_mean", lang, grain=grain, period_kind="term")
        return layers(chart)[0]["encoding"]["x"]["axis"]

    assert axis("month") == {"format": month_format}
    # At year grain a tick a month would make two yearly figures look like months.
    assert axis("year") == {"format": "%Y", "tickCount": {"interval": "year", "step": 1}}


def test_percent_and_count_axes_start_from_zero_and_scores_do_not():
    def zero(code):
        return layers(charts.trend_chart(MONTHS, code, "fi", period_kind="term"))[0]["encoding"][
            "y"
        ]["scale"]["zero"]

    assert (zero("feedback_positive_share"), zero("feedback_answers")) == (True, True)
    assert zero("feedback_mean") is False


def test_years_frame_puts_new_years_days_in_iso_week_53_of_2020():
    frame = series(
        [
            (D(2020, 12, 31), "a", 4.0, 6),
            (D(2021, 1, 1), "b", 4.1, 6),
            (D(2021, 1, 4), "c", 4.2, 6),
            (D(2021, 12, 27), "d", 4.3, 6),
        ]
    )

    weeks = charts.years_frame(frame, "week")

    assert list(zip(weeks["year"], weeks["x"], strict=True)) == [
        ("2020", 53),
        ("2020", 53),
        ("2021", 1),
        ("2021", 52),
    ]


def test_years_frame_at_month_grain_uses_calendar_years_and_months():
    frame = series([(D(2020, 12, 31), "a", 4.0, 6), (D(2021, 1, 1), "b", 4.1, 6)])

    months = charts.years_frame(frame, "month")

    assert list(zip(months["year"], months["x"], strict=True)) == [("2020", 12), ("2021", 1)]


def test_years_frame_keeps_only_the_total():
    frame = pd.concat(
        [
            series([(D(2024, 1, 1), "1/2024", 4.0, 9)]),
            series([(D(2024, 1, 1), "1/2024", 4.5, 6)], "Päiväkoti Aurinko"),
        ],
        ignore_index=True,
    )

    assert charts.years_frame(frame, "month")["value"].tolist() == [4.0]


def test_years_chart_draws_one_line_per_year_over_the_months():
    frame = series(
        [
            (D(2024, 3, 1), "3/2024", 3.0, 6),
            (D(2025, 3, 1), "3/2025", 4.0, 6),
            (D(2026, 2, 1), "2/2026", None, 2),
        ]
    )

    spec = charts.years_chart(
        frame, "feedback_mean", "month", "fi", target=4.0, period_kind="term"
    ).to_dict()
    line, points, rule, label = spec["layer"]

    assert [(r["year"], r["x"], r["value_text"]) for r in dataset(spec)] == [
        ("2024", 3, "3,00"),
        ("2025", 3, "4,00"),
        ("2026", 2, "piilotettu"),
    ]
    assert line["encoding"]["color"]["field"] == "year"
    assert line["encoding"]["color"]["legend"] == {"orient": "bottom"}
    assert line["encoding"]["x"] == {
        "field": "x",
        "title": "kuukausi",
        "type": "ordinal",
        "axis": {"labelAngle": 0},
    }
    assert dataset(spec, rule) == [{"target": 4.0, "text": "tavoite 4,00"}]


def test_years_chart_at_week_grain_titles_the_axis_with_weeks():
    frame = series([(D(2020, 12, 28), "2020-W53", 4.0, 6)])

    spec = charts.years_chart(frame, "nps", "week", "en", period_kind="term").to_dict()

    assert spec["layer"][0]["encoding"]["x"]["title"] == "week"
    assert [(r["year"], r["x"]) for r in dataset(spec)] == [("2020", 53)]


def test_survey_rounds_a_year_apart_are_points_not_a_line():
    rounds = series([(D(2023, 3, 1), "3/2023", 20.0, 40), (D(2024, 3, 1), "3/2024", 35.0, 3991)])
    frame = charts.chart_frame(rounds, "nps", "fi", "month", "term")
    assert frame["joined"].tolist() == [False, False]
    assert frame["n_text"].tolist() == ["40", "3\u00a0991"]
    spec = charts.trend_chart(rounds, "nps", "en", period_kind="term").to_dict()
    line = spec["layer"][0]
    assert line["transform"] == [{"filter": "datum.joined"}]  # the line skips these rows
    assert charts.chart_frame(MONTHS, "nps", "en", "month", "term")["joined"].all()


def test_one_unit_highlighted_against_grey_others():
    frame = pd.concat(
        [
            series([(D(2024, 1, 1), "1/2024", 4.0 + k / 10, 6)], f"Yksikkö {k}").assign(series_id=k)
            for k in range(12)
        ],
        ignore_index=True,
    )
    spec = charts.trend_chart(
        frame, "feedback_mean", "fi", target=4.0, highlight=3, period_kind="term"
    ).to_dict()
    grey_line, grey_points, line, points, rule, label = spec["layer"]
    assert line["encoding"]["color"]["scale"] == {
        "domain": ["Yksikkö 3", "muut"],
        "range": [charts.HIGHLIGHT, charts.OTHERS],
    }
    assert [r["series"] for r in dataset(spec, line)] == ["Yksikkö 3"]
    assert len(dataset(spec)) == 11  # the first layers' data, lifted to the top
    assert grey_line["encoding"]["detail"]["field"] == "series"  # a grey line per unit


# --- Charts that cannot mislead -----------------------------------------------------------------


def test_each_year_carries_its_own_target():
    frame = series(
        [
            (D(2024, 6, 1), "6/2024", 3.8, 6),
            (D(2025, 6, 1), "6/2025", 3.9, 6),
            (D(2026, 6, 1), "6/2026", 3.6, 6),
        ]
    )
    targets = {2024: 3.9, 2025: 3.9, 2026: 3.7}
    spec = charts.trend_chart(frame, "feedback_mean", "fi", targets, period_kind="term").to_dict()
    rule = next(x for x in spec["layer"] if x["mark"]["type"] == "rule")
    rows = dataset(spec, rule)
    assert [(r["year"], r["target"]) for r in rows] == [("2024", 3.9), ("2025", 3.9), ("2026", 3.7)]
    label = next(x for x in spec["layer"] if x["mark"]["type"] == "text")
    assert [r["text"] for r in dataset(spec, label)] == ["tavoite 3,70"]  # the latest year's

    years = charts.years_chart(frame, "feedback_mean", "month", "fi", targets, period_kind="term")
    texts = [r["text"] for r in dataset(years.to_dict(), years.to_dict()["layer"][3])]
    assert texts == ["tavoite 3,90 (2024–2025)", "tavoite 3,70 (2026)"]


def test_lines_are_straight_segments_never_curves_below_the_scale():
    frame = series([(D(2024, m, 1), f"{m}/2024", v, 12) for m, v in [(1, 0), (2, 30), (3, 0)]])
    for spec in (
        charts.trend_chart(frame, "feedback_mean", "fi", period_kind="term").to_dict(),
        charts.years_chart(frame, "feedback_mean", "month", "fi", period_kind="term").to_dict(),
    ):
        lines = [x["mark"] for x in spec["layer"] if x["mark"]["type"] == "line"]
        assert lines and all(m.get("interpolate", "linear") == "linear" for m in lines)


def test_a_staff_rate_at_month_grain_is_the_months_own_and_says_so():
    # one leaver in a unit of ten: 10 % of the month, annualised 120 %
    frame = series([(D(2024, 1, 1), "1/2024", 120.0, 10), (D(2024, 2, 1), "2/2024", 0.0, 10)])
    spec = charts.trend_chart(frame, "turnover_percent", "fi", 15.0, period_kind="term").to_dict()
    assert spec["title"] == "Vaihtuvuus % (kuukauden luku)"
    assert [r["value"] for r in dataset(spec)] == [10.0, 0.0]
    assert not [x for x in spec["layer"] if x["mark"]["type"] == "rule"]  # yearly target
    yearly = charts.trend_chart(frame, "turnover_percent", "en", 15.0, "year", period_kind="term")
    assert yearly.to_dict()["title"] == "Turnover %"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_roles_keep_their_colours_in_every_language(lang):
    frame = pd.concat(
        [
            series([(D(2024, 1, 1), "1/2024", 4.5, 6)], name).assign(series_id=i, role=role)
            for i, (name, role) in enumerate(
                [
                    ("Päiväkoti Aurinko", "unit"),
                    ("Varhaiskasvatus", "area"),
                    (f"org {lang}", "organisation"),
                ]
            )
        ],
        ignore_index=True,
    )
    spec = charts.trend_chart(frame, "feedback_mean", lang, period_kind="term").to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "Päiväkoti Aurinko": palette.UNIT,
        "Varhaiskasvatus": palette.SERVICE_AREA,
        f"org {lang}": palette.ORGANISATION,
    }


def test_units_get_distinct_colours_in_the_order_of_their_ids():
    names = ["Ö-koti", "Aurinko", "Koivu"]  # sorted by name, they would swap colours by language
    frame = pd.concat(
        [
            series([(D(2024, 1, 1), "1/2024", 4.0, 6)], n).assign(series_id=i)
            for i, n in enumerate(names)
        ],
        ignore_index=True,
    )
    scale = charts.trend_chart(frame, "feedback_mean", "fi", period_kind="term").to_dict()["layer"][
        0
    ]["encoding"]["color"]["scale"]
    assert scale["domain"] == names
    assert scale["range"] == palette.SERIES[:3] and len(set(scale["range"])) == 3
