"""Tilannekuva: the entry point. Page config, sign-in gate, shared sidebar and the page list;
everything else lives in views/, ui/, data_model/, loaders/ and core/."""

import logging

import streamlit as st

from core.texts import t
from ui import auth, data, sidebar, state

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
        scope = sidebar.filters(lang)
        auth.sign_out_button(lang)
    state.write_url(scope, lang)
except Exception:
    log.exception("Sidebar failed")
    st.error(t("error.unexpected", lang))
    st.stop()


def page(path: str, title_key: str, icon: str, **kwargs) -> st.Page:
    return st.Page(path, title=t(title_key, lang), icon=f":material/{icon}:", **kwargs)


pages = {
    t("nav.section.follow", lang): [
        page("views/overview.py", "nav.overview", "dashboard", default=True),
        page("views/trends.py", "nav.trends", "trending_up"),
        page("views/feeling_meter.py", "nav.feeling", "thermostat"),
        page("views/units.py", "nav.units", "apartment"),
    ],
    t("nav.section.data", lang): [
        page("views/import_data.py", "nav.import", "upload_file"),
        page("views/settings.py", "nav.settings", "settings"),
    ],
}
page = st.navigation(pages)
try:
    page.run()
except Exception:
    log.exception("Page %s failed", page.title)
    st.error(t("error.unexpected", lang))
