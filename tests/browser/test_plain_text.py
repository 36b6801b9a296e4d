"""Text from files and users is shown as plain text on every page of a running app: unit
names, service area, manager, goal, survey, question, mentor, notes, comments, a user's name,
and on the Import page the file, sheet and header names hold Markdown and HTML payloads. In the
rendered DOM of every page: no link or image pointing outside, no bold from a payload, no maths,
no script ran, and the payloads' literal text is what the reader sees."""

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from data_model import users
from data_model.db import open_database
from importing import import_file
from tests.browser.server import settled, sign_in, streamlit_server
from tests.views.helpers import XLSX_MIME, xlsx_bytes

pytestmark = pytest.mark.browser

BOLD = "**bold**"
LINK = "[link](http://example.com)"
IMAGE = "![img](http://example.com/x.png)"
HTML = "<img src=x onerror=alert(1)>"
COLOUR, MATHS = ":red[x]", "$x^2$"

UNIT_A = f"Päiväkoti {BOLD} {LINK}"
UNIT_B = f"Koti {IMAGE} {COLOUR} {MATHS}"
AREA = f"Alue _em_ <b>b</b> www.example.com {HTML}"
MANAGER = f"Maija {BOLD} :material/home:"
GOAL = f"Tavoite {LINK} {HTML}"
SURVEY = f"Kysely {BOLD} {COLOUR}"
QUESTION = f"Kysymys {LINK} {MATHS}"
MENTOR = f"Sanna {COLOUR} {BOLD}"
NOTE = f"Havainto {IMAGE} {LINK}"
COMMENT = f"Kommentti {IMAGE} {HTML}"
ADMIN, PASSWORD = f"Pääkäyttäjä {BOLD} {HTML}", "pääkäyttäjän-salasana"

# On the Import page: a file, a sheet (Excel forbids [ ] * : in its name) and a header.
UPLOAD_NAME = f"palaute {BOLD} {LINK}.xlsx"
UPLOAD_SHEET = HTML
UPLOAD_HEADER = f"Huomio {BOLD} {LINK}"
UPLOAD_UNIT = f"Uusi {BOLD} {IMAGE}"


def _register() -> bytes:
    header = [
        "Yksikkö",
        "Palvelualue",
        "Esihenkilö",
        "Valmentajat",
        "Mentorit",
        "Valmennus alkaa",
        "Valmennus päättyy",
        "Tavoite",
    ]
    start, end = dt.datetime(2024, 1, 8), dt.datetime(2025, 6, 30)
    rows = [
        [unit, AREA, MANAGER, f"Valmentaja {LINK}", MENTOR, start, end, GOAL]
        for unit in (UNIT_A, UNIT_B)
    ]
    return xlsx_bytes([header, *rows])


def _feedback() -> bytes:
    rows = [["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaus", "Kommentti"]]
    for unit in (UNIT_A, UNIT_B):
        for i in range(12):
            day = dt.datetime(2024, 3, 1) + dt.timedelta(days=i)
            rows.append([day, unit, SURVEY, QUESTION, 3 + i % 3, COMMENT if i == 0 else None])
    return xlsx_bytes(rows)


def _mentor_reports() -> bytes:
    """Unit A's mood is low (2) two months running, so the feeling meter raises it."""
    rows = [["Päivämäärä", "Yksikkö", "Mentori", "Fiilis", "Havainnot"]]
    for unit in (UNIT_A, UNIT_B):
        for month, mood in ((1, 4), (2, 2), (3, 2)):
            rows.append(
                [dt.datetime(2024, month, 12), unit, MENTOR, mood if unit == UNIT_A else 4, NOTE]
            )
    return xlsx_bytes(rows)


def _upload() -> bytes:
    """A feedback file the Import page previews: its sheet and one header are payloads, and it
    names a unit the register does not know (a warning quoting it)."""
    rows = [["Päivämäärä", "Yksikkö", "Kysymys", "Vastaus", UPLOAD_HEADER]]
    rows += [[dt.datetime(2024, 4, d), UPLOAD_UNIT, "Viihtyy", 4, "x"] for d in range(1, 4)]
    return xlsx_bytes(rows, sheet=UPLOAD_SHEET)


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[tuple[str, dict]]:
    folder = tmp_path_factory.mktemp("plain")
    engine = open_database(f"sqlite:///{folder / 'e2e.db'}")
    files = {
        "yksikot.xlsx": _register(),
        f"palaute {LINK}.xlsx": _feedback(),
        "mentorit.xlsx": _mentor_reports(),
    }
    for name, data in files.items():
        result = import_file(engine=engine, file_name=name, data=data, imported_by=ADMIN)
        assert result.status == "imported", (name, result.error and result.error.message("en"))
    from data_model import reference

    units = {u["name"]: u["id"] for u in reference.units(engine=engine)}
    users.add_user(engine=engine, name=ADMIN, role="admin", password=PASSWORD)
    users.add_user(
        engine=engine, name=f"Katsoja {LINK}", role="viewer", password=PASSWORD, all_units=True
    )
    engine.dispose()
    with streamlit_server(folder, TILANNEKUVA_ALLOW_OPEN="0") as url:
        yield url, units


