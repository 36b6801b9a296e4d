"""The transactional writer of import batches: a loaded file's rows land all at once or not at
all, the same file twice changes nothing, and a batch can be removed with exactly its rows.
Knows nothing of files: importing.py loads them and hands the Loaded tables here.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import bindparam, delete, exists, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from core import personal_text
from core.loaded import Loaded
from core.names import fold
from core.periods import week_starts
from data_model import data_version, fast_insert, feedback_cells
from data_model.models import (
    FACT_TABLES,
    FeedbackComment,
    FeedbackScore,
    ImportBatch,
    MentorReport,
    ServiceArea,
    Target,
    Unit,
    WorkforceMonth,
)


@dataclass(frozen=True)
class StoredBatch:
    """What storing a loaded file did: its batch, the units it names (as stored) and the units
    it created outside the register."""

    batch_id: int
    status: str  # imported, or unchanged when the same file was stored a moment ago
    units: list[str] = field(default_factory=list)
    created_units: list[str] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_batch(*, engine: Engine, digest: str) -> ImportBatch | None:
    with engine.connect() as conn:
        row = conn.execute(select(ImportBatch).where(ImportBatch.sha256 == digest)).first()
    return ImportBatch.model_validate(row._mapping) if row else None


def store_loaded(
    *,
    engine: Engine,
    loaded: Loaded,
    digest: str,
    imported_by: str = "",
    replace: int | None = None,
) -> StoredBatch:
    """Write a loaded file as one batch in one transaction. replace: an earlier batch that the
    file repeats (data_model.overlap), removed in the same transaction, so the rows are never
    counted twice nor lost."""
    first, last = loaded.date_range()
    try:
        with engine.begin() as conn:
            if replace is not None:
                _remove_rows(conn, replace)
            batch_id = conn.execute(
                insert(ImportBatch).values(
                    file_name=personal_text.file_name(loaded.file)[:255],
                    sha256=digest,
                    kind=loaded.kind,
                    form=loaded.form,
                    rows=loaded.rows,
                    answers=loaded.answers(),
                    mean=loaded.mean(),
                    first_date=first,
                    last_date=last,
                    imported_by=imported_by[:255],
                    imported_at=dt.datetime.now(dt.UTC),
                )
            ).inserted_primary_key[0]
            unit_ids, created = _resolve_units(conn, loaded, batch_id)
            stored = _write_tables(conn, loaded, batch_id, unit_ids)
            names = sorted({unit_ids[fold(n)][1] for n in loaded.unit_names()})
            conn.execute(
                update(ImportBatch)
                .where(ImportBatch.id == batch_id)
                .values(stored_rows=stored, unit_names="\n".join(names))
            )
            if replace is not None:  # the units only the replaced batch named go with it
                _drop_unused(conn, replace)
            data_version.bump(conn)
    except IntegrityError:
        # Another replica stored the same file a moment ago.
        earlier = find_batch(engine=engine, digest=digest)
        if earlier is None:
            raise
        return StoredBatch(earlier.id, "unchanged", batch_unit_names(earlier))
    return StoredBatch(batch_id, "imported", names, created)


def batch_unit_names(batch: ImportBatch) -> list[str]:
    return [u for u in batch.unit_names.split("\n") if u]


def _resolve_units(
    conn: Connection, loaded: Loaded, batch_id: int
) -> tuple[dict[str, tuple[int, str]], list[str]]:
    """Map every unit name in the file to (unit id, stored name), creating units as needed.

    Names are folded (case, spaces), so 'Päiväkoti  aurinko' lands on 'Päiväkoti Aurinko'.
    Returns the map and the names created outside the register (for a warning).
    """
    known = _unit_keys(conn)
    if loaded.kind == "units":
        return _write_register(conn, loaded.tables["units"], known, batch_id), []
    missing = {fold(name): name for name in loaded.unit_names() if fold(name) not in known}
    rows = [{"name": n, "name_key": k, "in_register": False} for k, n in sorted(missing.items())]
    _insert_missing(conn, Unit, rows, "name_key")
    return (_unit_keys(conn) if missing else known), sorted(missing.values())


def _unit_keys(conn: Connection) -> dict[str, tuple[int, str]]:
    rows = conn.execute(select(Unit.id, Unit.name_key, Unit.name))
    return {key: (uid, name) for uid, key, name in rows}


def _insert_missing(conn: Connection, table, rows: list[dict], key: str) -> None:
    """Insert rows whose unique key is not stored yet. Another importer may have inserted the
    same key a moment ago: ON CONFLICT DO NOTHING leaves its row, so neither fails; the caller
    reads the ids back. (A deadlock between two importers is retried by importing.store.)"""
    if not rows:
        return
    module = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(module.insert(table).on_conflict_do_nothing(index_elements=[key]), rows)


REGISTER_CHUNK = 5000  # register rows per UPDATE executemany
REGISTER_FIELDS = ("manager", "coaches", "mentors", "coaching_start", "coaching_end", "goal")


def _write_register(
    conn: Connection, frame: pd.DataFrame, known: dict, batch_id: int
) -> dict[str, tuple[int, str]]:
    """The register's units and service areas in a few statements, whatever its length: missing
    areas and units inserted, then every listed unit updated with its register fields."""
    area_names = {fold(a): a for a in frame["service_area"]}
    stored_areas = {fold(n) for n in conn.execute(select(ServiceArea.name)).scalars()}
    new_areas = [{"name": a} for k, a in sorted(area_names.items()) if k not in stored_areas]
    _insert_missing(conn, ServiceArea, new_areas, "name")
    areas = {fold(n): aid for aid, n in conn.execute(select(ServiceArea.id, ServiceArea.name))}
    names = {fold(u): u for u in frame["unit"]}  # in the register's order, which pages keep
    new_units = [
        {"name": n, "name_key": k, "in_register": True} for k, n in names.items() if k not in known
    ]
    _insert_missing(conn, Unit, new_units, "name_key")
    known = _unit_keys(conn) if new_units else known
    fields = [f for f in REGISTER_FIELDS if f in frame]
    updates = [
        {
            "b_id": known[fold(record["unit"])][0],
            "b_area": areas[fold(record["service_area"])],
            **{f"b_{f}": _none(record.get(f)) for f in fields},
        }
        for record in frame.to_dict("records")
    ]
    stmt = (
        update(Unit)
        .where(Unit.id == bindparam("b_id"))
        .values(
            service_area_id=bindparam("b_area"),
            in_register=True,
            batch_id=batch_id,
            **{f: bindparam(f"b_{f}") for f in fields},
        )
    )
    for start in range(0, len(updates), REGISTER_CHUNK):
        conn.execute(stmt, updates[start : start + REGISTER_CHUNK])
    return known


def _none(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def _write_tables(conn: Connection, loaded: Loaded, batch_id: int, unit_ids: dict) -> int:
    stored = 0
    for name, frame in loaded.tables.items():
        if name == "units" or frame.empty:
            stored += len(frame) if name == "units" else 0
            continue
        table, prepared = TABLE_WRITERS[name](frame, batch_id, unit_ids)
        stored += fast_insert.insert_frame(conn, table.__table__, prepared)
        if table is FeedbackScore:
            feedback_cells.refresh(conn, feedback_cells.touched(conn, batch_id))
    return stored


def _with_units(frame: pd.DataFrame, batch_id: int, unit_ids: dict) -> pd.DataFrame:
    """The frame with batch_id and unit_id (from the folded unit name) in place of unit."""
    ids = {name: unit_ids[fold(name)][0] for name in frame["unit"].dropna().unique()}
    unit_id = frame["unit"].map(ids).astype(object).where(frame["unit"].notna(), None)
    return frame.drop(columns="unit").assign(batch_id=batch_id, unit_id=unit_id)


def _dated(frame: pd.DataFrame, batch_id: int, unit_ids: dict) -> pd.DataFrame:
    """Also the year, month and ISO week's Monday queries group by (SQLite has no %V)."""
    days = pd.to_datetime(frame["date"])
    return _with_units(frame, batch_id, unit_ids).assign(
        year=days.dt.year.astype(int),
        month=days.dt.month.astype(int),
        week_start=week_starts(frame["date"]),
    )


