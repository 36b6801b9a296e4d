"""Two app processes on one PostgreSQL, as a municipality runs them behind a proxy, and the
command line importing and removing while both run: the next click in either browser shows
the new figures, and a removed batch is gone from both at once, though each process had the
same figures cached from before."""

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from data_model.db import open_database
from tests.browser.server import ROOT, TIMEOUT_MS, VIEWPORT, settled, streamlit_server
from tests.views import dashboard as d
from tests.views.helpers import xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.postgres]
ANSWERS = "Vastausten määrä"
BEFORE, AFTER = "30", "36"  # 2024's answers shown (Kuu's three in March are hidden), then 6 more


@pytest.fixture
def two_servers(postgres_url, tmp_path) -> Iterator[tuple[str, str]]:
    engine = open_database(postgres_url)
    d.import_municipality(engine)
    engine.dispose()
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    with (
        streamlit_server(first, DATABASE_URL=postgres_url) as one,
        streamlit_server(second, DATABASE_URL=postgres_url) as other,
    ):
        yield one, other


def cli(*args: str) -> list[dict]:
    """A command of `python -m loaders`, as a scheduled job runs it; its JSON lines."""
    done = subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def grain(page: Page, name: str) -> None:
    """A click a manager makes: the Overview's time grain."""
    page.locator(".st-key-overview_grain").get_by_role("radio", name=name, exact=True).click()
    page.wait_for_timeout(300)
    settled(page)


def answers(page: Page):
    card = page.get_by_test_id("stMetric").filter(has_text=ANSWERS)
    return card.get_by_test_id("stMetricValue")


def open_overview(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport=VIEWPORT, locale="fi-FI").new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    settled(page)
    grain(page, "vuosi")  # both grains are cached in each process before anything changes
    expect(answers(page)).to_have_text(BEFORE)
    grain(page, "kuukausi")
    return page


def test_an_import_and_a_removal_show_in_both_processes_at_their_next_click(
    two_servers, browser, postgres_url, tmp_path
):
    pages = [open_overview(browser, url) for url in two_servers]
    more = [d.AURINKO, d.SURVEY, d.QUESTION]
    rows = [["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaus"]]
    rows += [[dt.datetime(2024, 3, 1 + i, 10), *more, 4] for i in range(6)]
    file = tmp_path / "lisaa.xlsx"
    file.write_bytes(xlsx_bytes(rows))

    [imported] = cli("import", str(file), "--json", "--database-url", postgres_url)
    assert imported["status"] == "imported"
    for page in pages:
        grain(page, "vuosi")
        expect(answers(page)).to_have_text(AFTER)

    newest = cli("batches", "--json", "--database-url", postgres_url)[0]
    assert newest["file"] == "lisaa.xlsx"
    cli("remove", str(newest["id"]), "--database-url", postgres_url)
    for page in pages:
        grain(page, "kuukausi")
        grain(page, "vuosi")
        expect(answers(page)).to_have_text(BEFORE)
