"""No page is reachable without signing in, even through a direct link that is the very first
request of a freshly started server (the case Streamlit's legacy `pages/` mode used to open)."""

import pytest
from playwright.sync_api import expect

from core.texts import t
from tests.browser.server import VIEWPORT, settled, streamlit_server

# URL path of every page and the heading it shows once signed in.
PAGES = [
    ("", "overview.title"),
    ("trends", "trends.title"),
    ("feeling_meter", "feeling.title"),
    ("units", "units.title"),
    ("import_data", "import.title"),
    ("settings", "settings.title"),
]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "title_key"), PAGES)
def test_a_direct_link_on_a_fresh_server_asks_for_the_password(browser, tmp_path, path, title):
    with streamlit_server(tmp_path, TILANNEKUVA_PASSWORD="kissa ja koira") as url:
        context = browser.new_context(viewport=VIEWPORT)
        try:
            page = context.new_page()
            page.goto(f"{url}/{path}")
            settled(page)
            expect(page.get_by_role("heading", name=t("signin.title", "fi"))).to_be_visible()
            assert page.get_by_role("heading", name=title).count() == 0
            assert page.get_by_test_id("stSidebarNav").count() == 0  # no page list either
        finally:
            context.close()


@pytest.fixture
def title(title_key):
    return t(title_key, "fi")
