"""The chart of many series over many buckets (60 units by day are 66 000 values): one line per
series would draw more points than a reader can tell apart, and more than the browser draws in
time. Past MAX_MARKS the Trends page draws this instead: the highlighted series as a line
against a band of the others' middle half (their lower to upper quartile per bucket), or, with
none highlighted, every series' median within that band. Every figure stays in the page's table
and its download."""

import altair as alt
import numpy as np
import pandas as pd

from core import formats as fmt
from core import indicators as catalog
from core.periods import PeriodKind
from core.texts import t
from core.wording import value_text
from ui.charts import HEIGHT, HIGHLIGHT, OTHERS, _target_layers, data_grain
from ui.labels import each_once

# About as many marks (a line's vertices, points, an area's edge points) as a chart may draw:
# Vega draws them through its expression interpreter, and past a few thousand a reader sees a
# smear, not the points.
MAX_MARKS = 5_000
MEDIAN = "#4b5563"


def line_marks(frame: pd.DataFrame) -> int:
    """What ui.charts.trend_chart draws for the frame: a line's vertex and a point per row."""
    return 2 * len(frame)


def band_marks(frame: pd.DataFrame) -> int:
    """What band_chart draws at least: the band's edge and one line, per bucket."""
    return 2 * frame["bucket_start"].nunique()


def note(frame: pd.DataFrame, lang: str, *, highlight=None, drawn: bool = True) -> str:
    """What the page says under the band chart (or in its place when even the band would draw
    too much): why there are no lines, and that the table holds every figure."""
    lit = highlight is not None and bool((frame["series_id"] == highlight).any())
    key = (
        ("trends.band_note" if lit else "trends.band_note_all")
        if drawn
        else "trends.too_many_points"
    )
    return t(
        key,
        lang,
        series=fmt.integer(frame["series"].nunique(), lang),
        buckets=fmt.integer(frame["bucket_start"].nunique(), lang),
    )


def with_points(buckets: int) -> bool:
    """The line's points (with their tooltips) too, while they fit."""
    return 3 * buckets <= MAX_MARKS


def band_chart(
    frame: pd.DataFrame,
    code: str,
    lang: str,
    target: float | None = None,
    grain: str = "day",
    *,
    period_kind: PeriodKind,
    highlight=None,
):
    """The highlighted series (a series_id) as a line against the band from the others' lower
    to upper quartile per bucket; with no series highlighted, the median of every series in the
    band of them all. Hidden values (the privacy rule) count in neither; a bucket where no other
    series shows a value has no band."""
    indicator = catalog.get(code)
    shown = frame[~frame["suppressed"].astype(bool) & frame["value"].notna()]
    lit = frame[frame["series_id"] == highlight] if highlight is not None else frame.iloc[:0]
    others = shown[shown["series_id"] != highlight] if not lit.empty else shown
    band_name = t("trends.band" if not lit.empty else "trends.band_all", lang)
    quartiles = others.groupby("bucket_start")["value"].quantile([0.25, 0.5, 0.75]).unstack()
    band = pd.DataFrame(
        {
            "bucket_start": pd.to_datetime(quartiles.index),
            "low": quartiles[0.25].to_numpy(),
            "middle": quartiles[0.5].to_numpy(),
            "high": quartiles[0.75].to_numpy(),
            "group": band_name,
        }
    )
    if not lit.empty:
        line_name = lit["series"].iloc[0]
        line = _line_frame(lit, code, lang, data_grain(indicator, grain), period_kind)
        colours = [HIGHLIGHT, OTHERS]
    else:
        line_name = t("trends.band_median", lang)
        line = band.rename(columns={"middle": "value"})[["bucket_start", "value"]]
        colours = [MEDIAN, OTHERS]
    line = line.assign(group=line_name)
    colour = alt.Color(
        "group:N",
        title=None,
        legend=alt.Legend(orient="bottom", labelLimit=400),
        scale=alt.Scale(domain=[line_name, band_name], range=colours),
    )
    x = alt.X("bucket_start:T", title=None, axis=alt.Axis(format=fmt.chart_month_format(lang)))
    y = alt.Y(
        "value:Q",
        title=indicator.name(lang),
        scale=alt.Scale(zero=indicator.format in ("count", "percent")),
        axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
    )
    layers = [
        alt.Chart(band)
        .mark_area(opacity=0.6)
        .encode(
            x=x, y=alt.Y("low:Q", title=indicator.name(lang)), y2=alt.Y2("high:Q"), color=colour
        ),
        alt.Chart(line)
        .mark_line(strokeWidth=2 if not lit.empty else 1.5)
        .encode(x=x, y=y, color=colour),
    ]
    if not lit.empty and with_points(len(line)):
        layers.append(
            alt.Chart(line.dropna(subset=["value"]))
            .mark_point(filled=True, size=20)
            .encode(
                x=x,
                y=y,
                color=colour,
                tooltip=[
                    alt.Tooltip("label:N", title=t("col.period", lang)),
                    alt.Tooltip("group:N", title=t("col.series", lang)),
                    alt.Tooltip("value_text:N", title=indicator.name(lang)),
                    alt.Tooltip("n_text:N", title=t("col.answers_n", lang)),
                ],
            )
        )
    if target is not None:
        span = pd.DataFrame({"bucket_start": pd.to_datetime(frame["bucket_start"])})
        layers.extend(_target_layers(target, code, lang, span))
    return alt.LayerChart(layer=layers, title=indicator.name(lang), height=HEIGHT)


def _line_frame(
    rows: pd.DataFrame, code: str, lang: str, grain: str, period_kind: PeriodKind
) -> pd.DataFrame:
    """One series' rows with what its tooltips say, named a distinct value at a time."""
    line = rows[["bucket_start", "value", "n", "suppressed"]].copy()
    hidden = line["suppressed"].astype(bool).to_numpy()
    line["value"] = np.where(hidden, np.nan, line["value"].to_numpy(dtype=float))
    line["label"] = each_once(
        line["bucket_start"], lambda d: fmt.bucket_label(d, grain, period_kind, lang)
    )
    line["value_text"] = each_once(line["value"], lambda v: value_text(v, code, lang))
    line["n_text"] = each_once(line["n"], lambda n: fmt.integer(n, lang))
    line["bucket_start"] = pd.to_datetime(line["bucket_start"])
    return line.drop(columns="suppressed")
