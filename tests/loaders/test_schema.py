"""Finding the header and the kind of a file: Finnish or English headers in any case, spacing and
order, title rows above, data on any sheet, extra columns listed, and what is missing named."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from core.problems import MAX_PROBLEMS
from loaders import LoadError, load_file
from tests.builders import long_feedback, xlsx_bytes

ROWS = [["2024-03-05", "Päiväkoti Aurinko", 4], ["6.3.2024", "Koulu Kuu", "5"]]
EXPECTED = [
    (dt.date(2024, 3, 5), "Päiväkoti Aurinko", 1, 4.0),
    (dt.date(2024, 3, 6), "Koulu Kuu", 1, 5.0),
]


def _stored(loaded) -> list[tuple]:
    table = loaded.tables["feedback"].sort_values("date")
    return list(zip(table["date"], table["unit"], table["n"], table["score_sum"], strict=True))


def _messages(loaded, lang: str) -> list[str]:
    return [w.message(lang) for w in loaded.warnings]


@pytest.mark.parametrize(
    "header",
    [
        ["Päivämäärä", "Yksikkö", "Vastaus"],
        ["Date", "Unit", "Score"],
        ["PÄIVÄMÄÄRÄ", "yksikkö", "vastaus"],
        ["  Päivämäärä ", " Yksikkö  ", "Vastaus:"],
        ["date", "UNIT", "Answer"],
        ["Pvm", "Toimipiste", "Arvosana"],
    ],
)
def test_headers_in_finnish_or_english_any_case_and_spacing(header):
    loaded = load_file("palaute.xlsx", xlsx_bytes([header, *ROWS]))
    assert (loaded.kind, loaded.form) == ("feedback", "long")
    assert _stored(loaded) == EXPECTED
    assert loaded.warnings == []


def test_columns_in_any_order():
    rows = [["Vastaus", "Yksikkö", "Päivämäärä"], *[[r[2], r[1], r[0]] for r in ROWS]]
    assert _stored(load_file("palaute.xlsx", xlsx_bytes(rows))) == EXPECTED


def test_title_rows_above_the_header_are_skipped_and_rows_keep_excel_numbers():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"], *ROWS]
    loaded = load_file("palaute.xlsx", xlsx_bytes(rows, title_rows=4))
    assert loaded.header_row == 5
    assert _stored(loaded) == EXPECTED


@pytest.mark.parametrize(("empty_rows", "empty_columns"), [(0, 0), (1, 0), (3, 2)])
def test_row_numbers_count_leading_empty_rows_and_columns(empty_rows, empty_columns):
    book = Workbook()
    sheet = book.active
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"], ["2024-01-01", "A", 3], ["2024-01-01", "A", 9]]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            sheet.cell(1 + empty_rows + i, 1 + empty_columns + j, value)
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(LoadError) as caught:
        load_file("x.xlsx", out.getvalue())
    assert f"rivi {empty_rows + 3}, " in caught.value.message("fi")
    assert f"row {empty_rows + 3}, " in caught.value.message("en")


def test_data_on_the_second_sheet_is_found():
    instructions = {"Ohje": [["Tämä raportti sisältää palautteet"], ["Päivitetty 5.3.2024"]]}
    data = xlsx_bytes(
        [["Päivämäärä", "Yksikkö", "Vastaus"], *ROWS], sheet="Data", first=instructions
    )
    loaded = load_file("palaute.xlsx", data)
    assert loaded.sheet == "Data"
    assert _stored(loaded) == EXPECTED


def test_unrelated_extra_columns_are_ignored_and_listed():
    header = ["Päivämäärä", "Huomautus", "Yksikkö", "Vastaus", "Käsittelijä"]
    rows = [header, *[[r[0], "x", r[1], r[2], "Matti"] for r in ROWS]]
    loaded = load_file("palaute.xlsx", xlsx_bytes(rows))
    assert _stored(loaded) == EXPECTED
    assert _messages(loaded, "fi") == [
        "Tiedosto palaute.xlsx, taulukko Taulukko1: Sarakkeita ei käytetty: Huomautus, Käsittelijä."
    ]
    assert _messages(loaded, "en") == [
        "File palaute.xlsx, sheet Taulukko1: Columns not used: Huomautus, Käsittelijä."
    ]


def test_blank_rows_inside_the_data_are_skipped_with_a_warning():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"], ROWS[0], [None, None, None], ROWS[1], [], []]
    loaded = load_file("palaute.xlsx", xlsx_bytes(rows))
    assert _stored(loaded) == EXPECTED
    assert loaded.rows == 2
    assert _messages(loaded, "fi") == [
        "Tiedosto palaute.xlsx, taulukko Taulukko1: 1 tyhjä rivi ohitettiin."
    ]
    assert _messages(loaded, "en") == [
        "File palaute.xlsx, sheet Taulukko1: 1 blank row was skipped."
    ]


@pytest.mark.parametrize(
    ("header", "kind", "form"),
    [
        (["Yksikkö", "Palvelualue"], "units", "register"),
        (["Unit", "Service area", "Manager"], "units", "register"),
        (["Päivämäärä", "Yksikkö", "Vastaus"], "feedback", "long"),
        (["Päivämäärä", "Yksikkö", "Kysymys", "Vastaus", "Asteikko"], "feedback", "long"),
        (["Kausi", "Yksikkö", "Kysymys", "Vastauksia", "Keskiarvo"], "feedback", "aggregated"),
        (["Period", "Unit", "Question", "Responses", "Mean"], "feedback", "aggregated"),
        (
            ["Date", "Unit", "Very positive", "Positive", "Negative", "Very negative"],
            "feedback",
            "counts",
        ),
        (["Päivämäärä", "Yksikkö", "Lapseni viihtyy", "Saan tietoa"], "feedback", "wide"),
        (["Kuukausi", "Yksikkö", "Henkilöstö"], "workforce", "monthly"),
        (["Month", "Unit", "Headcount", "FTE"], "workforce", "monthly"),
        (["Päivämäärä", "Yksikkö", "Fiilis"], "mentor_reports", "reports"),
        (["Date", "Unit", "Mood", "Workload"], "mentor_reports", "reports"),
        (["Mittari", "Tavoite"], "targets", "targets"),
        (["Indicator", "Target", "Unit", "Year"], "targets", "targets"),
    ],
)
def test_kind_and_form_are_detected_from_the_headers(header, kind, form):
    samples = {
        "yksikkö": "A",
        "unit": "A",
        "palvelualue": "Vk",
        "service area": "Vk",
        "manager": "M",
        "päivämäärä": "2024-03-05",
        "date": "2024-03-05",
        "kausi": "2024",
        "period": "2024",
        "kuukausi": "2024-03",
        "month": "2024-03",
        "mittari": "nps",
        "indicator": "nps",
        "kysymys": "Q",
        "question": "Q",
        "asteikko": 5,
        "year": 2024,
    }
    row = [samples.get(h.casefold(), 3) for h in header]
    loaded = load_file("tiedosto.xlsx", xlsx_bytes([header, row]))
    assert (loaded.kind, loaded.form) == (kind, form)
    assert loaded.rows == 1


def test_the_user_can_override_the_kind():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"], *ROWS]
    with pytest.raises(LoadError) as caught:
        load_file("palaute.xlsx", xlsx_bytes(rows), kind="mentor_reports")
    assert 'Pakollinen sarake puuttuu: "Fiilis" / "Mood"' in caught.value.message("fi")
    assert 'A required column is missing: "Fiilis" / "Mood"' in caught.value.message("en")


def test_the_user_can_override_the_form():
    rows = [["Päivämäärä", "Yksikkö", "Lapseni viihtyy"], ["2024-03-05", "A", 4]]
    assert load_file("p.xlsx", xlsx_bytes(rows)).form == "wide"
    with pytest.raises(LoadError) as caught:
        load_file("p.xlsx", xlsx_bytes(rows), form="long")
    assert '"Vastaus" / "Score"' in caught.value.message("en")


@pytest.mark.parametrize(
    ("header", "fi", "en"),
    [
        (["Päivämäärä", "Yksikkö"], '"Vastaus" / "Score"', '"Vastaus" / "Score"'),
        (["Päivämäärä", "Yksikkö", "Kysymys"], '"Vastaus" / "Score"', '"Vastaus" / "Score"'),
        (
            ["Kuukausi", "Yksikkö", "Lopettaneet"],  # HTV alone is enough
            '"Henkilöstö" / "Headcount"',
            '"Henkilöstö" / "Headcount"',
        ),
        (
            ["Kausi", "Yksikkö", "Kysymys", "Keskiarvo"],
            '"Vastauksia" / "Responses"',
            '"Vastauksia" / "Responses"',
        ),
        (
            ["Date", "Unit", "Very positive", "Positive", "Negative"],
            '"Erittäin tyytymätön" / "Very negative"',
            '"Erittäin tyytymätön" / "Very negative"',
        ),
    ],
)
def test_a_missing_required_column_is_named_in_finnish_and_english(header, fi, en):
    row = ["2024-03-05" if "ä" in h.casefold() or h in ("Date", "Kausi") else "A" for h in header]
    with pytest.raises(LoadError) as caught:
        load_file("puuttuu.xlsx", xlsx_bytes([header, row], title_rows=1))
    assert f"Pakollinen sarake puuttuu: {fi}" in caught.value.message("fi")
    assert "Otsikkoriviksi tulkittiin rivi 2." in caught.value.message("fi")
    assert f"A required column is missing: {en}" in caught.value.message("en")
    assert "Row 2 was read as the header." in caught.value.message("en")


def test_a_file_of_unknown_headers_is_not_recognised():
    rows = [["Nimi", "Osoite", "Puhelin"], ["Matti", "Katu 1", "040"]]
    with pytest.raises(LoadError) as caught:
        load_file("osoitteet.xlsx", xlsx_bytes(rows))
    # The message names the closest form, what it lacks and the headers found.
    message = caught.value.message("fi")
    assert "Lähimpänä on Palaute, yksi vastaaja riviä kohden" in message
    assert '"Päivämäärä" / "Date", "Yksikkö" / "Unit"' in message
    assert '"Nimi", "Osoite", "Puhelin"' in message
    english = caught.value.message("en")
    assert "The closest is Feedback, wide (one respondent per row)" in english
    assert "Voit myös ladata mallitiedoston." in message
    assert "A template can also be downloaded." in english


def test_every_bad_cell_is_listed_up_to_a_limit_then_counted():
    rows = long_feedback(MAX_PROBLEMS + 50, score=9)
    with pytest.raises(LoadError) as caught:
        load_file("palaute.xlsx", xlsx_bytes(rows))
    fi = caught.value.message("fi").splitlines()
    en = caught.value.message("en").splitlines()
    assert len(fi) == MAX_PROBLEMS + 1
    assert fi[0].endswith('rivi 2, sarake "Vastaus": 9 on asteikon 1–5 ulkopuolella.')
    assert fi[-1] == "… ja 50 muuta ongelmaa."
    assert en[-1] == "… and 50 more problems."


def test_as_row_gives_the_errors_table_columns():
    rows = long_feedback(2)
    rows[2][3] = "paljon"
    with pytest.raises(LoadError) as caught:
        load_file("palaute.xlsx", xlsx_bytes(rows))
    (problem,) = caught.value.problems
    assert problem.as_row("fi") == {
        "Tiedosto": "palaute.xlsx",
        "Taulukko": "Taulukko1",
        "Rivi": 3,
        "Sarake": "Vastaus",
        "Arvo": "paljon",
        "Ongelma": '"paljon" ei ole luku.',
    }
    assert problem.as_row("en")["Problem"] == '"paljon" is not a number.'
