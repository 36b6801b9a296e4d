"""CSV as Excel, ARVO and survey tools write it: the encoding from the BOM or the bytes, the
delimiter from a sample read with its quoting, and the cells streamed into one table.

Memory stays near the size of the table itself: rows are read one at a time from the bytes,
and a cell value that repeats (a unit, a date, an answer) is kept once and shared.
"""

import codecs
import csv
import io
import itertools
from collections import Counter

import numpy as np
import pandas as pd

from core.problems import LoadError, Problem, fail
from loaders.workbook_guard import detail

DELIMITERS = (";", ",", "\t")  # in this order of preference on a tie
SAMPLE_BYTES = 64 * 1024  # read to choose the delimiter
SHARED_VALUES = 200_000  # distinct cell values kept for sharing; past this, sharing starts again
BATCH_ROWS = 10_000  # rows parsed before they are turned into columns
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_csv(file_name: str, data: bytes) -> pd.DataFrame:
    """The file's cells as an object table (blank cells None); LoadError for what is unreadable."""
    encoding = detect_encoding(file_name, data)
    sample = _sample(data, encoding)
    delimiter = choose_delimiter(sample)
    stream = io.TextIOWrapper(
        io.BytesIO(data),
        encoding=encoding,
        newline="",
        errors="replace" if encoding == "cp1252" else "strict",
    )
    reader = csv.reader(stream, delimiter=delimiter)
    table = _Columns()
    try:
        while batch := list(itertools.islice(reader, BATCH_ROWS)):
            table.add(batch)
    except UnicodeDecodeError:
        line = _line_of_bad_text(data, encoding)
        params = {"encoding": _name(encoding)}
        raise fail("text_truncated", file_name, row=line, params=params) from None
    except csv.Error as exc:
        params = {"detail": detail(exc)}
        problem = Problem("not_a_workbook", file_name, row=reader.line_num, params=params)
        raise LoadError([problem]) from None
    if not table.columns:
        raise fail("empty_file", file_name)
    return _frame(table.columns, table.rows)


class _Columns:
    """Rows added a batch at a time, kept as one list per column.

    A value seen before is stored as the same object (a unit's name, a date, an answer repeat
    on every row), so a million rows cost a pointer a cell rather than a string a cell. The
    batch is turned into columns and shared through dict.setdefault in C, not cell by cell in
    Python; blank and space-only cells become None.
    """

    def __init__(self):
        self.columns: list[list] = []
        self.rows = 0
        self.shared: dict[str, str | None] = {"": None}

    def add(self, batch: list[list[str]]) -> None:
        if len(self.shared) > SHARED_VALUES:
            self.shared = {"": None}  # free-text heavy file: sharing starts again
        known = len(self.shared)
        width = max(map(len, batch))
        while len(self.columns) < width:
            self.columns.append([None] * self.rows)
        padded = [row if len(row) == width else row + [""] * (width - len(row)) for row in batch]
        share = self.shared.setdefault
        transposed = zip(*padded, strict=True) if width else ()
        added = [list(map(share, cells, cells)) for cells in transposed]
        blanks = {v for v in itertools.islice(self.shared, known, None) if not v.strip()}
        if blanks:  # cells of spaces only, new in this batch: blank, here and from now on
            self.shared.update(dict.fromkeys(blanks))
            added = [[None if v in blanks else v for v in cells] for cells in added]
        for column, cells in zip(self.columns, added, strict=False):
            column.extend(cells)
        for column in self.columns[width:]:
            column.extend([None] * len(batch))
        self.rows += len(batch)


def _frame(columns: list[list], rows: int) -> pd.DataFrame:
    """One object grid filled a column at a time, each list freed as it is copied in."""
    grid = np.empty((rows, len(columns)), dtype=object)
    for j in range(len(columns)):
        grid[:, j] = columns[j]
        columns[j] = None
    return pd.DataFrame(grid, dtype=object, copy=False)


def detect_encoding(file_name: str, data: bytes) -> str:
    """UTF-8 or UTF-16 from a BOM; else UTF-8 when every byte decodes as UTF-8; else
    Windows-1252, which Finnish Excel writes. Text with NUL bytes and no BOM is not CSV."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if b"\x00" in data[:4096]:
        raise fail("not_a_workbook", file_name)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), 1 << 20):
            decoder.decode(data[start : start + (1 << 20)], final=start + (1 << 20) >= len(data))
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _line_of_bad_text(data: bytes, encoding: str) -> int | None:
    """The line where the text stops decoding: the lines before it, counted in the bytes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    newline = b"\n"
    if encoding == "utf-16":
        newline = b"\n\x00" if data.startswith(codecs.BOM_UTF16_LE) else b"\x00\n"
    step = 1 << 20
    for start in range(0, len(data), step):
        try:
            decoder.decode(data[start : start + step], final=start + step >= len(data))
        except UnicodeDecodeError as error:
            end = start + error.start
            return data.count(newline, 0, end) + 1
    return None


def _sample(data: bytes, encoding: str) -> str:
    """The first lines of the text, without a line cut off at the sample's end."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(data[:SAMPLE_BYTES], final=len(data) <= SAMPLE_BYTES)
    if len(data) > SAMPLE_BYTES and "\n" in text:
        text = text[: text.rindex("\n") + 1]
    return text


def choose_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's rows most consistently, quotes respected.

    Each candidate is read with the csv module, so a comma inside a quoted comment is not a
    delimiter; the winner gives the most rows of one width (of two or more fields). csv.Sniffer
    breaks a tie when its guess is among them.
    """
    scores = {sep: _consistency(sample, sep) for sep in DELIMITERS}
    best = max(scores.values())
    if best == (0, 0):
        return ","  # one column, or no text at all
    tied = [sep for sep in DELIMITERS if scores[sep] == best]
    if len(tied) > 1:
        try:
            sniffed = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
        except csv.Error:
            sniffed = None
        if sniffed in tied:
            return sniffed
    return tied[0]


def _consistency(sample: str, sep: str) -> tuple[int, int]:
    """(rows having the most common width, that width), counting widths of two or more."""
    try:
        widths = Counter(
            len(row) for row in csv.reader(io.StringIO(sample, newline=""), delimiter=sep) if row
        )
    except csv.Error:
        return (0, 0)
    widths = Counter({w: n for w, n in widths.items() if w >= 2})
    if not widths:
        return (0, 0)
    width, rows = max(widths.items(), key=lambda item: (item[1], item[0]))
    return (rows, width)


def _name(encoding: str) -> str:
    return {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16"}.get(encoding, encoding)
