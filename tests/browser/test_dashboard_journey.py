"""The leadership journey in a real browser on the demo municipality: the Overview's scorecard
and units table, a drill-down into one unit, and a trend with years side by side."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.server import (
    ROOT,
    VIEWPORT,
    full_page_screenshot,
    settled,
    sign_in,
    streamlit_server,
)

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "docs" / "screenshots"
FIRST_START_MS = 90_000  # the first run writes and imports the demo files
ROW_PX = 35  # the data grid's header and row height


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[str]:
    """A server on a fresh database that the first page view fills with the demo data."""
    with streamlit_server(tmp_path_factory.mktemp("demo"), TILANNEKUVA_DEMO="1") as url:
        yield url


def open_overview(page: Page, url: str) -> None:
    page.goto(url)
    sign_in(page, "admin", "demo-admin", FIRST_START_MS)  # the demo's admin (README)
    expect(page.get_by_role("heading", name="Yleiskuva")).to_be_visible(timeout=FIRST_START_MS)
    settled(page, FIRST_START_MS)


def units_grid(page: Page) -> Locator:
    return page.get_by_test_id("stDataFrame").first


def headers(grid: Locator) -> Locator:
    """The column headers of the grid's accessible copy."""
    return grid.locator("[role='columnheader']")


def unit_name(grid: Locator, row: int) -> str:
    """The unit on a row, from the accessible copy of the grid's cells (the grid itself is a
    canvas); column 0 holds the selection checkboxes."""
    return grid.get_by_test_id(f"glide-cell-1-{row}").inner_text()


def click_row_checkbox(page: Page, grid: Locator, row: int) -> None:
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + ROW_PX / 2, box["y"] + ROW_PX * (row + 1) + ROW_PX / 2)


def test_overview_drill_down_and_years_side_by_side(demo_server, page):
    open_overview(page, demo_server)
    card = page.get_by_test_id("stMetric").filter(has_text="Palautteen keskiarvo")
    expect(card).to_have_count(1)
    expect(card.get_by_test_id("stMetricValue")).to_have_text(re.compile(r"^\d,\d\d$"))
    expect(page.get_by_role("heading", name="Yksiköt ja mittarit")).to_be_visible()
    grid = units_grid(page)
    expect(headers(grid)).to_contain_text(["Yksikkö", "Palaute ka.", "Fiilis"])  # short heads
    expect(grid.locator("[role='row']")).to_have_count(13)  # the header and twelve units
    full_page_screenshot(page, SCREENSHOTS / "overview.png")

    name = unit_name(grid, 1)
    click_row_checkbox(page, grid, 1)

    expect(page).to_have_url(re.compile(r"/units\?(.*&)?unit=\d+"))
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    settled(page)
    expect(page.get_by_test_id("stMain").get_by_text("Palvelualue:")).to_be_visible()

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Kehitys").click()
    expect(page.get_by_role("heading", name="Kehitys", exact=True)).to_be_visible()
    settled(page)
    page.get_by_text("Vuodet rinnakkain").click()
    settled(page)

    chart = page.get_by_test_id("stVegaLiteChart").first
    legend = chart.locator("g.role-legend")
    expect(legend).to_have_count(1)
    labels = legend.locator("g.role-legend-label text")
    expect(labels.filter(has_text=re.compile(r"^2024$"))).to_have_count(1)
    expect(labels.filter(has_text=re.compile(r"^2025$"))).to_have_count(1)
    expect(labels.filter(has_text=re.compile(r"^2026$"))).to_have_count(1)
    expect(chart.get_by_text("kuukausi", exact=True)).to_be_visible()  # x = month of year
    numbers = page.get_by_test_id("stDataFrame").last
    expect(headers(numbers)).to_contain_text(["Ajanjakso", "Arvo"])
    # Whole years of the sidebar's dates: from January of its first year (2024).
    expect(numbers.get_by_test_id("glide-cell-1-0")).to_have_text("1/2024")
    expect(page.get_by_role("button", name="Lataa taulukko (.xlsx)")).to_be_visible()
    full_page_screenshot(page, SCREENSHOTS / "trends.png")


def test_a_shared_link_to_a_unit_opens_it_in_a_new_session(demo_server, page, browser):
    open_overview(page, demo_server)
    grid = units_grid(page)
    name = unit_name(grid, 2)
    click_row_checkbox(page, grid, 2)
    expect(page).to_have_url(re.compile(r"/units\?(.*&)?unit=\d+"))
    link = page.url

    context = browser.new_context(viewport=VIEWPORT, locale="fi-FI")
    try:
        other = context.new_page()
        other.goto(link)
        settled(other)
        sign_in(other, "admin", "demo-admin")  # a new session signs in, then lands on the link
        expect(other.get_by_role("heading", name=name, exact=True)).to_be_visible()
        # the page adds its own choices (grain) to the link it reopened
        expect(other).to_have_url(re.compile(re.escape(link) + r"(&.*)?$"))
    finally:
        context.close()


def test_choosing_the_same_unit_again_after_going_back_opens_it_again(demo_server, page):
    open_overview(page, demo_server)
    name = unit_name(units_grid(page), 0)
    click_row_checkbox(page, units_grid(page), 0)
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    settled(page)

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Yleiskuva").click()
    expect(page.get_by_role("heading", name="Yksiköt ja mittarit")).to_be_visible()
    settled(page)
    click_row_checkbox(page, units_grid(page), 0)

    expect(page).to_have_url(re.compile(r"/units\?(.*&)?unit=\d+"))
    settled(page)
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
