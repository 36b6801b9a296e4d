"""The privacy cells of feedback (models.FeedbackCell): each unit's answers per question and
calendar month, with its smallest week and day; and the totals every figure reads, one table per
line of models.TOTALS: per question and unit at each grain, each row carrying its cell's figures
so no query joins the cells, and summed from those over questions (per unit) or over units (the
organisation). A batch's store or removal recounts, in its own transaction, exactly what it
changed: its cells (with their days, weeks and month), each touched unit's weeks of those months
summed over its questions, and the organisation's days and months of the touched questions.

A cell spans batches, so it is recounted from every stored row of it, not added to. Concurrent
importers take turns here (an advisory lock on PostgreSQL; SQLite has one writer), so each
recount sees the rows the other committed.

The counting is done in pandas, a column at a time: the touched cells' day rows (a stored batch's
own rows come from memory, the other batches' from the database), summed per cell and day, then
per week and month. The database only deletes the touched rows and takes the new ones, each
table's in the order of its index. A sum over cells the batch did not touch (another question
of a unit's week, another unit of the organisation's day) is read from the database already
grouped and added to the new cells' part.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.engine import Connection

from core.feedback_figures import CELL_KEYS, OPTIONAL_SUMS, SUMS
from data_model import fast_insert
from data_model.models import RULE_FIGURE, TOTAL_MODELS, FeedbackCell, FeedbackScore

F = FeedbackScore
KEYS = CELL_KEYS
LOCK_KEY = 7_412_603  # any constant; distinct from the schema upgrade's lock
# Written from the day rows with their cells, then summed from those over questions or units.
PER_QUESTION = tuple(t for t in TOTAL_MODELS if t.spec.grouping == "question")
SUMMED = tuple(t for t in TOTAL_MODELS if t.spec.grouping != "question")
CELL_KEY = (*KEYS, "detailed")  # a privacy cell's (models.FeedbackCell's unique key)
# Which optional sums a row knows: rows are summed apart by these, so every total gives exactly
# what the day rows give. "detailed" (single answers known: positive_n given) is also the cell's.
KNOWN = tuple(f"{s}_known" for s in OPTIONAL_SUMS)
DETAILED = "positive_n_known"
ROW_COLUMNS = (*KEYS, "week_start", "date", *SUMS)
REBUILD_MONTHS = 3  # months recounted at a time by rebuild_all (memory, not speed)


@dataclass(frozen=True)
class Touched:
    """The privacy cells a batch's feedback rows fall in (a frame of CELL_KEY); with `rows`,
    the batch's own day rows in memory (a stored batch: the database is asked only for the other
    batches' rows of those cells)."""

    cells: pd.DataFrame
    batch_id: int | None = None
    rows: pd.DataFrame | None = None


def touched(conn: Connection, batch_id: int) -> Touched | None:
    """The cells of a stored batch's feedback; None when it has no feedback rows."""
    columns = [*(getattr(F, k) for k in KEYS), F.positive_n.is_not(None).label("detailed")]
    found = conn.execute(select(*columns).where(F.batch_id == batch_id).distinct()).all()
    if not found:
        return None
    cells = pd.DataFrame.from_records(found, columns=list(CELL_KEY))
    return Touched(_cell_types(cells))


def touched_by(frame: pd.DataFrame, batch_id: int) -> Touched | None:
    """The cells of a batch's day rows as the store writes them (frame), kept with them."""
    if frame.empty:
        return None
    rows = day_rows(frame)
    cells = rows[list(KEYS)].assign(detailed=rows[DETAILED]).drop_duplicates()
    return Touched(cells.reset_index(drop=True), batch_id, rows)


def _cell_types(cells: pd.DataFrame) -> pd.DataFrame:
    return cells.astype(
        {
            "unit_id": "int64",
            "year": "int64",
            "month": "int64",
            "scale_min": "int64",
            "scale_max": "int64",
            "detailed": bool,
        }
    )


