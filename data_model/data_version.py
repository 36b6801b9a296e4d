"""The data version: a number that grows with every change to the data behind the figures
(an import, a removal, targets, settings, indicators, users, source profiles), bumped in the
same transaction as the change. Every app process keys its cached figures by it and reads it
once per interaction, so a change made by another process, the command line or the folder
watcher shows everywhere at the next click, with no time-to-live to wait out."""

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine

from data_model.models import DataVersion


def bump(conn: Connection) -> None:
    """Count one change, inside the caller's transaction (so it commits or rolls back with the
    change itself). Call it last in the transaction: on PostgreSQL the row stays locked until
    the commit, and concurrent writers wait only for that moment."""
    changed = conn.execute(
        update(DataVersion).where(DataVersion.id == 1).values(version=DataVersion.version + 1)
    )
    if changed.rowcount == 0:  # a database whose row was lost: start again at 1
        conn.execute(insert(DataVersion).values(id=1, version=1))


def set_past(conn: Connection, *seen: int) -> None:
    """After the rows were replaced wholesale (a restore): the version moves past every number
    given and past the one the rows brought, so no cached figure is ever served again."""
    now = conn.execute(select(DataVersion.version).where(DataVersion.id == 1)).scalar() or 0
    after = max(now, *seen) + 1
    changed = conn.execute(update(DataVersion).where(DataVersion.id == 1).values(version=after))
    if changed.rowcount == 0:
        conn.execute(insert(DataVersion).values(id=1, version=after))


def current(*, engine: Engine) -> int:
    """The version now (0 when nothing has changed since the database was made)."""
    with engine.connect() as conn:
        return conn.execute(select(DataVersion.version).where(DataVersion.id == 1)).scalar() or 0
