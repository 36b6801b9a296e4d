"""ui.feeling: the feeling meter's heatmap of mood per unit and month."""

import datetime as dt

import pandas as pd

from ui.feeling import heatmap, heatmap_height


def monthly(**moods: list[float]) -> pd.DataFrame:
    """A mentor_mood series by unit: one value per month from January 2026."""
    rows = []
    for unit_id, (unit, values) in enumerate(moods.items(), start=1):
        for month, value in enumerate(values, start=1):
            rows.append({"bucket_start": dt.date(2026, month, 1), "label": f"{month}/2026",
                         "series": unit, "series_id": unit_id, "value": value, "n": 4,
                         "suppressed": False})  # fmt: skip
    return pd.DataFrame(rows)


def test_the_heatmap_colours_mood_from_red_to_green_on_the_whole_scale():
    frame = monthly(A=[4, 3.25], B=[2, 5])

    spec = heatmap(frame, "fi").to_dict()

    assert spec["encoding"]["color"]["scale"] == {"scheme": "redyellowgreen", "domain": [1, 5]}
    values = spec["datasets"][spec["data"]["name"]]
    assert [v["value_text"] for v in values] == ["4,00", "3,25", "2,00", "5,00"]
    assert heatmap_height(frame) == 160
