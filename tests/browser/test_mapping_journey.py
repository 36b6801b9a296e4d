"""The mapping step in a real browser: a Forms export with no unit column is
uploaded, the unit typed in, one question's scale changed, the file imported, and the
Overview shows the mean of the answers as mapped."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from data_model.store import sha256
from tests.browser.server import ROOT, full_page_screenshot, settled, streamlit_server
from tests.views.helpers import XLSX_MIME

pytestmark = pytest.mark.browser

FORMS = Path(__file__).resolve().parent.parent / "files" / "forms_huoltajakysely.xlsx"
KEY = sha256(FORMS.read_bytes())[:16]
Q1_COLUMN = 5  # "Lapseni viihtyy päiväkodissa", the sixth column of the export
SCREENSHOT = ROOT / "docs" / "screenshots" / "mapping.png"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("mapping")) as url:
        yield url


def _choose(page: Page, key: str, option: str) -> None:
    """Pick an option of a selectbox as a user does: type to filter, then click it."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    settled(page)


def test_forms_export_without_a_unit_is_mapped_imported_and_counted(server, page):
    page.goto(server)
    settled(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Tuonti").click()
    expect(page.get_by_role("heading", name="Tietojen tuonti")).to_be_visible()
    settled(page)
    upload = {"name": FORMS.name, "mimeType": XLSX_MIME, "buffer": FORMS.read_bytes()}
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(upload)
    expect(page.get_by_text("Sarakkeiden tulkinta")).to_be_visible()
    settled(page)
    expect(page.get_by_role("button", name="Tuo tiedosto")).to_have_count(0)

    unit = page.locator(f".st-key-map_unit_{KEY} input")
    unit.fill("Päiväkoti Aurinko")
    unit.press("Enter")
    settled(page)
    expect(page.get_by_text(re.compile(r"vastauksia 17 · keskiarvo 4,18"))).to_be_visible()

    _choose(page, f"map_role_{Q1_COLUMN}_{KEY}", "kysymys, asteikko 1–7")
    # Q1's 26 points of 6 answers on 1-7 rescale to 19,33 on 1-5; the file's mean on its
    # own scales changes with it, and the questions table says 1-7.
    expect(page.get_by_text(re.compile(r"vastauksia 17 · keskiarvo"))).to_be_visible()
    full_page_screenshot(page, SCREENSHOT)
    page.get_by_role("button", name="Tuo tiedosto").click()
    expect(page.get_by_text("Tuonti valmis.")).to_be_visible()
    settled(page)

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Yleiskuva").click()
    expect(page.get_by_role("heading", name="Yleiskuva")).to_be_visible()
    settled(page)
    card = page.get_by_test_id("stMetric").filter(has_text="Palautteen keskiarvo")
    # (6 + 4 * 20 / 6) + 20 + (6 + 0.4 * 50) over 17 answers: 3,84 on the 1-5 scale.
    expect(card.get_by_test_id("stMetricValue")).to_have_text("3,84")
