"""The feeling meter's pieces: each attention reason written out with its numbers,
the latest-mood strip, and the heatmap grouped by service area in weeks or months. They work on
data_model.queries.mentoring.report_sums and return texts, frames and charts, so tests can
read what a user sees without a browser."""

import datetime as dt

import altair as alt
import pandas as pd

from core import change as ch
from core import formats as fmt
from core.rules import Raised
from core.texts import t
from core.wording import reason_text, verdict_text


def _n(value, lang: str, decimals: int = 2) -> str:
    return fmt.number(value, lang, decimals)


def _signed(value, lang: str, decimals: int = 2) -> str:
    text = fmt.number(abs(value), lang, decimals)
    if abs(value) < 0.5 * 10**-decimals:
        return text
    return ("+" if value > 0 else "−") + text


def _month(day: dt.date, lang: str) -> str:
    return fmt.bucket_label(day, "month", lang=lang)


def reason_lines(raised: Raised, lang: str) -> list[str]:
    return [reason_text(r, lang) for r in raised.reasons]


# --- The latest-mood strip --------------------------------------------------------------------


def _monthly(sums: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in sums.columns if c.endswith(("_n", "_sum", "_sq"))]
    return sums.groupby(["unit_id", "month"], as_index=False)[[*columns, "reports"]].sum()


def latest_strip(sums: pd.DataFrame, names: dict[int, str], lang: str) -> pd.DataFrame:
    """Per unit: its latest report month's mood, the change from its previous report month
    (judged against chance), workload and atmosphere; lowest mood first."""
    rows = []
    for unit_id, months in _monthly(sums).groupby("unit_id"):
        months = months[months["mood_n"] > 0].sort_values("month")
        if months.empty:
            continue
        last = months.iloc[-1]
        mood = last["mood_sum"] / last["mood_n"]
        change, verdict = None, None
        if len(months) >= 2:
            prev = months.iloc[-2]
            judged = ch.mean_change(
                ch.MeanStats(prev["mood_n"], prev["mood_sum"], prev["mood_sq"]),
                ch.MeanStats(last["mood_n"], last["mood_sum"], last["mood_sq"]),
                True,
            )
            change, verdict = judged.difference, verdict_text(judged.verdict, lang)
        rows.append(
            {
                "unit_id": int(unit_id),
                "unit": names.get(int(unit_id), str(unit_id)),
                "month": _month(last["month"], lang),
                "mood": round(float(mood), 2),
                "change": None if change is None else round(float(change), 2),
                "verdict": verdict or "",
                "workload": (
                    round(float(last["workload_sum"] / last["workload_n"]), 2)
                    if last["workload_n"]
                    else None
                ),
                "atmosphere": (
                    round(float(last["atmosphere_sum"] / last["atmosphere_n"]), 2)
                    if last["atmosphere_n"]
                    else None
                ),
                "reports": int(last["reports"]),
            }
        )
    columns = [
        "unit_id",
        "unit",
        "month",
        "mood",
        "change",
        "verdict",
        "workload",
        "atmosphere",
        "reports",
    ]
    return pd.DataFrame(rows, columns=columns).sort_values("mood", ignore_index=True)


# --- The heatmap ------------------------------------------------------------------------------


def heatmap_frame(
    sums: pd.DataFrame, grain: str, names: dict[int, str], areas: dict[int, str], lang: str
) -> pd.DataFrame:
    """Mean mood per unit and week or month, with the reports and the mentors behind it."""
    key = "week_start" if grain == "week" else "month"
    with_mood = sums[sums["mood_n"] > 0]
    rows = []
    for (unit_id, bucket), frame in with_mood.groupby(["unit_id", key]):
        area_id = frame["service_area_id"].iloc[0]
        mood = frame["mood_sum"].sum() / frame["mood_n"].sum()
        rows.append(
            {
                "unit": names.get(int(unit_id), str(unit_id)),
                "area": areas.get(area_id, t("feeling.no_area", lang))
                if pd.notna(area_id)
                else t("feeling.no_area", lang),
                "bucket_start": pd.Timestamp(bucket),
                "label": fmt.bucket_label(bucket, grain, lang=lang),
                "value": float(mood),
                "value_text": _n(mood, lang),
                "reports": int(frame["reports"].sum()),
                "mentors": ", ".join(sorted({m for m in frame["mentor"] if m})) or "–",
            }
        )
    columns = ["unit", "area", "bucket_start", "label", "value", "value_text", "reports", "mentors"]
    return pd.DataFrame(rows, columns=columns)


