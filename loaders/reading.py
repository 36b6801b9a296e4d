"""Turn an uploaded file's bytes into raw sheets (cells without headers), refusing what is unsafe.

What could make a reader allocate without bound is refused first, from the bytes: a zip bomb,
a sheet whose used range reaches far (one cell at XFD1048576), a CSV over the size cap. Then the
parse itself runs in a worker process with a memory cap and a time limit (loaders.sandbox), so a
native abort in the workbook reader or a runaway parse becomes a message, never a dead server.
"""

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import PurePath

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook

from core.config import get_settings
from core.problems import fail
from loaders import csv_text
from loaders.sandbox import Containment, run_contained
from loaders.workbook_guard import Limits, check_workbook, detail

# --- Limits of reading one file (one place; the sizes come from core.config at start) ---
# A real export of a few hundred thousand answers unpacks to well under this.
MAX_UNPACKED_BYTES = get_settings().max_unpacked_mb * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # xlsx XML compresses ~10-30x; bombs ~1000x
# A sheet's used range: Excel itself stops at 16 384 columns and 1 048 576 rows; real exports
# use tens of columns. calamine allocates the whole rectangle, 32 bytes a cell, before any of
# it is read; the worker's memory cap below catches what these let through.
MAX_SHEET_COLUMNS = 2_000
MAX_SHEET_ROWS = 2_000_000
MAX_SHEET_CELLS = 50_000_000
MAX_CSV_BYTES = get_settings().max_csv_mb * 1024 * 1024
# The worker that parses: address space it may add to what it starts with, wall-clock seconds,
# and how many parse at once (the server has few cores; the rest wait their turn).
READ_MEMORY_BYTES = 2 * 1024 * 1024 * 1024
READ_TIMEOUT_SECONDS = 120.0
READ_WORKERS = 2

# The texts pandas' readers take for a missing value (pandas.io.parsers' default na_values):
# read as empty, as the pandas reader this one replaced did.
READ_AS_MISSING = frozenset(
    {
        "",
        "#N/A",
        "#N/A N/A",
        "#NA",
        "-1.#IND",
        "-1.#QNAN",
        "-NaN",
        "-nan",
        "1.#IND",
        "1.#QNAN",
        "<NA>",
        "N/A",
        "NA",
        "NULL",
        "NaN",
        "None",
        "n/a",
        "nan",
        "null",
    }
)

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_OOXML_MARKER = "EncryptionInfo".encode("utf-16-le")


@dataclass
class RawSheet:
    """A sheet's cells as read, with no header chosen yet; row i is Excel row i + 1."""

    name: str | None  # None for CSV
    cells: pd.DataFrame


def read_sheets(file_name: str, data: bytes) -> list[RawSheet]:
    """Read every sheet of an .xlsx/.csv file; raise LoadError for anything unreadable."""
    suffix = PurePath(file_name).suffix.lower()
    if not data:
        raise fail("empty_file", file_name)
    if data.startswith(OLE_SIGNATURE):
        code = "password_protected" if ENCRYPTED_OOXML_MARKER in data else "legacy_xls"
        raise fail(code, file_name)
    if data.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        if not data.startswith(b"PK"):
            raise fail("not_a_workbook", file_name)
        check_workbook(file_name, data, workbook_limits())
        packed = run_contained(file_name, parse_workbook_packed, (file_name, data), containment())
        return [_unpack(*sheet) for sheet in packed]
    if suffix == ".xls":
        raise fail("legacy_xls", file_name)
    if suffix in (".csv", ".txt", ""):
        if len(data) > MAX_CSV_BYTES:
            params = {"size": _megabytes(len(data)), "limit": _megabytes(MAX_CSV_BYTES)}
            raise fail("csv_too_large", file_name, params=params)
        return run_contained(file_name, parse_csv, (file_name, data), containment())
    raise fail("unsupported_type", file_name)


def workbook_limits() -> Limits:
    """The limits as they are now (read at call time, so a test or a setting can change them)."""
    return Limits(
        unpacked_bytes=MAX_UNPACKED_BYTES,
        compression_ratio=MAX_COMPRESSION_RATIO,
        columns=MAX_SHEET_COLUMNS,
        rows=MAX_SHEET_ROWS,
        cells=MAX_SHEET_CELLS,
    )


def containment() -> Containment:
    return Containment(READ_MEMORY_BYTES, READ_TIMEOUT_SECONDS, READ_WORKERS)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f}"


