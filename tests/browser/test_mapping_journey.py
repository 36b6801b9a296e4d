"""The mapping step in a real browser: a Forms export with no unit column is uploaded, the unit
typed in, one question's scale changed, the file imported, and the Overview shows the mean of
the answers as mapped; a two-header-row export gets its header rows chosen and two unknown
answer words scored, and the Overview shows the mean they give."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from data_model.store import sha256
from tests.browser.server import ROOT, full_page_screenshot, settled, streamlit_server
from tests.views.helpers import XLSX_MIME
from ui.mapping import label_tag

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
    page.wait_for_timeout(300)  # the rerun starts before it is waited for
    settled(page)


def test_forms_export_without_a_unit_is_mapped_imported_and_counted(server, page):
    page.goto(server)
    settled(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Tuonti").click()
    expect(page.get_by_role("heading", name="Tietojen tuonti")).to_be_visible()
    settled(page)
    upload = {"name": FORMS.name, "mimeType": XLSX_MIME, "buffer": FORMS.read_bytes()}
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(upload)
    expect(page.get_by_test_id("stExpander").get_by_text("Sarakkeiden tulkinta")).to_be_visible()
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
    expect(page.get_by_text("Tuonti valmis.").first).to_be_visible()
    settled(page)

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Yleiskuva").click()
    expect(page.get_by_role("heading", name="Yleiskuva")).to_be_visible()
    settled(page)
    card = page.get_by_test_id("stMetric").filter(has_text="Palautteen keskiarvo")
    # (6 + 4 * 20 / 6) + 20 + (6 + 0.4 * 50) over 17 answers: 3,84 on the 1-5 scale.
    expect(card.get_by_test_id("stMetricValue")).to_have_text("3,84")


LABELS_SCREENSHOT = ROOT / "docs" / "screenshots" / "mapping_header_rows.png"


def _two_header_rows() -> bytes:
    """A Webropol-style export: a title row, a group row written once over its statements, the
    statements below it, and two answer words no scale knows ("Loistava", "Heikko")."""
    from tests.builders import xlsx_bytes

    first = ["Hyvä", "Loistava", "Kohtalainen", "Hyvä", "Loistava", "Heikko"]
    second = ["Loistava", "Hyvä", "Hyvä", "Heikko", "Kohtalainen", "Hyvä"]
    rows = [
        ["Asiakaskysely 2024"],
        ["Vastausaika", "Toimipiste", "Palvelu", None],
        [None, None, "Palvelu oli nopeaa", "Henkilökunta oli ystävällistä"],
    ]
    for day, (a, b) in enumerate(zip(first, second, strict=True), start=3):
        rows.append([f"{day}.6.2024", "Kirjasto Kallio", a, b])
    return xlsx_bytes(rows)


def _number(page: Page, key: str, value: int) -> None:
    field = page.locator(f".st-key-{key} input")
    field.fill(str(value))
    field.press("Enter")
    page.wait_for_timeout(300)  # the rerun starts
    settled(page)


def _element_screenshot(page: Page, locator, path: Path) -> None:
    """Like full_page_screenshot, of one element: the viewport as tall as the page's content
    (Streamlit scrolls inside its main area), and docs/ rewritten only with
    UPDATE_SCREENSHOTS=1."""
    import os
    import tempfile

    if os.environ.get("UPDATE_SCREENSHOTS") != "1":
        path = Path(tempfile.gettempdir()) / "tilannekuva-screenshots" / path.name
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    page.wait_for_timeout(500)  # the data grids redraw at the new size
    locator.screenshot(path=str(path))
    page.set_viewport_size(size)


@pytest.fixture
def own_server(tmp_path) -> Iterator[str]:
    """A database of its own: the Overview then shows this file's answers alone."""
    with streamlit_server(tmp_path) as url:
        yield url


def test_two_header_rows_and_two_answer_words_are_chosen_and_counted(own_server, page):
    server = own_server
    data = _two_header_rows()
    key = sha256(data)[:16]
    page.goto(server)
    settled(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Tuonti").click()
    settled(page)
    upload = {"name": "asiakaskysely.xlsx", "mimeType": XLSX_MIME, "buffer": data}
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(upload)
    expect(page.get_by_test_id("stExpander").get_by_text("Sarakkeiden tulkinta")).to_be_visible()
    settled(page)

    # One header row only: the statements become data and the file is refused.
    _number(page, f"map_header_first_{key}", 2)
    _number(page, f"map_header_last_{key}", 2)
    expect(page.get_by_role("button", name="Tuo tiedosto")).to_have_count(0)
    # Rows 2-3 as the header: each statement is named "group: statement".
    _number(page, f"map_header_last_{key}", 3)
    header = page.get_by_test_id("stText").filter(has_text="Palvelu: Palvelu oli nopeaa")
    expect(header).to_be_visible()

    _choose(page, f"map_label_{label_tag('Loistava')}_{key}", "5")
    _choose(page, f"map_label_{label_tag('Heikko')}_{key}", "2")
    # 23 + 22 points of 12 answers: 3,75.
    expect(page.get_by_text(re.compile(r"vastauksia 12 · keskiarvo 3,75"))).to_be_visible()
    step = page.get_by_test_id("stExpander").filter(has_text="Sarakkeiden tulkinta")
    _element_screenshot(page, step, LABELS_SCREENSHOT)
    page.get_by_role("button", name="Tuo tiedosto").click()
    expect(page.get_by_text("Tuonti valmis.").first).to_be_visible()
    settled(page)

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Yleiskuva").click()
    expect(page.get_by_role("heading", name="Yleiskuva")).to_be_visible()
    settled(page)
    card = page.get_by_test_id("stMetric").filter(has_text="Palautteen keskiarvo")
    expect(card.get_by_test_id("stMetricValue")).to_have_text("3,75")
