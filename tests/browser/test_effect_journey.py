"""The effectiveness and wellbeing journey in a real browser on the demo municipality: the
difference-in-differences table and its .xlsx, then a click on a point of the wellbeing scatter
opens that unit's dashboard."""

import io
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.server import settled, sign_in, streamlit_server

pytestmark = pytest.mark.browser

FIRST_START_MS = 90_000


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("effect"), TILANNEKUVA_DEMO="1") as url:
        yield url


def _click_a_point(page) -> None:
    """Vega draws on a canvas; the points set the pointer cursor, so sweep the plot until the
    cursor says a point is under it, and click there."""
    canvas = page.locator(".vega-embed canvas, .vega-embed svg.marks").first
    box = canvas.bounding_box()
    for y in range(int(box["y"]) + 10, int(box["y"] + box["height"] * 0.7), 5):
        for x in range(int(box["x"]) + 40, int(box["x"] + box["width"]) - 10, 5):
            page.mouse.move(x, y)
            if canvas.evaluate("c => getComputedStyle(c).cursor") == "pointer":
                page.mouse.click(x, y)
                return
    pytest.fail("no point found on the scatter")


def test_effect_table_download_and_a_point_opens_its_unit(demo_server, page):
    page.goto(f"{demo_server}/effectiveness")
    sign_in(page, "admin", "demo-admin", FIRST_START_MS)
    expect(page.get_by_role("heading", name="Valmennuksen vaikuttavuus")).to_be_visible(
        timeout=FIRST_START_MS
    )
    settled(page, FIRST_START_MS)
    expect(page.get_by_role("heading", name="Erotusten erotus palvelualueittain")).to_be_visible()
    expect(page.get_by_text("Ero mahtuu sattuman vaihteluun", exact=False).first).to_be_visible()

    with page.expect_download() as xlsx:
        page.get_by_role("button", name="Lataa luvut (.xlsx)").click()
    sheet = load_workbook(io.BytesIO(xlsx.value.path().read_bytes())).active
    assert sheet["A1"].value == "Valmennuksen vaikuttavuus"
    context = {row[0]: row[1] for row in sheet.iter_rows(max_row=12, values_only=True) if row[0]}
    assert context["Yksiköt tai palvelualue"] == "Kaikki yksiköt"  # the block every export has
    assert "Fiilis" in context.values()  # the indicator the page shows

    page.get_by_role("link", name="Hyvinvointi ja palvelu").click()
    settled(page)
    expect(page.get_by_text("Korrelaatio r = ", exact=False)).to_be_visible()
    _click_a_point(page)
    expect(page.get_by_role("heading", name="Yksiköt")).to_be_visible(timeout=30_000)
    settled(page)
    assert "unit=" in page.url
