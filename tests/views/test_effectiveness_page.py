"""The Coaching effectiveness page on units with staggered starts (tests/views/effect_data.py):
the event-time chart's mean, the difference-in-differences table and its sentence, what it says
when comparison units are missing, English, and the .xlsx with filters and method on top."""

import io

import pytest
from openpyxl import load_workbook

from tests.views import effect_data
from tests.views import helpers as h

PAGE = "views/effectiveness.py"


@pytest.fixture
def coached(app_engine):
    return effect_data.import_units(app_engine)


def open_page(lang: str = "fi", units: list[int] | None = None):
    at = h.new_app()
    at.query_params["lang"] = lang
    if units:
        at.query_params["units"] = ",".join(str(u) for u in units)
    return at.switch_page(PAGE).run()


def table(at):
    assert not at.exception, [e.value for e in at.exception]
    return at.main.dataframe[-1].value


def test_the_table_recovers_the_half_point_against_units_not_yet_coached(coached):
    at = open_page()

    assert at.title[0].value == "Valmennuksen vaikuttavuus"
    assert at.selectbox(key="effect_indicator").value == "mentor_mood"
    rows = table(at)
    assert list(rows["Palvelualue"]) == [
        "Kaikki palvelualueet",
        "Vanhuspalvelut",
        "Varhaiskasvatus",
    ]
    overall = rows.iloc[0]
    # A1, A2, B1 and B2 are coached; A2, B1, B2 (before their starts), A3, B3, Pieni compare.
    assert (overall["Valmennetut yksiköt"], overall["Vertailuyksiköt"]) == (4, 6)
    assert overall["Muutos valmennetuissa"] == "+0,50"
    assert overall["Muutos vertailuyksiköissä"] == "0,00"
    assert overall["Ero (vaikutusarvio)"] == "+0,50"
    assert overall["Mitä tästä voi päätellä"].startswith("Mittari kehittyi valmennetuissa")
    assert "Syy-yhteyttä se ei todista" in " ".join(h.shown_texts(at))


def test_the_event_time_chart_aligns_units_on_their_start(coached):
    at = open_page()

    [(spec, datasets)] = h.charts(at)
    lines = next(d for d in datasets if "unit" in d.columns)
    means = next(d for d in datasets if "mean" in d.columns)
    assert sorted(lines["unit"].unique()) == [
        "Hoivakoti B1",
        "Hoivakoti B2",
        "Päiväkoti A1",
        "Päiväkoti A2",
    ]
    assert lines["k"].min() == -12 and lines["k"].max() == 18
    by_k = means.set_index("k")
    assert by_k.loc[-1, "mean"] == pytest.approx(3.5) and by_k.loc[-1, "n"] == 4
    assert by_k.loc[0, "mean"] == pytest.approx(4.0)
    # B2 starts 6/2025: its +7 is 12/2025, the last month; +8 rests on three units.
    assert by_k.loc[8, "n"] == 3


def test_feedback_leaves_out_unit_months_under_the_threshold(coached):
    at = open_page()
    at.selectbox(key="effect_indicator").set_value("feedback_mean").run()

    overall = table(at).iloc[0]
    assert overall["Vertailuyksiköt"] == 5  # Pieni's three answers a month never count
    assert overall["Ero (vaikutusarvio)"] == "+0,67"


def test_without_comparison_units_it_says_what_is_missing(coached):
    at = open_page(units=[coached["Päiväkoti A1"]])

    row = table(at).iloc[0]
    assert row["Ero (vaikutusarvio)"] == "–"
    assert row["Mitä tästä voi päätellä"] == (
        "Lukua ei voi laskea: 1 yksiköllä ei ole vertailuyksikköä, jonka valmennus ei ollut "
        "vielä alkanut ja jolla on lukuja samoilta kuukausilta."
    )


def test_english(coached):
    at = open_page("en")

    assert at.title[0].value == "Coaching effectiveness"
    assert list(table(at).columns)[-1] == "What can be concluded"
    assert table(at).iloc[0]["Service area"] == "All service areas"


def test_download_has_filters_and_method_on_top_and_numbers_as_numbers(coached, downloads):
    open_page()

    built = downloads.press("tilannekuva_vaikuttavuus.xlsx")
    sheet = load_workbook(io.BytesIO(built)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Valmennuksen vaikuttavuus"
    block = {r[0]: r[1] for r in rows[1:8] if r[0]}
    assert block["Yksiköt tai palvelualue"] == "Kaikki yksiköt"
    assert block["Aikaväli"] == "10.1.2023 – 10.12.2025"
    assert block["Mittari"] == "Fiilis"
    assert block["Viejä"] == "paikallinen käyttäjä"
    assert "Viety" in block
    assert any(str(r[0]).startswith("Erotusten erotus.") for r in rows)
    header = rows.index(next(r for r in rows if r[0] == "Palvelualue"))
    overall = dict(zip(rows[header], rows[header + 1], strict=True))
    assert overall["Ero (vaikutusarvio)"] == pytest.approx(0.5)
    # numbers are numbers, rounded as on the page, with a signed two-decimal format
    effect_cell = sheet.cell(header + 2, rows[header].index("Ero (vaikutusarvio)") + 1)
    assert effect_cell.number_format == "+0.00;-0.00;0.00"
    assert all(
        isinstance(v, int | float) and round(v, 2) == v
        for r in rows[header + 1 :]
        for v in r[3:8]
        if v is not None
    )
    assert overall["Valmennetut yksiköt"] == 4
