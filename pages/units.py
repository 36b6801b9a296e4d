"""Placeholder until its issue lands: says so in the user's language."""

import streamlit as st

from ui import state
from ui.texts import t

lang = state.language()
st.title(t("nav.units", lang))
st.info(t("coming.body", lang))
