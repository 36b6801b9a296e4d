"""Tilannekuva: the entry point. Page config, sign-in gate, shared sidebar and the page list;
everything else lives in pages/, ui/ and data_model/."""

import logging

import streamlit as st

from ui import auth, data, shell, sidebar, state
from ui.texts import t

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("tilannekuva")

st.set_page_config(page_title="Tilannekuva", page_icon=":material/dashboard:", layout="wide")
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

try:  # the sidebar queries the database too; a failure there gets the same short message
    with st.sidebar:
        lang = sidebar.language_switch()
        filters = sidebar.filters(lang)
        auth.sign_out_button(lang)
    state.write_url(filters, lang)
except Exception:
    log.exception("Sidebar failed")
    st.error(t("error.unexpected", lang))
    st.stop()


def page(path: str, title_key: str, icon: str, **kwargs) -> st.Page:
    return st.Page(path, title=t(title_key, lang), icon=f":material/{icon}:", **kwargs)


pages = {
    t("nav.section.follow", lang): [
        page("pages/overview.py", "nav.overview", "dashboard", default=True),
        page("pages/trends.py", "nav.trends", "trending_up"),
        page("pages/feeling_meter.py", "nav.feeling", "thermostat"),
        page("pages/units.py", "nav.units", "apartment"),
    ],
    t("nav.section.data", lang): [
        page("pages/import_data.py", "nav.import", "upload_file"),
        page("pages/settings.py", "nav.settings", "settings"),
    ],
}
page = st.navigation(pages)
try:
    with shell.inside_app():
        page.run()
except Exception:
    log.exception("Page %s failed", page.title)
    st.error(t("error.unexpected", lang))
