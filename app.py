"""Tilannekuva: the entry point. Page config, sign-in gate, shared sidebar and the page list;
everything else lives in views/, ui/, data_model/, loaders/ and core/.

`streamlit run app.py` reads this file twice over. Imported as a module (its name then is not
"__main__"), it hands Streamlit the web server to run: Streamlit's own (st.App) with the session
cookie's routes and the guard on downloads added (ui/web.py). Streamlit then runs it as the page
script, as "__main__", on every page view."""

import logging

import streamlit as st

if __name__ != "__main__":
    from ui import web

    app = st.App(__file__, routes=web.routes(), middleware=web.middleware())
else:
    import streamlit.emojis  # noqa: F401  (see below)

    from core.texts import t
    from ui import auth, data, layout, sidebar, state, user

    # streamlit.emojis, imported above: Streamlit looks for a leading emoji in every notice and
    # option label that is not ASCII (most Finnish text), compiling its emoji table the first time,
    # 0.3 s. Loaded with the app at start, so that no later click pays for it.
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    log = logging.getLogger("tilannekuva")

    st.set_page_config(page_title="Tilannekuva", page_icon=":material/dashboard:", layout="wide")
    state.read_url_once()
    lang = state.language()

    try:
        with st.spinner(t("demo.seeding", lang)):
            data.engine()
        data.start_run()  # the data version, once per interaction: every cache is kept by it
    except Exception:
        log.exception("Database not reachable")
        st.error(t("error.database", lang))
        st.stop()

    def page(path: str, title_key: str, icon: str, **kwargs) -> st.Page:
        return st.Page(path, title=t(title_key, lang), icon=f":material/{icon}:", **kwargs)

    def all_pages() -> dict[str, list[st.Page]]:
        """Every page; what a user may open is narrowed by role below."""
        return {
            t("nav.section.follow", lang): [
                page("views/overview.py", "nav.overview", "dashboard", default=True),
                page("views/report.py", "nav.report", "summarize"),
                page("views/trends.py", "nav.trends", "trending_up"),
                page("views/feeling_meter.py", "nav.feeling", "thermostat"),
                page("views/units.py", "nav.units", "apartment"),
                page("views/effectiveness.py", "nav.effectiveness", "insights"),
                page("views/wellbeing.py", "nav.wellbeing", "diversity_1"),
            ],
            t("nav.section.data", lang): [
                page("views/import_data.py", "nav.import", "upload_file"),
                page("views/settings.py", "nav.settings", "settings"),
                page("views/indicators.py", "nav.indicators", "tune"),
            ],
            t("nav.section.admin", lang): [
                page("views/users.py", "nav.users", "group"),
                page("views/audit.py", "nav.audit", "history"),
            ],
        }

    if not auth.gate(lang):
        # Declared but hidden and not run: the browser keeps the link it opened (/units?unit=1),
        # and the rerun after signing in opens exactly that page.
        st.navigation(all_pages(), position="hidden")
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

    pages = all_pages()
    if not auth.can_change():  # managers and viewers: no import, settings, users or audit
        follow = t("nav.section.follow", lang)
        pages = {follow: pages[follow]}
    elif user.current().via == "open":  # one local user: no users to manage, nothing to audit
        pages.pop(t("nav.section.admin", lang))
    chosen = st.navigation(pages)
    layout.close_menu_on_phone(chosen.url_path)
    try:
        chosen.run()
    except Exception:
        log.exception("Page %s failed", chosen.title)
        st.error(t("error.unexpected", lang))
