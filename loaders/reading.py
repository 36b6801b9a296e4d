"""Turn an uploaded file's bytes into raw sheets (cells without headers), refusing what is unsafe.

Workbooks are read with calamine; CSV with its delimiter and encoding sniffed. A zip bomb is
refused from the zip directory and a bounded streaming check, before any parser sees it.
"""

import csv
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

import pandas as pd

from core.problems import fail

# A real export of a few hundred thousand answers unpacks to well under this.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # xlsx XML compresses ~10-30x; bombs ~1000x
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
        return _read_workbook(file_name, data)
    if suffix == ".xls":
        raise fail("legacy_xls", file_name)
    if suffix in (".csv", ".txt", ""):
        return [RawSheet(None, _read_csv(file_name, data))]
    raise fail("unsupported_type", file_name)


def check_zip_size(file_name: str, data: bytes) -> None:
    """Refuse a workbook that would unpack to more than MAX_UNPACKED_BYTES.

    The directory's declared sizes are checked first. Then every member's deflate stream is
    inflated in bounded chunks, counting what comes out and keeping none of it, until the
    stream itself ends: a directory that lies about sizes cannot hide a bomb from this.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise fail("corrupt_workbook", file_name, params={"detail": _detail(exc)}) from None
    if any(m.flag_bits & 0x1 for m in members):
        raise fail("password_protected", file_name)
    declared = sum(m.file_size for m in members)
    compressed = sum(m.compress_size for m in members) or 1
    limit_mb = MAX_UNPACKED_BYTES // (1024 * 1024)
    if declared > MAX_UNPACKED_BYTES or (
        declared > 20 * 1024 * 1024 and declared / compressed > MAX_COMPRESSION_RATIO
    ):
        raise fail("too_large", file_name, params={"size": declared // 2**20, "limit": limit_mb})
    total = 0
    for member in members:
        total += _inflated_size(data, member, MAX_UNPACKED_BYTES - total)
        if total > MAX_UNPACKED_BYTES:
            raise fail("too_large", file_name, params={"size": f"> {limit_mb}", "limit": limit_mb})


def _inflated_size(data: bytes, member: zipfile.ZipInfo, budget: int) -> int:
    """How many bytes one member really inflates to, stopping once past budget."""
    offset = member.header_offset
    if data[offset : offset + 4] != b"PK\x03\x04":
        return member.file_size  # not a local header where the directory says: calamine decides
    name_len, extra_len = struct.unpack("<HH", data[offset + 26 : offset + 30])
    start = offset + 30 + name_len + extra_len
    if member.compress_type == zipfile.ZIP_STORED:
        return member.compress_size
    if member.compress_type != zipfile.ZIP_DEFLATED:
        return member.file_size
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size, position, chunk = 0, start, 1 << 16
    while not inflater.eof and position < len(data) and size <= budget:
        pending = data[position : position + chunk]
        position += chunk
        while pending and size <= budget:
            try:
                size += len(inflater.decompress(pending, 1 << 20))
            except zlib.error:
                return size  # damaged: calamine reports it as a corrupt workbook
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    return size


def _read_workbook(file_name: str, data: bytes) -> list[RawSheet]:
    check_zip_size(file_name, data)
    try:
        frames = pd.read_excel(
            io.BytesIO(data), sheet_name=None, header=None, engine="calamine", dtype=object
        )
    except Exception as exc:  # calamine raises its own errors for every kind of damage
        raise fail("corrupt_workbook", file_name, params={"detail": _detail(exc)}) from None
    return [RawSheet(str(name), frame) for name, frame in frames.items()]


def _detail(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def decode_text(file_name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, which Finnish Excel writes."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise fail("not_a_workbook", file_name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(file_name: str, data: bytes) -> pd.DataFrame:
    text = decode_text(file_name, data)
    sample = "\n".join(text.splitlines()[:20])
    counts = {sep: sample.count(sep) for sep in (";", ",", "\t")}
    sep = max(counts, key=counts.get) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        rows = [row for row in reader]
    except csv.Error as exc:
        raise fail("not_a_workbook", file_name, params={"detail": _detail(exc)}) from None
    width = max((len(r) for r in rows), default=0)
    if width == 0:
        raise fail("empty_file", file_name)
    padded = [r + [""] * (width - len(r)) for r in rows]
    frame = pd.DataFrame(padded, dtype=object)
    return frame.where(frame.map(lambda v: v.strip() != ""), None)