# The parsers, run inside the worker.


def parse_workbook(file_name: str, data: bytes) -> list[RawSheet]:
    return [
        RawSheet(name, pd.DataFrame(grid, dtype=object, copy=False))
        for name, grid in _read_grids(file_name, data)
    ]


def parse_workbook_packed(file_name: str, data: bytes) -> list[tuple]:
    """parse_workbook for the worker: each sheet with its date cells packed (see _pack)."""
    return [(name, *_pack(grid)) for name, grid in _read_grids(file_name, data)]


def _read_grids(file_name: str, data: bytes) -> list[tuple[str, np.ndarray]]:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [
            (name, book.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in book.sheet_names
        ]
    except Exception as exc:  # calamine raises its own errors for every kind of damage
        raise fail("corrupt_workbook", file_name, params={"detail": detail(exc)}) from None
    return [(str(name), _cells(rows)) for name, rows in sheets]


def _cells(rows: list[list]) -> np.ndarray:
    """calamine's rows as pandas.read_excel(header=None, dtype=object) gives them, without its
    text parser (a third of the read): whole floats as int, a date as a datetime, an empty
    cell or a text pandas reads as missing (READ_AS_MISSING) as NaN; a column at a time."""
    if not rows:
        return np.empty((0, 0), object)
    widths = set(map(len, rows))
    grid = np.empty((len(rows), max(widths)), object)
    if len(widths) == 1:
        grid[:] = rows
    else:  # not seen from calamine, whose sheets are rectangles; kept safe all the same
        grid[:] = np.nan
        for i, row in enumerate(rows):
            grid[i, : len(row)] = row
    for j in range(grid.shape[1]):
        _convert(grid[:, j])
    return grid


def _convert(cells: np.ndarray) -> None:
    """One column in place, each kind of cell at once."""
    kinds = np.fromiter(map(id, map(type, cells)), np.int64, len(cells))
    texts = kinds == id(str)
    if texts.any():
        missing = np.zeros(len(cells), bool)
        missing[texts] = pd.Series(cells[texts], dtype=object).isin(READ_AS_MISSING).to_numpy()
        cells[missing] = np.nan
    floats = kinds == id(float)
    if floats.any():
        numbers = cells[floats].astype(float)
        whole = np.isfinite(numbers) & (numbers == np.trunc(numbers))
        exact = whole & (np.abs(numbers) < 2**53)
        converted = cells[floats]
        converted[exact] = numbers[exact].astype(np.int64).astype(object)
        converted[whole & ~exact] = [int(v) for v in numbers[whole & ~exact]]
        cells[floats] = converted
    dates = kinds == id(dt.date)  # a date without a time: a datetime at midnight, as in pandas
    if dates.any():
        days = cells[dates].tolist()
        try:
            cells[dates] = pd.to_datetime(days).as_unit("us").to_numpy().astype(object)
        except (ValueError, OverflowError):  # past pandas' range: one at a time
            cells[dates] = [dt.datetime(d.year, d.month, d.day) for d in days]


def _pack(grid: np.ndarray) -> tuple[np.ndarray, dict]:
    """The cells as an object grid, with the date-and-time cells of date columns taken out into
    datetime64 arrays: pickling a datetime object is slow, and a date column of 200 000 answers
    would cost most of the time the worker spends handing its result back."""
    dates = {}
    for j in range(grid.shape[1]):
        column = grid[:, j]
        probe = column[:: max(1, len(column) // 50)]
        if len(column) < 1000 or not any(type(v) is dt.datetime for v in probe):
            continue
        where = np.flatnonzero([type(v) is dt.datetime for v in column])
        try:
            values = pd.DatetimeIndex(column[where].tolist()).as_unit("us").to_numpy()
        except (ValueError, TypeError, OverflowError):  # a zone, or past pandas' range
            continue
        dates[j] = (where, values)
        column[where] = None
    return grid, dates


def _unpack(name: str, grid: np.ndarray, dates: dict) -> RawSheet:
    for j, (where, values) in dates.items():
        grid[where, j] = values.astype(object)
    return RawSheet(name, pd.DataFrame(grid, dtype=object, copy=False))


def parse_csv(file_name: str, data: bytes) -> list[RawSheet]:
    return [RawSheet(None, csv_text.read_csv(file_name, data))]
