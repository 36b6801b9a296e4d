"""Reading an upload can never take the process down: a workbook whose used range reaches far
is refused from its XML before the reader allocates, and the parse runs in a worker whose
crash, memory or time overrun becomes a message in the user's language."""

import datetime as dt
import io
import time

import openpyxl
import pandas as pd
import pytest

from loaders import LoadError, load_file, reading, sandbox
from loaders.workbook_guard import column_letters, column_number
from tests.builders import long_feedback, xlsx_bytes
from tests.unsafe_files import far_cell_xlsx, lying_dimension_xlsx

SAFELY_FI = "Tiedostoa ei voitu lukea turvallisesti"
SAFELY_EN = "The file could not be read safely"


def _refused(name: str, data: bytes) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_file(name, data)
    return caught.value


def _shown(error: LoadError, lang: str) -> str:
    """The message as read on screen: the no-break spaces between thousands read as spaces."""
    return error.message(lang).replace("\u00a0", " ")


def _still_reads() -> None:
    """After whatever happened, the next ordinary file is read as usual."""
    assert load_file("hyva.xlsx", xlsx_bytes(long_feedback(3))).rows == 3


@pytest.mark.parametrize(
    ("ref", "code", "fi", "en"),
    [
        (
            "XFD1048576",
            "too_many_columns",
            "ulottuu soluun XFD1048576 (16 384 saraketta), mikä ylittää rajan 2 000 saraketta",
            "reaches cell XFD1048576 (16 384 columns), over the limit of 2 000 columns",
        ),
        (
            "A99999999",
            "too_many_rows",
            "ulottuu soluun A99999999 (99 999 999 riviä), mikä ylittää rajan 2 000 000 riviä",
            "reaches cell A99999999 (99 999 999 rows), over the limit of 2 000 000 rows",
        ),
        (
            "BXX30000",
            "too_many_cells",
            "(30 000 riviä × 2 000 saraketta = 60 000 000 solua), mikä ylittää rajan 50 000 000",
            "(30 000 rows × 2 000 columns = 60 000 000 cells), over the limit of 50 000 000",
        ),
    ],
)
def test_a_far_cell_is_refused_quickly_naming_file_sheet_cell_and_limit(ref, code, fi, en):
    started = time.perf_counter()
    error = _refused("kaukana.xlsx", far_cell_xlsx(ref))
    assert time.perf_counter() - started < 2
    assert [p.code for p in error.problems] == [code]
    assert error.message("fi").startswith("Tiedosto kaukana.xlsx, taulukko Taulukko1: ")
    assert fi in _shown(error, "fi")
    assert error.message("en").startswith("File kaukana.xlsx, sheet Taulukko1: ")
    assert en in _shown(error, "en")
    _still_reads()


def test_a_column_past_excels_last_is_refused_not_read():
    """Eight letters of column: calamine would try to allocate hundreds of gigabytes."""
    error = _refused("sarake.xlsx", far_cell_xlsx("ZZZZZZZZ1"))
    assert [p.code for p in error.problems] == ["too_many_columns"]
    assert "ZZZZZZZZ1" in error.message("en")


def test_a_dimension_that_claims_a_far_range_is_refused_too():
    error = _refused("mitat.xlsx", lying_dimension_xlsx("A1:XFD1048576"))
    assert "XFD1048576" in error.message("en")


def test_a_wide_workbook_within_the_limits_is_read_whole():
    header = ["Päivämäärä", "Yksikkö", *(f"Kysymys {i}" for i in range(1, 299))]
    rows = [header] + [["2024-03-05", "Koulu Kuu", *([4] * 298)] for _ in range(50)]
    sheets = reading.read_sheets("leveä.xlsx", xlsx_bytes(rows))
    assert sheets[0].cells.shape == (51, 300)
    assert sheets[0].cells.iloc[0, 299] == "Kysymys 298"


