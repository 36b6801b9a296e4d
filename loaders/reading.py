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

from core.problems import fail
from core.settings import get_settings
from loaders import csv_text
from loaders.sandbox import Containment, run_contained
from loaders.workbook_guard import Limits, check_workbook, detail

# --- Limits of reading one file (one place; the sizes come from core.settings at start) ---
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
        unpacked_bytes=MAX_UNPACKED_BYTES, compression_ratio=MAX_COMPRESSION_RATIO,
        columns=MAX_SHEET_COLUMNS, rows=MAX_SHEET_ROWS, cells=MAX_SHEET_CELLS,
    )  # fmt: skip


def containment() -> Containment:
    return Containment(READ_MEMORY_BYTES, READ_TIMEOUT_SECONDS, READ_WORKERS)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f}"


# The parsers, run inside the worker.


def parse_workbook(file_name: str, data: bytes) -> list[RawSheet]:
    try:
        frames = pd.read_excel(
            io.BytesIO(data), sheet_name=None, header=None, engine="calamine", dtype=object
        )
    except Exception as exc:  # calamine raises its own errors for every kind of damage
        raise fail("corrupt_workbook", file_name, params={"detail": detail(exc)}) from None
    return [RawSheet(str(name), frame) for name, frame in frames.items()]


def parse_workbook_packed(file_name: str, data: bytes) -> list[tuple]:
    """parse_workbook for the worker: each sheet with its date cells packed (see _pack)."""
    return [(sheet.name, *_pack(sheet.cells)) for sheet in parse_workbook(file_name, data)]


def _pack(frame: pd.DataFrame) -> tuple[np.ndarray, dict]:
    """The cells as an object grid, with the date-and-time cells of date columns taken out into
    datetime64 arrays: pickling a datetime object is slow, and a date column of 200 000 answers
    would cost most of the time the worker spends handing its result back."""
    grid = frame.to_numpy(dtype=object)
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
