"""The privacy cells of feedback (models.FeedbackCell): each unit's answers per question and
calendar month, with its smallest week and day; and the totals every figure reads, one table per
line of models.TOTALS: per question and unit at each grain, each row carrying its cell's figures
so no query joins the cells, and summed from those over questions (per unit) or over units (the
organisation). All are rebuilt from the day rows of the units and months a batch touches (the
organisation's totals from every unit's totals of those months), in the batch's own transaction
(store and removal alike).

A cell spans batches, so it is recomputed from every stored row of its unit and month, not added
to. Concurrent importers take turns here (an advisory lock on PostgreSQL; SQLite has one writer),
so each recount sees the rows the other committed.

The day rows are read once: summed per cell and day into a temporary table, from which the
cells are counted and the totals per question written with their cell's figures joined in (an
INSERT each, no UPDATE of stored rows).
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    cast,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection

from core.feedback_figures import CELL_KEYS, OPTIONAL_SUMS, SUMS
from data_model.models import RULE_FIGURE, TOTAL_MODELS, FeedbackCell, FeedbackScore

F = FeedbackScore
KEYS = CELL_KEYS
LOCK_KEY = 7_412_603  # any constant; distinct from the schema upgrade's lock
# Written from the day rows with their cells, then summed from those over questions or units.
PER_QUESTION = tuple(t for t in TOTAL_MODELS if t.spec.grouping == "question")
SUMMED = tuple(t for t in TOTAL_MODELS if t.spec.grouping != "question")


@dataclass(frozen=True)
class Touched:
    """The units and the range of months a batch's feedback rows fall in."""

    unit_ids: tuple[int, ...]
    first: dt.date
    last: dt.date


def touched(conn: Connection, batch_id: int) -> Touched | None:
    """What a batch's feedback covers; None when it has no feedback rows."""
    first, last = conn.execute(
        select(func.min(F.date), func.max(F.date)).where(F.batch_id == batch_id)
    ).one()
    if first is None:
        return None
    units = conn.execute(select(F.unit_id).where(F.batch_id == batch_id).distinct()).scalars()
    return Touched(tuple(sorted(units)), _as_date(first), _as_date(last))


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _months(what: Touched) -> tuple[dt.date, dt.date]:
    """The first and last day of the touched months."""
    last = what.last
    return what.first.replace(day=1), last.replace(
        day=calendar.monthrange(last.year, last.month)[1]
    )


def _in_range(table, what: Touched) -> list:
    """The touched units' rows in the touched months (whole months, so whole cells): by date,
    so the (unit, date) index finds them; the cells by year and month."""
    first, last = _months(what)
    if table is FeedbackCell:
        months = table.year * 12 + table.month
        dates = months.between(first.year * 12 + first.month, last.year * 12 + last.month)
    else:
        dates = table.date.between(first, last)
    return [table.unit_id.in_(what.unit_ids), dates]


# Which optional sums a scratch row knows: each flag says that its sum is given. "detailed"
# (single answers known) is also the cell's.
KNOWN = {
    "detailed": "positive_n",
    "squares_known": "score_sq_sum",
    "promoters_known": "promoters_n",
    "detractors_known": "detractors_n",
}
# The scratch's key, in the order its rows are summed. On SQLite the scratch is stored in this
# order (a table without rowid), so the week and month totals, which group by a prefix of it,
# read it in order instead of sorting it; PostgreSQL hashes its groups and would only pay for
# the key's index.
SCRATCH_KEY = (*KEYS, *KNOWN, "week_start", "date")
CELL_KEY = (*KEYS, "detailed")  # a privacy cell's (models.FeedbackCell's unique key)


def _scratch(dialect: str) -> Table:
    """The touched day rows summed per cell and day (over batches and respondent groups), apart
    by which optional sums they know: read once, used four times."""
    types = {"survey": String, "question": String, "week_start": Date, "date": Date}
    keyed = dialect == "sqlite"
    return Table(
        "feedback_days_scratch",
        MetaData(),
        *(
            Column(k, Boolean if k in KNOWN else types.get(k, Integer), primary_key=keyed)
            for k in SCRATCH_KEY
        ),
        Column("n", Integer),
        Column("score_sum", Float),
        Column("score_sq_sum", Float),
        *(Column(s, Integer) for s in ("positive_n", "promoters_n", "detractors_n")),
        prefixes=["TEMPORARY"],
        sqlite_with_rowid=not keyed,
    )


def refresh(conn: Connection, what: Touched | None) -> int:
    """Recount the cells and totals of the touched units and months from the stored day rows;
    returns the cells written."""
    if what is None:
        return 0
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    for table in (FeedbackCell, *PER_QUESTION):
        conn.execute(delete(table).where(*_in_range(table, what)))
    days = _scratch(conn.dialect.name)
    days.drop(conn, checkfirst=True)  # left over by a failed recount on this connection
    days.create(conn)
    _sum_days(conn, days, what)
    written = _count_cells(conn, days)
    _write_totals(conn, days)
    days.drop(conn)
    for table in SUMMED:
        _write_summed(conn, table, what)
    return written


def _sum_days(conn: Connection, days: Table, what: Touched) -> None:
    known = [getattr(F, s).is_not(None) for s in KNOWN.values()]
    keys = [*(getattr(F, k) for k in KEYS), *known, F.week_start, F.date]
    rows = (
        select(*keys, *(func.sum(getattr(F, s)) for s in SUMS))
        .where(*_in_range(F, what))
        .group_by(*keys)
    )
    conn.execute(insert(days).from_select([*SCRATCH_KEY, *SUMS], rows))
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"ANALYZE {days.name}"))  # a temporary table has no statistics


