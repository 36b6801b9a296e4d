"""The Settings page's inputs for the feeling meter's attention rules (core.rules.Thresholds)
and the coaching before/after panel."""

import streamlit as st

from core.entry import Entry
from core.texts import t
from ui.entry import number_field


def inputs(current: dict, lang: str) -> dict[str, Entry]:
    """Number fields inside the settings form; returns key -> what the field reads, to store on
    saving when every field reads well."""
    st.markdown(f"**{t('settings.feeling', lang)}**")
    left, right = st.columns(2)
    fields = {  # key: (column, low, high, integer)
        "feeling_months": (left, 1, 12, True),
        "feeling_drop": (right, 0.1, 4.0, False),
        "feeling_low": (left, 1.0, 5.0, False),
        "feeling_report_weeks": (right, 1, 52, True),
        "coaching_before_months": (left, 1, 36, True),
    }
    return {
        key: number_field(
            column,
            t(f"settings.{key}", lang),
            key=f"settings_{key}",
            current=current[key],
            lang=lang,
            low=low,
            high=high,
            integer=integer,
            decimals=0 if integer else 1,
        )
        for key, (column, low, high, integer) in fields.items()
    }
