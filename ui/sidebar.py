"""The shared sidebar: language switch and the filters every page reads (dates, service area,
units)."""

import datetime as dt

import streamlit as st

from core import periods
from core.formats import date_input_format
from core.scope import Scope
from core.texts import LANGUAGE_NAMES, LANGUAGES, t
from ui import data, state


def language_switch() -> str:
    st.session_state.setdefault(state.LANG_KEY, state.language())
    st.radio(
        t("sidebar.language", state.language()),
        options=list(LANGUAGES),
        format_func=LANGUAGE_NAMES.get,
        key=state.LANG_KEY,
        horizontal=True,
    )
    return state.language()


def _default_dates() -> tuple[dt.date, dt.date] | None:
    """Three calendar years up to today (core.periods.today), so multi-year follow-up works at
    once. The range ends today, never on the last day with data: a period is then called
    running only when today falls in it, and data that stop earlier are named as stale."""
    first, last = data.data_span()
    if last is None:
        return None
    end = max(periods.today(), last)  # figures dated ahead (a plan) stay in view
    start = max(first, dt.date(min(last, end).year - 2, 1, 1))
    return start, end


def filters(lang: str) -> Scope:
    st.subheader(t("sidebar.filters", lang))
    defaults = _default_dates()
    if defaults is None:
        st.info(t("sidebar.no_data", lang))
        return Scope()
    dates = st.session_state.get(state.DATES_KEY)
    if not dates or (len(dates) == 2 and dates[0] > dates[1]):
        st.session_state[state.DATES_KEY] = defaults
    st.date_input(t("sidebar.dates", lang), key=state.DATES_KEY, format=date_input_format(lang))

    areas = dict(data.service_areas())
    if st.session_state.get(state.AREA_KEY) not in areas:
        st.session_state[state.AREA_KEY] = None
    st.selectbox(
        t("sidebar.area", lang),
        options=[None, *areas],
        format_func=lambda a: t("sidebar.all_areas", lang) if a is None else areas[a],
        key=state.AREA_KEY,
        placeholder=t("sidebar.all_areas", lang),  # None shows as "no choice": say what it means
    )
    area = st.session_state[state.AREA_KEY]
    units = {
        u["id"]: u["name"] for u in data.units() if area is None or u["service_area_id"] == area
    }
    chosen = [u for u in st.session_state.get(state.UNITS_KEY) or [] if u in units]
    st.session_state[state.UNITS_KEY] = chosen
    st.multiselect(
        t("sidebar.units", lang),
        options=list(units),
        format_func=units.get,
        key=state.UNITS_KEY,
        placeholder=t("sidebar.all_units", lang),
    )
    return state.current_scope()
