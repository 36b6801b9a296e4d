"""The Trends page on tests/views/dashboard.py's municipality: the numbers behind the chart per
grain and per series, years side by side, the .xlsx download, and the English texts."""

import datetime as dt
import io
import os
import re

import pytest
from openpyxl import load_workbook

from tests.views import dashboard as d
from tests.views import helpers as h

TRENDS_PAGE = "views/trends.py"
MEAN = "Palautteen keskiarvo"


@pytest.fixture
def trends(municipality):
    return h.open_page(TRENDS_PAGE)


def numbers(at) -> list[tuple]:
    """The table below the chart: (indicator, period, series, value, count) per row."""
    table = at.main.dataframe[-1].value
    return [tuple(row) for row in table.itertuples(index=False)]


def test_monthly_numbers_of_the_whole_selection(trends):
    assert trends.title[0].value == "Kehitys"
    assert trends.main.subheader[0].value == "Kaavion luvut taulukkona"
    assert numbers(trends) == [
        (MEAN, "3/2023", "Kaikki yksiköt", "3,00", 6),
        (MEAN, "2/2024", "Kaikki yksiköt", "3,67", 18),
        (MEAN, "3/2024", "Kaikki yksiköt", "3,75", 12),  # without Kuu's hidden 3 answers
    ]
    [(spec, data)] = h.charts(trends)
    assert spec["title"] == MEAN
    assert data[0]["value"].round(3).tolist() == [3.0, 3.667, 3.75]
    assert data[1]["target"].tolist() == [4.0]  # the catalog's default target as a rule


def test_yearly_numbers(trends):
    trends.selectbox(key="trend_grain").set_value("year").run()

    assert numbers(trends) == [
        (MEAN, "2023", "Kaikki yksiköt", "3,00", 6),
        (MEAN, "2024", "Kaikki yksiköt", "3,70", 30),  # 111 / 30: Kuu's March left out
    ]
    [(spec, _)] = h.charts(trends)
    assert spec["layer"][0]["encoding"]["x"]["axis"]["format"] == "%Y"


def test_units_as_series_give_one_line_per_unit(trends):
    trends.radio(key="trend_by").set_value("unit").run()

    assert numbers(trends) == [
        (MEAN, "3/2023", d.AURINKO, "3,00", 6),
        (MEAN, "2/2024", d.KOIVU, "3,00", 6),
        (MEAN, "2/2024", d.AURINKO, "4,00", 6),
        (MEAN, "2/2024", d.KUU, "4,00", 6),
        # Kuu's 3 answers are hidden with their count, and counted in no total, so no other
        # unit needs hiding.
        (MEAN, "3/2024", d.KOIVU, "3,00", 6),
        (MEAN, "3/2024", d.AURINKO, "4,50", 6),
        (MEAN, "3/2024", d.KUU, "piilotettu", 0),
    ]
    [(spec, data)] = h.charts(trends)
    assert set(data[0]["series"]) == {d.AURINKO, d.KUU, d.KOIVU}
    assert spec["layer"][0]["encoding"]["color"]["legend"]["orient"] == "bottom"


def test_service_areas_as_series(trends):
    trends.radio(key="trend_by").set_value("service_area").run()

    march = [row for row in numbers(trends) if row[1] == "3/2024"]
    assert march == [
        (MEAN, "3/2024", d.ELDERLY, "3,00", 6),
        (MEAN, "3/2024", d.EARLY, "4,50", 6),
    ]


def test_years_side_by_side_draw_one_line_per_year(trends):
    trends.toggle(key="trend_years").set_value(True).run()

    [(spec, data)] = h.charts(trends)
    assert spec["layer"][0]["encoding"]["color"]["field"] == "year"
    assert spec["layer"][0]["encoding"]["x"]["title"] == "kuukausi"
    points = data[0]
    assert list(zip(points["year"], points["x"], points["value_text"], strict=True)) == [
        ("2023", 3, "3,00"),
        ("2024", 2, "3,67"),
        ("2024", 3, "3,75"),
    ]
    assert [row[1] for row in numbers(trends)] == ["3/2023", "2/2024", "3/2024"]


def test_years_side_by_side_at_week_grain(trends):
    trends.selectbox(key="trend_grain").set_value("week")
    trends.toggle(key="trend_years").set_value(True).run()

    [(spec, data)] = h.charts(trends)
    assert spec["layer"][0]["encoding"]["x"]["title"] == "viikko"
    points = data[0]
    # Aurinko's 13.-18.3.2023 is ISO week 11; 12.-17.2.2024 week 7; 11.3.2024 on week 11.
    assert list(zip(points["year"], points["x"], strict=True))[:3] == [
        ("2023", 11),
        ("2024", 7),
        ("2024", 11),
    ]


