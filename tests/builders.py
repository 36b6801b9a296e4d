"""Small builders of real input files for tests: .xlsx workbooks written with openpyxl in memory,
CSV bytes in any separator and encoding, and a snapshot of every table to prove nothing changed.
"""

import csv
import datetime as dt
import functools
import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from loaders.reading import OLE_SIGNATURE


def xlsx_bytes(
    rows: list[list],
    title_rows: int = 0,
    sheet: str = "Taulukko1",
    extra_sheets: dict[str, list[list]] | None = None,
    first: dict[str, list[list]] | None = None,
) -> bytes:
    """A workbook whose sheet `sheet` holds rows (header first) below title_rows title lines.

    extra_sheets are added after it; first are added before it (to put the data on sheet 2).
    Cells may be any value openpyxl writes: str, int, float, date, datetime, None.
    """
    book = Workbook()
    book.remove(book.active)
    for name, content in (first or {}).items():
        _fill(book.create_sheet(name), content)
    data = book.create_sheet(sheet)
    for i in range(title_rows):
        data.append([f"Raportti {i + 1}: Tilannekuva" if i == 0 else None])
    _fill(data, rows)
    for name, content in (extra_sheets or {}).items():
        _fill(book.create_sheet(name), content)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill(worksheet, rows: list[list]) -> None:
    for row in rows:
        worksheet.append(list(row))


def csv_bytes(
    rows: list[list], sep: str = ";", encoding: str = "utf-8-sig", line_end: str = "\r\n"
) -> bytes:
    """CSV text of rows (header first), as Excel or ARVO would write it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=sep, lineterminator=line_end)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return out.getvalue().encode(encoding)


def encrypted_xlsx(data: bytes, password: str = "salasana") -> bytes:
    """The workbook encrypted the way Excel does with 'Protect with password' (ECMA-376 agile)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, encrypted)
    return encrypted.getvalue()


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, so 'the database is unchanged' can be asserted exactly."""
    with engine.connect() as conn:
        return {
            name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
            for name, table in SQLModel.metadata.tables.items()
        }


def counts(engine: Engine) -> dict[str, int]:
    """Rows per table."""
    return {name: len(rows) for name, rows in snapshot(engine).items()}


def raw_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written byte by byte: (name, raw deflate data, crc32, declared size) per member.

    The declared size and CRC are written as given, so a test can make a directory that lies.
    """
    body, directory = io.BytesIO(), io.BytesIO()
    for name, compressed, crc, size in members:
        encoded, offset = name.encode(), body.tell()
        sizes = (crc, len(compressed), size, len(encoded))
        body.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, *sizes, 0))
        body.write(encoded + compressed)
        central = (0x02014B50, 20, 20, 0, 8, 0, 0x21, *sizes, 0, 0, 0, 0, 0, offset)
        directory.write(struct.pack("<IHHHHHHIIIHHHHHII", *central) + encoded)
    listing = directory.getvalue()
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(listing), body.tell(), 0
    )
    return body.getvalue() + listing + end


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


@functools.cache
def zip_bomb_xlsx(unpacked_mb: int = 310, lie: bool = False) -> bytes:
    """A real workbook whose first sheet's XML is followed by unpacked_mb MB of spaces.

    The deflate stream is built from one fully flushed 1 MB block repeated, so building takes a
    fraction of a second. With lie=True the directory declares the sheet's true (small) size and
    CRC, as a crafted bomb would, while the stream still inflates to hundreds of MB.
    """
    template = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Päivämäärä", "Yksikkö", "Vastaus"]])))
    sheet = "xl/worksheets/sheet1.xml"
    members = []
    for name in template.namelist():
        data = template.read(name)
        if name != sheet:
            members.append((name, _deflate(data), zlib.crc32(data), len(data)))
            continue
        padding = b" " * (1 << 20)
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        head = packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)
        block = packer.compress(padding) + packer.flush(zlib.Z_FULL_FLUSH)
        # After a full flush every further 1 MB of spaces compresses to exactly the same bytes.
        stream = head + block * unpacked_mb + b"\x03\x00"  # an empty final block ends the stream
        crc = zlib.crc32(data)
        if not lie:
            for _ in range(unpacked_mb):
                crc = zlib.crc32(padding, crc)
        size = len(data) if lie else len(data) + unpacked_mb * len(padding)
        members.append((name, stream, crc, size))
    return raw_zip(members)


LONG_HEADER = ["Päivämäärä", "Yksikkö", "Kysymys", "Vastaus"]


def long_feedback(n: int = 3, unit: str = "Päiväkoti Aurinko", score: object = 4) -> list[list]:
    """Rows of a small valid long feedback file (header first), one answer a day from 4.3.2024."""
    days = [dt.date(2024, 3, 4) + dt.timedelta(days=i) for i in range(n)]
    return [LONG_HEADER] + [[day, unit, "Lapseni viihtyy", score] for day in days]


@dataclass(frozen=True)
class BadInput:
    """A file a user might upload that must be refused, with what the message must say."""

    id: str
    file_name: str
    build: Callable[[], bytes]
    fi: tuple[str, ...]
    en: tuple[str, ...]


