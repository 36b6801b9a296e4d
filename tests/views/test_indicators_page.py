"""The organisation's own indicators on the pages: a definition changed through another engine
(another app process, the command line) shows on a page that has cached its figures at its next
click, and the Indicators page defines, changes and removes one."""

import pytest

from data_model import audit, data_version, own_indicators
from importing import import_file
from tests.views import dashboard as d
from tests.views import helpers as h
from ui.plain import shown_text

INDICATORS_PAGE, OVERVIEW_PAGE = "views/indicators.py", "views/overview.py"
OCCUPANCY = "Käyttöaste %"


def occupancy_file() -> bytes:
    """3/2024: Aurinko 45 of 50 places (90 %), Koivu 20 of 40 (50 %): 65 / 90 = 72,2 %, not
    the mean of the two rates (70 %)."""
    header = ["Kuukausi", "Yksikkö", "Mittari", "Osoittaja", "Nimittäjä"]
    return h.xlsx_bytes(
        [
            header,
            ["2024-03", d.AURINKO, OCCUPANCY, 45, 50],
            ["2024-03", d.KOIVU, OCCUPANCY, 20, 40],
        ]
    )


@pytest.fixture
def occupancy(municipality, app_engine):
    result = import_file(engine=app_engine, file_name="kayttoaste.xlsx", data=occupancy_file())
    assert result.status == "imported", result.error
    return result


def overview(at):
    at.switch_page(OVERVIEW_PAGE).run()
    assert at.title[0].value == "Yleiskuva"
    return at


def test_a_definition_changed_by_another_process_shows_at_the_next_click(occupancy, app_engine):
    at = overview(h.new_app().run())
    assert OCCUPANCY not in [m.label for m in at.metric]  # a new name is not on the scorecard
    before = data_version.current(engine=app_engine)

    own_indicators.change(engine=app_engine, name=OCCUPANCY, user="cli", scorecard=True)

    assert data_version.current(engine=app_engine) == before + 1
    at.run()  # the next click: the page's cached figures are read again
    assert h.metric(at, OCCUPANCY).value == "72,2\u00a0%"

    own_indicators.change(engine=app_engine, name=OCCUPANCY, user="cli", name_fi="Täyttöaste %")
    at.run()
    assert h.metric(at, "Täyttöaste %").value == "72,2\u00a0%"  # the stored values as they were


def test_the_indicators_page_defines_and_removes_an_indicator(municipality, app_engine):
    at = h.new_app().run()
    at.switch_page(INDICATORS_PAGE).run()
    assert at.title[0].value == "Mittarit"

    at.text_input(key="own_new_name").set_value("Jonotusaika d")
    at.button(key="FormSubmitter:own_new_form-Määrittele").click().run()

    assert [s.value for s in at.success] == [
        "Mittari Jonotusaika d määriteltiin. Sen asetukset ovat alla."
    ]
    table = at.dataframe[0].value
    assert list(table["Mittari"]) == ["Jonotusaika d"]
    assert at.selectbox(key="own_pick").value == "own_jonotusaika_d"
    events = audit.events(engine=app_engine)
    assert any(e["action"] == "indicator" for e in events)

    at.button(key="own_remove_own_jonotusaika_d").click().run()

    assert [s.value for s in at.success] == ["Mittari Jonotusaika d poistettiin."]
    assert own_indicators.definitions(engine=app_engine) == ()


def test_an_indicator_holding_values_is_not_removed(occupancy, app_engine):
    at = h.new_app().run()
    at.switch_page(INDICATORS_PAGE).run()

    at.button(key="own_remove_own_kayttoaste_percent").click().run()

    assert [shown_text(e.value) for e in at.error] == [
        "Mittarilla ”Käyttöaste %” on 2 tuotua arvoa tai tavoitetta. Peru ensin nuo tuonnit "
        "Tuonti-sivulla, sitten mittarin voi poistaa."
    ]
    assert [x.name_fi for x in own_indicators.definitions(engine=app_engine)] == [OCCUPANCY]