@pytest.mark.parametrize("ref", ["XFD1048576", "A99999999"])
def test_the_reader_aborting_in_the_worker_becomes_a_message(monkeypatch, ref):
    """With the XML check switched off, calamine really allocates the whole range and aborts
    (SIGABRT) in the worker: the test process lives on and the user gets a message."""
    monkeypatch.setattr(reading, "MAX_SHEET_COLUMNS", 10**9)
    monkeypatch.setattr(reading, "MAX_SHEET_ROWS", 10**12)
    monkeypatch.setattr(reading, "MAX_SHEET_CELLS", 10**18)
    error = _refused("kaatuu.xlsx", far_cell_xlsx(ref))
    assert [p.code for p in error.problems] in (["read_crashed"], ["read_out_of_memory"])
    assert error.message("fi").startswith(f"Tiedosto kaatuu.xlsx: {SAFELY_FI}")
    assert error.message("en").startswith(f"File kaatuu.xlsx: {SAFELY_EN}")
    _still_reads()


@pytest.mark.parametrize(
    ("fault", "code", "fi", "en"),
    [
        ("abort", "read_crashed", "rakenne kaatoi lukijan", "structure crashed the reader"),
        (
            "memory",
            "read_out_of_memory",
            "vaatinut yli 256 Mt muistia",
            "needed more than 256 MB of memory",
        ),
        (
            "raise",
            "unreadable_file",
            "Tiedostoa ei voi lukea (RuntimeError: a bug in a reader)",
            "The file cannot be read (RuntimeError: a bug in a reader)",
        ),
    ],
)
def test_a_worker_that_crashes_or_runs_out_of_memory_gives_a_clean_error(
    monkeypatch, fault, code, fi, en
):
    monkeypatch.setenv(sandbox.FAULT_HOOK, fault)
    monkeypatch.setattr(reading, "READ_MEMORY_BYTES", 256 * 2**20)
    error = _refused("palaute.xlsx", xlsx_bytes(long_feedback(3)))
    assert [p.code for p in error.problems] == [code]
    assert error.message("fi").startswith("Tiedosto palaute.xlsx: ")
    assert fi in error.message("fi")
    assert en in error.message("en")
    monkeypatch.delenv(sandbox.FAULT_HOOK)
    _still_reads()


@pytest.mark.slow
def test_a_worker_past_its_time_is_stopped_and_says_so(monkeypatch):
    monkeypatch.setenv(sandbox.FAULT_HOOK, "hang")
    monkeypatch.setattr(reading, "READ_TIMEOUT_SECONDS", 1.5)
    started = time.perf_counter()
    error = _refused("hidas.csv", b"a;b\n1;2\n")
    assert time.perf_counter() - started < 10
    assert error.message("fi") == (
        f"Tiedosto hidas.csv: {SAFELY_FI}: lukeminen kesti yli 1,5 sekuntia ja keskeytettiin. "
        "Palvelu toimii edelleen. Jaa tiedot pienempiin tiedostoihin."
    )
    assert "reading took more than 1,5 seconds" in error.message("en")
    monkeypatch.delenv(sandbox.FAULT_HOOK)
    _still_reads()


