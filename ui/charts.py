"""Altair chart builders: an indicator over time with its target line, and the same indicator's
years side by side. They take small aggregated frames and return charts, so tests can check
the data and encodings without a browser (pages draw them through ui.drawing).

Encodings are written as channel objects (alt.X("at:T"), not "at:T"): from a shorthand string
Altair rebuilds its table of schema classes, 2 ms each time."""

import altair as alt
import pandas as pd

from core import formats as fmt
from core import indicators as catalog
from core import periods
from core.periods import PeriodKind
from core.texts import t
from core.wording import value_text
from ui.labels import with_labels

HEIGHT = 320


def data_grain(indicator, grain: str) -> str:
    """The grain the figures come in: workforce data are monthly at day and week grains."""
    return periods.monthly_grain(grain) if indicator.monthly else grain


HIGHLIGHT, OTHERS = "#1d4ed8", "#c3c8d0"
MANY_SERIES = 6  # more lines than this tangle: one is highlighted against grey others


def chart_frame(
    frame: pd.DataFrame, code: str, lang: str, grain: str, period_kind: PeriodKind
) -> pd.DataFrame:
    """The series frame plus the texts tooltips show (bucket label, series name, value and n
    as the language writes them) and `joined`: False for a series whose buckets have gaps
    (survey rounds), drawn as points only."""
    shown = with_labels(frame, grain, period_kind, lang)
    shown["value_text"] = [
        t("value.suppressed", lang) if s else value_text(v, code, lang)
        for v, s in zip(shown["value"], shown["suppressed"], strict=True)
    ]
    shown["n_text"] = [fmt.integer(n, lang) for n in shown["n"]]
    with_data = shown.dropna(subset=["value"])
    joined = {
        name: not periods.sparse(list(rows["bucket_start"]), grain, period_kind)
        for name, rows in with_data.groupby("series", sort=False)
    }
    shown["joined"] = [joined.get(name, True) for name in shown["series"]]
    shown["bucket_start"] = pd.to_datetime(shown["bucket_start"])
    return shown


def _target_layers(target: float, code: str, lang: str, data: pd.DataFrame):
    """The dashed target rule and its label ("tavoite 4,00") at the right end."""
    text = t("trends.target_label", lang, value=value_text(target, code, lang))
    rule = (
        alt.Chart(pd.DataFrame({"target": [target], "label": [t("trends.target", lang)]}))
        .mark_rule(strokeDash=[6, 4], color="#6b7280")
        .encode(y=alt.Y("target:Q"), tooltip=[alt.Tooltip("target:Q", title=t("col.target", lang))])
    )
    label = (
        alt.Chart(
            pd.DataFrame({"target": [target], "text": [text], "at": [data["bucket_start"].max()]})
        )
        .mark_text(align="right", baseline="bottom", dy=-3, color="#4b5563")
        .encode(x=alt.X("at:T"), y=alt.Y("target:Q"), text=alt.Text("text:N"))
    )
    return rule, label