def _truncated() -> bytes:
    data = xlsx_bytes(long_feedback())
    return data[: len(data) // 2]


def _row_19_out_of_scale() -> bytes:
    rows = long_feedback(16)
    rows[-1][3] = 7  # two title rows and the header above: this is Excel row 19
    return xlsx_bytes(rows, title_rows=2)


def _several_errors() -> bytes:
    rows = long_feedback(5)
    rows[1][0] = "eilen"
    rows[2][3] = "hyvä juttu"
    rows[4][3] = 0
    rows[5][1] = None
    return xlsx_bytes(rows)


BAD_INPUTS = [
    BadInput(
        "not_a_workbook",
        "raportti.xlsx",
        lambda: random.Random(1).randbytes(4096),
        ("Tiedosto raportti.xlsx", "ei ole Excel-työkirja", "tallenna muodossa .xlsx"),
        ("File raportti.xlsx", "neither an Excel workbook", "save it as .xlsx"),
    ),
    BadInput(
        "truncated",
        "katkennut.xlsx",
        _truncated,
        ("Tiedosto katkennut.xlsx", "vioittunut tai katkennut"),
        ("File katkennut.xlsx", "damaged or truncated"),
    ),
    BadInput(
        "legacy_xls",
        "vanha.xls",
        lambda: OLE_SIGNATURE + bytes(4096),
        ("Tiedosto vanha.xls", "Excel 97–2003", "tallenna muodossa .xlsx"),
        ("File vanha.xls", "old Excel 97–2003 format (.xls)", "save it as .xlsx"),
    ),
    BadInput(
        "password",
        "suojattu.xlsx",
        lambda: encrypted_xlsx(xlsx_bytes(long_feedback())),
        ("Tiedosto suojattu.xlsx", "suojattu salasanalla", "ilman salasanaa"),
        ("File suojattu.xlsx", "protected with a password", "without a password"),
    ),
    BadInput(
        "empty_sheet",
        "tyhja.xlsx",
        lambda: xlsx_bytes([]),
        ("Tiedosto tyhja.xlsx, taulukko Taulukko1", "Taulukko on tyhjä"),
        ("File tyhja.xlsx, sheet Taulukko1", "The sheet is empty"),
    ),
    BadInput(
        "header_only",
        "otsikot.xlsx",
        lambda: xlsx_bytes([LONG_HEADER]),
        ("Tiedosto otsikot.xlsx", "ei ole yhtään tietoriviä"),
        ("File otsikot.xlsx", "no data rows"),
    ),
    BadInput(
        "missing_column",
        "puuttuu.xlsx",
        lambda: xlsx_bytes([row[:3] for row in long_feedback()]),
        ('Pakollinen sarake puuttuu: "Vastaus"',),
        ('A required column is missing: "Score"',),
    ),
    BadInput(
        "text_for_number",
        "henkilosto.xlsx",
        lambda: xlsx_bytes(
            [["Kuukausi", "Yksikkö", "Henkilöstö"], ["2024-03", "Päiväkoti Aurinko", "kaksitoista"]]
        ),
        ('rivi 2, sarake "Henkilöstö": "kaksitoista" ei ole luku',),
        ('row 2, column "Henkilöstö": "kaksitoista" is not a number',),
    ),
    BadInput(
        "out_of_scale",
        "asteikko.xlsx",
        _row_19_out_of_scale,
        (
            'Tiedosto asteikko.xlsx, taulukko Taulukko1, rivi 19, sarake "Vastaus": '
            "7 on asteikon 1–5 ulkopuolella",
        ),
        (
            'File asteikko.xlsx, sheet Taulukko1, row 19, column "Vastaus": '
            "7 is outside the scale 1–5",
        ),
    ),
    BadInput(
        "not_a_date",
        "mentorit.xlsx",
        lambda: xlsx_bytes(
            [
                ["Päivämäärä", "Yksikkö", "Fiilis"],
                ["5.3.2024", "Päiväkoti Aurinko", 4],
                ["ensi viikolla", "Päiväkoti Aurinko", 3],
            ]
        ),
        ('rivi 3, sarake "Päivämäärä": "ensi viikolla" ei ole päivämäärä',),
        ('row 3, column "Päivämäärä": "ensi viikolla" is not a date',),
    ),
    BadInput(
        "several_errors",
        "monta.xlsx",
        _several_errors,
        (
            'rivi 2, sarake "Päivämäärä": "eilen" ei ole päivämäärä',
            'rivi 3, sarake "Vastaus": "hyvä juttu" ei ole luku',
            'rivi 5, sarake "Vastaus": 0 on asteikon 1–5 ulkopuolella',
            'rivi 6, sarake "Yksikkö": Arvo puuttuu',
        ),
        (
            'row 2, column "Päivämäärä": "eilen" is not a date',
            'row 3, column "Vastaus": "hyvä juttu" is not a number',
            'row 5, column "Vastaus": 0 is outside the scale 1–5',
            'row 6, column "Yksikkö": The value is missing',
        ),
    ),
    BadInput(
        "zip_bomb",
        "pommi.xlsx",
        zip_bomb_xlsx,
        ("Tiedosto pommi.xlsx", "ylittää rajan 300 Mt"),
        ("File pommi.xlsx", "over the limit of 300 MB"),
    ),
    BadInput(
        "zip_directory_lies",
        "valehtelija.xlsx",
        lambda: zip_bomb_xlsx(lie=True),
        ("Tiedosto valehtelija.xlsx", "ylittää rajan 300 Mt"),
        ("File valehtelija.xlsx", "over the limit of 300 MB"),
    ),
]