def day_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Day rows (stored or about to be) as the recount reads them: keys and sums, dates as
    datetime64, unknown optional sums NaN, and which of those each row knows."""
    rows = pd.DataFrame({c: frame[c] for c in ROW_COLUMNS if c in frame})
    for column in ("unit_id", "year", "month", "scale_min", "scale_max"):
        rows[column] = rows[column].astype("int64")
    for column in ("survey", "question"):
        rows[column] = rows[column].astype(object)
    for column in ("date", "week_start"):
        rows[column] = pd.to_datetime(rows[column])
    for column in SUMS:
        rows[column] = pd.to_numeric(rows[column]).astype(float)
    for known, column in zip(KNOWN, OPTIONAL_SUMS, strict=True):
        rows[known] = rows[column].notna()
    return rows


def refresh(conn: Connection, what: Touched | None) -> int:
    """Recount the touched cells and the totals resting on them from the stored day rows;
    returns the cells written."""
    if what is None:
        return 0
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    scope = _Scope(conn, what.cells)
    try:
        rows = _rows(conn, scope, what)
        days = _sum_days(rows)
        cells = _count_cells(days)
        per_question = _per_question(days, cells)
        for table in (FeedbackCell, *PER_QUESTION):
            conn.execute(delete(table).where(table.id.in_(scope.ids_of(table))))
        # What the summed totals hold of cells the batch did not touch, grouped as they are.
        others = {table: _others(conn, scope, table) for table in SUMMED}
        _insert(conn, FeedbackCell, cells, ["unit_id", "year", "month"])
        for table, frame in per_question.items():
            _insert(conn, table, frame, _order(table))
        for table in SUMMED:
            conn.execute(delete(table).where(table.id.in_(scope.ids_of(table))))
            summed = _summed(table, per_question, others[table], scope)
            _insert(conn, table, summed, _order(table))
    finally:
        scope.drop()
    return len(cells)


def _order(table) -> list[str]:
    """A total's rows in the order of its covering index (models._totals_model), so each
    index takes them as an append rather than a scattered insert."""
    spec = table.spec
    leading = {"day": ["date"], "week": ["week_start"], "month": ["date"]}[spec.grain]
    unit = ["unit_id"] if spec.per_unit else []
    return [*leading, *unit, *(["date"] if spec.grain == "week" else [])]


class _Scope:
    """The touched cells, their unit-months and months, as temporary tables the deletes and
    the reads of other cells join."""

    def __init__(self, conn: Connection, cells: pd.DataFrame) -> None:
        self.conn = conn
        self.cells = cells
        year_months = list(zip(cells["year"].tolist(), cells["month"].tolist(), strict=True))
        months = {
            (y, m): (dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]))
            for y, m in set(year_months)
        }
        spans = [months[ym] for ym in year_months]
        dated = cells.assign(first=[f for f, _ in spans], last=[la for _, la in spans])
        self.months = dated[["year", "month", "first", "last"]].drop_duplicates()
        metadata = MetaData()
        types = {"survey": String, "question": String, "first": Date, "last": Date}
        columns = [*CELL_KEY, "first", "last"]
        self.cell_table = _temporary(metadata, "recount_cells", columns, types)
        self.unit_month_table = _temporary(
            metadata, "recount_unit_months", ["unit_id", "first", "last"], types
        )
        self.month_table = _temporary(metadata, "recount_months", ["first", "last"], types)
        self.question_table = _temporary(
            metadata,
            "recount_questions",
            ["first", "last", "survey", "question", "scale_min", "scale_max"],
            types,
        )
        self.tables = (
            self.cell_table,
            self.unit_month_table,
            self.month_table,
            self.question_table,
        )
        for table in self.tables:
            table.drop(conn, checkfirst=True)  # left over by a failed recount on this connection
            table.create(conn)
        self._fill(self.cell_table, dated[columns])
        self._fill(self.unit_month_table, dated[["unit_id", "first", "last"]].drop_duplicates())
        self._fill(self.month_table, self.months[["first", "last"]])
        questions = dated[["first", "last", "survey", "question", "scale_min", "scale_max"]]
        self._fill(self.question_table, questions.drop_duplicates())
        if conn.dialect.name == "postgresql":
            for table in self.tables:  # a temporary table has no statistics
                conn.execute(text(f"ANALYZE {table.name}"))

    def _fill(self, table: Table, frame: pd.DataFrame) -> None:
        fast_insert.insert_frame(self.conn, table, frame)

    def drop(self) -> None:
        for table in self.tables:
            table.drop(self.conn, checkfirst=True)

    def ids_of(self, table):
        """The ids of table's rows in the scope: a per-question total's or a cell's rows of the
        touched cells, a unit's week totals of the touched unit-months, the organisation's
        totals of the touched months and questions."""
        if table is FeedbackCell:
            k = self.cell_table.c
            same = and_(*(getattr(table, c) == k[c] for c in CELL_KEY))
            return select(table.id).join(self.cell_table, same)
        spec = table.spec
        if spec.grouping == "question":
            k = self.cell_table.c
            same = and_(
                table.unit_id == k.unit_id,
                table.date.between(k.first, k.last),
                *(
                    getattr(table, c) == k[c]
                    for c in ("survey", "question", "scale_min", "scale_max")
                ),
                table.positive_n.is_not(None) == k.detailed,
            )
            return select(table.id).join(self.cell_table, same)
        if spec.grouping == "unit":
            k = self.unit_month_table.c
            same = and_(table.unit_id == k.unit_id, table.date.between(k.first, k.last))
            return select(table.id).join(self.unit_month_table, same)
        k = self.question_table.c
        same = and_(
            table.date.between(k.first, k.last),
            *(getattr(table, c) == k[c] for c in ("survey", "question", "scale_min", "scale_max")),
        )
        return select(table.id).join(self.question_table, same)


def _temporary(metadata: MetaData, name: str, columns: list[str], types: dict) -> Table:
    return Table(
        name,
        metadata,
        *(
            Column(c, Boolean if c == "detailed" else types.get(c, Integer), nullable=False)
            for c in columns
        ),
        prefixes=["TEMPORARY"],
    )


def _rows(conn: Connection, scope: _Scope, what: Touched) -> pd.DataFrame:
    """Every stored day row of the touched cells: the batch's own from memory when given, the
    rest read through the touched unit-months (the (unit, date) index) and kept to the cells."""
    k = scope.unit_month_table.c
    columns = [getattr(F, c) for c in ROW_COLUMNS]
    query = select(*columns).join(
        scope.unit_month_table, and_(F.unit_id == k.unit_id, F.date.between(k.first, k.last))
    )
    if what.rows is not None:
        query = query.where(F.batch_id != what.batch_id)
    stored = pd.DataFrame.from_records(conn.execute(query).all(), columns=list(ROW_COLUMNS))
    if not stored.empty:
        stored = day_rows(stored)
        cells = scope.cells.rename(columns={"detailed": DETAILED})
        stored = stored.merge(cells, on=[*KEYS, DETAILED], how="inner")
    parts = [p for p in (what.rows, stored) if p is not None and not p.empty]
    if not parts:
        return day_rows(pd.DataFrame(columns=list(ROW_COLUMNS)))
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _sum_days(rows: pd.DataFrame) -> pd.DataFrame:
    """The day rows summed per cell, set of known sums and day (over batches and respondent
    groups): the day totals before their cells' figures."""
    keys = [*KEYS, *KNOWN, "week_start", "date"]
    return rows.groupby(keys, sort=False, as_index=False)[list(SUMS)].sum(min_count=1)


