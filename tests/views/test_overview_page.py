"""The Overview page (tuloskortti) on tests/views/dashboard.py's municipality: cards with the
latest month's value and its change, figures that follow the sidebar's scope, the privacy rule,
and the units table whose rows open the Units page."""

import re

import pytest
from streamlit import dataframe_util

from tests.views import dashboard as d
from tests.views import helpers as h

MEAN, POSITIVE, ANSWERS = "Palautteen keskiarvo", "Myönteisten osuus", "Vastausten määrä"
NBSP = "\u00a0"


@pytest.fixture
def overview(municipality):
    at = h.new_app().run()
    assert at.title[0].value == "Yleiskuva"
    return at


def card(at, label: str) -> tuple[str, str]:
    found = h.metric(at, label)
    return found.value, found.delta


def card_notes(at) -> list[str]:
    """The caption under each card (bucket, status, target, previous, a year earlier)."""
    return [c.value for c in at.caption if c.value.startswith("**")]


def test_cards_show_the_latest_month_of_all_units_and_its_change(overview):
    # Kuu's 3 answers in 3/2024 count in no figure (user guide, "Privacy"): 45/12 against 66/18.
    assert card(overview, MEAN) == ("3,75", "+0,08")
    assert card(overview, POSITIVE) == (f"50{NBSP}%", "-17 %-yks.")  # 6/12 against 12/18
    assert card(overview, ANSWERS) == ("12", "-6")
    mean_note = card_notes(overview)[0]
    # The data run to 20.3.2024: March is still running, so it is compared with the same 20
    # days of February and of March 2023.
    assert mean_note.startswith("**3/2024, kesken: kulunut 20/31 päivää** · ")
    # (feedback in whole months: the privacy rule never cuts a month, user guide, "Privacy")
    assert "edellisen jakson sama osa (1.2.2024–29.2.2024): 3,67" in mean_note
    assert "vuotta aiemmin sama osa (1.3.2023–31.3.2023): 3,00" in mean_note
    assert "tavoite 4,00" in mean_note and "tavoitteesta jäljessä" in mean_note
    assert overview.caption[0].value == "Kaikki yksiköt · 13.3.2023 – 20.3.2024"


def test_choosing_a_service_area_changes_the_figures(overview, municipality):
    overview.selectbox(key="filter_area").set_value(municipality.areas[d.EARLY]).run()

    assert card(overview, MEAN) == ("4,50", "+0,50")  # Aurinko's 27/6 against 48/12
    assert card(overview, ANSWERS) == ("6", "-6")
    assert overview.caption[0].value.startswith("Palvelualue Varhaiskasvatus · ")


def test_choosing_one_unit_shows_that_units_figures(overview, municipality):
    overview.multiselect(key="filter_units").set_value([municipality.units[d.AURINKO]]).run()

    assert card(overview, MEAN) == ("4,50", "+0,50")
    assert card(overview, POSITIVE) == (f"100{NBSP}%", "+0 %-yks.")
    assert card(overview, "Fiilis") == ("4,50", "+1,50")  # mentor reports: 4 and 5 against 3
    assert "vuotta aiemmin sama osa (1.3.2023–31.3.2023): 3,00" in card_notes(overview)[0]


def test_a_unit_with_too_few_answers_shows_no_figure_and_says_why(overview, municipality):
    overview.multiselect(key="filter_units").set_value([municipality.units[d.KUU]]).run()

    assert card(overview, MEAN) == ("piilotettu", "")
    assert card(overview, POSITIVE) == ("piilotettu", "")
    assert card(overview, ANSWERS) == ("piilotettu", "")  # the count is hidden with it
    reason = "Alle 5 vastausta: lukua ei näytetä yksityisyyden suojaamiseksi."
    assert reason in card_notes(overview)[0]
    note = "Yksikön kuukausi, jossa johonkin kysymykseen on alle 5 vastausta, jätetään pois"
    assert any(c.value.startswith(note) for c in overview.caption)


