"""An own indicator's journey in a real browser: a values file imported on the Import page, the
new indicator put on the scorecard on the Indicators page, its value seen on the Overview and
in Trends (a rate of summed numerators and denominators, not a mean of the units' rates)."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.server import settled, streamlit_server
from tests.views.helpers import XLSX_MIME, xlsx_bytes

pytestmark = pytest.mark.browser

# 3/2024: 45 of 50 places and 20 of 40: 65 / 90 = 72,2 % (the mean of the rates would be 70 %).
VALUES = [
    ["Kuukausi", "Yksikkö", "Mittari", "Osoittaja", "Nimittäjä"],
    ["2024-03", "Päiväkoti Aurinko", "Käyttöaste %", 45, 50],
    ["2024-03", "Palvelutalo Koivu", "Käyttöaste %", 20, 40],
]
RATE = "72,2\u00a0%"


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("e2e")) as url:
        yield url


def open_page(page: Page, name: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name).click()
    settled(page)


@pytest.mark.slow
def test_import_put_on_the_scorecard_and_see_it_on_the_overview_and_in_trends(server, page):
    page.goto(server)
    settled(page)
    open_page(page, "Tuonti")
    upload = {"name": "kayttoaste.xlsx", "mimeType": XLSX_MIME, "buffer": xlsx_bytes(VALUES)}
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(upload)
    expect(page.get_by_text("Omat mittarit", exact=False).first).to_be_visible()
    settled(page)
    page.get_by_role("button", name="Tuo tiedosto").click()
    expect(page.get_by_text("Tuonti valmis.").first).to_be_visible()
    settled(page)

    open_page(page, "Mittarit")
    expect(page.get_by_role("heading", name="Muuta määrittelyä")).to_be_visible()
    page.get_by_text("Tuloskortilla", exact=True).click()
    page.get_by_role("button", name="Tallenna määrittely").click()
    expect(page.get_by_text("Mittarin Käyttöaste % määrittely tallennettiin.")).to_be_visible()
    settled(page)

    open_page(page, "Yleiskuva")
    card = page.get_by_test_id("stMetric").filter(has_text="Käyttöaste %")
    expect(card).to_have_count(1)
    expect(card.get_by_test_id("stMetricValue")).to_have_text(RATE)

    page.goto(f"{server}/trends?ind=own_kayttoaste_percent&grain=month")
    settled(page)
    expect(page).to_have_url(re.compile(r"ind=own_kayttoaste_percent"))
    cells = page.get_by_test_id("stDataFrame").last.locator("[role='gridcell']")
    expect(cells.filter(has_text=re.compile(r"^72,2\s%$"))).to_have_count(1)
