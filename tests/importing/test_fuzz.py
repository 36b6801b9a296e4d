"""Fuzz the import path: generated and mutated workbooks and CSV files go through load_file and
import_file on a real SQLite database. Each ends as a stored batch or as a clean message in
both languages with the database unchanged: never another exception, never a partial write.

The normal run tries FUZZ_EXAMPLES (default 60) examples per test; `make fuzz` runs thousands.
"""

import datetime as dt
import functools
import io
import os
import re
import zipfile

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlmodel import SQLModel

from core.problems import LoadError
from data_model.db import open_database
from data_model.models import ImportBatch
from importing import import_file
from loaders import load_file
from loaders.templates import TEMPLATE_FORMS, template_bytes
from tests.unsafe_files import edited_xlsx

pytestmark = pytest.mark.slow  # run by `make test`, not by `make check`

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written into the work tree; a failure prints its example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HEADERS = [
    "Päivämäärä",
    "Yksikkö",
    "Vastaus",
    "Kysymys",
    "Kysely",
    "Kommentti",
    "Vastaajaryhmä",
    "Asteikko",
    "Date",
    "Unit",
    "Score",
    "Comment",
    "Kausi",
    "Vastauksia",
    "Keskiarvo",
    "Erittäin tyytyväinen",
    "Tyytyväinen",
    "Tyytymätön",
    "Erittäin tyytymätön",
    "Kuukausi",
    "Henkilöstö",
    "HTV",
    "Sairauspoissaolopäivät",
    "Fiilis",
    "Työkuorma",
    "Huoli",
    "Mentori",
    "Havainnot",
    "Mittari",
    "Tavoite",
    "Vuosi",
    "Palvelualue",
    "Esihenkilö",
    "Valmennus alkaa",
    "Valmistumisaika",
    "ID",
    "Sähköposti",
    "Vastaajatunnus",
    "Vastausaika",
    "Oppilaitos",
]
WORDS = [
    "Päiväkoti Aurinko",
    "Koulu Kuu",
    "Kotihoito Itä",
    "täysin samaa mieltä",
    "eri mieltä",
    "eos",
    "kyllä",
    "ei",
    "2024Q2",
    "kevät 2024",
    "3/2024",
    "5.10.2016",
    "5.10.2016 klo 10.15",
    "2016-10-05",
    "31.12.9999",
    "4,5",
    "1 234,5",
    "-1",
    "0",
    "1e308",
    "NaN",
    "=1+1",
    "**lihava**",
    "Päivä\u200bkoti Aurinko",
    "Pa\u0308iva\u0308koti Aurinko",
    "",
]
# openpyxl refuses control characters in cells; everything else Unicode has may come.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
CELL = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    TEXT,
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(1, 5),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)),
    st.booleans(),
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    yield engine
    engine.dispose()


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in SQLModel.metadata.tables.items()
        }


def _check_import(engine, name: str, data: bytes) -> None:
    """The property: a stored batch, or a clean message and an unchanged database."""
    try:
        load_file(name, data)
    except LoadError as error:
        _assert_clean(error)
    before = _counts(engine)
    result = import_file(engine=engine, file_name=name, data=data)
    after = _counts(engine)
    codes = [p.code for p in result.error.problems[:1]] if result.error else []
    event(f"{result.status} {' '.join(codes)}".strip())  # --hypothesis-show-statistics
    if result.status == "error":
        _assert_clean(result.error)
        assert after == before, "a refused file changed the database"
    elif result.status == "imported":
        assert after["import_batch"] == before["import_batch"] + 1
        with engine.connect() as conn:
            stored = conn.execute(select(ImportBatch.rows).where(ImportBatch.id == result.batch_id))
            assert stored.scalar_one() == result.rows > 0
    else:  # the same bytes, or rows an earlier generated file already stored (not replaced)
        assert result.status in ("unchanged", "overlap")
        assert after == before


def _assert_clean(error: LoadError) -> None:
    assert isinstance(error, LoadError) and error.problems
    for lang in ("fi", "en"):
        message = error.message(lang)
        assert message.strip()
        assert "Traceback" not in message
        assert not re.search(r"\bproblem\.[a-z_]+\b", message), f"a raw text key: {message}"


# Workbooks.


@st.composite
def workbooks(draw) -> bytes:
    """An .xlsx written by openpyxl: a header from the known names and odd text, rows of any
    cell values, sometimes title rows above and a second sheet."""
    from openpyxl import Workbook

    header = draw(st.lists(st.one_of(st.sampled_from(HEADERS), TEXT), min_size=1, max_size=7))
    rows = draw(st.lists(st.lists(CELL, min_size=0, max_size=8), max_size=12))
    book = Workbook()
    sheet = book.active
    sheet.title = draw(st.sampled_from(["Taulukko1", "Vastaukset", "Sheet 1", "Ä'ö"]))
    for _ in range(draw(st.integers(0, 2))):
        sheet.append([draw(TEXT)])
    try:
        for row in [header, *rows]:
            sheet.append(row)
        if draw(st.booleans()):
            book.create_sheet("Ohje").append([draw(TEXT)])
        out = io.BytesIO()
        book.save(out)
    except (ValueError, TypeError, OverflowError):  # openpyxl refuses some values outright
        assume(False)
    return out.getvalue()


