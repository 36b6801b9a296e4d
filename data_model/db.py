"""The database: one engine per URL from the settings (default: a SQLite file under data/), with
its schema upgraded to the newest Alembic revision on open.

SQLite gets WAL, a busy timeout, foreign keys and helper threads for its sorter on every
connection. Upgrades are serialised between processes (a file lock beside a SQLite file, an
advisory lock on PostgreSQL), so several replicas or CLI runs starting at once on a fresh
database all succeed.
"""

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from core.config import get_settings, normalise_url
from data_model import models

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST_REVISION = "0001"  # the schema the 2026-11-24 release made with create_all
ADVISORY_LOCK_KEY = 7_362_025  # any constant; all replicas of the app use the same one
# SQLite sorts a large GROUP BY in this many helper threads besides its own (an import's recount
# of the privacy cells and totals sorts every touched day row several times: 11.5 s -> 10.0 s of
# SQL for 500 000 answers on two cores, where 1 and 2 helpers measured alike). Small sorts stay
# in memory and use none.
SORTER_THREADS = max(1, min(4, (os.cpu_count() or 2) - 1))


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA threads={SORTER_THREADS}")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for url (default: the settings' database), without touching the schema."""
    url = normalise_url(url) if url else get_settings().url()
    if url.startswith("sqlite"):
        path = _sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_database(url: str | None = None) -> Engine:
    """An engine whose database has the newest schema: what the app, the CLI and tests use."""
    engine = make_engine(url)
    upgrade(engine)
    return engine


def _sqlite_path(url: str) -> Path | None:
    path = url.removeprefix("sqlite:///")
    return None if not path or path == ":memory:" else Path(path)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision, one process at a time.

    A database the 2026-11-24 release made (tables, no alembic_version) is stamped with the
    first revision, which is exactly that schema, and then upgraded with its data intact.
    """
    with _migration_lock(engine) as conn:
        if current_revision(conn) == head_revision():
            return
        config = alembic_config()
        config.attributes["connection"] = conn
        if current_revision(conn) is None and inspect(conn).has_table("import_batch"):
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")
        conn.commit()


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[Connection]:
    """A connection held while no other process migrates the same database."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
            conn.commit()
            try:
                yield conn
            finally:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK_KEY})
                conn.commit()
        return
    path = _sqlite_path(str(engine.url))
    if path is None:
        with engine.connect() as conn:
            yield conn
        return
    with open(f"{path}.migrate-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            with engine.connect() as conn:
                # A batch migration copies a table and drops the old one, which the tables
                # pointing at it would refuse; the keys are checked once it is done.
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                try:
                    yield conn
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the migration broke foreign keys: {broken[:5]}")
                finally:
                    conn.rollback()
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# Lock, deadlock and serialisation failures: another writer was in the way; trying again helps.
TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03"}
TRANSIENT_SQLITE = ("database is locked", "database is busy", "database table is locked")


def is_transient(error: BaseException) -> bool:
    """True for a failure that another transaction caused and a retry may not meet again."""
    if not isinstance(error, DBAPIError):
        return False
    if getattr(error.orig, "sqlstate", None) in TRANSIENT_SQLSTATES:
        return True
    return isinstance(error, OperationalError) and any(
        text in str(error.orig).lower() for text in TRANSIENT_SQLITE
    )


def is_empty(engine: Engine) -> bool:
    """True when no import batch has been stored yet (a brand new database)."""
    with engine.connect() as conn:
        return conn.execute(select(models.ImportBatch.id).limit(1)).first() is None
