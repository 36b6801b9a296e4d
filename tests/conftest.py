"""Shared test fixtures: a throwaway PostgreSQL server, fresh databases on SQLite and PostgreSQL.

Every test gets its own DATABASE_URL (a SQLite file in tmp_path), so none touches data/.
"""

import copy
import glob
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

PG_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _postgres_required() -> bool:
    return bool(os.environ.get("REQUIRE_POSTGRES")) or os.environ.get("CI") == "true"


def _no_postgres(reason: str) -> None:
    """Fail loudly where PostgreSQL must be tested (CI), else skip with the reason."""
    if _postgres_required():
        pytest.fail(f"PostgreSQL is required (REQUIRE_POSTGRES or CI) but {reason}", pytrace=False)
    print(f"\nSkipping PostgreSQL tests: {reason}")
    pytest.skip(f"no PostgreSQL: {reason}")


def _admin_conninfo(base_url: str) -> str:
    """A libpq URI for the maintenance database `postgres` of the server at base_url."""
    url = make_url(base_url).set(drivername="postgresql", database="postgres")
    return url.render_as_string(hide_password=False)


def _pg_binary(name: str) -> str | None:
    """Debian's newest /usr/lib/postgresql/N/bin/NAME, else NAME on PATH."""

    def version(path: str) -> int:
        number = Path(path).parent.parent.name
        return int(number) if number.isdigit() else 0

    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(*command: str) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run the command as the `postgres` user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {result.stdout}{result.stderr}".strip())


@pytest.fixture(scope="session")
def postgres_server():
    """Base URL of a PostgreSQL server: TEST_DATABASE_URL's, or a throwaway cluster of our own."""
    given = os.environ.get("TEST_DATABASE_URL", "").strip()
    if given:
        base = make_url(given).set(drivername="postgresql+psycopg", database="")
        base_url = base.render_as_string(hide_password=False)
        try:
            psycopg.connect(_admin_conninfo(base_url), connect_timeout=10).close()
        except psycopg.Error as error:
            _no_postgres(f"TEST_DATABASE_URL cannot be reached: {error}")
        yield base_url
        return

    initdb, pg_ctl = _pg_binary("initdb"), _pg_binary("pg_ctl")
    if not initdb or not pg_ctl:
        _no_postgres("initdb/pg_ctl not found (install Debian's `postgresql` package)")

    folder = Path(tempfile.mkdtemp(prefix="tk-pg-"))
    data_dir, log_file, port = folder / "data", folder / "server.log", _free_port()

    def stop_and_remove() -> None:
        if (data_dir / "postmaster.pid").exists():
            stop = [pg_ctl, "-D", str(data_dir), "-m", "immediate", "-w", "stop"]
            subprocess.run(_as_postgres(*stop), capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)

    try:
        if os.geteuid() == 0:
            shutil.chown(folder, user="postgres", group="postgres")
        _run(_as_postgres(initdb, "-D", str(data_dir), "-A", "trust", "-U", "postgres"))
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 {PG_OPTIONS}"
        start = [pg_ctl, "-D", str(data_dir), "-l", str(log_file), "-o", options, "-w", "start"]
        _run(_as_postgres(*start))
    except (OSError, LookupError, RuntimeError, subprocess.TimeoutExpired) as error:
        log = log_file.read_text(errors="replace") if log_file.exists() else ""
        stop_and_remove()
        _no_postgres(f"the test server did not start: {error}\n{log}".strip())

    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/"
    finally:
        stop_and_remove()


@pytest.fixture
def postgres_url(postgres_server):
    """SQLAlchemy URL of a new, empty PostgreSQL database, dropped after the test."""
    name = f"tk_{uuid.uuid4().hex[:12]}"
    admin = _admin_conninfo(postgres_server)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    # The engine fixture has disposed its pool by now; FORCE ends any connection a test left open.
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(drop)


@pytest.fixture
def sqlite_url(tmp_path):
    """SQLAlchemy URL of a new SQLite file in the test's own folder."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request):
    """The URL of a fresh database, once on SQLite and once on PostgreSQL."""
    fixture = {"sqlite": "sqlite_url", "postgresql": "postgres_url"}[request.param]
    return request.getfixturevalue(fixture)


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of one SQLite file into another (SQLite's online backup)."""
    source_conn, target_conn = sqlite3.connect(source), sqlite3.connect(target)
    try:
        source_conn.backup(target_conn)
    finally:
        source_conn.close()
        target_conn.close()


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory) -> Path:
    """An empty SQLite file at the newest schema, made once per test process: a test's fresh
    database is a copy of it (a copy takes 10 ms, running every migration 80-100 ms)."""
    from data_model.db import open_database

    path = tmp_path_factory.mktemp("migrated") / "empty.db"
    open_database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def fresh_sqlite(_migrated_sqlite) -> Callable[[str], None]:
    """fresh_sqlite(url): a SQLite URL's file, if it does not exist yet, becomes an empty
    database at the newest schema (other URLs are left alone)."""

    def make(url: str) -> None:
        path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
        if path is not None and not path.exists():
            copy_sqlite(_migrated_sqlite, path)

    return make


@pytest.fixture
def engine(db_url, fresh_sqlite):
    """An engine on a fresh database with all tables created (both backends)."""
    from data_model.db import open_database

    fresh_sqlite(db_url)
    engine = open_database(db_url)
    yield engine
    engine.dispose()


_FILLED: dict[str, tuple[Path, object]] = {}


@pytest.fixture
def filled_once(tmp_path_factory) -> Callable:
    """filled_once(engine, name, fill): fill(engine)'s rows and return value, computed once per
    test process on SQLite under that name, and copied into the engine's (empty) database for
    every later test. On PostgreSQL, or where an earlier fixture has stored something already,
    fill runs every time. fill must do the same every time it runs: the same rows, the same ids,
    the same value (the name says what it fills)."""

    def fill_once(engine, name: str, fill: Callable):
        from data_model.backup import is_blank

        if engine.dialect.name != "sqlite" or not is_blank(engine):
            return fill(engine)
        target = Path(engine.url.database)
        if name in _FILLED:
            kept, value = _FILLED[name]
            engine.dispose()
            copy_sqlite(kept, target)
        else:
            value = fill(engine)
            kept = tmp_path_factory.mktemp("filled") / f"{name}.db"
            engine.dispose()
            copy_sqlite(target, kept)
            _FILLED[name] = (kept, value)
        return copy.deepcopy(value)

    return fill_once


@pytest.fixture(autouse=True)
def _isolated_database_url(monkeypatch, tmp_path):
    """Point DATABASE_URL at a SQLite file of this test, never at the developer's data/."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'default.db'}")


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashes():
    """argon2id at its smallest cost inside the test process (a hash in a millisecond, not
    80 ms); the app, the CLI and the browser tests' servers hash as deployed."""
    from argon2 import PasswordHasher

    from data_model import users

    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    kept = users._HASHER, users._DUMMY_HASH
    users._HASHER, users._DUMMY_HASH = quick, quick.hash("no such user")
    yield
    users._HASHER, users._DUMMY_HASH = kept


@pytest.fixture(autouse=True)
def _no_own_indicators_left_in_use():
    """The page layer and the command line hand the catalog a source of own indicators
    (core.indicators.use_own); no test's source outlives it."""
    from core import indicators

    yield
    indicators.use_own(None)
