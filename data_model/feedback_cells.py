"""The privacy cells of feedback (models.FeedbackCell): each unit's answers per question and
calendar month, with its smallest week and day, rebuilt from the day rows of the units and months
a batch touches, in the batch's own transaction (store and removal alike). With them the monthly
and weekly totals over every batch (models.FeedbackMonthTotal, FeedbackWeekTotal) and the cell
figures the rows carry.

A cell spans batches, so it is recomputed from every stored row of its unit and month, not added
to. Concurrent importers take turns here (an advisory lock on PostgreSQL; SQLite has one writer),
so each recount sees the rows the other committed.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, or_, select, text, update
from sqlalchemy.engine import Connection

from data_model.models import (
    FeedbackCell,
    FeedbackMonth,
    FeedbackMonthTotal,
    FeedbackScore,
    FeedbackWeekTotal,
)

F = FeedbackScore
KEYS = ("unit_id", "year", "month", "survey", "question", "scale_min", "scale_max")
LOCK_KEY = 7_412_603  # any constant; distinct from the schema upgrade's lock


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


def _in_range(table, what: Touched) -> list:
    """The touched units' rows in the touched months (whole months, so whole cells). Dated
    tables by date, so the (unit, date) index finds them."""
    first, last = what.first, what.last
    if table in (F, FeedbackMonth, FeedbackMonthTotal, FeedbackWeekTotal):
        end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
        dates = table.date.between(first.replace(day=1), end)
        return [table.unit_id.in_(what.unit_ids), dates]
    months = (
        or_(table.year > first.year, and_(table.year == first.year, table.month >= first.month)),
        or_(table.year < last.year, and_(table.year == last.year, table.month <= last.month)),
    )
    return [table.unit_id.in_(what.unit_ids), *months]


def refresh(conn: Connection, what: Touched | None) -> int:
    """Recount the cells of the touched units and months from the stored day rows; returns the
    cells written."""
    if what is None:
        return 0
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    conn.execute(delete(FeedbackCell).where(*_in_range(FeedbackCell, what)))
    detailed = F.positive_n.is_not(None)
    keys = [getattr(F, k) for k in KEYS]
    days = (
        select(
            *keys, detailed.label("detailed"), F.week_start, F.date, func.sum(F.n).label("n")
        )  # fmt: skip
        .where(*_in_range(F, what))
        .group_by(*keys, detailed, F.week_start, F.date)
        .having(func.sum(F.n) > 0)
        .subquery("days")
    )
    cell_keys = [days.c[k] for k in (*KEYS, "detailed")]
    weeks = (
        select(*cell_keys, func.sum(days.c.n).label("n"), func.min(days.c.n).label("day_min"))
        .group_by(*cell_keys, days.c.week_start)
        .subquery("weeks")
    )
    week_keys = [weeks.c[k] for k in (*KEYS, "detailed")]
    cells = select(
        *week_keys, func.sum(weeks.c.n), func.min(weeks.c.n), func.min(weeks.c.day_min)
    ).group_by(*week_keys)
    columns = [*KEYS, "detailed", "n", "week_min_n", "day_min_n"]
    written = conn.execute(insert(FeedbackCell).from_select(columns, cells)).rowcount
    _total_months(conn, what)
    _total_weeks(conn, what)
    _carry(conn, what)
    return written


SUMS = ("n", "score_sum", "score_sq_sum", "positive_n", "promoters_n", "detractors_n")


def _total_months(conn: Connection, what: Touched) -> None:
    """The touched months of FeedbackMonthTotal summed again from every batch's monthly rows,
    apart by which optional sums they know (as feedback_month.fill keeps them)."""
    T, M = FeedbackMonthTotal, FeedbackMonth
    conn.execute(delete(T).where(*_in_range(T, what)))
    keys = [getattr(M, k) for k in KEYS]
    known = [getattr(M, s).is_(None) for s in SUMS[2:]]
    rows = (
        select(*keys, func.min(M.date), *(func.sum(getattr(M, s)) for s in SUMS))
        .where(*_in_range(M, what))
        .group_by(*keys, *known)
    )
    conn.execute(insert(T).from_select([*KEYS, "date", *SUMS], rows))


def _total_weeks(conn: Connection, what: Touched) -> None:
    """The touched months of FeedbackWeekTotal summed again from the day rows, per cell and
    week, apart by which optional sums they know."""
    T = FeedbackWeekTotal
    conn.execute(delete(T).where(*_in_range(T, what)))
    keys = [getattr(F, k) for k in (*KEYS, "week_start")]
    known = [getattr(F, s).is_(None) for s in SUMS[2:]]
    rows = (
        select(*keys, func.min(F.date), *(func.sum(getattr(F, s)) for s in SUMS))
        .where(*_in_range(F, what))
        .group_by(*keys, *known)
    )
    conn.execute(insert(T).from_select([*KEYS, "week_start", "date", *SUMS], rows))


CARRIED = {
    F: {"cell_n": "n", "cell_week_min_n": "week_min_n", "cell_day_min_n": "day_min_n"},
    FeedbackMonthTotal: {"cell_n": "n"},
    FeedbackWeekTotal: {"cell_n": "n", "cell_week_min_n": "week_min_n"},
}


def _carry(conn: Connection, what: Touched) -> None:
    """Copy each recounted cell's figures onto every day row of it (whatever its batch) and
    onto its monthly totals, so queries read them without a join. A row of zero answers may
    have no cell (a cell needs a day with answers): it is reset first and reads as hidden."""
    c = FeedbackCell
    for table, columns in CARRIED.items():
        rows = _in_range(table, what)
        conn.execute(update(table).where(*rows, table.n == 0).values(dict.fromkeys(columns, 0)))
        same = [getattr(c, k) == getattr(table, k) for k in KEYS]
        same.append(c.detailed == table.positive_n.is_not(None))
        values = {name: getattr(c, source) for name, source in columns.items()}
        conn.execute(update(table).where(*rows, *_in_range(c, what), *same).values(values))


def rebuild_all(conn: Connection) -> int:
    """Every cell from scratch (a migration, or a repair)."""
    conn.execute(delete(FeedbackCell))
    conn.execute(delete(FeedbackMonthTotal))
    conn.execute(delete(FeedbackWeekTotal))
    first, last = conn.execute(select(func.min(F.date), func.max(F.date))).one()
    if first is None:
        return 0
    units = tuple(conn.execute(select(F.unit_id).distinct()).scalars())
    return refresh(conn, Touched(units, _as_date(first), _as_date(last)))
