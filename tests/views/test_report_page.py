"""The situation report page (Tilannekatsaus) on the small municipality of tests/views/dashboard
.py, with today fixed: the month of the newest data by default, its sections in words with the
figures the Overview shows, a sentence's link opening the Overview as the link says, the .docx
download recorded in the audit trail, a manager offered only their own units, and Swedish."""

import io

import pytest
from docx import Document

from data_model import audit, users
from tests.views import dashboard as d
from tests.views import helpers as h
from tests.views.test_roles import PASSWORDS, sign_in

REPORT_PAGE = "views/report.py"


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_TODAY", "2024-04-10")  # March 2024 has run to its end


def open_report(lang: str = "fi", **params):
    at = h.new_app()
    at.query_params.update({"lang": lang, **params})
    return at.switch_page(REPORT_PAGE).run()


def shown(at) -> str:
    """The page's texts as a reader sees them (without Markdown's escapes and word joiners)."""
    return "\n".join(h.shown_texts(at)).replace("\\", "").replace("\u2060", "")


def test_the_report_of_the_newest_month_says_what_the_overview_shows(municipality):
    at = open_report()

    assert not at.exception
    assert at.title[0].value == "Tilannekatsaus"
    assert at.selectbox(key="report_at").value.isoformat() == "2024-03-01"
    assert [s.value for s in at.main.subheader] == [
        "Lyhyesti",
        "Tavoitteet",
        "Huomiota tarvitsevat yksiköt",
        "Valmennus",
        "Puuttuvat ja myöhässä olevat tiedot",
    ]
    text = shown(at)
    # The dashboard's March: 12 answers that count, mean 3.75; February's 18 answers, 3.67.
    assert "Palautteen keskiarvo: 3,75, tavoite 4,00 (tavoitteesta jäljessä)." in text
    assert "Päiväkoti Aurinko: Valmennusta on kulunut 2 / 12 kk." in text
    assert "Ajanjakso: 3/2024 (1.3.2024 – 31.3.2024)" in text
    assert at.query_params["at"] == "2024-03-01" and at.query_params["scope"] == "all"

    # Its link opens the Overview as the link says: the month's end, all units.
    at.button(key="report_open_targets_1").click().run()
    assert at.title[0].value == "Yleiskuva"
    assert at.date_input(key="filter_dates").value == (d.D(2022, 1, 1), d.D(2024, 3, 31))
    assert h.metric(at, "Palautteen keskiarvo").value == "3,75"


def test_a_month_without_data_says_so(municipality):
    at = open_report(at="2024-04-01")

    assert "Ajalta 4/2024 ei ole vielä lukuja. Uusimmat luvut ovat ajalta 3/2024." in shown(at)


def test_the_docx_download_is_the_report_and_is_recorded(municipality, downloads, app_engine):
    at = open_report(scope=f"unit:{municipality.units[d.AURINKO]}")

    assert at.selectbox(key="report_scope").value == f"unit:{municipality.units[d.AURINKO]}"
    document = Document(io.BytesIO(downloads.press("tilannekatsaus_2024-03.docx")))
    assert document.paragraphs[0].text == "Tilannekatsaus 3/2024"
    block = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert block["Yksiköt tai palvelualue"] == d.AURINKO
    assert block["Viejä"] == "paikallinen käyttäjä"
    assert any(p.text.startswith("Päiväkoti Aurinko: Valmennusta") for p in document.paragraphs)
    [event] = audit.events(engine=app_engine, actions=["export"])
    assert event["details"] == {
        "what": "report_docx",
        "period": "2024-03",
        "selection": d.AURINKO,
    }


def test_a_manager_is_offered_only_their_own_units(municipality, app_engine):
    users.add_user(
        engine=app_engine, name="paakayttaja", role="admin", password=PASSWORDS["paakayttaja"]
    )
    users.add_user(
        engine=app_engine,
        name="esihenkilo",
        role="manager",
        password=PASSWORDS["esihenkilo"],
        areas=d.EARLY,
    )
    at = h.new_app()
    at.query_params["scope"] = f"unit:{municipality.units[d.KOIVU]}"  # not theirs
    at = sign_in(at.run(), "esihenkilo").switch_page(REPORT_PAGE).run()

    scope = at.selectbox(key="report_scope")
    assert scope.options == [  # as the list shows them
        "2 yksikköä",
        "Palvelualue Varhaiskasvatus",
        d.AURINKO,
        d.KUU,
    ]
    assert scope.value == "all"
    assert d.KOIVU not in shown(at) and "Vanhuspalvelut" not in shown(at)


def test_in_swedish(municipality):
    at = open_report("sv")

    assert at.title[0].value == "Lägesöversikt"
    assert at.subheader[0].value == "I korthet"
    assert "Responsens medeltal: 3,75, målvärde 4,00 (målet inte nått)." in shown(at)
    assert at.get("download_button")[0].label == "Ladda ner Word-fil (.docx)"