def test_two_indicators_get_a_chart_each_and_share_the_table(trends):
    trends.multiselect(key="trend_indicators").set_value(["feedback_mean", "mentor_mood"]).run()

    assert [spec["title"] for spec, _ in h.charts(trends)] == [MEAN, "Fiilis"]
    mood = [row for row in numbers(trends) if row[0] == "Fiilis"]
    assert mood == [
        ("Fiilis", "2/2024", "Kaikki yksiköt", "3,00", 1),
        ("Fiilis", "3/2024", "Kaikki yksiköt", "3,67", 3),
    ]


def workbook(downloads):
    """The page's last .xlsx download, built as its button builds it."""
    handed = downloads.file("tilannekuva_kehitys.xlsx")
    assert callable(handed.data), "the file should be built only when it is asked for"
    assert handed.mimetype == h.XLSX_MIME
    return load_workbook(io.BytesIO(downloads.press("tilannekuva_kehitys.xlsx")))


def context_block(sheet) -> dict[str, str]:
    """The rows above the table: label -> value (the title row as 'title')."""
    block = {"title": sheet["A1"].value}
    for label, value, *_ in sheet.iter_rows(min_row=2, values_only=True):
        if label is None:
            break
        block[label] = value
    return block


def table_rows(sheet) -> list[list]:
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows.index(next(r for r in rows if r and r[0] == "Mittari"))
    return rows[header:]


def test_download_starts_with_what_the_file_is(trends, downloads):
    trends.run()

    [button] = trends.get("download_button")
    assert button.label == "Lataa taulukko (.xlsx)"
    book = workbook(downloads)
    sheet = book.worksheets[0]
    block = context_block(sheet)
    made = block.pop("Viety")
    assert re.fullmatch(r"\d{1,2}\.\d{1,2}\.20\d\d klo \d{1,2}\.\d\d", made)
    assert block == {
        "title": "Tilannekuva – kehitys",
        "Yksiköt tai palvelualue": "Kaikki yksiköt",
        "Aikaväli": "13.3.2023 – 20.3.2024",
        "Aikataso": "kuukausi",
        "Kysely": "kaikki",
        "Kysymys": "kaikki",
        "Yksityisyyden suoja": (
            "yksikön kysymyksen kuukausi, jossa on alle 5 vastausta, jätetään pois kaikista "
            "palauteluvuista"
        ),
        "Vertailu": "koko valinta",
        "Viejä": "paikallinen käyttäjä",
    }


def test_download_has_periods_as_dates_and_numbers_as_numbers(trends, downloads):
    trends.run()

    sheet = workbook(downloads).worksheets[0]
    rows = table_rows(sheet)
    assert rows == [
        [
            "Mittari",
            "Kauden alku",
            "Ajanjakso",
            "Yksikkö tai alue",
            "Arvo",
            "Aineiston koko (n)",
            "Tavoite",
        ],
        [MEAN, dt.datetime(2023, 3, 1), "3/2023", "Kaikki yksiköt", 3, 6, 4],
        [MEAN, dt.datetime(2024, 2, 1), "2/2024", "Kaikki yksiköt", 3.67, 18, 4],  # as shown
        [MEAN, dt.datetime(2024, 3, 1), "3/2024", "Kaikki yksiköt", 3.75, 12, 4],
    ]
    dates = [c for c in sheet["B"] if c.data_type == "d"]
    assert [c.number_format for c in dates] == ["d.m.yyyy"] * 3
    values = [c for c in sheet["E"] if c.data_type == "n" and c.value is not None]
    assert [c.number_format for c in values] == ["0.00"] * 3  # two decimals, as on the page
    assert [c.number_format for c in sheet["G"] if c.data_type == "n" and c.value is not None] == [
        "0.00"
    ] * 3


def test_download_has_the_indicator_definitions_on_a_second_sheet(trends, downloads):
    trends.multiselect(key="trend_indicators").set_value(["feedback_mean", "mentor_mood"]).run()

    definitions = workbook(downloads)["Mittarit"]
    rows = [list(r) for r in definitions.iter_rows(values_only=True)]
    assert rows[0] == [
        "Mittari",
        "Kuvaus",
        "Arvoalue",
        "Suunta",
        "Oletustavoite",
        "Lähde",
        "Yksityisyyden suoja",
    ]
    assert rows[1][:3] == [
        MEAN,
        "Vastausten keskiarvo asteikolla 1–5 (muut asteikot skaalattu 1–5:een).",
        "1–5",
    ]
    assert rows[1][4:] == [
        "4,00",
        "palautekyselyt",
        "yksikön kysymyksen kuukausi, jossa on alle 5 vastausta, jätetään pois kaikista "
        "palauteluvuista",
    ]
    assert rows[2][0] == "Fiilis" and rows[2][-1] == "–"  # mentors' figures are not hidden


def test_a_hidden_value_carries_its_reason(trends, downloads):
    trends.radio(key="trend_by").set_value("unit").run()

    rows = table_rows(workbook(downloads).worksheets[0])
    march = {row[3]: (row[4], row[5]) for row in rows[1:] if row[2] == "3/2024"}
    assert march == {
        d.AURINKO: (4.5, 6),
        d.KUU: ("alle 5 vastausta", None),  # its count hidden too
        d.KOIVU: (3, 6),  # shown: Kuu counts in no total, so nothing gives it away
    }


