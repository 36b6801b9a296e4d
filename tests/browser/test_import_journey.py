"""The import journey in a real browser: `streamlit run app.py` on a free port with a fresh
database, driven by Debian's Chromium through Playwright (no downloaded browsers)."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.server import ROOT, full_page_screenshot, settled, streamlit_server
from tests.views.helpers import XLSX_MIME, feedback_long

pytestmark = pytest.mark.browser

SCREENSHOT = ROOT / "docs" / "screenshots" / "import.png"


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("e2e")) as url:
        yield url


def _history_cells(page: Page):
    """The cells of the last table on the page, the import history (the grid draws on a
    canvas; its cells are mirrored in an accessible table)."""
    return page.locator("[data-testid='stDataFrame']").last.locator("[role='gridcell']")


def test_upload_import_and_see_the_file_in_the_history_in_both_languages(server, page):
    page.goto(server)
    settled(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Tuonti").click()
    expect(page).to_have_url(re.compile(r"/import_data(\?|$)"))
    expect(page.get_by_role("heading", name="Tietojen tuonti")).to_be_visible()
    settled(page)

    upload = {"name": "palaute.xlsx", "mimeType": XLSX_MIME, "buffer": feedback_long()}
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(upload)
    expect(page.get_by_text("Tunnistettu: Palaute, yksi vastaus riviä kohden")).to_be_visible()
    settled(page)
    page.get_by_role("button", name="Tuo tiedosto").click()

    expect(page.get_by_text("Tuonti valmis.").first).to_be_visible()
    settled(page)
    expect(page.get_by_role("heading", name="Tuontihistoria")).to_be_visible()
    expect(_history_cells(page).filter(has_text="palaute.xlsx")).to_have_count(1)
    expect(_history_cells(page).filter(has_text=re.compile("^Palaute$"))).to_have_count(1)
    full_page_screenshot(page, SCREENSHOT)

    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()

    expect(page.get_by_role("heading", name="Import history")).to_be_visible()
    settled(page)
    expect(page.get_by_role("heading", name="Import data")).to_be_visible()
    expect(_history_cells(page).filter(has_text="palaute.xlsx")).to_have_count(1)
    expect(_history_cells(page).filter(has_text=re.compile("^Feedback$"))).to_have_count(1)
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))
