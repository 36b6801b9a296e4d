"""Tilannekuva: the entry point. Page config, sign-in gate, shared sidebar and the page list;
everything else lives in pages/, ui/ and data_model/."""

import logging

import streamlit as st

from ui import auth, data, sidebar, state
from ui.texts import t

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("tilannekuva")

st.set_page_config(page_title="Tilannekuva", page_icon="📊", layout="wide")
state.read_url_once()
lang = state.language()

if not auth.gate(lang):
    st.stop()

try:
    with st.spinner(t("demo.seeding", lang)):
        data.engine()
except Exception:
    log.exception("Database not reachable")
    st.error(t("error.database", lang))
    st.stop()

with st.sidebar:
    lang = sidebar.language_switch()
    filters = sidebar.filters(lang)
    auth.sign_out_button(lang)
state.write_url(filters, lang)

pages = {
    t("nav.section.follow", lang): [
        st.Page("pages/overview.py", title=t("nav.overview", lang), icon="📊", default=True),
        st.Page("pages/trends.py", title=t("nav.trends", lang), icon="📈"),
        st.Page("pages/feeling_meter.py", title=t("nav.feeling", lang), icon="🌡️"),
        st.Page("pages/units.py", title=t("nav.units", lang), icon="🏢"),
    ],
    t("nav.section.data", lang): [
        st.Page("pages/import_data.py", title=t("nav.import", lang), icon="📥"),
        st.Page("pages/settings.py", title=t("nav.settings", lang), icon="⚙️"),
    ],
}
page = st.navigation(pages)
try:
    page.run()
except Exception:
    log.exception("Page %s failed", page.title)
    st.error(t("error.unexpected", lang))
