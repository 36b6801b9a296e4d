"""The shell around every page (app.py): navigation, the language switch, the shared filters and
their URL, the sign-in gate, and short messages instead of tracebacks."""

import datetime as dt
import logging
import socket

import pytest
import streamlit as st

from core.texts import t
from data_model import reference
from importing import import_file
from tests.views import helpers as h

PAGES = [
    ("views/overview.py", "nav.overview"),
    ("views/trends.py", "nav.trends"),
    ("views/feeling_meter.py", "nav.feeling"),
    ("views/units.py", "nav.units"),
    ("views/import_data.py", "import.title"),
    ("views/settings.py", "nav.settings"),
]


@pytest.fixture
def navigation(monkeypatch) -> list[dict]:
    """The page dicts app.py hands to st.navigation, one per run."""
    calls = []
    real = st.navigation

    def spy(pages, **kwargs):
        calls.append(pages)
        return real(pages, **kwargs)

    monkeypatch.setattr(st, "navigation", spy)
    return calls


@pytest.fixture
def with_data(app_engine):
    """A register of three units in two service areas, and feedback for 2.1.-7.1.2024."""
    for name, data in (("yksikot.xlsx", h.units_register()), ("palaute.xlsx", h.feedback_long())):
        assert import_file(engine=app_engine, file_name=name, data=data).status == "imported"
    areas = dict((name, area_id) for area_id, name in reference.service_areas(engine=app_engine))
    units = {u["name"]: u["id"] for u in reference.units(engine=app_engine)}
    return areas, units


def _sections(pages: dict) -> dict[str, list[str]]:
    return {section: [page.title for page in entries] for section, entries in pages.items()}


def test_app_opens_in_finnish_with_its_pages_in_two_sections(navigation):
    at = h.new_app().run()

    assert at.title[0].value == t("nav.overview", "fi")
    assert _sections(navigation[-1]) == {
        "Seuranta": [
            "Yleiskuva",
            "Tilannekatsaus",
            "Kehitys",
            "Fiilismittari",
            "Yksiköt",
            "Valmennuksen vaikuttavuus",
            "Hyvinvointi ja palvelu",
        ],
        "Tiedot": ["Tuonti", "Asetukset", "Mittarit"],
    }
    assert at.radio(key="lang").value == "fi"
    assert at.sidebar.radio[0].label == "Kieli"
    assert at.query_params["lang"] == "fi"


@pytest.mark.parametrize(("path", "title_key"), PAGES)
def test_every_page_opens_with_its_title(path, title_key):
    at = h.new_app().run()
    at.switch_page(path).run()

    assert at.title[0].value == t(title_key, "fi")
    assert not at.exception
    assert not at.error
    assert at.sidebar.radio[0].label == "Kieli"  # the shell is drawn around every page


def test_language_switch_turns_the_app_english(navigation, with_data):
    at = h.new_app().run()
    at.radio(key="lang").set_value("en").run()

    assert at.title[0].value == "Overview"
    assert _sections(navigation[-1]) == {
        "Follow-up": [
            "Overview",
            "Situation report",
            "Trends",
            "Feeling meter",
            "Units",
            "Coaching effectiveness",
            "Wellbeing and service",
        ],
        "Data": ["Import", "Settings", "Indicators"],
    }
    assert at.sidebar.radio[0].label == "Language"
    assert at.sidebar.subheader[0].value == "Filters"
    assert at.date_input(key="filter_dates").label == "Date range"
    assert at.selectbox(key="filter_area").label == "Service area"
    assert at.selectbox(key="filter_area").options[0] == "All service areas"
    assert at.selectbox(key="filter_area").proto.placeholder == "All service areas"
    assert at.multiselect(key="filter_units").label == "Units"
    assert at.query_params["lang"] == "en"


def test_language_switch_keeps_the_page(with_data):
    at = h.new_app().run()
    at.switch_page(h.IMPORT_PAGE).run()
    at.radio(key="lang").set_value("en").run()

    assert at.title[0].value == "Import data"
    assert at.header[-1].value == "Import history"


def test_link_with_query_parameters_restores_language_and_filters(with_data):
    areas, units = with_data
    elderly, koivu = areas["Vanhuspalvelut"], units["Palvelutalo Koivu"]
    at = h.new_app()
    at.query_params.update(
        {"lang": "en", "from": "2024-01-03", "to": "2024-01-05", "area": elderly, "units": koivu}
    )
    at.run()

    assert at.radio(key="lang").value == "en"
    assert at.title[0].value == "Overview"
    assert at.date_input(key="filter_dates").value == (dt.date(2024, 1, 3), dt.date(2024, 1, 5))
    assert at.selectbox(key="filter_area").value == elderly
    assert at.multiselect(key="filter_units").value == [koivu]
    assert at.multiselect(key="filter_units").options == ["Palvelutalo Koivu"]


def test_filters_default_to_the_span_of_the_data(with_data):
    at = h.new_app().run()

    # From the first data day to today (tests read the pages on 20.3.2024): a range ending on
    # the last data day would label its month running.
    assert at.date_input(key="filter_dates").value == (dt.date(2024, 1, 2), dt.date(2024, 3, 20))
    assert at.selectbox(key="filter_area").value is None
    # No area chosen: the box reads "all areas", not Streamlit's English "Choose an option".
    assert at.selectbox(key="filter_area").proto.placeholder == "Kaikki palvelualueet"
    assert at.multiselect(key="filter_units").value == []


