"""The situation report in a real browser over the demo: the page writes the newest month in
sections, its .docx download is the same report (read back with python-docx) stamped with who
exported it, and the download is in the audit trail."""

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.browser.server import settled, sign_in, streamlit_server

pytestmark = pytest.mark.browser
FIRST_START_MS = 90_000  # the first run writes and imports the demo files
SECTIONS = [
    "Lyhyesti",
    "Tavoitteet",
    "Huomiota tarvitsevat yksiköt",
    "Valmennus",
    "Puuttuvat ja myöhässä olevat tiedot",
]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("demo"), TILANNEKUVA_DEMO="1") as url:
        yield url


def test_the_report_page_downloads_its_report_as_docx(demo_server, page):
    page.goto(f"{demo_server}/report")
    sign_in(page, "admin", "demo-admin", 90_000)  # the demo's admin (README)
    button = page.get_by_role("button", name="Lataa Word-tiedosto (.docx)")
    expect(button).to_be_visible(timeout=FIRST_START_MS)
    settled(page, FIRST_START_MS)
    main = page.get_by_test_id("stMain")
    for title in SECTIONS:
        expect(main.get_by_role("heading", name=title, exact=True)).to_be_visible()
    first = page.locator(".st-key-report_brief [data-testid='stMarkdownContainer']").first
    said = _words(first.inner_text())

    with page.expect_download() as pressed:
        button.click()
    download = pressed.value

    assert re.fullmatch(r"tilannekatsaus_\d{4}-\d{2}\.docx", download.suggested_filename)
    document = Document(io.BytesIO(Path(download.path()).read_bytes()))
    assert document.paragraphs[0].text.startswith("Tilannekatsaus ")
    block = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert block["Viejä"] == "admin" and block["Yksiköt tai palvelualue"] == "Kaikki yksiköt"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == SECTIONS
    assert any(_words(p.text).startswith(said) for p in document.paragraphs), said

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Tapahtumaloki").click()
    settled(page)
    cells = page.get_by_test_id("stDataFrame").first.locator("[role='gridcell']")
    expect(cells.filter(has_text="Vienti: Tilannekatsaus (.docx)")).to_have_count(1)


def _words(text: str) -> str:
    """Text as read: spaces of any width as one, without the page's word joiners."""
    return " ".join(text.replace("\u2060", "").split())
