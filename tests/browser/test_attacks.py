"""The attacks that broke the app, replayed in a real browser against `streamlit run app.py`:
taking over a session with its Streamlit session id, losing the session on a reload, a session
that outlives sign-out, the idle limit, a password change or disabling in another tab or
browser, a download link that works without the session, the tables' own CSV download, one
person locking a shared address out of sign-in, and forged X-Forwarded-For addresses in the
audit trail. The sign-in screen itself is looked at in both languages, wide and narrow."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import update
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from data_model import audit, users
from data_model.db import open_database
from data_model.models import UserSession
from importing import import_file
from tests.browser.server import (
    TIMEOUT_MS,
    VIEWPORT,
    full_page_screenshot,
    settled,
    sign_in,
    streamlit_server,
)
from tests.builders import csv_bytes
from tests.views import dashboard as d

pytestmark = pytest.mark.browser
ADMIN, PASSWORD = "paakayttaja", "pääkäyttäjän salasana"
FORMULA_UNIT = '=HYPERLINK("http://example.invalid/x","Päiväkoti Pilvi")'
SIGN_IN = "Kirjaudu sisään"
# Streamlit's client with the victim's session id put where the client itself offers its own on
# reconnecting: the third websocket subprotocol.
REPLAY = """(() => {
  const Real = window.WebSocket;
  function Replaying(url, protocols) {
    const offered = Array.from(protocols || []);
    while (offered.length < 2) offered.push("PLACEHOLDER_AUTH_TOKEN");
    offered[2] = "VICTIM_ID";
    return new Real(url, offered);
  }
  Replaying.prototype = Real.prototype;
  Object.assign(Replaying, Real);
  window.WebSocket = Replaying;
})();"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """The test municipality, a unit named like a formula, an admin; the server listens on
    127.0.0.1 only, where uvicorn itself believes X-Forwarded-For (its default)."""
    folder = tmp_path_factory.mktemp("attacks")
    url = f"sqlite:///{folder / 'e2e.db'}"
    engine = open_database(url)
    d.import_municipality(engine)
    rows = [["Yksikkö", "Palvelualue"], [FORMULA_UNIT, d.EARLY]]
    assert import_file(engine=engine, file_name="kaava.csv", data=csv_bytes(rows)).status == (
        "imported"
    )
    users.add_user(engine=engine, name=ADMIN, role="admin", password=PASSWORD)
    engine.dispose()
    env = {"TILANNEKUVA_ALLOW_OPEN": "0", "STREAMLIT_SERVER_ADDRESS": "127.0.0.1"}
    with streamlit_server(folder, **env) as base:
        yield base, url


@pytest.fixture
def engine(server):
    found = open_database(server[1])
    yield found
    found.dispose()


def new_context(browser: Browser, **kwargs) -> BrowserContext:
    context = browser.new_context(viewport=VIEWPORT, locale="fi-FI", **kwargs)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def session_ids(page: Page) -> list[str]:
    """The Streamlit session ids the server gives this page, read from its websocket."""
    found: list[str] = []

    def frame(payload) -> None:
        if not isinstance(payload, bytes | bytearray):
            return
        message = ForwardMsg()
        try:
            message.ParseFromString(bytes(payload))
        except Exception:  # noqa: BLE001 - not every frame is one message we know
            return
        if message.WhichOneof("type") == "new_session":
            found.append(message.new_session.initialize.session_id)

    page.on("websocket", lambda socket: socket.on("framereceived", frame))
    return found


def on_sign_in_form(page: Page) -> None:
    settled(page)
    expect(page.get_by_role("heading", name=SIGN_IN)).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


def a_user(engine, name: str) -> str:
    users.add_user(engine=engine, name=name, role="admin", password=PASSWORD)
    return name


def test_a_session_id_replayed_from_another_browser_gets_the_sign_in_form(server, browser):
    base, _ = server
    victim = new_context(browser)
    page = victim.new_page()
    ids = session_ids(page)
    page.goto(f"{base}/users")
    sign_in(page, ADMIN, PASSWORD)
    expect(page.get_by_role("heading", name="Käyttäjät", exact=True)).to_be_visible()
    assert ids

    attacker = new_context(browser)  # no cookie, no password: only the victim's id
    attacker.add_init_script(REPLAY.replace("VICTIM_ID", ids[-1]))
    stolen = attacker.new_page()
    for path in ("users", "audit", ""):
        stolen.goto(f"{base}/{path}")
        on_sign_in_form(stolen)
        expect(stolen.get_by_role("heading", name="Käyttäjät", exact=True)).to_have_count(0)
        expect(stolen.get_by_role("heading", name="Tapahtumaloki")).to_have_count(0)
    attacker.close()

    page.reload()  # the victim's own browser is still signed in, by its cookie
    settled(page)
    expect(page.get_by_role("heading", name="Käyttäjät", exact=True)).to_be_visible()
    victim.close()


def test_the_session_cookie_is_http_only_and_same_site_lax(server, page):
    base, _ = server
    page.goto(base)
    sign_in(page, ADMIN, PASSWORD)
    page.wait_for_timeout(500)

    (cookie,) = [c for c in page.context.cookies() if c["name"] == "tilannekuva_session"]
    assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"]) == (True, "Lax", "/")
    assert cookie["expires"] == -1  # ends with the browser; the server ends it sooner
    assert page.evaluate("document.cookie").find("tilannekuva_session") == -1


def test_a_reload_and_a_new_tab_keep_the_page_and_its_filters(server, page):
    base, _ = server
    link = f"{base}/trends?from=2024-01-01&to=2024-03-20&grain=week"
    page.goto(link)
    sign_in(page, ADMIN, PASSWORD)
    expect(page.get_by_role("heading", name="Kehitys")).to_be_visible()
    page.wait_for_timeout(500)  # the page fetches its cookie right after signing in

    page.reload()
    settled(page)
    expect(page.get_by_role("heading", name="Kehitys")).to_be_visible()
    assert "/trends" in page.url and "from=2024-01-01" in page.url and "grain=week" in page.url
    dates = page.get_by_test_id("stSidebar").get_by_test_id("stDateInput").locator("input")
    expect(dates.nth(0)).to_have_value("2024-01-01")  # the link's, not the default range's
    expect(dates.nth(1)).to_have_value("2024-03-20")

    tab = page.context.new_page()
    tab.goto(f"{base}/units")
    settled(tab)
    expect(tab.get_by_role("heading", name="Yksiköt", exact=True)).to_be_visible()
    tab.close()


def end_by_sign_out(page: Page, engine, name: str) -> None:
    page.get_by_test_id("stSidebar").get_by_role("button", name="Kirjaudu ulos").click()
    on_sign_in_form(page)


def end_by_password_change(page: Page, engine, name: str) -> None:
    users.set_password(engine=engine, name=name, password="ihan uusi salasana")


def end_by_disabling(page: Page, engine, name: str) -> None:
    users.disable_user(engine=engine, name=name)


def end_by_idling(page: Page, engine, name: str) -> None:
    """Thirty-one minutes without use, as the database sees it."""
    user_id = users.get_user(engine=engine, name=name).id
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=31)
    with engine.begin() as conn:
        conn.execute(
            update(UserSession).where(UserSession.user_id == user_id).values(last_seen_at=long_ago)
        )


@pytest.mark.parametrize(
    "end",
    [end_by_sign_out, end_by_password_change, end_by_disabling, end_by_idling],
    ids=["sign-out", "password change", "disabling", "idle limit"],
)
def test_every_tab_and_browser_of_the_user_is_signed_out(server, browser, engine, end):
    base, _ = server
    name = a_user(engine, f"kayttaja-{end.__name__}")
    first, second = new_context(browser), new_context(browser)
    pages = []
    for context in (first, second):
        page = context.new_page()
        page.goto(f"{base}/trends")
        sign_in(page, name, PASSWORD)
        expect(page.get_by_role("heading", name="Kehitys")).to_be_visible()
        pages.append(page)
    page.wait_for_timeout(500)
    other_tab = first.new_page()
    other_tab.goto(f"{base}/units")
    settled(other_tab)
    expect(other_tab.get_by_role("heading", name="Yksiköt", exact=True)).to_be_visible()

    end(pages[0], engine, name)

    # The next click in an open tab, and any reload, finds the session gone.
    pages[1].get_by_test_id("stSidebarNav").get_by_role("link", name="Yleiskuva").click()
    on_sign_in_form(pages[1])
    if end is end_by_idling:  # says why
        expect(
            pages[1].get_by_text("Istunto päättyi, koska sovellusta ei käytetty")
        ).to_be_visible()
    for page in (other_tab, pages[0], pages[1]):
        page.reload()
        on_sign_in_form(page)
    first.close()
    second.close()


def test_a_download_needs_the_session_and_is_gone_after_sign_out(server, browser):
    base, _ = server
    context = new_context(browser)
    page = context.new_page()
    page.goto(f"{base}/trends")
    sign_in(page, ADMIN, PASSWORD)
    button = page.get_by_role("button", name="Lataa taulukko (.xlsx)")
    with page.expect_download() as pressed:
        button.click()
    link = pressed.value.url
    assert "/media/" in link
    (cookie,) = [c for c in context.cookies() if c["name"] == "tilannekuva_session"]

    assert context.request.get(link).status == 200
    stranger = new_context(browser)
    assert stranger.request.get(link).status == 403  # the link alone gives nothing
    stranger.close()

    page.get_by_test_id("stSidebar").get_by_role("button", name="Kirjaudu ulos").click()
    on_sign_in_form(page)
    assert context.request.get(link).status == 403
    replayed = {"Cookie": f"tilannekuva_session={cookie['value']}"}  # the old cookie kept
    assert context.request.get(link, headers=replayed).status in (403, 404)
    context.close()


def test_the_tables_offer_no_csv_download(server, page):
    """A unit named =HYPERLINK(...) went out live through the tables' own toolbar."""
    base, _ = server
    page.goto(base)
    sign_in(page, ADMIN, PASSWORD)
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible()
    table.hover()
    page.wait_for_timeout(500)

    expect(page.get_by_test_id("stElementToolbar").first).to_be_attached()
    expect(page.get_by_role("button", name="Download as CSV")).to_have_count(0)


