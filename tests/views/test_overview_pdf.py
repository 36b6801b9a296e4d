"""The Overview's A4 PDF for a meeting, on tests/views/dashboard.py's municipality:
built only when asked for, A4, the context block, the scorecard's indicators and the units."""

import io
import subprocess

import pytest
from PIL import Image
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
    # The units table follows the scorecard on page 1; the cards' trends have page 2.
    assert len(reader.pages) == 2
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Palautteen keskiarvo" in first and d.AURINKO in first
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
    assert "Sivu 1/2" in flat and "Sivu 2/2" in flat
    assert "Luvut ajalta" in flat  # the units table names its period
    trends = reader.pages[1]
    assert "Mittarien kehitys" in trends.extract_text()
    assert len(trends.images) == 1  # the trends drawn as one picture


def test_the_trends_are_the_cards_shown_buckets(municipality, app_engine):
    """The PDF's trend charts draw each card's sparkline as the page has it, hidden buckets
    left out (never drawn as a zero), the indicators named in the user's language."""
    from core import indicators as catalog
    from tests.data_model.scoped import reading
    from ui import overview_export
    from ui.data import scorecard

    cards = scorecard.query(
        app_engine,
        indicators=catalog.on_page("scorecard"),
        grain="month",
        reading=reading(5),
        today=d.LAST_DAY,
    )
    drawn = overview_export.trends(cards, "sv").data
    assert not drawn.empty
    for card in cards:
        shown = overview_export.shown_buckets(card.sparkline)
        rows = drawn[drawn["indicator"] == catalog.get(card.indicator).name("sv")]
        assert list(rows["value"]) == (list(shown["value"]) if len(shown) >= 2 else [])


def pages_as_images(pdf: bytes, tmp_path) -> list:
    """Each page rendered as a person sees it (pdftoppm)."""
    (tmp_path / "o.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(tmp_path / "o.pdf"), str(tmp_path / "p")], check=True
    )
    return [Image.open(p).convert("RGB") for p in sorted(tmp_path.glob("p*.png"))]


@pytest.mark.slow
def test_every_page_has_content_and_the_target_colours_of_the_page(
    municipality, downloads, tmp_path
):
    from ui import palette

    h.new_app().run()
    images = pages_as_images(downloads.press(PDF), tmp_path)

    assert images
    for image in images:
        pixels = list(image.getdata())
        inked = sum(1 for p in pixels if p != (255, 255, 255)) / len(pixels)
        assert inked > 0.02, "a page is (nearly) blank"
    seen = {p for image in images for p in image.getdata()}
    for status in ("green", "red"):  # the municipality has units on and short of target
        assert palette.rgb(palette.STATUS_FILL[status]) in seen, status


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
    assert "Sida 1/2" in flat and "Indikatorernas utveckling" in flat