def test_errors_found_inside_the_worker_arrive_whole():
    """A LoadError raised while parsing in the worker keeps its code, place and parameters."""
    data = xlsx_bytes(long_feedback(3))
    error = _refused("katkennut.xlsx", data[: len(data) // 2])
    assert [p.code for p in error.problems] == ["corrupt_workbook"]
    assert error.problems[0].file == "katkennut.xlsx"


@pytest.mark.parametrize(("letters", "number"), [("A", 1), ("Z", 26), ("AA", 27), ("XFD", 16384)])
def test_column_letters_and_numbers(letters, number):
    assert column_number(letters) == number
    assert column_letters(number) == letters


def test_date_columns_come_back_from_the_worker_as_the_reader_gave_them():
    """Date cells travel from the worker as datetime64 arrays: they arrive as the same
    datetimes, beside text in the same column (the header) and blanks."""
    first = dt.datetime(2024, 3, 4, 10, 15, 30)
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"]]
    rows += [[first + dt.timedelta(minutes=7 * i), "Koulu Kuu", i % 5 + 1] for i in range(1500)]
    rows[700][0] = None
    rows[701][0] = "ei päivää"
    data = xlsx_bytes(rows)
    through_worker = reading.read_sheets("paivat.xlsx", data)[0].cells
    in_place = reading.parse_workbook("paivat.xlsx", data)[0].cells
    assert through_worker.equals(in_place)
    assert through_worker.iloc[1500, 0] == first + dt.timedelta(minutes=7 * 1499)
    assert type(through_worker.iloc[1, 0]) is dt.datetime
    assert pd.isna(through_worker.iloc[700, 0]) and through_worker.iloc[701, 0] == "ei päivää"


def test_cells_are_read_as_pandas_read_excel_read_them():
    """The reader takes calamine's rows without pandas' text parser, a third of the read, and
    must give what pandas.read_excel(header=None, dtype=object) gave: whole numbers as int, a
    date as a midnight datetime, times kept, pandas' missing-value texts and empty cells as NaN,
    other text as written, blank rows and columns kept in place (row i is Excel row i + 1)."""
    sheet = openpyxl.Workbook().active
    sheet.title = "Vastaukset"
    cells = {
        "B2": "Päivä",
        "C2": "Arvo",
        "D2": "Teksti",
        "B3": dt.datetime(2024, 1, 5),
        "C3": 3.0,
        "D3": "NA",
        "B4": dt.date(2024, 1, 6),
        "C4": 2.5,
        "D4": "N/A",
        "B6": dt.datetime(2024, 1, 7, 12, 30),
        "C6": 1e20,
        "D6": "null",
        "B7": "2024-01-08",
        "C7": True,
        "D7": " NA",
        "B8": dt.time(12, 0),
        "C8": "#N/A",
        "D8": "ei vastausta",
        "B9": -4.0,
        "C9": 2**60 * 1.0,
        "D9": "",
    }
    for ref, value in cells.items():
        sheet[ref] = value
    for row in range(10, 1210):  # a long column of each kind, the way real exports come
        sheet.cell(row, 2, dt.datetime(2024, 2, 1) + dt.timedelta(days=row % 40))
        sheet.cell(row, 3, float(row % 5) + (0.5 if row % 7 == 0 else 0.0))
        sheet.cell(row, 4, ("NA", "kyllä", "")[row % 3])
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    data = buffer.getvalue()

    read = reading.parse_workbook("rajat.xlsx", data)[0].cells
    through_worker = reading.read_sheets("rajat.xlsx", data)[0].cells
    expected = pd.read_excel(
        io.BytesIO(data), sheet_name=None, header=None, engine="calamine", dtype=object
    )["Vastaukset"]

    pd.testing.assert_frame_equal(read, expected)
    pd.testing.assert_frame_equal(through_worker, expected)
    assert read.map(type).equals(expected.map(type))
    assert read.shape == (1209, 4) and read.iloc[0].isna().all() and read.iloc[4].isna().all()
    assert read.iloc[2, 1] == dt.datetime(2024, 1, 5) and type(read.iloc[3, 1]) is dt.datetime
    assert read.iloc[2, 2] == 3 and type(read.iloc[2, 2]) is int and read.iloc[3, 2] == 2.5
    assert read.iloc[5, 2] == 10**20 and type(read.iloc[5, 2]) is int
    assert read.iloc[6, 2] is True and read.iloc[7, 1] == dt.time(12, 0)
    assert read.iloc[6, 3] == " NA" and read.iloc[7, 3] == "ei vastausta"
    assert pd.isna(read.iloc[2, 3]) and pd.isna(read.iloc[7, 2]) and pd.isna(read.iloc[8, 3])


@pytest.mark.parametrize("field", ["version", "method"])
def test_a_zip_damaged_where_zipfile_gives_up_is_a_corrupt_workbook(field):
    """A flipped byte in the zip directory (the version needed to extract, or the compression
    method of workbook.xml) made zipfile raise NotImplementedError: found by the fuzz test."""
    data = bytearray(xlsx_bytes(long_feedback(3)))
    member = b"xl/workbook.xml"
    entry = data.index(b"PK\x01\x02") if field == "version" else _central_entry(data, member)
    offset = 6 if field == "version" else 10
    data[entry + offset : entry + offset + 2] = (99).to_bytes(2, "little")
    error = _refused("vioittunut.xlsx", bytes(data))
    assert [p.code for p in error.problems] == ["corrupt_workbook"]
    assert "vioittunut tai katkennut" in error.message("fi")
    _still_reads()


def _central_entry(data: bytearray, name: bytes) -> int:
    """Where the zip directory's entry for member name starts."""
    position = data.index(b"PK\x01\x02")
    while not data[position + 46 : position + 46 + len(name)] == name:
        position = data.index(b"PK\x01\x02", position + 4)
    return position
