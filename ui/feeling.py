"""The feeling meter's reading of mentors' mood per unit and month: which units' mood is
falling, and the heatmap of mood over time. Works on the small monthly series the database
aggregated, never on raw reports."""

import altair as alt
import pandas as pd

from ui.texts import t

RECENT_MONTHS = 3  # the latest months compared with the three before them
DROP = 0.5  # a fall of at least this much on the 1-5 scale raises the unit
LOW = 3.0  # or a recent mean under this


def falling_units(monthly: pd.DataFrame) -> pd.DataFrame:
    """Units whose mean mood over the latest RECENT_MONTHS months fell by DROP or more from the
    months before, or sits under LOW: unit, series_id, recent, earlier, change; worst first."""
    rows = []
    for (unit, unit_id), frame in monthly.dropna(subset=["value"]).groupby(["series", "series_id"]):
        frame = frame.sort_values("bucket_start")
        recent = frame.tail(RECENT_MONTHS)
        earlier = frame.iloc[:-RECENT_MONTHS].tail(RECENT_MONTHS)
        if recent.empty:
            continue
        now = float(recent["value"].mean())
        before = float(earlier["value"].mean()) if not earlier.empty else None
        change = None if before is None else now - before
        if (change is not None and change <= -DROP) or now < LOW:
            rows.append(
                {"unit": unit, "series_id": unit_id, "recent": now, "earlier": before,
                 "change": change}
            )  # fmt: skip
    columns = ["unit", "series_id", "recent", "earlier", "change"]
    falling = pd.DataFrame(rows, columns=columns)
    return falling.sort_values(["change", "recent"], na_position="last", ignore_index=True)


def heatmap(monthly: pd.DataFrame, lang: str):
    """Units down, months across, each cell coloured by mood: red 1 ... green 5."""
    data = monthly.dropna(subset=["value"]).copy()
    data["bucket_start"] = pd.to_datetime(data["bucket_start"])
    data["value_text"] = data["value"].map(
        lambda v: f"{v:.2f}".replace(".", ",") if lang == "fi" else f"{v:.2f}"
    )
    month_format = "%m/%Y" if lang == "fi" else "%Y-%m"
    return (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=alt.X(
                "yearmonth(bucket_start):O",
                title=None,
                axis=alt.Axis(format=month_format, labelAngle=-45),
            ),
            y=alt.Y(
                "series:N",
                title=None,
                sort="ascending",
                axis=alt.Axis(labelLimit=240, labelOverlap=False),
            ),
            color=alt.Color(
                "value:Q",
                title=t("col.mood", lang),
                scale=alt.Scale(scheme="redyellowgreen", domain=[1, 5]),
            ),
            tooltip=[
                alt.Tooltip("series:N", title=t("col.unit", lang)),
                alt.Tooltip("label:N", title=t("col.period", lang)),
                alt.Tooltip("value_text:N", title=t("col.mood", lang)),
                alt.Tooltip("n:Q", title=t("feeling.reports", lang)),
            ],
        )  # fmt: skip
        .properties(height=heatmap_height(monthly))
    )


def heatmap_height(monthly: pd.DataFrame) -> int:
    """A row of about 30 px per unit, so every unit's name has room."""
    return max(160, 30 * int(monthly["series"].nunique()))
