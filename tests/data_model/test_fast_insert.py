"""Rows written through the driver (fast_insert) are stored exactly as SQLAlchemy's insert() of
the same values one dict a row stores them, on SQLite and PostgreSQL: dates, whole numbers,
decimals, texts and flags, with every kind of missing value."""

import datetime as dt

import numpy as np
import pandas as pd
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
)

from data_model import fast_insert

D = dt.date


def _table(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("day", Date),
        Column("week_start", Date),
        Column("n", Integer),
        Column("score_sum", Float),
        Column("label", String(40)),
        Column("known", Boolean),
    )


# Each column as a loader or the recount hands it over, missing values included.
FRAME = pd.DataFrame(
    {
        "id": [1, 2, 3, 4, 5],
        "day": pd.to_datetime(
            ["2024-05-06", None, "2024-05-06", "2023-12-31 13:45", "2024-01-01"], format="ISO8601"
        ),
        "week_start": [D(2024, 5, 6), D(2024, 5, 6), None, D(2023, 12, 25), D(2024, 1, 1)],
        "n": pd.array([3, None, 0, 7, 12], dtype="Int64"),
        "score_sum": [8.5, np.nan, 0.0, 21.0, -1.25],
        "label": ["Aurinko", None, "Kuu", np.nan, "Tähti"],
        "known": [True, False, True, True, False],
        "not_a_column": ["x", "y", "z", "w", "v"],
    }
)
# The same rows as plain Python values, as one would write them by hand.
EXPECTED = [
    (1, D(2024, 5, 6), D(2024, 5, 6), 3, 8.5, "Aurinko", True),
    (2, None, D(2024, 5, 6), None, None, None, False),
    (3, D(2024, 5, 6), None, 0, 0.0, "Kuu", True),
    (4, D(2023, 12, 31), D(2023, 12, 25), 7, 21.0, None, True),
    (5, D(2024, 1, 1), D(2024, 1, 1), 12, -1.25, "Tähti", False),
]


def _stored(conn, table: Table) -> list[tuple]:
    return [tuple(r) for r in conn.execute(select(table).order_by(table.c.id))]


def test_rows_through_the_driver_are_stored_as_insert_stores_them(engine):
    metadata = MetaData()
    fast, plain = _table(metadata, "fast_rows"), _table(metadata, "plain_rows")
    metadata.create_all(engine)
    before = FRAME.copy()
    with engine.begin() as conn:
        written = fast_insert.insert_frame(conn, fast, FRAME)
        names = [c.name for c in plain.columns]
        conn.execute(insert(plain), [dict(zip(names, row, strict=True)) for row in EXPECTED])
    with engine.connect() as conn:
        assert written == len(EXPECTED)
        assert _stored(conn, fast) == _stored(conn, plain) == EXPECTED
    pd.testing.assert_frame_equal(FRAME, before)  # the caller's frame is left as it was


def test_a_column_with_nothing_in_it_is_stored_as_null(engine):
    metadata = MetaData()
    table = _table(metadata, "empty_rows")
    metadata.create_all(engine)
    frame = pd.DataFrame(
        {
            "id": [1, 2],
            "day": pd.Series([None, None], dtype="datetime64[ns]"),
            "n": [np.nan, np.nan],
            "score_sum": [np.nan, np.nan],
            "label": [None, None],
        }
    )
    with engine.begin() as conn:
        fast_insert.insert_frame(conn, table, frame)
    with engine.connect() as conn:
        assert _stored(conn, table) == [(i, None, None, None, None, None, None) for i in (1, 2)]
