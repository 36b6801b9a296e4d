"""The Settings page's inputs for the feeling meter's attention rules and the coaching
before/after panel (issue 10), and the thresholds they make."""

import streamlit as st

from core.rules import Thresholds
from core.texts import t


def thresholds(settings: dict) -> Thresholds:
    """The attention rules' thresholds as the Settings page left them."""
    return Thresholds(
        months=int(settings["feeling_months"]), drop=float(settings["feeling_drop"]),
        low=float(settings["feeling_low"]), report_weeks=int(settings["feeling_report_weeks"]),
    )  # fmt: skip


def inputs(current: dict, lang: str) -> dict:
    """Number inputs inside the settings form; returns key -> value to store on saving."""
    st.markdown(f"**{t('settings.feeling', lang)}**")
    left, right = st.columns(2)
    months = left.number_input(
        t("settings.feeling_months", lang), min_value=1, max_value=12,
        value=int(current["feeling_months"]), step=1, key="settings_feeling_months",
    )  # fmt: skip
    drop = right.number_input(
        t("settings.feeling_drop", lang), min_value=0.1, max_value=4.0,
        value=float(current["feeling_drop"]), step=0.1, format="%.1f",
        key="settings_feeling_drop",
    )  # fmt: skip
    low = left.number_input(
        t("settings.feeling_low", lang), min_value=1.0, max_value=5.0,
        value=float(current["feeling_low"]), step=0.1, format="%.1f",
        key="settings_feeling_low",
    )  # fmt: skip
    weeks = right.number_input(
        t("settings.feeling_report_weeks", lang), min_value=1, max_value=52,
        value=int(current["feeling_report_weeks"]), step=1, key="settings_feeling_report_weeks",
    )  # fmt: skip
    before = left.number_input(
        t("settings.coaching_before_months", lang), min_value=1, max_value=36,
        value=int(current["coaching_before_months"]), step=1,
        key="settings_coaching_before_months",
    )  # fmt: skip
    return {
        "feeling_months": int(months), "feeling_drop": round(float(drop), 2),
        "feeling_low": round(float(low), 2), "feeling_report_weeks": int(weeks),
        "coaching_before_months": int(before),
    }  # fmt: skip
