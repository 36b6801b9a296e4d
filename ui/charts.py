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
from core.indicators import YearlyRate
from core.periods import PeriodKind
from core.texts import t
from core.wording import value_text
from ui import palette
from ui.labels import with_labels

HEIGHT = 320


def data_grain(indicator, grain: str) -> str:
    """The grain the figures come in: workforce data are monthly at day and week grains."""
    return periods.monthly_grain(grain) if indicator.monthly else grain


HIGHLIGHT, OTHERS = palette.UNIT, palette.OTHERS
# More lines than this tangle (and the palette's strong hues end): one is highlighted against
# grey others. Up to it, each line has a distinct colour of ui.palette.SERIES.
MANY_SERIES = 10


def month_rate(indicator, grain: str) -> bool:
    """A staff rate (turnover, sick leave per FTE, ...) at month grain: shown as the month's own
    rate, not annualised (one leaver in a unit of ten is 10 % of the month, not a 120 % spike)."""
    return isinstance(indicator.aggregation, YearlyRate) and periods.monthly_grain(grain) == "month"


def shown_values(frame: pd.DataFrame, indicator, grain: str) -> pd.DataFrame:
    """The figures as charts and tables show them: a staff rate at month grain as the month's
    own rate (the yearly rate over 12)."""
    if not month_rate(indicator, grain) or frame.empty:
        return frame
    return frame.assign(value=frame["value"] / 12)


def indicator_title(indicator, grain: str, lang: str) -> str:
    """The indicator's name, labelled "(kuukauden luku)" where a rate is the month's own."""
    name = indicator.name(lang)
    return t("trends.month_rate", lang, name=name) if month_rate(indicator, grain) else name


def targets_by_year(target) -> dict[int | None, float]:
    """A target given as one figure (None: every year) or as {year: figure}."""
    if target is None:
        return {}
    if isinstance(target, dict):
        return {year: float(v) for year, v in target.items() if v is not None}
    return {None: float(target)}


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


def target_segments(target, data: pd.DataFrame) -> pd.DataFrame:
    """The target line as segments: one across the chart for a single target, else one per
    year of the data at that year's own target (2024 and 2025 at 3,90, 2026 at 3,70)."""
    by_year = targets_by_year(target)
    first, last = data["bucket_start"].min(), data["bucket_start"].max()
    years = {stamp.year for stamp in data["bucket_start"]}
    held = {by_year[y] for y in years if y in by_year}
    if set(by_year) == {None} or len(held) == 1:  # one target for every year shown
        value = by_year[None] if set(by_year) == {None} else held.pop()
        return pd.DataFrame({"from": [first], "to": [last], "target": [value]})
    rows = []
    for year in sorted({stamp.year for stamp in data["bucket_start"]}):
        if year not in by_year:
            continue
        lo = max(pd.Timestamp(year, 1, 1), first)
        hi = min(pd.Timestamp(year, 12, 31), last)
        rows.append({"from": lo, "to": hi, "target": by_year[year], "year": str(year)})
    return pd.DataFrame(rows, columns=["from", "to", "target", "year"])


def _target_layers(target, code: str, lang: str, data: pd.DataFrame):
    """The dashed target line, each year at its own target, and the latest year's label
    ("tavoite 4,00") at the right end."""
    segments = target_segments(target, data)
    if segments.empty:
        return []
    segments["text"] = [value_text(v, code, lang) for v in segments["target"]]
    tooltip = [alt.Tooltip("text:N", title=t("col.target", lang))]
    if "year" in segments:
        tooltip.insert(0, alt.Tooltip("year:N", title=t("col.year_label", lang)))
    rule = (
        alt.Chart(segments)
        .mark_rule(strokeDash=palette.TARGET_DASH, color=palette.TARGET, strokeWidth=1.5)
        .encode(x=alt.X("from:T"), x2=alt.X2("to:T"), y=alt.Y("target:Q"), tooltip=tooltip)
    )
    if len(segments) == 1:  # a rule across the whole chart, as the eye expects of one target
        rule = (
            alt.Chart(segments)
            .mark_rule(strokeDash=palette.TARGET_DASH, color=palette.TARGET, strokeWidth=1.5)
            .encode(y=alt.Y("target:Q"), tooltip=tooltip)
        )
    last = segments.iloc[[-1]]
    text = t("trends.target_label", lang, value=last["text"].iloc[0])
    label = (
        alt.Chart(pd.DataFrame({"target": last["target"], "text": [text], "at": last["to"]}))
        .mark_text(align="right", baseline="bottom", dy=-3, color=palette.TARGET)
        .encode(x=alt.X("at:T"), y=alt.Y("target:Q"), text=alt.Text("text:N"))
    )
    return [rule, label]