def _count_cells(conn: Connection, days: Table) -> int:
    """Each cell's answers, smallest week and smallest day with answers."""
    d = days.c
    keys = [d[k] for k in CELL_KEY]
    per_day = (
        select(*keys, d.week_start, d.date, func.sum(d.n).label("n"))
        .group_by(*keys, d.week_start, d.date)
        .having(func.sum(d.n) > 0)
        .subquery("per_day")
    )
    cell_keys = [per_day.c[k] for k in CELL_KEY]
    weeks = (
        select(*cell_keys, func.sum(per_day.c.n).label("n"), func.min(per_day.c.n).label("day_min"))
        .group_by(*cell_keys, per_day.c.week_start)
        .subquery("weeks")
    )
    week_keys = [weeks.c[k] for k in CELL_KEY]
    cells = select(
        *week_keys, func.sum(weeks.c.n), func.min(weeks.c.n), func.min(weeks.c.day_min)
    ).group_by(*week_keys)
    columns = [*CELL_KEY, "n", "week_min_n", "day_min_n"]
    return conn.execute(insert(FeedbackCell).from_select(columns, cells)).rowcount


def _month_start(column, dialect: str):
    if dialect == "sqlite":
        return func.date(column, "start of month")
    return cast(func.date_trunc("month", column), Date)


def _write_totals(conn: Connection, days: Table) -> None:
    """The totals per question from the summed days, each with its cell's figures (a row of
    zero answers may have no cell: it gets 0 and reads as hidden). Weeks and months are summed
    before their cell is looked up: one look-up a total, not one a day."""
    d = days.c
    sums = [func.sum(d[s]).label(s) for s in SUMS]
    keys = [d[k] for k in (*KEYS, *KNOWN)]
    by_grain = {
        "day": days,
        "week": select(*keys, d.week_start, func.min(d.date).label("date"), *sums)
        .group_by(*keys, d.week_start)
        .subquery(),
        "month": select(
            *keys, func.min(_month_start(d.date, conn.dialect.name)).label("date"), *sums
        )
        .group_by(*keys)
        .subquery(),
    }
    dated = [*KEYS, "week_start", "date", *SUMS]
    for table in PER_QUESTION:
        rows, figures = by_grain[table.spec.grain], table.spec.cell
        columns = [k for k in dated if k in rows.c]
        conn.execute(
            insert(table).from_select(
                [*columns, *(f"cell_{f}" for f in figures)], _with_cell(rows, columns, figures)
            )
        )


def _with_cell(rows, columns: list[str], figures: tuple[str, ...]):
    """rows' columns with their cell's figures, 0 where the cell has none."""
    r, c = rows.c, FeedbackCell
    same = and_(*(getattr(c, k) == r[k] for k in CELL_KEY))
    cell = [func.coalesce(getattr(c, f), 0) for f in figures]
    return select(*(r[k] for k in columns), *cell).select_from(rows.outerjoin(c.__table__, same))


def _write_summed(conn: Connection, table, what: Touched) -> None:
    """A total summed from the totals per question of its grain: over the questions of each of
    the touched units (per unit), or over the units of the touched months (the organisation's:
    a row sums the units the batch did not touch too). Rows are kept apart by the cell figure
    the privacy rule reads at that grain, so it can still be applied row by row."""
    spec = table.spec
    [source] = [t for t in PER_QUESTION if t.spec.grain == spec.grain]
    keys = [k for k in spec.keys if k != "date"] + [f"cell_{RULE_FIGURE[spec.grain]}"]
    # A week's part is dated by its first day with answers; a day or a month by its own.
    first_day = spec.grain == "week"
    if not first_day:
        keys.insert(0, "date")
    if spec.per_unit:
        where = _in_range(source, what)
        conn.execute(delete(table).where(*_in_range(table, what)))
    else:
        first, last = _months(what)
        where = [source.date.between(first, last)]
        conn.execute(delete(table).where(table.date.between(first, last)))
    _sum_into(conn, table, source, keys, where, first_day=first_day)


def _sum_into(conn: Connection, target, source, keys, where, first_day: bool = False) -> None:
    """Insert into target the source rows matching where, summed per keys and per set of known
    optional sums; first_day: dated by the first day among them."""
    grouped = [getattr(source, k) for k in keys]
    known = [getattr(source, s).is_(None) for s in OPTIONAL_SUMS]
    dated = [func.min(source.date)] if first_day else []
    rows = (
        select(*grouped, *dated, *(func.sum(getattr(source, s)) for s in SUMS))
        .where(*where)
        .group_by(*grouped, *known)
    )
    columns = [*keys, *(["date"] if first_day else []), *SUMS]
    conn.execute(insert(target).from_select(columns, rows))


def rebuild_all(conn: Connection) -> int:
    """Every cell and total from scratch (a migration, or a repair)."""
    for table in (FeedbackCell, *TOTAL_MODELS):
        conn.execute(delete(table))
    first, last = conn.execute(select(func.min(F.date), func.max(F.date))).one()
    if first is None:
        return 0
    units = tuple(conn.execute(select(F.unit_id).distinct()).scalars())
    return refresh(conn, Touched(units, _as_date(first), _as_date(last)))