@functools.cache
def _template(kind: str, form: str) -> tuple[list, list]:
    """The header and example row of a kind's template, as its loader reads them."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(template_bytes(kind, form))).active
    header, example = ([cell.value for cell in row] for row in sheet.iter_rows(max_row=2))
    return header, example


@st.composite
def realistic_rows(draw) -> list[list]:
    """A file of a known kind: its template's header and example rows, with some cells
    replaced by odd values and units drawn from a few names (spelled in several ways)."""
    header, example = _template(*draw(st.sampled_from(TEMPLATE_FORMS)))
    units = st.sampled_from(
        [
            "Päiväkoti Aurinko",
            "Koulu Kuu",
            "Pa\u0308iva\u0308koti Aurinko",
            "koulu  kuu",
            "Kotihoito\u200b Itä",
        ]
    )
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        row = [
            draw(units) if name in ("Yksikkö", "Unit") else value
            for name, value in zip(header, example, strict=True)
        ]
        if draw(st.integers(0, 4)) == 0:  # most rows as the template has them
            row[draw(st.integers(0, len(row) - 1))] = draw(CELL)
        rows.append(row)
    return [header, *rows]


@st.composite
def realistic_workbooks(draw) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    try:
        for row in draw(realistic_rows()):
            book.active.append(row)
        out = io.BytesIO()
        book.save(out)
    except (ValueError, TypeError, OverflowError):
        assume(False)
    return out.getvalue()


PLACE = st.integers(0, 10**7)
FAR_REFS = ["XFD1048576", "A99999999", "xfd1", "A0", "ZZZZZZZZ1", "B2", "AA10", "C20000"]


@st.composite
def mutated_workbooks(draw) -> bytes:
    """A generated workbook damaged as files are: cut short, bytes flipped, or a sheet's XML
    edited (a cell moved far away, a tag dropped, text cut)."""
    data = draw(st.one_of(workbooks(), realistic_workbooks()))
    how = draw(st.sampled_from(["truncate", "flip", "far_cell", "drop_tag", "cut_xml", "other"]))
    # Places are drawn as numbers taken modulo the length: openpyxl stamps the time into a
    # workbook, so its length may differ by a byte between runs of the same example.
    if how == "truncate":
        return data[: draw(PLACE) % len(data)]
    if how == "flip":
        mutable = bytearray(data)
        for place in draw(st.lists(PLACE, min_size=1, max_size=8)):
            mutable[place % len(data)] = draw(st.integers(0, 255))
        return bytes(mutable)
    members = zipfile.ZipFile(io.BytesIO(data)).namelist()
    member = "xl/worksheets/sheet1.xml"
    if how == "other":
        member = draw(st.sampled_from(sorted(members)))
    if how == "far_cell":
        ref = draw(st.sampled_from(FAR_REFS))
        return edited_xlsx(
            data, lambda xml: re.sub(rb'r="[A-Z]+\d+"', f'r="{ref}"'.encode(), xml, count=1), member
        )
    cut = draw(PLACE)
    if how == "drop_tag":
        return edited_xlsx(data, lambda xml: _drop_tag(xml, cut), member)
    return edited_xlsx(data, lambda xml: xml[: cut % max(len(xml), 1)], member)


def _drop_tag(xml: bytes, seed: int) -> bytes:
    tags = list(re.finditer(rb"<[^>]+>", xml))
    if not tags:
        return xml
    tag = tags[seed % len(tags)]
    return xml[: tag.start()] + xml[tag.end() :]


@FUZZ
@given(
    data=st.one_of(workbooks(), realistic_workbooks()),
    name=st.sampled_from(["palaute.xlsx", "Tiedosto (1).xlsm", "x.csv"]),
)
def test_generated_workbooks_import_or_give_a_clean_message(engine, data, name):
    _check_import(engine, name, data)


@FUZZ
@given(data=mutated_workbooks())
def test_damaged_workbooks_import_or_give_a_clean_message(engine, data):
    _check_import(engine, "vioittunut.xlsx", data)


# CSV.

CSV_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def csv_files(draw) -> bytes:
    """CSV in any delimiter, quoting, line end and encoding, sometimes cut or damaged."""
    import csv

    if draw(st.booleans()):
        rows = [[_as_text(v) for v in row] for row in draw(realistic_rows())]
    else:
        header = st.lists(st.one_of(st.sampled_from(HEADERS), CSV_TEXT), min_size=1, max_size=7)
        cell = st.one_of(st.sampled_from(WORDS), CSV_TEXT, st.integers(1, 5).map(str))
        rows = [draw(header), *draw(st.lists(st.lists(cell, max_size=8), max_size=15))]
    out = io.StringIO(newline="")
    writer = csv.writer(
        out,
        delimiter=draw(st.sampled_from([";", ",", "\t"])),
        lineterminator=draw(st.sampled_from(["\r\n", "\n"])),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
    )
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    data = out.getvalue().encode(encoding, errors="replace")
    damage = draw(st.sampled_from(["none", "none", "truncate", "flip", "nul"]))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "flip" and data:
        mutable = bytearray(data)
        mutable[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        data = bytes(mutable)
    elif damage == "nul":
        data = data[: len(data) // 2] + b"\x00" + data[len(data) // 2 :]
    return data


def _as_text(value) -> str:
    """A cell as an export writes it: Finnish dates, decimal commas, blanks empty."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value.day}.{value.month}.{value.year} klo {value.hour}.{value.minute:02d}"
    if isinstance(value, dt.date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


@FUZZ
@given(data=csv_files(), name=st.sampled_from(["palaute.csv", "vienti.txt", "raportti"]))
def test_csv_files_import_or_give_a_clean_message(engine, data, name):
    _check_import(engine, name, data)
