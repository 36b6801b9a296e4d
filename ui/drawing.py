"""Charts onto the page: every page draws its Altair charts through specs() and show(), which
keep each chart's finished Vega-Lite spec by the builder and its arguments, so a rerun that shows
the same figures builds nothing again (building, converting and validating a chart cost
50-80 ms, and a unit's dashboard draws five)."""

import hashlib
import threading

import altair as alt
import streamlit as st
from streamlit import dataframe_util

from ui import data

# Altair's theme and data transformer are global to all threads: whoever converts a chart to a
# spec holds this (here, and ui.unit_export for a PDF's pictures).
ALTAIR_GLOBALS = threading.Lock()


def _to_arrow(data, datasets: dict) -> dict:
    """Altair data transformer: each frame as Arrow bytes under the hash of its content, as
    st.altair_chart names them."""
    data_bytes = dataframe_util.convert_anything_to_arrow_bytes(data)
    name = hashlib.sha256(data_bytes).hexdigest()[:32]
    datasets[name] = data_bytes
    return {"name": name}


alt.data_transformers.register("tilannekuva_arrow", _to_arrow)


def vega_spec(chart) -> dict:
    """The chart's Vega-Lite spec as st.altair_chart makes it (without Altair's default theme,
    its data as named Arrow datasets), but not validated against the Vega-Lite schema again on
    every rerun (50 ms a chart): tests validate every builder's spec (chart.to_dict())."""
    datasets: dict[str, bytes] = {}
    with (
        ALTAIR_GLOBALS,
        alt.theme.enable("none"),
        alt.data_transformers.enable("tilannekuva_arrow", datasets=datasets),
    ):
        spec = chart.to_dict(validate=False)
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec


@st.cache_data(max_entries=500, show_spinner=False)
def _specs(key: tuple, args: tuple, kwargs: dict, _build):
    built = _build(*args, **kwargs)
    return [vega_spec(c) for c in built] if isinstance(built, list) else vega_spec(built)


def specs(build, *args, **kwargs):
    """build(*args, **kwargs) as a Vega-Lite spec (a list of them for a builder that returns a
    list of charts), kept by the builder, its code (so an edited builder is not served from
    before the edit while developing) and its arguments, at most 500."""
    return _specs(data.function_key(build), args, kwargs, build)


def show(spec: dict, *, height="content", key=None, on_select="ignore", selection_mode=None):
    """A spec from specs() as wide as its column (st.vega_lite_chart, as st.altair_chart
    draws it)."""
    return st.vega_lite_chart(
        spec=spec,
        width="stretch",
        height=height,
        key=key,
        on_select=on_select,
        selection_mode=selection_mode,
    )


# The number formats of the language on a drawn chart's axes (4,2 and 1 200 in fi and sv).
NUMBER_LOCALES = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}


def png(chart, width: int | None = None, lang: str | None = None) -> bytes:
    """An Altair chart as a PNG image for a PDF (vl-convert, no browser), at twice the size,
    its axes' numbers written as lang writes them."""
    import vl_convert as vlc

    with ALTAIR_GLOBALS:  # not while a page's chart is converted with other settings
        spec = (chart if width is None else chart.properties(width=width)).to_dict()
    locale = NUMBER_LOCALES.get(lang) if lang else None
    return vlc.vegalite_to_png(spec, scale=2, format_locale=locale)