def trend_chart(
    frame: pd.DataFrame,
    code: str,
    lang: str,
    target: float | None = None,
    grain: str = "month",
    *,
    period_kind: PeriodKind,
    band: tuple | None = None,
    highlight=None,
):
    """Lines per series over bucket_start, points for each value, a dashed target rule with its
    label, and optionally a shaded band (start, end, label: a coaching period) with its edges
    labelled. A series with gaps (survey rounds) is drawn as points only. highlight (a
    series_id): that series in colour, the others grey (so 12 and more units stay readable)."""
    indicator = catalog.get(code)
    data = chart_frame(frame, code, lang, data_grain(indicator, grain), period_kind)
    if grain == "year":  # one tick a year: month ticks would read as months of data
        axis = alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1})
    else:
        axis = alt.Axis(format=fmt.chart_month_format(lang))
    x = alt.X("bucket_start:T", title=None, axis=axis)
    y = alt.Y(
        "value:Q",
        title=indicator.name(lang),
        scale=alt.Scale(zero=indicator.format in ("count", "percent")),
        axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
    )
    tooltip = [
        alt.Tooltip("label:N", title=t("col.period", lang)),
        alt.Tooltip("series:N", title=t("col.series", lang)),
        alt.Tooltip("value_text:N", title=indicator.name(lang)),
        alt.Tooltip("n_text:N", title=t("col.answers_n", lang)),
    ]
    chosen = data[data["series_id"] == highlight] if highlight is not None else data.iloc[:0]
    if not chosen.empty:
        name = chosen["series"].iloc[0]
        others = t("trends.others", lang)
        data = data.assign(group=[name if s == name else others for s in data["series"]])
        colour = alt.Color(
            "group:N",
            title=t("col.series", lang),
            legend=alt.Legend(orient="bottom"),
            scale=alt.Scale(domain=[name, others], range=[HIGHLIGHT, OTHERS]),
        )
        grey = alt.Chart(data[data["group"] == others]).encode(
            x=x, y=y, color=colour, detail=alt.Detail("series:N"), tooltip=tooltip
        )
        lit = alt.Chart(data[data["group"] == name]).encode(x=x, y=y, color=colour, tooltip=tooltip)
        chart = (
            grey.transform_filter("datum.joined").mark_line(strokeWidth=1)
            + grey.mark_point(filled=True, size=15)
            + lit.transform_filter("datum.joined").mark_line(strokeWidth=3)
            + lit.mark_point(filled=True, size=60)
        )
    else:
        several = data["series"].nunique() > 1
        # One line needs no legend; many get columns so no name is cut off.
        legend = alt.Legend(orient="bottom", columns=3, labelLimit=260) if several else None
        if several and data["series"].nunique() <= 3:
            legend = alt.Legend(orient="bottom")
        colour = alt.Color("series:N", title=t("col.series", lang), legend=legend)
        base = alt.Chart(data).encode(x=x, y=y, color=colour, tooltip=tooltip)
        chart = base.transform_filter("datum.joined").mark_line(interpolate="monotone") + (
            base.mark_point(filled=True, size=40)
        )
    extra = list(_target_layers(target, code, lang, data)) if target is not None else []
    if band is not None:
        extra.append(band_layer(*band))
    # Layered at once, as `+` would have layered them: each `+` copies every layer so far.
    return alt.LayerChart(
        data=chart.data, layer=[*chart.layer, *extra], title=indicator.name(lang), height=HEIGHT
    )


def band_layer(start, end, label: str):
    """A shaded band from start to end (end None: open) labelled at its start."""
    frame = pd.DataFrame(
        {
            "start": [pd.Timestamp(start)],
            "label": [label],
            "end": [pd.Timestamp(end) if end is not None else pd.NaT],
        }
    )
    base = alt.Chart(frame)
    shade = base.mark_rect(opacity=0.12, color="#2563eb").encode(
        x=alt.X("start:T"), x2=alt.X2("end:T")
    )
    if end is None:
        shade = base.mark_rule(color="#2563eb", strokeWidth=2).encode(x=alt.X("start:T"))
    text = base.mark_text(align="left", baseline="top", dx=3, dy=3, color="#1e40af").encode(
        x=alt.X("start:T"), y=alt.YValue(0), text=alt.Text("label:N")
    )
    return shade + text


def years_frame(frame: pd.DataFrame, grain: str) -> pd.DataFrame:
    """Series per year: x = ISO week (week grain) or month of the year, one row per bucket."""
    data = frame[frame["series"] == ""].copy() if "series" in frame else frame.copy()
    starts = pd.to_datetime(data["bucket_start"])
    if grain == "week":
        iso = starts.dt.isocalendar()
        data["year"], data["x"] = iso["year"].astype(int), iso["week"].astype(int)
    else:
        data["year"], data["x"] = starts.dt.year, starts.dt.month
    data["year"] = data["year"].astype(str)
    return data


def years_chart(
    frame: pd.DataFrame, code: str, grain: str, lang: str, target=None, *, period_kind: PeriodKind
):
    """One line per year over week or month of the year, for multi-year follow-up."""
    indicator = catalog.get(code)
    data = chart_frame(  # the total, picked before it is named
        years_frame(frame, grain), code, lang, data_grain(indicator, grain), period_kind
    )
    x_title = t("trends.week_of_year" if grain == "week" else "trends.month_of_year", lang)
    base = alt.Chart(data).encode(
        x=alt.X("x:O", title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(
            "value:Q",
            title=indicator.name(lang),
            scale=alt.Scale(zero=False),
            axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
        ),
        color=alt.Color(
            "year:N",
            title=t("col.year_label", lang),
            scale=alt.Scale(scheme="tableau10"),  # distinct hues, not a ramp
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=t("col.period", lang)),
            alt.Tooltip("value_text:N", title=indicator.name(lang)),
        ],
    )
    chart = base.mark_line(interpolate="monotone") + base.mark_point(filled=True, size=40)
    if target is not None:
        chart = chart + alt.Chart(pd.DataFrame({"target": [target]})).mark_rule(
            strokeDash=[6, 4], color="#6b7280"
        ).encode(y=alt.Y("target:Q"))
    return chart.properties(title=indicator.name(lang), height=HEIGHT)