def _series_colour(data: pd.DataFrame, lang: str, legend) -> alt.Color:
    """One colour per role (this unit, its service area, the organisation) where the frame
    names roles; else a distinct colour per series in the order of their ids, so a unit keeps
    its colour whatever the language sorts first."""
    title = t("col.series", lang)
    if "role" in data:
        pairs = data[["series", "role"]].drop_duplicates("series")
        order = list(palette.ROLES)
        pairs = pairs.assign(rank=[order.index(r) for r in pairs["role"]]).sort_values("rank")
        domain, colours = list(pairs["series"]), [palette.ROLES[r] for r in pairs["role"]]
    else:
        pairs = data[["series", "series_id"]].drop_duplicates("series")
        pairs = pairs.sort_values("series_id", na_position="first", key=lambda c: c.astype(float))
        domain = list(pairs["series"])
        colours = [palette.UNIT] if len(domain) == 1 else palette.series_colours(domain)
    return alt.Color(
        "series:N", title=title, legend=legend, scale=alt.Scale(domain=domain, range=colours)
    )


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
    labelled. A series with gaps (survey rounds) is drawn as points only; lines are straight
    segments between figures, never curves that invent values between or beyond them. highlight
    (a series_id): that series in colour, the others grey (so 12 and more units stay readable).
    target: one figure, or {year: figure} drawn as each year's own. A staff rate at month grain
    is the month's own rate (shown_values), its title saying so. Colours: ui.palette."""
    indicator = catalog.get(code)
    grain_of_data = data_grain(indicator, grain)
    frame = shown_values(frame, indicator, grain_of_data)
    if month_rate(indicator, grain_of_data):
        target = None  # targets are yearly rates: a month's rate is not measured against them
    data = chart_frame(frame, code, lang, grain_of_data, period_kind)
    title = indicator_title(indicator, grain_of_data, lang)
    if grain == "year":  # one tick a year: month ticks would read as months of data
        axis = alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1})
    else:
        axis = alt.Axis(format=fmt.chart_month_format(lang))
    x = alt.X("bucket_start:T", title=None, axis=axis)
    y = alt.Y(
        "value:Q",
        title=title,
        scale=alt.Scale(zero=indicator.format in ("count", "percent")),
        axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
    )
    tooltip = [
        alt.Tooltip("label:N", title=t("col.period", lang)),
        alt.Tooltip("series:N", title=t("col.series", lang)),
        alt.Tooltip("value_text:N", title=title),
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
        # One line needs no legend; several get one name a line, whole, as wide as a phone.
        legend = (
            alt.Legend(orient="bottom", direction="vertical", labelLimit=320) if several else None
        )
        colour = _series_colour(data, lang, legend)
        base = alt.Chart(data).encode(x=x, y=y, color=colour, tooltip=tooltip)
        chart = base.transform_filter("datum.joined").mark_line() + (
            base.mark_point(filled=True, size=40)
        )
    extra = _target_layers(target, code, lang, data) if target is not None else []
    if band is not None:
        extra.append(band_layer(*band))
    # Layered at once, as `+` would have layered them: each `+` copies every layer so far.
    return alt.LayerChart(data=chart.data, layer=[*chart.layer, *extra], title=title, height=HEIGHT)


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
    shade = base.mark_rect(opacity=0.12, color=palette.BAND).encode(
        x=alt.X("start:T"), x2=alt.X2("end:T")
    )
    if end is None:
        shade = base.mark_rule(color=palette.BAND, strokeWidth=2).encode(x=alt.X("start:T"))
    text = base.mark_text(align="left", baseline="top", dx=3, dy=3, color=palette.BAND).encode(
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
    """One line per year over week or month of the year, for multi-year follow-up. target: one
    figure or {year: figure}; each distinct target is a dashed rule labelled with its years
    ("tavoite 3,90 (2024–2025)")."""
    indicator = catalog.get(code)
    grain_of_data = data_grain(indicator, grain)
    frame = shown_values(frame, indicator, grain_of_data)
    if month_rate(indicator, grain_of_data):
        target = None  # targets are yearly rates
    title = indicator_title(indicator, grain_of_data, lang)
    data = chart_frame(  # the total, picked before it is named
        years_frame(frame, grain), code, lang, grain_of_data, period_kind
    )
    years = sorted(data["year"].unique())
    x_title = t("trends.week_of_year" if grain == "week" else "trends.month_of_year", lang)
    base = alt.Chart(data).encode(
        x=alt.X("x:O", title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(
            "value:Q",
            title=title,
            scale=alt.Scale(zero=False),
            axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
        ),
        color=alt.Color(
            "year:N",
            title=t("col.year_label", lang),
            scale=alt.Scale(domain=years, range=palette.series_colours(years)),
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=t("col.period", lang)),
            alt.Tooltip("value_text:N", title=title),
        ],
    )
    chart = base.transform_filter("datum.joined").mark_line() + base.mark_point(
        filled=True, size=40
    )
    rules = year_targets(target, [int(y) for y in years], code, lang)
    if not rules.empty:
        rule = alt.Chart(rules).mark_rule(
            strokeDash=palette.TARGET_DASH, color=palette.TARGET, strokeWidth=1.5
        )
        label = alt.Chart(rules).mark_text(
            align="right", baseline="bottom", dy=-3, color=palette.TARGET, x="width"
        )
        chart = (
            chart
            + rule.encode(y=alt.Y("target:Q"))
            + label.encode(y=alt.Y("target:Q"), text=alt.Text("text:N"))
        )
    return chart.properties(title=title, height=HEIGHT)


def year_targets(target, years: list[int], code: str, lang: str) -> pd.DataFrame:
    """Each distinct target of the years shown, with the years it was in force: target, text
    ("tavoite 3,90 (2024–2025)")."""
    by_year = targets_by_year(target)
    if not by_year:
        return pd.DataFrame(columns=["target", "text"])
    if set(by_year) == {None}:
        value = by_year[None]
        return pd.DataFrame(
            {
                "target": [value],
                "text": [t("trends.target_label", lang, value=value_text(value, code, lang))],
            }
        )
    held: dict[float, list[int]] = {}
    for year in years:
        if year in by_year:
            held.setdefault(by_year[year], []).append(year)
    rows = []
    for value, in_force in held.items():
        span = str(in_force[0]) if len(in_force) == 1 else f"{in_force[0]}–{in_force[-1]}"
        text = t("trends.target_years", lang, value=value_text(value, code, lang), years=span)
        rows.append({"target": value, "text": text})
    return pd.DataFrame(rows, columns=["target", "text"])