def test_chosen_filters_go_to_the_url_and_persist_across_pages(with_data):
    areas, units = with_data
    childcare, aurinko = areas["Varhaiskasvatus"], units["Päiväkoti Aurinko"]
    at = h.new_app().run()
    at.date_input(key="filter_dates").set_value((dt.date(2024, 1, 4), dt.date(2024, 1, 6))).run()
    at.selectbox(key="filter_area").set_value(childcare).run()
    at.multiselect(key="filter_units").set_value([aurinko]).run()
    wanted = {
        "lang": "fi",
        "from": "2024-01-04",
        "to": "2024-01-06",
        "area": str(childcare),
        "units": str(aurinko),
    }
    # The sidebar's filters, and the page's own choices beside them.
    assert at.query_params == {**wanted, "grain": "month", "missing": "0"}

    at.switch_page("views/trends.py").run()

    assert at.title[0].value == "Kehitys"
    assert at.date_input(key="filter_dates").value == (dt.date(2024, 1, 4), dt.date(2024, 1, 6))
    assert at.selectbox(key="filter_area").value == childcare
    assert at.multiselect(key="filter_units").value == [aurinko]
    assert {key: at.query_params[key] for key in wanted} == wanted
    assert at.query_params["ind"] == "feedback_mean"  # the Trends page's own choices


FIRST_PASSWORD = "kissa-ja-koira"  # TILANNEKUVA_PASSWORD (12 characters at least)


def test_with_a_password_only_the_sign_in_form_shows(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_PASSWORD", FIRST_PASSWORD)
    at = h.new_app().run()

    assert at.subheader[0].value == "Kirjaudu sisään"
    assert at.text_input(key="signin_password").label == "Salasana"
    assert [title.value for title in at.title] == ["Tilannekuva"]  # the product, no page
    assert not at.sidebar.children  # no filters either


def test_a_wrong_password_is_refused(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_PASSWORD", FIRST_PASSWORD)
    at = h.new_app().run()
    at.text_input(key="signin_name").input("admin")
    at.text_input(key="signin_password").input("koira")
    at.button[0].click().run()

    assert [e.value for e in at.error] == [t("signin.wrong", "fi")]
    assert [title.value for title in at.title] == ["Tilannekuva"]


def test_the_right_password_opens_the_app(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_PASSWORD", FIRST_PASSWORD)
    at = h.new_app().run()
    at.text_input(key="signin_name").input("admin")  # the first admin the password made
    at.text_input(key="signin_password").input(FIRST_PASSWORD)
    at.button[0].click().run()

    assert at.title[0].value == "Yleiskuva"
    assert not at.error
    assert "Kirjautunut: admin" in [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize(
    ("broken", "page"),
    [("ui.data.batches", h.IMPORT_PAGE), ("ui.data.data_span", "views/overview.py")],
    ids=["on the page", "in the sidebar"],
)
def test_an_unexpected_error_shows_a_short_message_and_is_logged(monkeypatch, caplog, broken, page):
    at = h.new_app().run()

    def fail(*args, **kwargs):
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr(broken, fail)
    with caplog.at_level(logging.ERROR, logger="tilannekuva"):
        at.switch_page(page).run()

    assert [e.value for e in at.error] == [t("error.unexpected", "fi")]
    assert not at.exception
    assert not any("secret detail" in text for text in h.shown_texts(at))
    assert any("secret detail" in str(r.exc_info[1]) for r in caplog.records if r.exc_info), (
        "the error was not logged with its traceback"
    )


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_database_shows_the_database_message(monkeypatch):
    url = f"postgresql+psycopg://tilannekuva@127.0.0.1:{_closed_port()}/tilannekuva"
    monkeypatch.setenv("DATABASE_URL", url)
    at = h.new_app().run()

    assert [e.value for e in at.error] == [t("error.database", "fi")]
    assert not at.exception
    assert not at.title
    assert not at.sidebar.children


def test_a_link_with_lang_sv_opens_the_app_in_swedish(navigation, with_data):
    at = h.new_app()
    at.query_params["lang"] = "sv"
    at.run()

    assert at.title[0].value == "Översikt"
    assert _sections(navigation[-1]) == {
        "Uppföljning": [
            "Översikt",
            "Lägesöversikt",
            "Utveckling",
            "Stämningsmätare",
            "Enheter",
            "Coachningens verkningsfullhet",
            "Välbefinnande och service",
        ],
        "Data": ["Import", "Inställningar", "Indikatorer"],
    }
    switch = at.radio(key="lang")
    assert (switch.value, switch.label, switch.options) == (
        "sv",
        "Språk",
        ["suomi", "svenska", "English"],
    )
    assert at.selectbox(key="filter_area").options[0] == "Alla serviceområden"
    assert at.date_input(key="filter_dates").proto.format == "DD.MM.YYYY"
    assert at.query_params["lang"] == "sv"
