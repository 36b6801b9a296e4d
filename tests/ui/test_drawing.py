"""Charts onto the page (ui.drawing): the spec is the one st.altair_chart would send, and a
chart whose builder gets the same arguments again is not built again."""

import datetime as dt

import pandas as pd
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from ui import charts, drawing

MONTHS = pd.DataFrame(
    {
        "bucket_start": [dt.date(2024, m, 1) for m in (1, 2, 3)],
        "series": ["", "", ""],
        "series_id": [None, None, None],
        "value": [3.8, 4.1, 3.95],
        "n": [12, 15, 9],
        "suppressed": [False, False, False],
    }
)


def _by_content(spec: dict) -> tuple[dict, set[bytes]]:
    """The spec with each dataset's name replaced by its place, and the datasets' bytes."""
    datasets = spec.pop("datasets")
    text = repr(spec)
    for i, name in enumerate(sorted(datasets, key=lambda n: datasets[n])):
        text = text.replace(name, f"dataset-{i}")
    return text, set(datasets.values())


def test_the_spec_is_the_one_streamlit_makes_of_the_chart():
    chart = charts.trend_chart(
        MONTHS,
        "feedback_mean",
        "fi",
        target=4.0,
        period_kind="term",
        band=(dt.date(2024, 2, 1), None, "Valmennus"),
    )

    ours = drawing.vega_spec(chart)
    theirs = _convert_altair_to_vega_lite_spec(chart)

    assert len(ours["datasets"]) == 4  # the series, the target rule, its label, the band
    assert _by_content(ours) == _by_content(theirs)
    assert "config" not in ours  # Altair's default theme is off, as st.altair_chart turns it


def test_a_chart_is_built_once_for_the_same_arguments(monkeypatch):
    built = []

    def counted(*args, **kwargs):
        built.append(args)
        return charts.trend_chart(*args, **kwargs)

    monkeypatch.setattr(charts, "counted_trend_chart", counted, raising=False)
    counted.__module__, counted.__qualname__ = charts.__name__, "counted_trend_chart"
    drawing._specs.clear()

    term = {"period_kind": "term"}
    first = drawing.specs(counted, MONTHS, "feedback_mean", "fi", 4.0, **term)
    again = drawing.specs(counted, MONTHS.copy(), "feedback_mean", "fi", 4.0, **term)
    other = drawing.specs(
        counted, MONTHS.assign(value=[1.0, 2.0, 3.0]), "feedback_mean", "fi", 4.0, **term
    )

    assert len(built) == 2  # the same figures again: not built again
    assert first == again and other != first