def _count_cells(days: pd.DataFrame) -> pd.DataFrame:
    """Each cell's answers, smallest week and smallest day with answers (a cell whose days
    all have no answers has no row)."""
    cell = [*KEYS, DETAILED]
    per_day = days.groupby([*cell, "week_start", "date"], sort=False, as_index=False)["n"].sum()
    per_day = per_day[per_day["n"] > 0]
    weeks = per_day.groupby([*cell, "week_start"], sort=False, as_index=False).agg(
        n=("n", "sum"), day_min=("n", "min")
    )
    cells = weeks.groupby(cell, sort=False, as_index=False).agg(
        n=("n", "sum"), week_min_n=("n", "min"), day_min_n=("day_min", "min")
    )
    return cells.rename(columns={DETAILED: "detailed"})


def _per_question(days: pd.DataFrame, cells: pd.DataFrame) -> dict:
    """The totals per question at each grain, each row with its cell's figures (0 where the
    cell has none: it reads as hidden). Weeks and months are summed before their cell is
    looked up."""
    keys = [*KEYS, *KNOWN]
    by_grain = {
        "day": days,
        "week": days.groupby([*keys, "week_start"], sort=False, as_index=False).agg(
            date=("date", "min"), **_sum_aggs()
        ),
        "month": days.groupby(keys, sort=False, as_index=False).agg(
            date=("date", "min"), **_sum_aggs()
        ),
    }
    by_grain["month"]["date"] = by_grain["month"]["date"].dt.to_period("M").dt.to_timestamp()
    figures = cells.rename(columns={"detailed": DETAILED})
    out = {}
    for table in PER_QUESTION:
        rows = by_grain[table.spec.grain]
        wanted = [f"cell_{f}" for f in table.spec.cell]
        cell = figures[[*KEYS, DETAILED, *table.spec.cell]].rename(
            columns={f: f"cell_{f}" for f in table.spec.cell}
        )
        joined = rows.merge(cell, on=[*KEYS, DETAILED], how="left")
        joined[wanted] = joined[wanted].fillna(0).astype("int64")
        out[table] = joined
    return out