def _feedback(frame, batch_id, unit_ids):
    return FeedbackScore, _dated(frame, batch_id, unit_ids)


def _comments(frame, batch_id, unit_ids):
    return FeedbackComment, _with_units(frame, batch_id, unit_ids)


def _workforce(frame, batch_id, unit_ids):
    prepared = _with_units(frame, batch_id, unit_ids)
    prepared["year"] = [m.year for m in prepared["month"]]
    return WorkforceMonth, prepared


def _mentor_reports(frame, batch_id, unit_ids):
    return MentorReport, _dated(frame, batch_id, unit_ids)


def _targets(frame, batch_id, unit_ids):
    return Target, _with_units(frame, batch_id, unit_ids)


TABLE_WRITERS = {
    "feedback": _feedback,
    "comments": _comments,
    "workforce": _workforce,
    "mentor_reports": _mentor_reports,
    "targets": _targets,
}


def list_batches(*, engine: Engine) -> list[ImportBatch]:
    """Every import batch, newest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(ImportBatch).order_by(ImportBatch.id.desc())).all()
    return [ImportBatch.model_validate(r._mapping) for r in rows]


def remove_batch(*, engine: Engine, batch_id: int) -> bool:
    """Undo an import: delete its rows. Units it listed in the register leave the register;
    a unit that is neither in the register nor named by any stored row is deleted."""
    with engine.begin() as conn:
        found = conn.execute(select(ImportBatch.id).where(ImportBatch.id == batch_id)).first()
        if found is None:
            return False
        _remove_rows(conn, batch_id)
        _drop_unused(conn, batch_id)
        data_version.bump(conn)
    return True


def _remove_rows(conn: Connection, batch_id: int) -> None:
    """A batch's rows deleted (its privacy cells recounted); the units it listed in the
    register leave the register."""
    cells = feedback_cells.touched(conn, batch_id)
    for table in FACT_TABLES:
        conn.execute(delete(table).where(table.batch_id == batch_id))
    feedback_cells.refresh(conn, cells)  # before units go: a cell refers to its unit
    conn.execute(
        update(Unit)
        .where(Unit.batch_id == batch_id)
        .values(in_register=False, batch_id=None, service_area_id=None)
    )


def _drop_unused(conn: Connection, batch_id: int) -> None:
    """After _remove_rows: units neither in the register nor named by a stored row, areas no
    unit is in, and the batch itself deleted."""
    used = or_(*(exists().where(t.unit_id == Unit.id) for t in FACT_TABLES))
    conn.execute(delete(Unit).where(~Unit.in_register & ~used))
    unused_area = ~exists().where(Unit.service_area_id == ServiceArea.id)
    conn.execute(delete(ServiceArea).where(unused_area))
    conn.execute(delete(ImportBatch).where(ImportBatch.id == batch_id))
