"""A manager in a real browser: the link they opened is where they land after
signing in, and another unit stays out of reach by link, by URL filter and by the sidebar."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from data_model import users
from data_model.db import open_database
from tests.browser.server import settled, sign_in, streamlit_server
from tests.views import dashboard as d

pytestmark = pytest.mark.browser
NAME, PASSWORD = "esihenkilo", "esihenkilo-salasana"


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> Iterator[tuple[str, dict]]:
    """A server on the test municipality with a manager of early childhood education."""
    folder = tmp_path_factory.mktemp("scope")
    engine = open_database(f"sqlite:///{folder / 'e2e.db'}")
    units = d.import_municipality(engine).units
    users.add_user(engine=engine, name=NAME, role="manager", password=PASSWORD, areas=d.EARLY)
    engine.dispose()
    with streamlit_server(folder, TILANNEKUVA_ALLOW_OPEN="0") as url:
        yield url, units


def open_signed_in(page: Page, link: str) -> None:
    page.goto(link)
    expect(page.get_by_role("heading", name="Kirjaudu sisään")).to_be_visible()
    sign_in(page, NAME, PASSWORD)


def test_a_deep_link_survives_signing_in(town, page):
    url, units = town
    open_signed_in(page, f"{url}/units?unit={units[d.KUU]}")

    expect(page.get_by_role("heading", name="Yksiköt", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=d.KUU)).to_be_visible()
    assert "/units" in page.url and f"unit={units[d.KUU]}" in page.url


def test_another_units_link_opens_only_the_managers_own(town, page):
    url, units = town
    open_signed_in(page, f"{url}/units?unit={units[d.KOIVU]}")

    expect(page.get_by_role("heading", name=d.AURINKO)).to_be_visible()
    expect(page.get_by_text(d.KOIVU)).to_have_count(0)
    assert f"unit={units[d.AURINKO]}" in page.url


def test_url_filters_and_the_sidebar_offer_only_the_managers_units(town, page):
    url, units = town
    open_signed_in(page, f"{url}/?units={units[d.KOIVU]}&area=2")

    expect(page.get_by_role("heading", name="Yleiskuva")).to_be_visible()
    expect(page.get_by_text(d.KOIVU)).to_have_count(0)
    expect(page.get_by_text("Vanhuspalvelut")).to_have_count(0)
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    offered = sorted(set(options.all_inner_texts()) - {"Select all"})  # Streamlit's own
    assert offered == [d.AURINKO, d.KUU]
    settled(page)


def test_admin_pages_are_not_found_for_a_manager(town, page):
    url, _ = town
    open_signed_in(page, f"{url}/settings")

    expect(page.get_by_role("heading", name="Asetukset")).to_have_count(0)
    expect(page.get_by_role("heading", name="Yleiskuva")).to_be_visible()
