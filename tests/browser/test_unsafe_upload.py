"""Probe: files that once killed the server are dropped on the Import page of a running
`streamlit run app.py`; the page shows the message and the server stays healthy."""

import re
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from loaders.sandbox import FAULT_HOOK
from tests.browser.server import settled, streamlit_server
from tests.unsafe_files import far_cell_xlsx
from tests.views.helpers import XLSX_MIME, feedback_long

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("probe")) as url:
        yield url


def _health(url: str) -> bytes:
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
        return response.read().strip()


def _open_import_page(page: Page, url: str) -> None:
    page.goto(url)
    settled(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Tuonti").click()
    expect(page).to_have_url(re.compile(r"/import_data(\?|$)"))
    settled(page)


def _drop(page: Page, name: str, data: bytes) -> None:
    upload = {"name": name, "mimeType": XLSX_MIME, "buffer": data}
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(upload)


def _problem_cells(page: Page):
    return page.locator("[data-testid='stDataFrame']").first.locator("[role='gridcell']")


def test_the_far_cell_workbook_gets_a_message_and_the_server_stays_up(server, page):
    _open_import_page(page, server)
    _drop(page, "kaukana.xlsx", far_cell_xlsx("XFD1048576"))

    expect(page.get_by_text("Tiedostoa ei voi tuoda.")).to_be_visible()
    settled(page)
    expect(_problem_cells(page).filter(has_text="ulottuu soluun XFD1048576")).to_have_count(1)
    assert _health(server) == b"ok"

    # The same server goes on reading the next file as usual.
    _drop(page, "palaute.xlsx", feedback_long())
    expect(page.get_by_text("Tunnistettu: Palaute, yksi vastaus riviä kohden")).to_be_visible()
    assert _health(server) == b"ok"


def test_a_reader_that_aborts_is_a_message_not_a_dead_server(browser, tmp_path):
    """Every worker of this server calls os.abort() (SIGABRT, as calamine does on a far cell):
    the page says the file could not be read safely, and the server answers on."""
    with streamlit_server(tmp_path, **{FAULT_HOOK: "abort"}) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
        try:
            page = context.new_page()
            _open_import_page(page, url)
            _drop(page, "palaute.xlsx", feedback_long())
            expect(page.get_by_text("Tiedostoa ei voi tuoda.")).to_be_visible()
            settled(page)
            cells = _problem_cells(page)
            expect(cells.filter(has_text="Tiedostoa ei voitu lukea turvallisesti")).to_have_count(1)
            assert _health(url) == b"ok"
        finally:
            context.close()
