"""Which stored batch a loaded file repeats: each row's fingerprint (date, unit, survey, question,
group, scale, n, score sum for feedback; the figures for the other kinds) compared in SQL with
the rows stored, so a cumulative export or the same rows re-exported is not counted twice.
"""

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import (
    Column,
    Date,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    case,
    func,
    select,
)
from sqlalchemy.engine import Connection, Engine

from core.loaded import Loaded
from core.names import fold
from data_model import fast_insert
from data_model.models import (
    FeedbackScore,
    ImportBatch,
    MentorReport,
    OwnValue,
    Unit,
    WorkforceMonth,
)

# A batch is reported when the rows it shares with the file are at least half of the file's
# rows, or nearly all of the batch's own (a cumulative export holds the earlier one but its last
# day). Two honest files of one survey share a few identical rows by chance (the same day,
# question and score), not half of the new file nor nearly all of the old.
REPORT_SHARE = 0.5
CONTAINED_SHARE = 0.9

# Per kind: the stored table and the columns a row's fingerprint is made of (besides the unit),
# the row's day (its month, for workforce) first.
FINGERPRINTS = {
    "feedback": (
        FeedbackScore,
        {
            "date": Date,
            "survey": String,
            "question": String,
            "respondent_group": String,
            "scale_min": Integer,
            "scale_max": Integer,
            "n": Integer,
            "score_sum": Float,
        },
    ),
    "workforce": (
        WorkforceMonth,
        {
            "month": Date,
            "headcount": Float,
            "fte": Float,
            "sick_leave_days": Float,
            "short_sick_leaves": Float,
            "new_hires": Float,
            "leavers": Float,
            "overtime_hours": Float,
            "training_days": Float,
            "work_accidents": Float,
        },
    ),
    # An own indicator's unit-month by its figures (the name is the definition's business: the
    # same figures of one unit and month under two names are as good as never met).
    "indicator_values": (
        OwnValue,
        {"month": Date, "value": Float, "numerator": Float, "denominator": Float, "weight": Float},
    ),
    "mentor_reports": (
        MentorReport,
        {
            "date": Date,
            "mentor": String,
            "mood": Float,
            "workload": Float,
            "atmosphere": Float,
            "interaction": Float,
        },
    ),
}


@dataclass(frozen=True)
class Overlap:
    """The stored batch sharing the most rows with a file, and how many."""

    batch_id: int
    file_name: str
    imported_at: datetime
    shared: int  # rows of the file (as stored) found in the batch, each stored row matched once
    rows: int  # the file's rows as stored (a long file's answers are summed per day)
    batch_rows: int  # the batch's stored rows

    @property
    def share(self) -> float:
        """The share of the file's rows that the batch already holds."""
        return self.shared / self.rows if self.rows else 0.0

    def to_json(self) -> dict:
        return {"batch": self.batch_id, "file": self.file_name, "percent": round(100 * self.share)}


def find_overlap(*, engine: Engine, loaded: Loaded, ignore: tuple[str, ...] = ()) -> Overlap | None:
    """The batch of the same kind that already holds most of the file's rows (see REPORT_SHARE),
    or None. Compared in the database: the file's fingerprints go into a temporary table.
    ignore: fingerprint columns left out (a survey named after the file: a re-download of the
    same form has another file name)."""
    if loaded.kind not in FINGERPRINTS or loaded.main.empty:
        return None
    with engine.begin() as conn:
        found = _largest_overlap(conn, loaded, ignore)
    if found is None:
        return None
    overlap = Overlap(**found, rows=len(loaded.main))
    contained = overlap.shared / max(overlap.batch_rows, 1)
    if overlap.share < REPORT_SHARE and contained < CONTAINED_SHARE:
        return None
    return overlap


def _largest_overlap(conn: Connection, loaded: Loaded, ignore: tuple[str, ...]) -> dict | None:
    stored, columns = FINGERPRINTS[loaded.kind]
    day = next(iter(columns))  # each fingerprint begins with the row's day
    if not _any_stored_on_its_days(conn, loaded, stored, day):
        return None  # no row can be shared: the first file of a period, or of its units
    columns = {name: kind for name, kind in columns.items() if name not in ignore}
    probe = _probe_table(columns)
    probe.create(conn)
    try:
        frame = loaded.main
        fingerprints = frame[list(columns)].assign(unit_key=[fold(u) for u in frame["unit"]])
        fast_insert.insert_frame(conn, probe, fingerprints)
        return _query(conn, probe, stored, list(columns))
    finally:
        probe.drop(conn)


def _any_stored_on_its_days(conn: Connection, loaded: Loaded, stored, day: str) -> bool:
    """Whether any row of the kind is stored for a unit the file names within the file's first
    and last day (month, for workforce): a shared row needs both, so when none is, comparing
    every row (a second or so at 500 000 answers) would find nothing. By the (unit, day) index."""
    first, last = loaded.date_range()
    if first is None or pd.isna(first):
        return True  # nothing to narrow by: compare
    first, last = pd.Timestamp(first).date(), pd.Timestamp(last).date()
    keys = [fold(name) for name in loaded.unit_names()]
    table = stored.__table__
    unit_ids = select(Unit.id).where(Unit.name_key.in_(keys)).scalar_subquery()
    found = select(table.c.id).where(
        table.c.unit_id.in_(unit_ids), table.c[day].between(first, last)
    )
    return conn.execute(found.limit(1)).first() is not None


def _probe_table(columns: dict) -> Table:
    return Table(
        "overlap_probe",
        MetaData(),
        Column("unit_key", String),
        *(Column(name, kind) for name, kind in columns.items()),
        prefixes=["TEMPORARY"],
    )


def _query(conn: Connection, probe: Table, stored, names: list[str]) -> dict | None:
    """Multiset overlap per batch: a fingerprint the file has 3 times and a batch 2 times shares
    2 rows, so identical rows (one answer of 4 on the same day) are not over-counted."""

    def key_of(source):
        return [source.c.unit_key, *(source.c[n] for n in names)]

    key = key_of(probe)
    wanted = select(*key, func.count().label("copies")).group_by(*key).subquery("wanted")
    table = stored.__table__
    same = [table.c[n].is_not_distinct_from(wanted.c[n]) for n in names]
    per_print = (
        select(table.c.batch_id, func.count().label("stored"), wanted.c.copies)
        .select_from(wanted)
        .join(Unit, Unit.name_key == wanted.c.unit_key)
        .join(table, and_(table.c.unit_id == Unit.id, *same))
        .group_by(table.c.batch_id, wanted.c.copies, *key_of(wanted))
        .subquery("per_print")
    )
    least = case(
        (per_print.c.stored < per_print.c.copies, per_print.c.stored), else_=per_print.c.copies
    )
    shared = func.sum(least).label("shared")
    best = (
        select(per_print.c.batch_id, shared)
        .group_by(per_print.c.batch_id)
        .order_by(shared.desc(), per_print.c.batch_id.desc())
        .limit(1)
        .subquery("best")
    )
    batch = ImportBatch.__table__
    row = conn.execute(
        select(best, batch.c.file_name, batch.c.imported_at).join(
            batch, batch.c.id == best.c.batch_id
        )
    ).first()
    if row is None:
        return None
    batch_rows = conn.execute(
        select(func.count()).select_from(table).where(table.c.batch_id == row.batch_id)
    ).scalar_one()
    return {
        "batch_id": row.batch_id,
        "file_name": row.file_name,
        "imported_at": row.imported_at,
        "shared": int(row.shared),
        "batch_rows": int(batch_rows),
    }
