"""ui.unit_export: the meeting files of a unit. The workbook has a sheet per section with the
unit, dates and filters at the top; the PDF is A4, opens with pypdf, names the unit with its
Finnish letters, and carries the trend chart as an image."""

import datetime as dt
import io

import pandas as pd
from openpyxl import load_workbook
from pypdf import PdfReader

from ui import charts, unit_export


def a_picture(**changes) -> unit_export.Picture:
    frame = pd.DataFrame(
        {
            "bucket_start": [dt.date(2026, m, 1) for m in range(1, 7)],
            "series": "Päiväkoti Ä",
            "series_id": 0,
            "value": [3.2, 3.4, 3.1, 3.8, 4.0, 4.1],
            "n": 5,
            "suppressed": False,
        }
    )
    chart = charts.trend_chart(
        frame,
        "mentor_mood",
        "fi",
        period_kind="term",
        band=(dt.date(2026, 2, 1), dt.date(2026, 5, 31), "valmennus"),
    )
    values = dict(
        unit={"name": "Päiväkoti Äänisläntä"},
        lang="fi",
        dates="1.1.2026 – 30.6.2026",
        filters="Kaikki yksiköt · 1.1.2026 – 30.6.2026",
        timeline="Valmennusta on kulunut 5 / 12 kuukautta.",
        facts=[("Palvelualue", "Varhaiskasvatus"), ("Tavoite", "=1+1 ei kaavaksi")],
        cards=pd.DataFrame({"Mittari": ["Fiilis"], "Arvo": ["4,10"]}),
        context=pd.DataFrame(
            {"Mittari": ["Fiilis"], "Päiväkoti Äänisläntä": ["4,10"], "Koko organisaatio": ["3,80"]}
        ),
        panel=pd.DataFrame({"Mittari": ["Fiilis"], "Ero ennen-jaksoon": ["+0,70"]}),
        sentences=["Fiilis: aikana 4,10, ennen 3,40 (ero +0,70)."],
        blocks=[["1.6.2026 · Mari · fiilis 4", "Havainnot: <script>alert(1)</script>"]],
        comments=pd.DataFrame({"Päivämäärä": ["1.6.2026"], "Kysymys": ["Q"], "Kommentti": ["ok"]}),
        charts={"mentor_mood": chart},
        min_answers=5,
    )
    values.update(changes)
    return unit_export.Picture(**values)


def test_the_workbook_has_a_sheet_per_section_with_the_unit_and_dates_on_top():
    book = load_workbook(io.BytesIO(unit_export.xlsx_bytes(a_picture())))

    assert book.sheetnames == [
        "Yksikkö",
        "Tunnusluvut",
        "Vertailu",
        "Ennen-aikana-jälkeen",
        "Mentoriraportit",
        "Kommentit",
    ]
    for ws in book.worksheets:
        block = [tuple(r[:2]) for r in ws.iter_rows(max_row=7, values_only=True)]
        assert block[0][0] == "Päiväkoti Äänisläntä – tilannekuva"
        assert block[1:5] == [
            ("Yksikkö", "Päiväkoti Äänisläntä"),
            ("Aikaväli", "1.1.2026 – 30.6.2026"),
            ("Rajaukset", "Kaikki yksiköt · 1.1.2026 – 30.6.2026"),
            (
                "Yksityisyyden suoja",
                "yksikön kysymyksen kuukausi, jossa on alle 5 vastausta, jätetään pois kaikista "
                "palauteluvuista",
            ),
        ]
        assert block[5][0] == "Viety" and block[6] == ("Viejä", "paikallinen käyttäjä")
    facts = book["Yksikkö"]
    cells = [c.value for row in facts.iter_rows() for c in row]
    assert "=1+1 ei kaavaksi" in cells  # text, never a formula
    assert all(
        c.data_type == "s"
        for row in facts.iter_rows()
        for c in row
        if c.value == "=1+1 ei kaavaksi"
    )
    reports = [r[0] for r in book["Mentoriraportit"].iter_rows(values_only=True)]
    assert any("Havainnot: <script>alert(1)</script>" in (r or "") for r in reports)


def test_the_pdf_is_a4_names_the_unit_and_holds_the_chart_as_an_image():
    reader = PdfReader(io.BytesIO(unit_export.pdf_bytes(a_picture())))

    assert len(reader.pages) == 3  # summary, charts, mentor reports
    first = reader.pages[0]
    assert round(float(first.mediabox.width)) == 595 and round(float(first.mediabox.height)) == 842
    text = first.extract_text()
    assert "Päiväkoti Äänisläntä" in text and "Valmennusta on kulunut 5 / 12 kuukautta." in text
    assert "Sivu 1/3" in text
    assert len(reader.pages[1].images) == 1
    assert "<script>alert(1)</script>" in reader.pages[2].extract_text()


def test_without_charts_or_reports_the_pdf_is_one_page():
    reader = PdfReader(
        io.BytesIO(unit_export.pdf_bytes(a_picture(charts={}, blocks=[], panel=None)))
    )
    assert len(reader.pages) == 1


def test_the_workbook_ends_with_the_indicator_definitions():
    book = load_workbook(io.BytesIO(unit_export.xlsx_bytes(a_picture(codes=("mentor_mood",)))))

    assert book.sheetnames[-1] == "Mittarit"
    rows = list(book["Mittarit"].iter_rows(values_only=True))
    assert rows[1][:3] == (
        "Fiilis",
        "Mentorien arvio tiimin fiiliksestä (1–5), raporttien keskiarvo.",
        "1–5",
    )