def test_one_units_series_is_named_by_the_unit(trends, downloads, municipality):
    trends.multiselect(key="filter_units").set_value([municipality.units[d.AURINKO]]).run()

    assert {row[2] for row in numbers(trends)} == {d.AURINKO}
    book = workbook(downloads)
    assert context_block(book.worksheets[0])["Yksiköt tai palvelualue"] == d.AURINKO
    assert {row[3] for row in table_rows(book.worksheets[0])[1:]} == {d.AURINKO}


def test_english_switch_translates_titles_and_table_headers(trends):
    trends.radio(key="lang").set_value("en").run()

    assert trends.title[0].value == "Trends"
    assert trends.main.subheader[0].value == "The numbers behind the chart"
    table = trends.main.dataframe[-1].value
    assert list(table.columns) == ["Indicator", "Period", "Unit or area", "Value", "Based on (n)"]
    assert table.iloc[-1].tolist() == ["Feedback mean score", "3/2024", "All units", "3.75", 12]
    assert trends.get("download_button")[0].label == "Download the table (.xlsx)"
    [(spec, _)] = h.charts(trends)
    assert spec["title"] == "Feedback mean score"


@pytest.mark.slow
def test_a_long_table_of_days_per_unit_shows_its_counts_as_text(tmp_path, app_engine):
    """Day grain by units on the demo's three years with a threshold of one answer (so every
    day with answers is listed): thousands of rows. A Styler would take seconds (and refuses
    262 144 cells: at 2 M answers the page failed), so the counts are written as text there, in
    the language's format."""
    from data_model.app_settings import set_setting
    from demo.generate import write_demo_files
    from importing import import_file

    for path in write_demo_files(tmp_path / "demo"):
        import_file(engine=app_engine, file_name=path.name, data=path.read_bytes())
    set_setting(engine=app_engine, key="min_answers", value=1)
    at = h.open_page(TRENDS_PAGE)
    at.selectbox(key="trend_grain").set_value("day").run()
    at.radio(key="trend_by").set_value("unit").run()

    assert not at.exception
    rows = numbers(at)
    assert len(rows) > 2_000
    counts = [row[4] for row in rows]
    assert all(isinstance(c, str) and c.replace("\u00a0", "").isdigit() for c in counts)


@pytest.mark.parametrize("grain", ["day", "week"])
def test_a_hidden_cells_days_and_weeks_are_not_listed(trends, grain):
    """Kuu's March has 3 answers (18-20 March): its week and days used to be listed as hidden,
    which told when the few answered. Now they are not listed at all (nor is any single answer's
    day, whose cell's smallest day is under the threshold)."""
    trends.selectbox(key="trend_grain").set_value(grain).run()
    trends.radio(key="trend_by").set_value("unit").run()

    kuu = [row[1] for row in numbers(trends) if row[2] == d.KUU] if trends.main.dataframe else []
    assert kuu == (["vk 7/2024"] if grain == "week" else [])
    if trends.main.dataframe:
        assert "piilotettu" not in [row[3] for row in numbers(trends)]


def test_a_question_with_only_hidden_answers_is_not_offered(municipality, app_engine):
    """A question answered three times in a month would be offered in the question list, and
    choosing it would show only that it was answered: it is not offered."""
    from tests.data_model import facts

    kuu = municipality.units[d.KUU]
    facts.feedback(app_engine, kuu, dt.date(2024, 3, 5), 3, 12.0, survey=d.SURVEY, question="Ruoka")
    at = h.open_page(TRENDS_PAGE)

    assert at.selectbox(key="trend_question").options == ["kaikki", d.QUESTION]


def test_each_years_rows_and_line_carry_the_target_that_year_had(municipality, downloads):
    from data_model.db import open_database
    from data_model.targets import save_targets

    engine = open_database(os.environ["DATABASE_URL"])
    save_targets(
        engine=engine,
        rows=[
            {"indicator": "feedback_mean", "unit_id": None, "year": 2023, "target": 3.9},
            {"indicator": "feedback_mean", "unit_id": None, "year": 2024, "target": 3.7},
        ],
    )
    engine.dispose()
    at = h.open_page(TRENDS_PAGE)

    [(_, data)] = h.charts(at)
    [segments] = [frame for frame in data if "target" in frame and "year" in frame]
    assert [(r["year"], r["target"]) for _, r in segments.iterrows()] == [
        ("2023", 3.9),
        ("2024", 3.7),
    ]
    rows = table_rows(workbook(downloads).worksheets[0])[1:]
    assert [(r[2], r[-1]) for r in rows] == [("3/2023", 3.9), ("2/2024", 3.7), ("3/2024", 3.7)]