def test_year_grain_compares_whole_years(overview):
    overview.button_group(key="overview_grain").set_value("year").run()

    assert card(overview, MEAN) == ("3,70", "+0,70")  # 111/30 in 2024 against 18/6 in 2023
    assert card_notes(overview)[0].startswith("**2024, kesken: kulunut 80/366 päivää** · ")
    assert "edellisen jakson sama osa (1.1.2023–31.3.2023): 3,00" in card_notes(overview)[0]
    assert "vuotta aiemmin sama osa" not in card_notes(overview)[0]  # the same year


GREEN, RED = "#d3f0da", "#f8d4d4"


def backgrounds(table, shown) -> dict[tuple[str, str], str]:
    """(unit, column) -> background colour, from the CSS the table's Styler sent."""
    colours = {}
    styles = table.proto.arrow_data.styler.styles
    for selectors, colour in re.findall(r"([^{}]+)\{\s*background-color: ([#\w]+)", styles):
        for row, col in re.findall(r"_row(\d+)_col(\d+)", selectors):
            colours[(shown["Yksikkö"].iloc[int(row)], shown.columns[int(col)])] = colour
    return colours


def units_table(at):
    table = at.dataframe(key="overview_units")
    shown = dataframe_util.convert_arrow_bytes_to_pandas_df(
        table.proto.arrow_data.styler.display_values
    )
    return table, shown


def test_units_table_lists_the_units_with_their_latest_figures(overview):
    table, shown = units_table(overview)

    assert shown["Yksikkö"].tolist() == [d.AURINKO, d.KUU, d.KOIVU]
    # Kuu has 3 answers: hidden, and left out of the card's total beside the table, so Koivu
    # can be shown (the total minus Aurinko and Koivu leaves nothing).
    assert shown[MEAN].tolist() == ["4,50", "–", "3,00"]
    assert shown["Fiilis"].tolist() == ["4,50", "–", "2,00"]
    assert shown["Henkilöstö"].tolist() == ["20", "10", "30"]
    colours = backgrounds(table, shown)
    assert colours[(d.AURINKO, MEAN)] == GREEN  # 4,50 meets the default target 4,00
    assert colours[(d.KOIVU, "Fiilis")] == RED  # 2,00 misses 3,50
    assert (d.KUU, MEAN) not in colours  # a hidden figure has no status
    assert (d.AURINKO, "Henkilöstö") not in colours  # headcount has no target


@pytest.mark.parametrize("name", [d.AURINKO, d.KOIVU])
def test_choosing_a_row_opens_the_units_page_for_that_unit(overview, municipality, name):
    row = units_table(overview)[1]["Yksikkö"].tolist().index(name)

    overview.session_state["overview_units"] = {"selection": {"rows": [row], "columns": []}}
    overview.run()

    assert overview.title[0].value == "Yksiköt"
    assert overview.header[0].value == name
    assert overview.query_params["unit"] == str(municipality.units[name])


def test_choosing_the_same_unit_again_after_going_back_opens_it_again(overview, municipality):
    row = units_table(overview)[1]["Yksikkö"].tolist().index(d.AURINKO)
    choose = {"selection": {"rows": [row], "columns": []}}
    overview.session_state["overview_units"] = choose
    overview.run()
    overview.switch_page("views/overview.py").run()
    assert overview.title[0].value == "Yleiskuva"  # the old choice does not send us back

    overview.session_state["overview_units"] = choose
    overview.run()

    assert overview.header[0].value == d.AURINKO  # not the first unit by name


def test_english_switch_translates_cards_and_table(overview):
    overview.radio(key="lang").set_value("en").run()

    assert overview.title[0].value == "Overview"
    assert [s.value for s in overview.main.subheader] == ["Scorecard", "Units and indicators"]
    assert card(overview, "Feedback mean score") == ("3.75", "+0.08")
    assert card(overview, "Share of positive answers") == ("50%", "-17 pp")
    assert card_notes(overview)[0].startswith("**3/2024, in progress: day 20 of 31** · ")
    assert (
        "same part of the previous period (2024-02-01–2024-02-29): 3.67" in card_notes(overview)[0]
    )
    table, shown = units_table(overview)
    assert list(shown.columns[:4]) == [
        "Unit",
        "Feedback mean score",
        "Share of positive answers",
        "Mood",
    ]
    assert shown.columns[-1] == "Service area"
    assert shown["Feedback mean score"].tolist() == ["4.50", "–", "3.00"]
    assert "Figures for 3/2024, in progress: day 20 of 31." in table_caption(overview)