@pytest.fixture
def signed_in(app, page) -> tuple[str, dict, list]:
    """The app and a page that records any dialog a script would open."""
    url, units = app
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return url, units, dialogs


DOM_FACTS = """() => {
  const outside = (u) => u && !u.startsWith(location.origin) && !u.startsWith('data:')
    && !u.startsWith('blob:') && !u.startsWith('about:');
  return {
    links: [...document.querySelectorAll('a[href]')].map((a) => a.href).filter(outside),
    images: [...document.querySelectorAll('img[src], image[href]')]
      .map((i) => i.src || i.getAttribute('href')).filter(outside),
    bold: [...document.querySelectorAll('strong, b, em')].map((e) => e.textContent)
      .filter((t) => t.includes('bold') || t === 'b' || t === 'em'),
    maths: document.querySelectorAll('.katex').length,
    handlers: document.querySelectorAll('[onerror]').length,
    text: document.body.innerText.replaceAll('\\u2060', ''),
  };
}"""


def _assert_plain(page: Page, dialogs: list, *literals: str) -> None:
    settled(page)
    page.wait_for_timeout(500)  # let charts and grids draw
    facts = page.evaluate(DOM_FACTS)
    assert facts["links"] == [], "a link points outside"
    assert facts["images"] == [], "an image loads from outside"
    assert facts["bold"] == [], "a payload was styled"
    assert (facts["maths"], facts["handlers"], dialogs) == (0, 0, [])
    for literal in (ADMIN, *literals):  # the sidebar says who is signed in, on every page
        assert literal in facts["text"], f"{literal!r} not shown as written: {facts['text']}"


def _open(page: Page, url: str, path: str) -> None:
    """Open a link as the admin: signing in on the first load (the link's page and filters are
    kept), and later loads keep the session by its cookie."""
    page.goto(f"{url}/{path}")
    settled(page)
    if page.get_by_role("heading", name="Kirjaudu sisään").count():
        sign_in(page, ADMIN, PASSWORD)


def test_overview_trends_and_feeling_meter_show_names_as_written(signed_in, page):
    url, units, dialogs = signed_in
    chosen = f"units={units[UNIT_A]},{units[UNIT_B]}"
    _open(page, url, f"?{chosen}")
    expect(page.get_by_role("heading", name="Yleiskuva")).to_be_visible()
    _assert_plain(page, dialogs, UNIT_A, UNIT_B)

    _open(page, url, f"trends?{chosen}")
    _assert_plain(page, dialogs, UNIT_A, UNIT_B)

    _open(page, url, "feeling_meter")
    _assert_plain(page, dialogs, UNIT_A, AREA)


@pytest.mark.parametrize("unit", [UNIT_A, UNIT_B])
def test_a_units_dashboard_shows_its_register_and_reports_as_written(signed_in, page, unit):
    url, units, dialogs = signed_in
    _open(page, url, f"units?unit={units[unit]}")
    expect(page.get_by_role("heading", name=re.compile("Päiväkoti|Koti")).first).to_be_visible()
    _assert_plain(page, dialogs, unit, AREA, MANAGER, GOAL, NOTE, MENTOR)


def test_the_import_page_shows_file_sheet_and_header_names_as_written(signed_in, page):
    url, _, dialogs = signed_in
    _open(page, url, "import_data")
    upload = {"name": UPLOAD_NAME, "mimeType": XLSX_MIME, "buffer": _upload()}
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(upload)
    expect(page.get_by_test_id("stAlert").first).to_be_visible()
    settled(page)
    _assert_plain(page, dialogs, UPLOAD_NAME, UPLOAD_SHEET, UPLOAD_HEADER, UPLOAD_UNIT)


def test_settings_users_and_audit_pages_show_user_names_as_written(signed_in, page):
    url, _, dialogs = signed_in
    for path in ("settings", "users", "audit"):
        _open(page, url, path)
        _assert_plain(page, dialogs)
