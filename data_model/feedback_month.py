"""The monthly rollup of feedback (models.FeedbackMonth), filled from a batch's day rows in the
batch's own transaction, with one INSERT ... SELECT that runs alike on SQLite and PostgreSQL.
Migration 0003 fills it the same way for databases that had feedback before it existed."""

from sqlalchemy import Date, cast, func, insert, select
from sqlalchemy.engine import Connection

from data_model.models import FeedbackMonth, FeedbackScore

F = FeedbackScore
KEYS = (
    "batch_id", "unit_id", "year", "month", "survey", "question", "respondent_group",
    "scale_min", "scale_max",
)  # fmt: skip
SUMS = ("n", "score_sum", "score_sq_sum", "positive_n", "promoters_n", "detractors_n")


def month_start(column, dialect: str):
    """The first day of a date column's month."""
    if dialect == "sqlite":
        return func.date(column, "start of month")
    return cast(func.date_trunc("month", column), Date)


def fill(conn: Connection, batch_id: int) -> int:
    """Sum the batch's day rows into months; returns the rows written.

    A sum over rows that do not all know a figure would mix known and unknown answers, so rows
    are grouped apart by which of the optional sums they know; sum() of a group that knows none
    stays NULL, as in the day table."""
    keys = [getattr(F, k) for k in KEYS]
    known = [getattr(F, s).is_(None) for s in SUMS[2:]]
    rows = (
        select(
            *keys, func.min(month_start(F.date, conn.dialect.name)).label("date"),
            *(func.sum(getattr(F, s)).label(s) for s in SUMS),
        )
        .where(F.batch_id == batch_id)
        .group_by(*keys, *known)
    )  # fmt: skip
    columns = [*KEYS, "date", *SUMS]
    return conn.execute(insert(FeedbackMonth).from_select(columns, rows)).rowcount