def test_wrong_passwords_for_made_up_names_do_not_keep_colleagues_out(server, page, engine):
    base, _ = server
    page.goto(base)
    for i in range(8):  # one person behind the office's shared address
        sign_in(page, f"keksitty{i}", "arvaus")
        expect(page.get_by_text("Väärä nimi tai salasana.")).to_be_visible()
        expect(page.get_by_text("Yritä uudelleen")).to_have_count(0)

    colleague = a_user(engine, "tyokaveri")
    sign_in(page, colleague, PASSWORD)  # the same address, at once
    expect(page.get_by_role("heading", name="Yleiskuva")).to_be_visible()
    names = [e["user"] for e in audit.events(engine=engine, actions=["sign_in_failed"])]
    assert not any(name.startswith("keksitty") for name in names)  # never kept as typed


def test_forged_forwarded_addresses_are_not_believed(server, browser, engine):
    base, _ = server
    for i in range(3):  # the free tries of one name, each from a "different" address
        context = new_context(browser, extra_http_headers={"X-Forwarded-For": f"198.51.100.{i}"})
        page = context.new_page()
        page.goto(base)
        sign_in(page, "arvaaja", "arvaus")
        expect(page.get_by_text("Väärä nimi tai salasana.")).to_be_visible()
        context.close()

    clients = {
        e["details"]["client"] for e in audit.events(engine=engine, actions=["sign_in_failed"])[:3]
    }
    assert clients == {"127.0.0.1"}
    # The name is slowed down however many addresses it came from.
    context = new_context(browser, extra_http_headers={"X-Forwarded-For": "198.51.100.99"})
    page = context.new_page()
    page.goto(base)
    sign_in(page, "arvaaja", "arvaus")
    expect(page.get_by_text("Yritä uudelleen")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [1400, 390])
def test_the_sign_in_screen_names_the_product_and_switches_language(server, browser, width):
    base, _ = server
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="fi-FI")
    page = context.new_page()
    page.goto(base)
    settled(page)
    expect(page.get_by_role("heading", name="Tilannekuva")).to_be_visible()
    expect(page.get_by_text("Tiedolla johtamisen työpöytä")).to_be_visible()
    page.get_by_label("Nimi").fill(ADMIN)  # typed: Streamlit would say "Press Enter to ..."
    expect(page.get_by_text("Press Enter")).to_be_hidden()
    full_page_screenshot(page, Path(f"signin_fi_{width}.png"), width)

    page.get_by_test_id("stRadio").get_by_text("English").click()
    settled(page)
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert "lang=en" in page.url
    page.get_by_label("Name").fill(ADMIN)
    full_page_screenshot(page, Path(f"signin_en_{width}.png"), width)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password", exact=True).press("Enter")  # Enter still signs in
    settled(page)
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    context.close()
