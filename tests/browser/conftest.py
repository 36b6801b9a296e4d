"""Fixtures of the browser tests: one Chromium per session, a fresh Finnish page per test."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, VIEWPORT

# A busy machine (CI runs the whole suite in parallel) can take longer than Playwright's five
# seconds to sign in and draw a page; assertions wait as long as actions do.
expect.set_options(timeout=TIMEOUT_MS)


def _browser_required() -> bool:
    return bool(os.environ.get("REQUIRE_BROWSER")) or os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} not found (install Debian's `chromium` package)"
        if _browser_required():
            pytest.fail(f"the browser tests are required (REQUIRE_BROWSER or CI) but {reason}")
        print(f"\nSkipping browser tests: {reason}")
        pytest.skip(f"no browser: {reason}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT, locale="fi-FI")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()