def _sum_aggs() -> dict:
    """Named aggregations summing each figure, NaN (unknown) where every row's is."""
    return {s: (s, "sum") for s in SUMS}


def _others(conn: Connection, scope: _Scope, table) -> pd.DataFrame:
    """What the summed table holds of cells outside the touched ones in its scope, read from
    the totals per question (whose touched rows are deleted by now) already grouped."""
    spec = table.spec
    [source] = [t for t in PER_QUESTION if t.spec.grain == spec.grain]
    keys = _summed_keys(table)
    grouped = [getattr(source, k) for k in keys]
    known = [getattr(source, s).is_not(None) for s in OPTIONAL_SUMS]
    dated = [func.min(source.date)]
    if spec.grouping == "unit":
        k = scope.unit_month_table.c
        joined = (source.unit_id == k.unit_id) & source.date.between(k.first, k.last)
        scoped = scope.unit_month_table
    else:  # the organisation: every unit's rows of the touched months and questions
        k = scope.question_table.c
        joined = and_(
            source.date.between(k.first, k.last),
            *(getattr(source, c) == k[c] for c in ("survey", "question", "scale_min", "scale_max")),
        )
        scoped = scope.question_table
    query = (
        select(*grouped, *known, *dated, *(func.sum(getattr(source, s)) for s in SUMS))
        .join(scoped, joined)
        .group_by(*grouped, *known)
    )
    names = [*keys, *KNOWN, "first_date", *SUMS]
    found = pd.DataFrame.from_records(conn.execute(query).all(), columns=names)
    return found


def _summed_keys(table) -> list[str]:
    """What a summed total's rows are per, besides its set of known sums: its keys but the date
    of a week's part (its first day with answers), and the cell figure the privacy rule reads
    at its grain, so the rule still applies row by row."""
    spec = table.spec
    keys = [k for k in spec.keys if k != "date" or spec.grain != "week"]
    return [*keys, f"cell_{RULE_FIGURE[spec.grain]}"]


def _summed(table, per_question: dict, others: pd.DataFrame, scope: _Scope) -> pd.DataFrame:
    """A summed total of the scope: the new cells' totals per question of its grain with what
    the other cells add."""
    spec = table.spec
    [source] = [t for t in PER_QUESTION if t.spec.grain == spec.grain]
    keys = _summed_keys(table)
    new = per_question[source]
    parts = [new[[*keys, *KNOWN, *SUMS]].assign(first_date=new["date"])]
    if not others.empty:
        others = others.assign(first_date=pd.to_datetime(others["first_date"]))
        for column in ("date", "week_start"):
            if column in others:
                others[column] = pd.to_datetime(others[column])
        for known in KNOWN:
            others[known] = others[known].astype(bool)
        parts.append(others[parts[0].columns])
    both = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    summed = both.groupby([*keys, *KNOWN], sort=False, as_index=False).agg(
        first_date=("first_date", "min"), **_sum_aggs()
    )
    if spec.grain == "week":  # a week's part is dated by its first day with answers
        summed["date"] = summed["first_date"]
    return summed


def _insert(conn: Connection, table, frame: pd.DataFrame, order: list[str]) -> None:
    if frame.empty:
        return
    columns = [c for c in frame.columns if c in table.__table__.c]
    written = frame[columns].copy()
    for known, column in zip(KNOWN, OPTIONAL_SUMS, strict=True):
        if known in frame:  # an unknown sum is stored as NULL, whatever pandas summed
            written[column] = written[column].where(frame[known].to_numpy(), np.nan)
    fast_insert.insert_frame(conn, table.__table__, written.sort_values(order, kind="stable"))


def rebuild_all(conn: Connection) -> int:
    """Every cell and total from scratch (a migration, or a repair), a few months at a time."""
    for table in (FeedbackCell, *TOTAL_MODELS):
        conn.execute(delete(table))
    first, last = conn.execute(select(func.min(F.date), func.max(F.date))).one()
    if first is None:
        return 0
    month, last = _as_date(first).replace(day=1), _as_date(last)
    written = 0
    while month <= last:
        following = _add_months(month, REBUILD_MONTHS)
        columns = [*(getattr(F, k) for k in KEYS), F.positive_n.is_not(None).label("detailed")]
        in_months = F.date.between(month, following - dt.timedelta(days=1))
        found = conn.execute(select(*columns).where(in_months).distinct()).all()
        if found:
            cells = _cell_types(pd.DataFrame.from_records(found, columns=list(CELL_KEY)))
            written += refresh(conn, Touched(cells))
        month = following
    return written


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
