"""The coaching journey in a real browser on the demo municipality: the feeling meter raises a
unit with its reasons, its link lands on that unit's dashboard with the coaching timeline, and
both meeting files download (an .xlsx that opens, a PDF whose pages name the unit)."""

import io
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.server import (
    ROOT,
    full_page_screenshot,
    settled,
    sign_in,
    streamlit_server,
)

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "docs" / "screenshots"
FIRST_START_MS = 90_000


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("coaching"), TILANNEKUVA_DEMO="1") as url:
        yield url


def test_from_a_raised_unit_to_its_dashboard_and_both_exports(demo_server, page):
    page.goto(f"{demo_server}/feeling_meter")
    sign_in(page, "admin", "demo-admin", FIRST_START_MS)  # the demo's admin (README)
    expect(page.get_by_role("heading", name="Fiilismittari")).to_be_visible(timeout=FIRST_START_MS)
    settled(page, FIRST_START_MS)
    expect(page.get_by_role("heading", name="Huomiota vaativat yksiköt")).to_be_visible()
    raised = page.locator("[class*='st-key-feeling_raised_']").first
    expect(raised.get_by_text("Fiilis laski", exact=False)).to_be_visible()
    unit = raised.get_by_test_id("stText").first.inner_text().split(" · ")[0]
    full_page_screenshot(page, SCREENSHOTS / "feeling_meter.png")

    raised.get_by_role("link", name="Avaa yksikön näkymä").click()
    expect(page.get_by_role("heading", name=unit, exact=True)).to_be_visible()
    settled(page)
    expect(page.get_by_role("heading", name="Valmennuksen aikajana")).to_be_visible()
    expect(page.get_by_role("heading", name="Ennen, aikana ja jälkeen")).to_be_visible()
    assert "unit=" in page.url

    with page.expect_download() as xlsx:
        page.get_by_role("button", name="Lataa Excel").click()
    book = load_workbook(io.BytesIO(xlsx.value.path().read_bytes()))
    top = [c.value for row in book["Yksikkö"].iter_rows(max_row=15) for c in row]
    assert unit in top
    with page.expect_download(timeout=120_000) as pdf:
        page.get_by_role("button", name="Lataa PDF").click()
    reader = PdfReader(io.BytesIO(pdf.value.path().read_bytes()))
    assert len(reader.pages) >= 3
    assert unit in reader.pages[0].extract_text()
    assert any(p.images for p in reader.pages)
    settled(page)
    full_page_screenshot(page, SCREENSHOTS / "unit_dashboard.png")