def table_caption(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith(("Luvut", "Figures")))


def test_units_table_names_its_period_and_service_area_and_shows_a_dash(overview):
    table, shown = units_table(overview)

    caption = table_caption(overview)
    assert caption.startswith("Luvut ajalta 3/2024, kesken: kulunut 20/31 päivää.")
    assert list(shown.columns[:2]) == ["Yksikkö", MEAN]
    assert shown.columns[-1] == "Palvelualue"  # last, so a phone sees the figures first
    assert shown["Palvelualue"].tolist() == [d.EARLY, d.EARLY, d.ELDERLY]
    assert shown["Fiilis"].tolist() == ["4,50", "–", "2,00"]  # Kuu has no mentor reports
    assert not any("None" in str(v) or "nan" in str(v) for v in shown.to_numpy().ravel())
    # Kuu has 10 people (under the default 20): its rates run over a rolling 12 months, marked.
    sick = shown["Sairauspoissaolopäivät / htv"].tolist()
    assert sick == ["1,2", "1,2*", "1,2"]  # 12 x 1 day / 10 htv, the same over both months
    assert "* liukuva 12 kk: yksikössä alle 20 henkilöä." in caption


def test_units_table_filtered_to_units_short_of_a_target(overview, municipality):
    overview.toggle(key="overview_only_missing").set_value(True).run()

    shown = units_table(overview)[1]
    assert shown["Yksikkö"].tolist() == [d.KOIVU]  # mood 2,00 against 3,50
    overview.session_state["overview_units"] = {"selection": {"rows": [0], "columns": []}}
    overview.run()
    assert overview.header[0].value == d.KOIVU  # the filtered row opens its own unit


def test_a_shared_link_opens_the_grain_and_filter_it_names(municipality):
    at = h.new_app()
    at.query_params["grain"] = "year"
    at.query_params["missing"] = "1"
    at.run()

    assert at.button_group(key="overview_grain").value == "year"
    assert at.toggle(key="overview_only_missing").value is True
    assert card_notes(at)[0].startswith("**2024, kesken: kulunut 80/366 päivää** · ")
    assert at.query_params["grain"] == "year" and at.query_params["missing"] == "1"


def test_read_months_after_the_data_end_the_cards_say_stale_and_compare_whole_months(
    municipality, monkeypatch
):
    # Read on 5.5.2024: March is over and nothing came in April, so no figure is "running".
    monkeypatch.setenv("TILANNEKUVA_TODAY", "2024-05-05")
    at = h.new_app().run()

    assert at.caption[0].value == "Kaikki yksiköt · 13.3.2023 – 5.5.2024"  # dates end today
    notes = card_notes(at)
    assert not [n for n in notes if "kesken" in n]
    mean_note = notes[0]
    assert mean_note.startswith("**3/2024 · viimeisimmät tiedot 20.3.2024 (palautekyselyt)** · ")
    assert "Ajalta 5/2024 ei ole vielä tietoja." in mean_note
    assert "edellinen 2/2024: " in mean_note and "sama osa" not in mean_note
    caption = table_caption(at)
    assert caption.startswith(
        "Luvut ajalta 3/2024 · viimeisimmät tiedot 20.3.2024 (palautekyselyt)"
    )
    assert "viimeisimmät tiedot 3/2024 (henkilöstötiedot)" in caption


def test_a_view_ending_inside_a_finished_month_is_cut_not_running(municipality, monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_TODAY", "2026-12-05")
    at = h.new_app()
    at.query_params["from"], at.query_params["to"] = "2023-03-13", "2024-03-20"
    at.run()

    mean_note = card_notes(at)[0]
    assert mean_note.startswith("**3/2024, 1.3.2024–20.3.2024 (valittu aikaväli)** · ")
    assert "kesken" not in mean_note
    # the chosen part of March, compared with the same part of the months before
    assert "edellisen jakson sama osa (1.2.2024–29.2.2024): 3,67" in mean_note