def heatmap_labels(grain: str, lang: str) -> str:
    """Vega label expression naming every third month (January, April, July, October) or, at
    the week grain, the first week of those months, written as the dashboard writes buckets
    (3/2024, vk 14/2024 / W14 2024). Vega's months count from 0."""
    if grain == "week":
        shown = "month(datum.value) % 3 == 0 && date(datum.value) <= 7"
        text = fmt.chart_label_week(lang)
    else:
        shown = "month(datum.value) % 3 == 0"
        text = fmt.chart_label_month(lang)
    return f"{shown} ? timeFormat(datum.value, '{text}') : ''"


def _vega_date(day: pd.Timestamp) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day)


def heatmap(frame: pd.DataFrame, grain: str, lang: str) -> list[alt.Chart]:
    """Units down, weeks or months across, red 1 ... green 5: one chart per service area, each
    as wide as the page (a phone included), on the same time axis and colour scale so the
    columns line up; the colour legend on the first."""
    if frame.empty:
        return []
    step = pd.DateOffset(weeks=1) if grain == "week" else pd.DateOffset(months=1)
    frame = frame.assign(bucket_end=frame["bucket_start"] + step)
    first, last = frame["bucket_start"].min(), frame["bucket_end"].max()
    # A label on each quarter's first month or week; where they would overlap, every other
    # label goes (half-years, then years), so the spacing stays even on a phone.
    starts = pd.Series(pd.date_range(first, last, freq="W-MON" if grain == "week" else "MS"))
    ticks = starts[(starts.dt.month % 3 == 1) & (starts.dt.day <= (7 if grain == "week" else 1))]
    x = alt.X(
        "bucket_start:T",
        title=None,
        scale=alt.Scale(domain=[_vega_date(first), _vega_date(last)]),
        axis=alt.Axis(
            values=[_vega_date(d) for d in ticks],
            labelExpr=heatmap_labels(grain, lang),
            labelAngle=0,
            labelOverlap="parity",
            grid=False,
        ),
    )
    charts = []
    for i, area in enumerate(sorted(frame["area"].unique())):
        legend = alt.Legend(orient="top") if i == 0 else None
        chart = (
            alt.Chart(frame[frame["area"] == area])
            .mark_rect()
            .encode(
                x=x,
                x2=alt.X2("bucket_end:T"),
                y=alt.Y(
                    "unit:N",
                    title=None,
                    sort="ascending",
                    axis=alt.Axis(labelLimit=150, minExtent=150, maxExtent=150, labelOverlap=False),
                ),
                color=alt.Color(
                    "value:Q",
                    title=t("col.mood", lang),
                    legend=legend,
                    scale=alt.Scale(scheme="redyellowgreen", domain=[1, 5]),
                ),
                tooltip=[
                    alt.Tooltip("unit:N", title=t("col.unit", lang)),
                    alt.Tooltip("area:N", title=t("units.area", lang)),
                    alt.Tooltip("label:N", title=t("col.period", lang)),
                    alt.Tooltip("value_text:N", title=t("col.mood", lang)),
                    alt.Tooltip("reports:Q", title=t("feeling.reports", lang)),
                    alt.Tooltip("mentors:N", title=t("col.mentors", lang)),
                ],
            )
            .properties(
                title=alt.TitleParams(area, anchor="start", fontSize=13),
                width="container",
                height=alt.Step(22),
            )
        )
        charts.append(chart)
    return charts
