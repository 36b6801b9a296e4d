"""Every page on a 390 px phone and in each language, in a real browser on the demo
municipality: nothing is wider than the screen, and the visible text holds no English inside a
Finnish page (Streamlit's own widget texts included where the page can set them) and no Finnish
inside an English one."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.server import IDLE, settled, sign_in, streamlit_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIRST_START_MS = 90_000  # the first run writes and imports the demo files
PHONE = {"width": 390, "height": 844}
PAGES = (
    "",
    "report",
    "trends",
    "feeling_meter",
    "units",
    "effectiveness",
    "wellbeing",
    "import_data",
    "settings",
    "indicators",
    "users",
    "audit",
)
# Streamlit's own English that a Finnish page must not show, and our Finnish that an English one
# must not (names of units and people are data, never on these lists).
ENGLISH = ("Upload", "per file", "Browse files", "Drag and drop", "Press Enter", "Select all")
FINNISH = ("Valitse", "Tallenna", "Tuloskortti", "Enintään", "kesken", "Kirjaudu")

# The text a person sees: text nodes that are rendered, without icon ligatures ("upload" is an
# icon's name, drawn as a picture).
VISIBLE_TEXT = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (!parent || parent.closest("[data-testid='stIconMaterial'], style, script")) continue;
    if (!parent.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    parts.push(walker.currentNode.textContent);
  }
  return parts.join(" ");
}"""


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("demo"), TILANNEKUVA_DEMO="1") as url:
        yield url


@pytest.fixture(scope="module")
def phone(demo_server, browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(demo_server + "/?lang=fi")
    sign_in(page, "admin", "demo-admin", FIRST_START_MS)
    settled(page, FIRST_START_MS)
    yield page
    context.close()


def open_page(page: Page, url: str, name: str, lang: str) -> None:
    page.goto(f"{url}/{name}?lang={lang}")
    page.wait_for_selector(IDLE, timeout=FIRST_START_MS)
    page.wait_for_timeout(1500)  # charts and grids size themselves after the run ends
    settled(page)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_no_page_is_wider_than_a_phone(phone, demo_server, lang):
    wider = {}
    for name in PAGES:
        open_page(phone, demo_server, name, lang)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wider[name or "overview"] = width
    assert wider == {}


@pytest.mark.parametrize(
    ("lang", "foreign"), [("fi", ENGLISH), ("sv", ENGLISH + FINNISH), ("en", FINNISH)]
)
def test_no_page_shows_words_of_the_other_language(phone, demo_server, lang, foreign):
    found = {}
    for name in PAGES:
        open_page(phone, demo_server, name, lang)
        text = phone.evaluate(VISIBLE_TEXT)
        words = [w for w in foreign if w in text]
        if words:
            found[name or "overview"] = words
    assert found == {}


def test_the_uploader_speaks_the_pages_language(phone, demo_server):
    open_page(phone, demo_server, "import_data", "fi")
    expect(phone.get_by_test_id("stFileUploaderDropzone")).to_be_visible()
    drawn = phone.evaluate(
        """() => [
          "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer']",
          "[data-testid='stFileUploaderDropzoneInstructions'] > div",
        ].map(s => getComputedStyle(document.querySelector(s), "::after").content)"""
    )
    assert drawn == [
        '"Valitse tiedostot"',
        '"Enintään 200 Mt tiedostoa kohden • XLSX, XLSM, XLS, CSV, TXT"',
    ]


def test_the_menu_closes_once_a_page_is_chosen_on_a_phone(phone, demo_server):
    open_page(phone, demo_server, "", "fi")
    sidebar = phone.get_by_test_id("stSidebar")
    if sidebar.get_attribute("data-collapsed") != "false":
        phone.get_by_test_id("stExpandSidebarButton").click()
    expect(sidebar).to_have_attribute("data-collapsed", "false")

    sidebar.get_by_test_id("stSidebarNav").get_by_role("link", name="Kehitys").click()
    settled(phone)
    expect(phone.get_by_role("heading", name="Kehitys")).to_be_visible()
    expect(sidebar).to_have_attribute("data-collapsed", "true")  # the page is in view
