"""Every page in a real browser, in each language: a signed-in admin opens each page's address
with ?lang=fi, ?lang=sv or ?lang=en, and the text the browser shows (headings, sidebar,
labels, captions, metrics, alerts; tables and charts are drawn, not text, and are checked by
tests/views/test_languages.py) holds no raw text key and none of the other two languages'
common words. Swedish pages show the Swedish demo municipality, Finnish and English pages the
Finnish one, as `demo --lang` writes them."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from cli import main
from tests.browser.server import TIMEOUT_MS, VIEWPORT, settled, streamlit_server
from tests.views.test_languages import foreign_words, raw_keys

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = ("", "report", "trends", "feeling_meter", "units", "effectiveness", "wellbeing")
PAGES += ("import_data", "settings", "indicators", "users", "audit")
# What a page says in each language's navigation when it is the chosen one.
OVERVIEW = {"fi": "Yleiskuva", "sv": "Översikt", "en": "Overview"}


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[dict[str, str]]:
    """One server on the Finnish demo and one on the Swedish demo, each already imported."""
    urls = {}
    with (
        _demo_server(tmp_path_factory.mktemp("fi"), "fi") as urls["fi"],
        _demo_server(tmp_path_factory.mktemp("sv"), "sv") as urls["sv"],
    ):
        yield urls


def _demo_server(folder, demo_lang: str):
    database = f"sqlite:///{folder / 'e2e.db'}"
    out = str(folder / "files")
    assert main(["demo", "--lang", demo_lang, "--out", out, "--database-url", database]) == 0
    return streamlit_server(folder)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_page_in_the_browser_speaks_only_its_language(servers, browser: Browser, lang):
    base = servers["sv" if lang == "sv" else "fi"]
    context = browser.new_context(viewport=VIEWPORT, locale="fi-FI")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto(f"{base}/?lang={lang}")
        settled(page)
        page.locator(".st-key-signin_name input").fill("admin")  # the demo's admin
        page.locator(".st-key-signin_password input").fill("demo-admin")
        page.get_by_test_id("stBaseButton-primaryFormSubmit").click()
        expect(page.get_by_test_id("stSidebarNav")).to_be_visible()
        expect(page.get_by_test_id("stSidebarNav")).to_contain_text(OVERVIEW[lang])
        shown = {}
        for path in PAGES:
            page.goto(f"{base}/{path}?lang={lang}")
            settled(page)
            expect(page.get_by_test_id("stMain").get_by_role("heading").first).to_be_visible()
            page.wait_for_timeout(300)
            settled(page)
            shown[path or "overview"] = [page.locator("body").inner_text()]
        found = {p: sorted(foreign_words(texts, lang)) for p, texts in shown.items()}
        keys = {p: sorted(raw_keys(texts)) for p, texts in shown.items()}
        assert not {p: w for p, w in found.items() if w}, found
        assert not {p: k for p, k in keys.items() if k}, keys
    finally:
        context.close()
