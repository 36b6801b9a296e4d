"""Placeholder until its issue lands: says so in the user's language."""

import streamlit as st

from ui import shell, state
from ui.texts import t

shell.require_app()

lang = state.language()
st.title(t("nav.feeling", lang))
st.info(t("coming.body", lang))
