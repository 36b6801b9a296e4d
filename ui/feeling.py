"""The feeling meter's heatmap of mentors' mood per unit and month (which units are raised is a
rule of core.rules). Works on the small monthly series the database aggregated."""

import altair as alt
import pandas as pd

from core import formats as fmt
from core.texts import t


def heatmap(monthly: pd.DataFrame, lang: str):
    """Units down, months across, each cell coloured by mood: red 1 ... green 5."""
    data = monthly.dropna(subset=["value"]).copy()
    data["label"] = [fmt.bucket_label(d, "month", lang=lang) for d in data["bucket_start"]]
    data["bucket_start"] = pd.to_datetime(data["bucket_start"])
    data["value_text"] = [fmt.number(v, lang, 2) for v in data["value"]]
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
