"""The Overview's A4 PDF for a meeting, on tests/views/dashboard.py's municipality:
built only when asked for, A4, the context block, the scorecard's indicators and the units."""

import io

from pypdf import PdfReader

from tests.views import dashboard as d
from tests.views import helpers as h

A4_LANDSCAPE = (842, 595)  # points, within a point
PDF = "tilannekuva_yleiskuva.pdf"


def text_of(downloads, name: str = PDF) -> tuple[PdfReader, str]:
    """The Overview's PDF (named in the user's language), built as its button builds it, and
    its text."""
    handed = downloads.file(name)
    assert callable(handed.data), "the PDF should be built only when it is asked for"
    assert handed.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(downloads.press(name)))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_overview_pdf_holds_the_scorecard_and_the_units(municipality, downloads):
    at = h.new_app().run()
    assert at.get("download_button")[0].label == "Lataa PDF kokoukseen"

    reader, text = text_of(downloads)
    assert len(reader.pages) == 2  # the scorecard, then the units table
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert all(abs(a - b) < 1 for a, b in zip(size, A4_LANDSCAPE, strict=True))
    flat = " ".join(text.split())
    assert "Tilannekuva – yleiskuva" in flat
    assert "Yksiköt tai palvelualue: Kaikki yksiköt" in flat
    assert "Aikataso: kuukausi" in flat
    assert "Viejä: paikallinen käyttäjä" in flat
    for name in ("Palautteen keskiarvo", "Myönteisten osuus", "Vastausten määrä"):
        assert name in flat
    for unit in (d.AURINKO, d.KUU, d.KOIVU):
        assert unit in flat
    assert "Sivu 1/2" in flat


def test_a_hidden_card_says_why_in_the_pdf(municipality, downloads):
    at = h.new_app().run()
    at.multiselect(key="filter_units").set_value([municipality.units[d.KUU]]).run()

    _, text = text_of(downloads)
    flat = " ".join(text.split())
    assert "Yksiköt tai palvelualue: Päiväkoti Kuu" in flat
    assert "alle 5 vastausta" in flat  # Kuu's 3 answers in 3/2024


def test_the_pdf_in_english(municipality, downloads):
    at = h.new_app().run()
    at.radio(key="lang").set_value("en").run()

    _, text = text_of(downloads, "tilannekuva_overview.pdf")
    flat = " ".join(text.split())
    assert "Tilannekuva – overview" in flat and "Feedback mean score" in flat
    assert "Exported by: local user" in flat


def test_the_pdf_in_swedish(municipality, downloads):
    at = h.new_app().run()
    at.radio(key="lang").set_value("sv").run()
    assert at.get("download_button")[0].label == "Ladda ner PDF för mötet"

    _, text = text_of(downloads, "tilannekuva_oversikt.pdf")
    flat = " ".join(text.split())
    assert "Tilannekuva – översikt" in flat
    assert "Enheter eller serviceområde: Alla enheter" in flat
    assert "Tidsnivå: månad" in flat and "Exporterad av: lokal användare" in flat
    for name in ("Responsens medeltal", "Andel positiva svar", "Antal svar"):
        assert name in flat
    assert "Sida 1/2" in flat
