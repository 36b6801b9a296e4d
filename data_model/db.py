"""The one database engine, built from DATABASE_URL (default: a SQLite file under data/).

SQLite gets WAL, a busy timeout and foreign keys on every connection.
"""

import os
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine

from data_model import models  # noqa: F401  (registers the tables)

DEFAULT_SQLITE_PATH = Path(__file__).resolve().parent.parent / "data" / "tilannekuva.db"


def database_url() -> str:
    """The configured database URL: DATABASE_URL, else the SQLite file under data/."""
    url = os.environ.get("DATABASE_URL", "").strip()
    return normalise_url(url) if url else f"sqlite:///{DEFAULT_SQLITE_PATH}"


def normalise_url(url: str) -> str:
    """Give plain postgres:// URLs (as hosting platforms hand out) the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """Build an engine for url (default: database_url()) and create missing tables."""
    url = normalise_url(url) if url else database_url()
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    SQLModel.metadata.create_all(engine)
    return engine


def is_empty(engine: Engine) -> bool:
    """True when no import batch has been stored yet (a brand new database)."""
    from sqlmodel import select

    with Session(engine) as session:
        return session.exec(select(models.ImportBatch.id).limit(1)).first() is None
