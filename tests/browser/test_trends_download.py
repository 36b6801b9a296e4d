"""The Trends download in a real browser: the .xlsx is built only when the button is pressed
(a deferred download), and what arrives says what it is (who exported it, when) above the table
on the page, numbers as numbers and periods as dates."""

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.server import settled, sign_in, streamlit_server

pytestmark = pytest.mark.browser
FIRST_START_MS = 90_000  # the first run writes and imports the demo files


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("demo"), TILANNEKUVA_DEMO="1") as url:
        yield url


def test_pressing_download_gives_the_trend_table_as_xlsx(demo_server, page):
    page.goto(f"{demo_server}/trends")
    sign_in(page, "admin", "demo-admin", 90_000)  # the demo's admin (README)
    button = page.get_by_role("button", name="Lataa taulukko (.xlsx)")
    expect(button).to_be_visible(timeout=FIRST_START_MS)
    settled(page, FIRST_START_MS)

    with page.expect_download() as pressed:
        button.click()
    download = pressed.value

    assert download.suggested_filename == "tilannekuva_kehitys.xlsx"
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    block = {r[0]: r[1] for r in rows[1 : rows.index((None,) * len(rows[0]))]}
    assert rows[0][0] == "Tilannekuva – kehitys"
    assert block["Viejä"] == "admin"  # read while the page ran, not in the deferred build
    assert block["Yksiköt tai palvelualue"] == "Kaikki yksiköt"
    header = rows.index(next(r for r in rows if r[0] == "Mittari"))
    assert rows[header][:4] == ("Mittari", "Kauden alku", "Ajanjakso", "Yksikkö tai alue")
    table = rows[header + 1 :]
    assert len(table) > 12  # the demo's months
    assert all(r[0] == "Palautteen keskiarvo" and r[3] == "Kaikki yksiköt" for r in table)
    assert all(isinstance(r[1], dt.datetime) for r in table)  # periods are Excel dates
    assert all(isinstance(r[5], int) for r in table)  # answer counts stay numbers

    # The press did not run the page again, and the export is in the audit trail: recorded by
    # Streamlit's own thread as it built the file, under the user who pressed.
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Tapahtumaloki").click()
    settled(page)
    cells = page.get_by_test_id("stDataFrame").first.locator("[role='gridcell']")
    expect(cells.filter(has_text=re.compile("^Vienti$"))).to_have_count(1)
    expect(cells.filter(has_text="Vienti: Kehitys (.xlsx)")).to_have_count(1)
