"""Load benchmark: many managers at once on one PostgreSQL served by several app processes, while
the command line imports a batch and removes another, as a municipality runs the dashboard.

    .venv/bin/python -m bench.load --database-url postgresql://...@host/db --sessions 5,20,50

N browser sessions (contexts of one headless Chromium, driven by Playwright's async API) are
spread over the app processes and click through the pages the way a manager does (page links,
the Overview's grain, Trends' grouping and grain) for --seconds each round. A third of the way
in, `python -m loaders import` stores a feedback file; two thirds in, `python -m loaders remove`
takes that batch out again. Each click is timed from the click until the script run it starts
has finished (the server's script_finished message: the "server" time) and until the page has
drawn it and is idle. Reported per N: interactions per second over the round, the median and
95th percentile of both times, the errors by kind (an element not drawn or a run not finished
within 60 s, or an error shown on the page; zero expected), each app process's share of the
machine's CPUs over the round and its peak resident memory (its process group, from /proc).

The database should hold the demo or a larger copy: `python -m loaders demo --database-url URL`.
With --sign-in every session signs in first (the demo's admin: `--sign-in admin` with
TILANNEKUVA_LOAD_PASSWORD=demo-admin) and keeps its session by the cookie; a database without
users runs open. A user's scope only narrows the same queries. The browser runs on the same
machine and takes its share of the cores: the figures are what this machine holds with its own
clients, not a server alone. Run by hand, never by the test suite.
"""

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Page, async_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.browser import free_port, healthy

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARGS += ["--disable-component-update", "--disable-sync", "--no-first-run"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
MENU = "[data-testid=stSidebarNav]"
PASSWORD = "input[type=password]"
ERROR = "[data-testid='stException'], [data-testid='stAlertContentError']"
CLICK_TIMEOUT = 60.0  # seconds: a click whose run has not finished by then is an error
# What a manager clicks, in Finnish: (what, CSS of the element, the text it has)
CLICKS = [
    ("page", "[data-testid=stSidebarNav] a", "Yleiskuva"),
    ("grain", ".st-key-overview_grain [role=radio]", "vuosi"),
    ("grain", ".st-key-overview_grain [role=radio]", "kausi"),
    ("grain", ".st-key-overview_grain [role=radio]", "kuukausi"),
    ("page", "[data-testid=stSidebarNav] a", "Kehitys"),
    ("by", ".st-key-trend_by label", "yksiköt"),
    ("by", ".st-key-trend_by label", "koko valinta"),
    ("page", "[data-testid=stSidebarNav] a", "Yksiköt"),
    ("page", "[data-testid=stSidebarNav] a", "Fiilismittari"),
    ("page", "[data-testid=stSidebarNav] a", "Hyvinvointi ja palvelu"),
]


@dataclass
class Round:
    """What one round with N sessions measured."""

    sessions: int
    seconds: float
    times: list[float] = field(default_factory=list)
    server_times: list[float] = field(default_factory=list)  # click -> the run has finished
    errors: list[tuple[str, str]] = field(default_factory=list)  # (what went wrong, detail)
    memory_mb: dict[int, float] = field(default_factory=dict)  # process index -> peak RSS
    cpu_seconds: dict[int, float] = field(default_factory=dict)  # process index -> CPU used
    changes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        kinds = [kind for kind, _ in self.errors]
        return {
            "sessions": self.sessions,
            "seconds": round(self.seconds, 1),
            "interactions": len(self.times),
            "per_second": round(len(self.times) / self.seconds, 2) if self.seconds else None,
            "p50_s": _percentile(self.times, 0.50),
            "p95_s": _percentile(self.times, 0.95),
            "server_p50_s": _percentile(self.server_times, 0.50),
            "server_p95_s": _percentile(self.server_times, 0.95),
            "errors": len(self.errors),
            "errors_by_kind": {kind: kinds.count(kind) for kind in sorted(set(kinds))},
            "error_examples": [f"{kind}: {detail}" for kind, detail in self.errors[:3]],
            "peak_rss_mb": {str(k): round(v) for k, v in self.memory_mb.items()},
            "app_cpu_share": {
                str(k): round(v / self.seconds / (os.cpu_count() or 1), 2)
                for k, v in self.cpu_seconds.items()
            },
            "changes": self.changes,
        }


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    if share == 0.50:
        return round(statistics.median(ordered), 3)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 3)


def start_servers(database_url: str, count: int, work: Path) -> list[tuple[subprocess.Popen, str]]:
    env = {**os.environ, "DATABASE_URL": database_url, "TILANNEKUVA_DEMO": "0"}
    env |= {"TILANNEKUVA_ALLOW_OPEN": "1"}
    env.pop("TILANNEKUVA_PASSWORD", None)
    started = []
    for index in range(count):
        port = free_port()
        command = [str(ROOT / ".venv/bin/streamlit"), "run", "app.py", "--server.port", str(port)]
        command += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
        command += ["--server.fileWatcherType", "none"]
        log = (work / f"streamlit-{index}.log").open("w")
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        started.append((process, f"http://127.0.0.1:{port}"))
    for process, url in started:
        deadline = time.monotonic() + 120
        while not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"an app process did not start: see {work}")
            time.sleep(0.3)
    return started


