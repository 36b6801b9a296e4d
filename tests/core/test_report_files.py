"""The situation report as files, opened and read back: the .docx with python-docx (title,
block, headings, a paragraph per sentence with its link, the targets table), the PDF with pypdf
and drawn page by page with pdftoppm, and the Markdown for an e-mail; each with the scope, the
period, when and by whom it was exported and the privacy note."""

import datetime as dt
import io
import shutil
import subprocess

import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader

from core import report, report_files
from core.formats import HELSINKI
from tests.core.test_report import AURINKO, figures, item, judged

MADE = dt.datetime(2026, 12, 6, 10, 15, tzinfo=HELSINKI)
BASE = "https://tilannekuva.example.fi"
NAME = "[Päiväkoti] *Aurinko*"  # a unit name with Markdown's marks in it, from a file


@pytest.fixture(scope="module")
def written() -> report.Report:
    cards = [
        item(
            "feedback_mean", 3.93, 3.71, judged(3.71, 3.93, 0.05, 0.39), target=4.0, status="yellow"
        ),
        item("mentor_mood", 3.5, 3.6, judged(3.6, 3.5, -0.4, 0.2), target=3.6, status="yellow"),
    ]
    units = (report.UnitFigure(1, NAME, "mentor_mood", 3.0, 3.6, "red", False),)
    return report.compose(
        figures(cards, units=units, unit_names={1: NAME}, missing={"workforce": (AURINKO,)}), "fi"
    )


def test_the_docx_reads_back_with_headings_paragraphs_links_and_the_targets_table(written):
    document = Document(io.BytesIO(report_files.docx_bytes(written, MADE, "Maija Mäki", BASE)))

    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        "Tilannekatsaus 10/2026",
        "Lyhyesti",
        "Tavoitteet",
        "Huomiota tarvitsevat yksiköt",
        "Valmennus",
        "Puuttuvat ja myöhässä olevat tiedot",
    ]
    block, targets = document.tables
    rows = {row.cells[0].text: row.cells[1].text for row in block.rows}
    assert rows["Yksiköt tai palvelualue"] == "Kaikki yksiköt"
    assert rows["Ajanjakso"] == "10/2026 (1.10.2026 – 31.10.2026)"
    assert rows["Viety"] == "6.12.2026 klo 10.15" and rows["Viejä"] == "Maija Mäki"
    assert rows["Yksityisyyden suoja"].startswith("yksikön kysymyksen kuukausi")
    items = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    first = items[0]
    assert first.text.startswith("Palautteen keskiarvo: selvä parannus, 3,71 → 3,93 (n = 100).")
    assert [(h.text, h.address) for h in first.hyperlinks] == [
        ("(Yleiskuva)", f"{BASE}/?lang=fi&from=2024-01-01&to=2026-10-31&grain=month")
    ]
    assert [c.text for c in targets.rows[0].cells][:4] == ["Mittari", "Arvo", "Tavoite", "Tila"]
    assert targets.rows[2].cells[5].text == f"{NAME} 3,00"  # a name from a file, as written
    assert document.paragraphs[-1].text.startswith("Yksikön kuukausi, jossa johonkin kysymykseen")


def test_the_pdf_reads_back_and_every_page_draws(written, tmp_path):
    data = report_files.pdf_bytes(written, MADE, "Maija Mäki", BASE)
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)

    assert reader.metadata.title == "Tilannekatsaus 10/2026"
    for part in (
        "Tilannekatsaus 10/2026",
        "Lyhyesti",
        "Puuttuvat ja myöhässä olevat tiedot",
        "Viejä: Maija Mäki",
        "selvä parannus, 3,71 → 3,93",
        "Yksikön kuukausi",
    ):
        assert part in text.replace("\n", " "), part
    links = [a["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])]
    assert f"{BASE}/?lang=fi&from=2024-01-01&to=2026-10-31&grain=month&missing=1" in links
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    (tmp_path / "report.pdf").write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(tmp_path / "report.pdf"), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pictures = sorted(tmp_path.glob("page*.png"))
    assert len(pictures) == len(reader.pages) >= 1
    for picture in pictures:  # something is drawn on every page: not one blank colour
        low, high = Image.open(picture).convert("L").getextrema()
        assert low < high


def test_the_markdown_for_an_email_escapes_names_and_links_each_item(written):
    text = report_files.markdown(written, MADE, "Maija Mäki", BASE)

    assert text.startswith("# Tilannekatsaus 10/2026\n\n- **Yksiköt tai palvelualue:** Kaikki")
    assert "- **Viety:** 6.12.2026 klo 10.15\n- **Viejä:** Maija Mäki" in text
    assert r"\[Päiväkoti\] \*Aurinko\* 3,00" in text  # shows as written, formats nothing
    assert (
        "- Palautteen keskiarvo: selvä parannus, 3,71 → 3,93 (n = 100). "
        f"([Yleiskuva]({BASE}/?lang=fi&from=2024-01-01&to=2026-10-31&grain=month))"
    ) in text
    assert (
        "| Mittari | Arvo | Tavoite | Tila | Yksiköitä jäljessä | Kauimpana tavoitteesta |" in text
    )
    assert text.rstrip().endswith("Myös kommentit jätetään pois.*")


@pytest.mark.parametrize("kind", report_files.FORMATS)
def test_every_format_has_its_file_name_and_type(written, kind):
    assert report_files.file_name(written, kind) == f"tilannekatsaus_2026-10.{kind}"
    assert report_files.render(written, kind, MADE, "x")[:2] in (b"# ", b"PK", b"%P")
