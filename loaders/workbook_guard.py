"""What a workbook's zip would make a reader allocate, found before any parser sees it: the
unpacked size of every member, and each sheet's used range from its XML, in one streaming pass.

Nothing here builds a DOM or keeps more than a chunk of unpacked XML: a zip bomb and a sheet with
one cell at XFD1048576 are both refused for the cost of reading their bytes once.
"""

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from posixpath import join, normpath

from core.problems import LoadError, Problem, fail

CHUNK = 1 << 20  # unpacked bytes scanned at a time
OVERLAP = 64  # bytes carried into the next chunk, so a reference cut in two is still seen
NAMES_LIMIT = 2 * 1024 * 1024  # workbook.xml and its rels larger than this: sheets keep paths


@dataclass(frozen=True)
class Limits:
    """How far a workbook may reach before it is refused (see loaders.reading)."""

    unpacked_bytes: int
    compression_ratio: int
    columns: int
    rows: int
    cells: int


def check_workbook(file_name: str, data: bytes, limits: Limits) -> None:
    """Refuse a workbook that would unpack past the limit, or whose sheets reach too far.

    The directory's declared sizes are checked first. Then every member's deflate stream is
    inflated in bounded chunks, counting what comes out and keeping none of it, until the stream
    itself ends: a directory that lies about sizes cannot hide a bomb. Sheet XML is scanned in
    the same pass for its <dimension> and for every row and cell reference (r="XFD1048576").
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as exc:  # noqa: BLE001  BadZipFile, and NotImplementedError for a damaged version
        raise fail("corrupt_workbook", file_name, params={"detail": detail(exc)}) from None
    if any(m.flag_bits & 0x1 for m in members):
        raise fail("password_protected", file_name)
    declared = sum(m.file_size for m in members)
    compressed = sum(m.compress_size for m in members) or 1
    limit_mb = limits.unpacked_bytes // (1024 * 1024)
    if declared > limits.unpacked_bytes or (
        declared > 20 * 1024 * 1024 and declared / compressed > limits.compression_ratio
    ):
        raise fail("too_large", file_name, params={"size": declared // 2**20, "limit": limit_mb})
    try:
        _scan(file_name, data, archive, members, limits)
    except LoadError:
        raise
    except Exception as exc:  # noqa: BLE001  damage this pass cannot follow is damage all the same
        raise fail("corrupt_workbook", file_name, params={"detail": detail(exc)}) from None


def _scan(file_name, data, archive, members, limits: Limits) -> None:
    limit_mb = limits.unpacked_bytes // (1024 * 1024)
    sheets = _sheet_names(archive, members)
    total = 0
    for member in members:
        extent = SheetExtent() if member.filename in sheets else None
        for chunk in _inflate(data, member, limits.unpacked_bytes - total):
            total += len(chunk)
            if total > limits.unpacked_bytes:
                params = {"size": f"> {limit_mb}", "limit": limit_mb}
                raise fail("too_large", file_name, params=params)
            if extent is not None:
                extent.feed(chunk)
        if extent is not None:
            extent.check(file_name, sheets[member.filename], limits)


def _inflate(data: bytes, member: zipfile.ZipInfo, budget: int) -> Iterator[bytes]:
    """A member's unpacked bytes in chunks, read from its local header, stopping past budget.

    A member this cannot follow (no local header where the directory says, an unknown method,
    damaged deflate data) yields what it could: calamine then reports it as a corrupt workbook.
    """
    offset = member.header_offset
    if data[offset : offset + 4] != b"PK\x03\x04" or len(data) < offset + 30:
        return
    name_len, extra_len = struct.unpack("<HH", data[offset + 26 : offset + 30])
    start = offset + 30 + name_len + extra_len
    if member.compress_type == zipfile.ZIP_STORED:
        yield from _slices(data[start : start + member.compress_size])
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size, position = 0, start
    while not inflater.eof and position < len(data) and size <= budget:
        pending = data[position : position + (1 << 16)]
        position += 1 << 16
        while pending and size <= budget:
            try:
                out = inflater.decompress(pending, CHUNK)
            except zlib.error:
                return
            size += len(out)
            if out:
                yield out
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break


def _slices(data: bytes) -> Iterator[bytes]:
    for i in range(0, len(data), CHUNK):
        yield data[i : i + CHUNK]


# A row or cell reference attribute: r="..." after whitespace (not ref=, sqref=, header=).
_REF = rb"""r=["'](?<=\sr=["'])"""
# A cell on a row past 999 999 (its letters and row), or a cell in a column past Z (its letters):
# in an ordinary file this matches nothing, or only the wide part of a wide sheet, so the scan
# stays cheap; rows below a million are read from the <row r="..."> elements instead.
_FAR_CELL = re.compile(_REF + rb"""(?:([A-Za-z]+)(\d{7,})["']|([A-Za-z]{2,})\d)""")
_ROW = re.compile(rb"""row\s[^>]*?(?<=\s)r=["'](\d+)""")
_DIMENSION = re.compile(rb"""dimension\s[^>]*?ref=["']([^"']*)["']""")
_CELL = re.compile(r"\$?([A-Za-z]+)\$?(\d+)")


class SheetExtent:
    """The farthest row and column a sheet's XML names, fed chunk by chunk.

    Columns A-Z are known from the dimension only (finding them in every cell would double the
    cost of the scan); a sheet that narrow would need two million rows to pass the cell limit,
    and the row limit refuses those first.
    """

    def __init__(self):
        self.rows = 0
        self.columns = 0
        self.row_cell = ""  # a cell on the farthest row, e.g. A99999999
        self.column_cell = ""  # a cell in the farthest column, e.g. XFD1048576
        self.dimension: str | None = None
        self._tail = b""
        self._fed = 0

    def feed(self, chunk: bytes) -> None:
        text = self._tail + chunk
        if self.dimension is None and self._fed < 1 << 16:
            found = _DIMENSION.search(text)
            if found:
                self.dimension = found[1].decode("ascii", "replace")
                for letters, row in _CELL.findall(self.dimension):
                    self._note(column_number(letters), int(row), f"{letters.upper()}{row}")
        self._fed += len(chunk)
        for far_letters, far_row, letters in set(_FAR_CELL.findall(text)):
            if far_row:
                ref = f"{far_letters.decode().upper()}{int(far_row)}"
                self._note(column_number(far_letters), int(far_row), ref)
            elif column_number(letters) > self.columns:
                row = re.search(_REF + re.escape(letters) + rb"(\d+)", text)
                ref = f"{letters.decode().upper()}{int(row[1]) if row else ''}"
                self._note(column_number(letters), 0, ref)
        rows = _ROW.findall(text)
        if rows:
            row = max(map(int, rows))
            self._note(0, row, f"A{row}")
        self._tail = text[-OVERLAP:]

    def _note(self, column: int, row: int, ref: str) -> None:
        if column > self.columns:
            self.columns, self.column_cell = column, ref
        if row > self.rows:
            self.rows, self.row_cell = row, ref

    def check(self, file_name: str, sheet: str, limits: Limits) -> None:
        """LoadError naming the far cell when the used range passes a limit."""
        if self.columns > limits.columns:
            code, limit, cell = "too_many_columns", limits.columns, self.column_cell
        elif self.rows > limits.rows:
            code, limit, cell = "too_many_rows", limits.rows, self.row_cell
        elif self.rows * self.columns > limits.cells:
            cell = f"{column_letters(self.columns)}{self.rows}"
            code, limit = "too_many_cells", limits.cells
        else:
            return
        params = {
            "cell": cell,
            "rows": grouped(self.rows),
            "columns": grouped(self.columns),
            "cells": grouped(self.rows * self.columns),
            "limit": grouped(limit),
        }
        raise LoadError([Problem(code, file_name, sheet, params=params)])


def grouped(number: int) -> str:
    """16384 as 16 384: thousands apart with a no-break space, read alike in fi and en."""
    return f"{number:,}".replace(",", "\u00a0")


def column_number(letters: str | bytes) -> int:
    """A1-style column letters to a number: A = 1, Z = 26, AA = 27, XFD = 16384."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


_SHEET = re.compile(rb"""<(?:\w+:)?sheet\s[^>]*>""")
_ATTRIBUTE = re.compile(rb"""([\w:]+)=["']([^"']*)["']""")
_RELATIONSHIP = re.compile(rb"""<(?:\w+:)?Relationship\s[^>]*>""")


def _sheet_names(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> dict[str, str]:
    """Member path -> the sheet name a user sees, for every worksheet member.

    Worksheets are the members workbook.xml's relationships point at, and everything under
    xl/worksheets/; a member whose name cannot be found is named by its path.
    """
    paths = {m.filename for m in members}
    found = {p: p.rsplit("/", 1)[-1] for p in paths if re.fullmatch(r"xl/worksheets/[^/]+\.xml", p)}
    try:
        book = _small_member(archive, "xl/workbook.xml")
        rels = _small_member(archive, "xl/_rels/workbook.xml.rels")
    except Exception:  # noqa: BLE001  a member zipfile cannot open: sheets keep their paths
        return found
    targets = {}
    for element in _RELATIONSHIP.findall(rels):
        attributes = dict(_ATTRIBUTE.findall(element))
        target = attributes.get(b"Target", b"").decode("utf-8", "replace")
        path = normpath(target.lstrip("/") if target.startswith("/") else join("xl", target))
        targets[attributes.get(b"Id", b"")] = path
    for element in _SHEET.findall(book):
        attributes = dict(_ATTRIBUTE.findall(element))
        rel_id = next((v for k, v in attributes.items() if k.endswith(b":id")), b"")
        path = targets.get(rel_id)
        if path in paths:
            found[path] = _unescape(attributes.get(b"name", b"").decode("utf-8", "replace"))
    return found


def _small_member(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > NAMES_LIMIT:
        raise ValueError(name)
    with archive.open(name) as member:
        return member.read(NAMES_LIMIT + 1)[:NAMES_LIMIT]


def _unescape(text: str) -> str:
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return text.replace("&amp;", "&")


def detail(exc: Exception) -> str:
    """The first line of an exception's text, short enough for a message."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