def stop_servers(started) -> None:
    for process, _ in started:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    for process, _ in started:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _group(pid: int):
    """/proc entries of the processes in the process group of pid (an app and its children)."""
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and os.getpgid(int(entry.name)) == pid:
                yield entry
        except (OSError, ProcessLookupError):
            continue


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (its process group), in MiB."""
    total = 0
    for entry in _group(pid):
        try:
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) the processes of pid's process group have used so far."""
    ticks = 0
    for entry in _group(pid):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


class Session:
    """One manager's browser tab on one app process."""

    def __init__(self, page: Page, url: str, number: int, account: tuple[str, str] | None):
        self.page, self.url, self.number, self.account = page, url, number, account
        self.finished = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        if isinstance(payload, bytes | bytearray):
            message = ForwardMsg()
            message.ParseFromString(bytes(payload))
            self.finished += message.WhichOneof("type") == "script_finished"

    async def open(self) -> None:
        await self.page.goto(self.url, timeout=300_000)
        # The app is idle before its first run too: wait for what that run draws, the sign-in
        # form or (an open app, or a session the cookie kept) the page menu.
        await self.page.wait_for_selector(f"{PASSWORD}, {MENU}", timeout=300_000)
        password = self.page.locator(PASSWORD)
        if self.account and await password.count():  # signs in; the cookie keeps the session
            await self.page.get_by_label("Nimi").fill(self.account[0])
            await password.fill(self.account[1])
            await password.press("Enter")
            await self.page.wait_for_selector(MENU, timeout=300_000)
        await self.page.wait_for_selector(IDLE, timeout=300_000)

    async def click(self, css: str, text: str) -> tuple[float, float]:
        """Seconds from the click until its run has finished on the server, and until the page
        has drawn it and is idle."""
        target = self.page.locator(css, has_text=text).first
        before = self.finished
        start = time.perf_counter()
        await target.click(timeout=CLICK_TIMEOUT * 1000)
        while self.finished == before:
            if time.perf_counter() - start > CLICK_TIMEOUT:
                raise TimeoutError(f"no finished run within {CLICK_TIMEOUT:.0f} s of {text!r}")
            await asyncio.sleep(0.005)
        server = time.perf_counter() - start
        await self.page.wait_for_selector(IDLE, timeout=CLICK_TIMEOUT * 1000)
        seconds = time.perf_counter() - start
        if await self.page.locator(ERROR).count():
            raise RuntimeError(f"an error on the page after {text!r}")
        return server, seconds


def _kind(error: Exception) -> str:
    """What went wrong with a click, in words that tell the app from the harness."""
    text = str(error)
    if "an error on the page" in text:
        return "error shown on the page"
    if "no finished run" in text:
        return "run not finished in time"
    if "Locator.click" in text:
        return "element not drawn in time"
    return type(error).__name__


async def _clicking(session: Session, until: float, measured: Round) -> None:
    """Click through CLICKS in turn, each session starting at a page link of its own (a
    session is on the Overview when it starts, and after an error, where it opens again)."""
    pages = [index for index, (what, _, _) in enumerate(CLICKS) if what == "page"]
    position = pages[session.number % len(pages)]
    while time.monotonic() < until:
        _what, css, text = CLICKS[position % len(CLICKS)]
        try:
            server, seconds = await session.click(css, text)
            measured.server_times.append(server)
            measured.times.append(seconds)
            position += 1
        except Exception as error:  # noqa: BLE001 - counted, the round goes on
            detail = f"session {session.number}: {error}"[:300]
            measured.errors.append((_kind(error), detail))
            with contextlib.suppress(Exception):
                await session.open()
            position = min(p for p in pages + [len(CLICKS)] if p > position % len(CLICKS))
        await asyncio.sleep(random.uniform(0.2, 1.0))  # a manager reads before clicking


def _cli(*args: str) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "loaders", *args], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[:300])
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _feedback_file(folder: Path, stamp: str, database_url: str) -> Path:
    """A small feedback file for a unit of the database, new bytes every round."""
    from openpyxl import Workbook
    from sqlalchemy import select

    from data_model.db import make_engine
    from data_model.models import Unit

    engine = make_engine(database_url)
    with engine.connect() as conn:
        unit = conn.execute(select(Unit.name).order_by(Unit.id).limit(1)).scalar()
    engine.dispose()
    book = Workbook()
    sheet = book.active
    sheet.append(["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaus"])
    for i in range(200):
        day = dt.date(2026, 10, 1) + dt.timedelta(days=i % 28)
        sheet.append([day, unit, f"Kuormitus {stamp}", "Viihtyvyys", 1 + i % 5])
    path = folder / f"kuormitus-{stamp}.xlsx"
    book.save(path)
    return path


