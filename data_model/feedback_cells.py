"""The privacy cells of feedback (models.FeedbackCell): each unit's answers per question and
calendar month, with its smallest week and day; and the totals every figure reads
(models.FeedbackDayTotal, FeedbackWeekTotal, FeedbackMonthTotal), each row carrying its cell's
figures so no query joins the cells; and the day and month totals of every unit together
(models.FeedbackOrgDayTotal, FeedbackOrgMonthTotal) and each unit's week totals over its
questions (models.FeedbackUnitWeekTotal). All are rebuilt from the day rows of the units and
months a batch touches (the organisation's totals from every unit's totals of those months), in
the batch's own transaction (store and removal alike).

A cell spans batches, so it is recomputed from every stored row of its unit and month, not added
to. Concurrent importers take turns here (an advisory lock on PostgreSQL; SQLite has one writer),
so each recount sees the rows the other committed.

The day rows are read once: summed per cell and day into a temporary table, from which the
cells are counted and the three totals written with their cell's figures joined in (an INSERT
each, no UPDATE of stored rows).
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

from data_model.models import (
    FeedbackCell,
    FeedbackDayTotal,
    FeedbackMonthTotal,
    FeedbackOrgDayTotal,
    FeedbackOrgMonthTotal,
    FeedbackScore,
    FeedbackUnitWeekTotal,
    FeedbackWeekTotal,
)

F = FeedbackScore
KEYS = ("unit_id", "year", "month", "survey", "question", "scale_min", "scale_max")
SUMS = ("n", "score_sum", "score_sq_sum", "positive_n", "promoters_n", "detractors_n")
LOCK_KEY = 7_412_603  # any constant; distinct from the schema upgrade's lock
TABLES = (
    FeedbackCell,
    FeedbackDayTotal,
    FeedbackWeekTotal,
    FeedbackMonthTotal,
    FeedbackUnitWeekTotal,
)


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
    for table in TABLES:
        conn.execute(delete(table).where(*_in_range(table, what)))
    days = _scratch(conn.dialect.name)
    days.drop(conn, checkfirst=True)  # left over by a failed recount on this connection
    days.create(conn)
    _sum_days(conn, days, what)
    written = _count_cells(conn, days)
    _write_totals(conn, days)
    days.drop(conn)
    _write_unit_weeks(conn, what)
    _write_organisation(conn, what)
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
    """Day, week and month totals from the summed days, each with its cell's figures (a row of
    zero answers may have no cell: it gets 0 and reads as hidden). The weeks and months are
    summed before their cell is looked up: one look-up a total, not one a day."""
    d = days.c
    sums = [func.sum(d[s]).label(s) for s in SUMS]
    first_day = func.min(_month_start(d.date, conn.dialect.name)).label("date")
    keys = [d[k] for k in (*KEYS, *KNOWN)]
    weeks = select(*keys, d.week_start, func.min(d.date).label("date"), *sums)
    months = select(*keys, first_day, *sums)
    dated = [*KEYS, "week_start", "date", *SUMS]
    for table, rows, figures in (
        (FeedbackDayTotal, days, ("n", "day_min_n")),
        (FeedbackWeekTotal, weeks.group_by(*keys, d.week_start).subquery(), ("n", "week_min_n")),
        (FeedbackMonthTotal, months.group_by(*keys).subquery(), ("n",)),
    ):
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


def _write_unit_weeks(conn: Connection, what: Touched) -> None:
    """The touched units' week totals of the touched months summed over surveys and questions,
    per smallest week of the cells (the rows were deleted with the other totals)."""
    keys = ("unit_id", "year", "month", "week_start", "scale_min", "scale_max", "cell_week_min_n")
    W = FeedbackWeekTotal
    _sum_into(conn, FeedbackUnitWeekTotal, W, keys, _in_range(W, what), first_day=True)


# The organisation's totals: each of every unit's totals summed over the units, per the cells'
# figure the privacy rule reads at that grain, so it can still be applied row by row.
ORGANISATION_TOTALS = (
    (
        FeedbackOrgDayTotal,
        FeedbackDayTotal,
        (
            "date",
            "year",
            "month",
            "week_start",
            "survey",
            "question",
            "scale_min",
            "scale_max",
            "cell_day_min_n",
        ),
    ),
    (
        FeedbackOrgMonthTotal,
        FeedbackMonthTotal,
        ("date", "year", "month", "survey", "question", "scale_min", "scale_max", "cell_n"),
    ),
)


def _write_organisation(conn: Connection, what: Touched) -> None:
    """The touched months' day and month totals of every unit together, summed from every
    unit's totals of those months (a row sums the units the batch did not touch too)."""
    first, last = _months(what)
    for target, source, keys in ORGANISATION_TOTALS:
        conn.execute(delete(target).where(target.date.between(first, last)))
        _sum_into(conn, target, source, keys, [source.date.between(first, last)])


def _sum_into(conn: Connection, target, source, keys, where, first_day: bool = False) -> None:
    """Insert into target the source rows matching where, summed per keys and per set of known
    optional sums; first_day: dated by the first day among them."""
    grouped = [getattr(source, k) for k in keys]
    known = [getattr(source, s).is_(None) for s in SUMS[2:]]
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
    for table in (*TABLES, *(target for target, _, _ in ORGANISATION_TOTALS)):
        conn.execute(delete(table))
    first, last = conn.execute(select(func.min(F.date), func.max(F.date))).one()
    if first is None:
        return 0
    units = tuple(conn.execute(select(F.unit_id).distinct()).scalars())
    return refresh(conn, Touched(units, _as_date(first), _as_date(last)))
