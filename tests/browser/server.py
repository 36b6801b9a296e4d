"""Shared pieces of the browser tests: `streamlit run app.py` on a free port with its own
database, Debian's Chromium for Playwright, and waiting for and photographing a page."""

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 1000}
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
TIMEOUT_MS = 30_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


@contextmanager
def streamlit_server(folder: Path, **env: str) -> Iterator[str]:
    """`streamlit run app.py` with a fresh SQLite database in folder; yields its base URL.
    No demo data unless env sets TILANNEKUVA_DEMO=1."""
    port = _free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'e2e.db'}",
        "TILANNEKUVA_DEMO": "0",
        "TILANNEKUVA_ALLOW_OPEN": "1",
        **env,
    }
    if "TILANNEKUVA_PASSWORD" not in env:
        environment.pop("TILANNEKUVA_PASSWORD", None)
    command = [str(ROOT / ".venv" / "bin" / "streamlit"), "run", "app.py"]
    command += ["--server.port", str(port), "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false"]
    # No reloading when a source file changes under the running server (an edit made while
    # the tests run would otherwise re-import the table models mid-journey).
    command += ["--server.fileWatcherType", "none"]
    log = (folder / "streamlit.log").open("w")
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so the whole group can be stopped
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start:\n{(folder / 'streamlit.log').read_text()}")
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
        log.close()


def settled(page: Page, timeout_ms: int = 60_000) -> None:
    """Wait until the app's script run has finished."""
    page.wait_for_selector(IDLE, timeout=timeout_ms)


def full_page_screenshot(page: Page, path: Path, width: int | None = None) -> None:
    """Streamlit scrolls inside its main area, so a full-page shot needs a viewport as tall as
    that area's content.

    The README's pictures under docs/ are rewritten only with UPDATE_SCREENSHOTS=1, so a test
    run leaves the work tree clean; otherwise the shot goes to a temporary folder (the journey
    still renders and captures the page)."""
    if os.environ.get("UPDATE_SCREENSHOTS") != "1":
        path = Path(tempfile.gettempdir()) / "tilannekuva-screenshots" / path.name
    path.parent.mkdir(parents=True, exist_ok=True)
    width = width or VIEWPORT["width"]  # 390: a phone
    page.set_viewport_size({"width": width, "height": VIEWPORT["height"]})
    page.wait_for_timeout(500)
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": width, "height": max(height, VIEWPORT["height"])})
    page.wait_for_timeout(500)  # let the data grids redraw at the new size
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)


def sign_in(page: Page, name: str, password: str, timeout_ms: int = 60_000) -> None:
    """Fill and send the sign-in form (page already opened at the wanted link)."""
    page.get_by_label("Nimi").fill(name, timeout=timeout_ms)
    page.get_by_label("Salasana").fill(password)
    page.get_by_role("button", name="Kirjaudu").click()
    settled(page)