async def _changes(database_url: str, seconds: float, work: Path, measured: Round) -> None:
    """An import a third of the way in, its removal two thirds in (off the event loop)."""
    await asyncio.sleep(seconds / 3)
    stamp = f"{time.time_ns()}"
    path = await asyncio.to_thread(_feedback_file, work, stamp, database_url)
    lines = await asyncio.to_thread(
        _cli, "import", str(path), "--json", "--database-url", database_url
    )
    measured.changes.append(f"import: {lines[0]['status'] if lines else '?'}")
    await asyncio.sleep(seconds / 3)
    batches = await asyncio.to_thread(_cli, "batches", "--json", "--database-url", database_url)
    ours = [b for b in batches if b["file"] == path.name]
    if ours:
        await asyncio.to_thread(_cli, "remove", str(ours[0]["id"]), "--database-url", database_url)
        measured.changes.append(f"remove: batch {ours[0]['id']}")


async def _memory(started, until: float, measured: Round) -> None:
    while time.monotonic() < until:
        for index, (process, _) in enumerate(started):
            used = rss_mb(process.pid)
            measured.memory_mb[index] = max(measured.memory_mb.get(index, 0.0), used)
        await asyncio.sleep(1.0)


async def one_round(browser, started, args, sessions: int, work):
    database_url, seconds = args.database_url, args.seconds
    measured = Round(sessions, seconds)
    contexts, opened = [], []
    for number in range(sessions):
        context = await browser.new_context(viewport={"width": 1400, "height": 1000})
        contexts.append(context)
        page = await context.new_page()
        opened.append(Session(page, started[number % len(started)][1], number, args.account))
    await asyncio.gather(*(s.open() for s in opened))
    start = time.monotonic()
    used = [cpu_seconds(process.pid) for process, _ in started]
    until = start + seconds
    changes = asyncio.create_task(_changes(database_url, seconds, work, measured))
    await asyncio.gather(
        *(_clicking(s, until, measured) for s in opened), _memory(started, until, measured)
    )
    measured.seconds = time.monotonic() - start  # the clicking's window, its last clicks too
    for index, (process, _) in enumerate(started):
        measured.cpu_seconds[index] = cpu_seconds(process.pid) - used[index]
    await changes  # a slow import or removal ends before the next round starts
    for context in contexts:
        await context.close()
    return measured


async def run(args) -> list[Round]:
    work = Path(args.work or tempfile.mkdtemp(prefix="tk-load-"))
    work.mkdir(parents=True, exist_ok=True)
    started = start_servers(args.database_url, args.processes, work)
    rounds = []
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for sessions in args.sessions:
                measured = await one_round(browser, started, args, sessions, work)
                rounds.append(measured)
                print(json.dumps(measured.to_json(), ensure_ascii=False), flush=True)
            await browser.close()
    finally:
        stop_servers(started)
    return rounds


def table(rounds: list[Round], processes: int) -> str:
    """The rounds as a Markdown table for docs/performance.md."""
    lines = [
        "| sessions | clicks/s | p50 (server) | p95 (server) | errors | app processes' share "
        f"of the CPUs | peak memory per process ({processes}) |",
        "|---:|---:|---:|---:|---:|---|---|",
    ]
    for measured in rounds:
        row = measured.to_json()
        memory = ", ".join(f"{mb} MiB" for mb in row["peak_rss_mb"].values())
        share = ", ".join(f"{100 * part:.0f} %" for part in row["app_cpu_share"].values())
        errors = "; ".join(f"{n} {kind}" for kind, n in row["errors_by_kind"].items())
        lines.append(
            f"| {row['sessions']} | {row['per_second']} | {row['p50_s']} s "
            f"({row['server_p50_s']} s) | {row['p95_s']} s ({row['server_p95_s']} s) "
            f"| {row['errors']}{f' ({errors})' if errors else ''} | {share} | {memory} |"
        )
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database with data")
    parser.add_argument("--sessions", default="5,20,50", help="N per round, comma-separated")
    parser.add_argument("--processes", type=int, default=2, help="app processes")
    parser.add_argument("--seconds", type=float, default=120.0, help="length of a round")
    parser.add_argument("--work", help="a folder for the app processes' logs")
    parser.add_argument(
        "--sign-in",
        metavar="NAME",
        help="sign every session in as this user (its password in TILANNEKUVA_LOAD_PASSWORD); "
        "without it the database must have no users (the app runs open)",
    )
    args = parser.parse_args(argv)
    args.sessions = [int(n) for n in args.sessions.split(",") if n.strip()]
    password = os.environ.get("TILANNEKUVA_LOAD_PASSWORD", "")
    args.account = (args.sign_in, password) if args.sign_in else None
    rounds = asyncio.run(run(args))
    print(table(rounds, args.processes))


if __name__ == "__main__":
    main()
