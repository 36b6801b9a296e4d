"""A shared link reopens exactly the view. On each page a choice is made as a user
makes it, the URL is checked to carry it, and the link is opened in a new session (signed in
anew) where the same choices must be shown. Also the phone pictures of the README."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.server import (
    ROOT,
    TIMEOUT_MS,
    VIEWPORT,
    full_page_screenshot,
    settled,
    sign_in,
    streamlit_server,
)

pytestmark = pytest.mark.browser

FIRST_START_MS = 90_000  # the first run writes and imports the demo files
SCREENSHOTS = ROOT / "docs" / "screenshots"
PHONE = 390


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("links"), TILANNEKUVA_DEMO="1") as url:
        yield url


@contextmanager
def opened(browser: Browser, url: str) -> Iterator[Page]:
    """url in a new session (a colleague opening a shared link): signed in, settled."""
    context = browser.new_context(viewport=VIEWPORT, locale="fi-FI")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(url)
        sign_in(page, "admin", "demo-admin", FIRST_START_MS)
        page.wait_for_timeout(500)
        settled(page, FIRST_START_MS)
        yield page
    finally:
        context.close()


def params(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query, True).items()}


def segment(page: Page, key: str, name: str) -> Locator:
    return page.locator(f".st-key-{key}").get_by_role("radio", name=name, exact=True)


def chosen(page: Page, key: str) -> Locator:
    """A selectbox's shown choice."""
    return page.locator(f".st-key-{key} input")


def choose(page: Page, key: str, option: str) -> None:
    field = page.locator(f".st-key-{key} input")
    field.click()
    field.fill(option)  # a long list draws only the options in view
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_timeout(300)
    settled(page)


def wait_for_param(page: Page, name: str, value: str) -> None:
    expect(page).to_have_url(re.compile(rf"[?&]{name}={re.escape(value)}(&|$)"))


def test_overview_grain_and_filter_survive_a_shared_link(demo_server, browser):
    with opened(browser, f"{demo_server}/?grain=year&missing=1") as page:
        expect(segment(page, "overview_grain", "vuosi")).to_have_attribute("aria-checked", "true")
        expect(page.locator(".st-key-overview_only_missing input")).to_be_checked()
        segment(page, "overview_grain", "kausi").click()
        settled(page)
        wait_for_param(page, "grain", "period")
        link = page.url
    with opened(browser, link) as other:
        expect(segment(other, "overview_grain", "kausi")).to_have_attribute("aria-checked", "true")
        expect(other.locator(".st-key-overview_only_missing input")).to_be_checked()
        assert params(other)["missing"] == "1"


def test_trends_choices_survive_a_shared_link(demo_server, browser):
    with opened(browser, f"{demo_server}/trends") as page:
        choose(page, "trend_grain", "viikko")
        page.locator(".st-key-trend_by").get_by_text("yksiköt", exact=True).click()
        settled(page)
        # Twelve units: one is highlighted against the grey others; pick another one.
        choose(page, "trend_highlight", "Päiväkoti Aurinko")
        wait_for_param(page, "by", "unit")
        wait_for_param(page, "grain", "week")
        link, highlight = page.url, params(page)["highlight"]
    with opened(browser, link) as other:
        expect(chosen(other, "trend_grain")).to_have_value("viikko")
        expect(other.locator(".st-key-trend_by input[value='1']")).to_be_checked()
        expect(chosen(other, "trend_highlight")).to_have_value("Päiväkoti Aurinko")
        assert params(other)["highlight"] == highlight
        expect(
            other.get_by_test_id("stDataFrame").last.get_by_test_id("glide-cell-1-0")
        ).to_have_text(re.compile(r"^vk \d+/2024$"))  # weeks read as a Finn writes them


def test_years_side_by_side_and_indicators_survive_a_shared_link(demo_server, browser):
    url = f"{demo_server}/trends?ind=feedback_mean,headcount&years=1"
    with opened(browser, url) as page:
        expect(page.locator(".st-key-trend_years input")).to_be_checked()
        indicators = page.locator(".st-key-trend_indicators")
        expect(indicators).to_contain_text("Palautteen keskiarvo")
        expect(indicators).to_contain_text("Henkilöstö")
        assert params(page)["ind"] == "feedback_mean,headcount"


def test_feeling_meter_grain_and_notes_unit_survive_a_shared_link(demo_server, browser):
    with opened(browser, f"{demo_server}/feeling_meter") as page:
        segment(page, "feeling_grain", "viikko").click()
        settled(page)
        choose(page, "feeling_notes_unit", "Päiväkoti Aurinko")
        wait_for_param(page, "grain", "week")
        link = page.url
        assert params(page)["notes"].isdigit()
    with opened(browser, link) as other:
        expect(segment(other, "feeling_grain", "viikko")).to_have_attribute("aria-checked", "true")
        expect(chosen(other, "feeling_notes_unit")).to_have_value("Päiväkoti Aurinko")


def test_units_page_unit_and_grain_survive_a_shared_link(demo_server, browser):
    with opened(browser, f"{demo_server}/units") as page:
        choose(page, "units_page_unit", "Rantalan koulu")
        segment(page, "units_grain", "vuosi").click()
        settled(page)
        wait_for_param(page, "grain", "year")
        link = page.url
    with opened(browser, link) as other:
        expect(other.get_by_role("heading", name="Rantalan koulu", exact=True)).to_be_visible()
        expect(segment(other, "units_grain", "vuosi")).to_have_attribute("aria-checked", "true")


@pytest.mark.parametrize(
    ("path", "name"), [("", "overview_phone"), ("feeling_meter", "feeling_meter_phone")]
)
def test_phone_pictures(demo_server, browser, path, name):
    """At 390 px: the cards two to a row, the unit pinned in the table, the heatmap labelled
    every third month (README pictures with UPDATE_SCREENSHOTS=1)."""
    with opened(browser, f"{demo_server}/{path}") as page:
        page.set_viewport_size({"width": PHONE, "height": VIEWPORT["height"]})
        page.wait_for_timeout(500)
        settled(page)
        if path == "":
            cards = page.locator(".st-key-overview_cards [data-testid='stColumn']")
            first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
            assert first and second and first["y"] == second["y"]  # side by side
            assert second["x"] + second["width"] <= PHONE
        full_page_screenshot(page, SCREENSHOTS / f"{name}.png", width=PHONE)
