"""Rows of a DataFrame into a table through the driver, as plain tuples: executemany on SQLite,
COPY on PostgreSQL. SQLAlchemy's insert() with a dict per row spent about half of an import in
parameter processing; the values here are converted once per column instead.
"""

import numpy as np
import pandas as pd
from sqlalchemy import Boolean, Date, Float, Integer, Table, insert
from sqlalchemy.engine import Connection

CHUNK = 5000  # rows per executemany on other backends


def _plain_column(values: pd.Series, sql_type) -> list:
    """A column as Python values the driver takes as they are, None where missing. Dates are
    written once per distinct day (an import's 400 000 rows hold about 1 800 days)."""
    if isinstance(sql_type, Date):  # ISO text: SQLite's storage, and COPY's text input
        codes, days = pd.factorize(values)  # a missing date's code is -1: the None at the end
        stamps = pd.to_datetime(pd.Series(days)).to_numpy().astype("datetime64[D]")
        texts = np.empty(len(days) + 1, dtype=object)
        texts[:-1] = np.datetime_as_string(stamps)
        return texts[codes].tolist()
    if isinstance(sql_type, Integer) and not isinstance(sql_type, Boolean):
        if not pd.api.types.is_integer_dtype(values):
            values = pd.to_numeric(values).astype("Int64")  # ids, counts widened for NaN
    missing = values.isna().to_numpy()
    if missing.all():
        return [None] * len(values)
    if isinstance(sql_type, Float) and pd.api.types.is_numeric_dtype(values):
        out = values.astype(float).to_numpy().astype(object)
    else:
        out = values.astype(object).to_numpy()
    if missing.any():
        out = out.copy()  # the frame's own array, or a read-only view of it, stays as it was
        out[missing] = None
    return out.tolist()


def rows(table: Table, frame: pd.DataFrame) -> tuple[list[str], list[tuple]]:
    names = [c for c in frame.columns if c in table.c]
    columns = [_plain_column(frame[c], table.c[c].type) for c in names]
    return names, list(zip(*columns, strict=True))


def insert_frame(conn: Connection, table: Table, frame: pd.DataFrame) -> int:
    """Insert the frame's columns that the table has; returns the rows written."""
    dialect = conn.dialect.name
    names, values = rows(table, frame)
    if not values:
        return 0
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
    name = conn.dialect.identifier_preparer.format_table(table)
    if dialect == "sqlite":
        marks = ", ".join("?" * len(names))
        conn.exec_driver_sql(f"INSERT INTO {name} ({quoted}) VALUES ({marks})", values)
    elif dialect == "postgresql" and conn.dialect.driver == "psycopg":
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {name} ({quoted}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
    else:
        records = [dict(zip(names, row, strict=True)) for row in values]
        for start in range(0, len(records), CHUNK):
            conn.execute(insert(table), records[start : start + CHUNK])
    return len(values)
