"""Backups that restore: a consistent copy of a live database as one portable SQLite file, and its
restore into an empty database of either kind, so moving from SQLite to PostgreSQL is supported.

A backup of SQLite is SQLite's own online backup (a page-by-page copy that other connections may
write through). A backup of PostgreSQL is read in one REPEATABLE READ transaction (a snapshot
that needs no superuser and no pg_dump) into a SQLite file with the same schema. Either way the
file is an ordinary database of the app at the revision the source had, and restoring one
first brings a copy of it to the newest revision, so an older backup restores into a newer
release. Every table is copied, the derived totals and privacy cells too, so a restored
database shows every page exactly as before without recounting anything.
"""

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Integer, Table, delete, func, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from data_model import data_version, models  # noqa: F401  (models: every table on the metadata)
from data_model.db import current_revision, head_revision, make_engine, open_database, upgrade

CHUNK = 10_000  # rows read and written at a time


class BackupError(ValueError):
    """A backup or restore that must not go ahead; the message says why and what to do."""


@dataclass
class Copied:
    """What a backup or restore copied: rows per table, and the schema revision."""

    revision: str | None
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def to_json(self) -> dict:
        return {"revision": self.revision, "rows": self.rows, "tables": self.tables}


def tables() -> list[Table]:
    """Every table of the app, each after the tables it refers to."""
    return list(SQLModel.metadata.sorted_tables)


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in tables()
        }


def is_blank(engine: Engine) -> bool:
    """True when no table of the app holds a row (a database just created)."""
    return not any(row_counts(engine).values())


def backup(*, engine: Engine, out: Path) -> Copied:
    """Write a consistent copy of the database behind engine to out (a new SQLite file)."""
    out = Path(out)
    if out.exists():
        raise BackupError(f"{out} exists already: name a new file for the backup")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        if engine.dialect.name == "sqlite":
            revision = _sqlite_backup(engine, partial)
        else:
            revision = _snapshot_backup(engine, partial)
        partial.rename(out)  # never a half-written file under the name asked for
    finally:
        partial.unlink(missing_ok=True)
    copy = make_engine(f"sqlite:///{out}")
    try:
        return Copied(revision, row_counts(copy))
    finally:
        copy.dispose()


def _sqlite_backup(engine: Engine, out: Path) -> str | None:
    raw = engine.raw_connection()
    try:
        target = sqlite3.connect(out)
        try:
            raw.driver_connection.backup(target)
        finally:
            target.close()
    finally:
        raw.close()
    with engine.connect() as conn:
        return current_revision(conn)


def _snapshot_backup(engine: Engine, out: Path) -> str | None:
    with engine.connect() as source:
        source.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        revision = current_revision(source)
        if revision != head_revision():
            raise BackupError(
                f"the database is at revision {revision}, this release at {head_revision()}: "
                "start the app (or any command) once so it is upgraded, then back it up"
            )
        target = open_database(f"sqlite:///{out}")
        try:
            with target.begin() as conn:
                for table in tables():
                    _write(conn, table, _read(source, table))
        finally:
            target.dispose()
        source.rollback()
    return revision


def _read(conn: Connection, table: Table) -> Iterator[list[dict]]:
    """The table's rows in chunks, in primary-key order."""
    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    for chunk in result.mappings().partitions(CHUNK):
        yield [dict(row) for row in chunk]


def _write(conn: Connection, table: Table, chunks: Iterator[list[dict]]) -> int:
    written = 0
    for chunk in chunks:
        if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
            names = [c.name for c in table.columns]
            quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
            name = conn.dialect.identifier_preparer.format_table(table)
            cursor = conn.connection.driver_connection.cursor()
            with cursor.copy(f"COPY {name} ({quoted}) FROM STDIN") as copy:
                for row in chunk:
                    copy.write_row([row[n] for n in names])
        else:
            conn.execute(insert(table), chunk)
        written += len(chunk)
    return written


def restore(*, source: Path, engine: Engine, force: bool = False) -> Copied:
    """Restore the backup file source into the database behind engine, in one transaction.
    The database must hold no rows unless force (then everything in it is replaced)."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    _check_is_backup(source)
    with tempfile.TemporaryDirectory(prefix="tk-restore-") as folder:
        copy_path = Path(folder) / "backup.db"
        shutil.copyfile(source, copy_path)
        copy = open_database(f"sqlite:///{copy_path}")  # an older backup upgraded, on a copy
        try:
            with copy.connect() as conn:
                revision = current_revision(conn)
            upgrade(engine)  # an empty database gets the app's tables first
            counts = row_counts(engine)
            if any(counts.values()) and not force:
                raise BackupError(
                    f"the database is not empty ({counts['import_batch']} import batches, "
                    f"{counts['app_user']} users, {sum(counts.values())} rows in all): restore "
                    "into an empty database, or add --force to replace everything in it"
                )
            copied = Copied(revision)
            replaced = data_version.current(engine=engine)
            with copy.connect() as reader, engine.begin() as conn:
                for table in reversed(tables()):
                    conn.execute(delete(table))
                for table in tables():
                    copied.tables[table.name] = _write(conn, table, _read(reader, table))
                if conn.dialect.name == "postgresql":
                    _reset_sequences(conn)
                # Past both the restored and the replaced version: a process that cached figures
                # under a number must never see that number again for other figures.
                data_version.set_past(conn, replaced)
        finally:
            copy.dispose()
    return copied


def _check_is_backup(path: Path) -> None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a backup of this app ({error})") from None
    if not {"import_batch", "unit", "feedback_score"} <= names:
        raise BackupError(f"{path} is not a backup of this app (its tables are not the app's)")


def _reset_sequences(conn: Connection) -> None:
    """The next id of every table continues after the largest one restored."""
    for table in tables():
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer) or not column.autoincrement:
                continue
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            ).scalar()
            if sequence:
                conn.execute(
                    text(
                        f'SELECT setval(:sequence, COALESCE((SELECT max("{column.name}") '
                        f'FROM "{table.name}"), 0) + 1, false)'
                    ),
                    {"sequence": sequence},
                )


def stamp() -> str:
    """A file name for a backup made now: tilannekuva-20261206-1430.db."""
    return f"tilannekuva-{dt.datetime.now():%Y%m%d-%H%M}.db"
