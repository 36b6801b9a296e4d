"""Reading a file's bytes: .xlsx sheets, CSV in every separator and encoding Finnish users have,
and refusing what cannot or must not be read (old .xls, passwords, damage, zip bombs)."""

import datetime as dt
import io
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from loaders import LoadError, load_file
from loaders.reading import MAX_UNPACKED_BYTES, read_sheets
from tests.builders import BAD_INPUTS, csv_bytes, long_feedback, xlsx_bytes, zip_bomb_xlsx

UNITS = [["Päivämäärä", "Yksikkö", "Vastaus"], ["2024-03-05", "Päiväkoti Äijälä", "4,5"]]


def _stored(loaded) -> list[tuple]:
    table = loaded.tables["feedback"]
    return list(zip(table["date"], table["unit"], table["n"], table["score_sum"], strict=True))


def test_every_sheet_is_read_with_its_name():
    data = xlsx_bytes([["a"]], sheet="Vastaukset", extra_sheets={"Ohje": [["b"]]})
    sheets = read_sheets("x.xlsx", data)
    assert [s.name for s in sheets] == ["Vastaukset", "Ohje"]
    assert sheets[0].cells.iloc[0, 0] == "a"


def test_real_excel_dates_arrive_as_dates():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"], [dt.datetime(2016, 10, 5, 10, 15), "A", 4]]
    assert _stored(load_file("x.xlsx", xlsx_bytes(rows))) == [(dt.date(2016, 10, 5), "A", 1, 4.0)]


@pytest.mark.parametrize("sep", [";", ",", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_in_any_separator_and_encoding_keeps_a_and_o_umlauts(sep, encoding):
    data = csv_bytes(UNITS, sep=sep, encoding=encoding)
    loaded = load_file("palaute.csv", data)
    assert _stored(loaded) == [(dt.date(2024, 3, 5), "Päiväkoti Äijälä", 1, 4.5)]
    assert loaded.sheet is None


def test_csv_with_unix_line_ends_and_quoted_separators():
    rows = [*UNITS, ["2024-03-06", "Koulu; Kuu", "3"]]
    data = csv_bytes(rows, sep=";", encoding="utf-8", line_end="\n")
    units = sorted(load_file("p.csv", data).tables["feedback"]["unit"])
    assert units == ["Koulu; Kuu", "Päiväkoti Äijälä"]


def test_utf16_csv_as_excel_writes_unicode_text():
    data = csv_bytes(UNITS, sep="\t", encoding="utf-16")
    assert _stored(load_file("p.txt", data))[0][1] == "Päiväkoti Äijälä"


@pytest.mark.parametrize(
    ("name", "data", "fi", "en"),
    [
        ("tyhja.csv", b"", "Tiedosto on tyhjä.", "The file is empty."),
        ("raportti.pdf", b"%PDF-1.4", "Tiedostotyyppiä ei tueta", "file type is not supported"),
        ("kuva.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "ei ole Excel-työkirja", "neither an"),
    ],
)
def test_files_that_are_not_tables_are_refused(name, data, fi, en):
    with pytest.raises(LoadError) as caught:
        load_file(name, data)
    assert fi in caught.value.message("fi")
    assert en in caught.value.message("en")


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=lambda b: b.id)
def test_bad_input_gets_a_message_in_finnish_and_english(bad):
    with pytest.raises(LoadError) as caught:
        load_file(bad.file_name, bad.build())
    for part in bad.fi:
        assert part in caught.value.message("fi")
    for part in bad.en:
        assert part in caught.value.message("en")


def test_legacy_xls_content_under_an_xlsx_name_is_recognised():
    ole = next(b for b in BAD_INPUTS if b.id == "legacy_xls").build()
    with pytest.raises(LoadError) as caught:
        load_file("vanha.xlsx", ole)
    assert "Excel 97–2003" in caught.value.message("fi")


def test_the_zip_bomb_really_unpacks_past_the_limit():
    members = zipfile.ZipFile(io.BytesIO(zip_bomb_xlsx())).infolist()
    assert sum(m.file_size for m in members) > MAX_UNPACKED_BYTES
    assert len(zip_bomb_xlsx()) < 1024 * 1024


@pytest.mark.parametrize("lie", [False, True], ids=["honest_directory", "lying_directory"])
def test_a_zip_bomb_is_refused_quickly_without_unpacking_it(lie):
    data = zip_bomb_xlsx(lie=lie)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(LoadError) as refused:
            load_file("pommi.xlsx", data)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.code for p in refused.value.problems] == ["too_large"]
    assert elapsed < 3
    assert peak < 50 * 1024 * 1024


BOMB_IN_A_FRESH_PROCESS = """
import resource, sys
from loaders import LoadError, load_file
from tests.builders import zip_bomb_xlsx
data = zip_bomb_xlsx(lie=True)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_file("pommi.xlsx", data)
except LoadError:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def test_a_lying_zip_directory_does_not_make_the_reader_inflate_it():
    """calamine (Rust) allocates outside tracemalloc's sight: measure the process's peak."""
    done = subprocess.run(
        [sys.executable, "-c", BOMB_IN_A_FRESH_PROCESS],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    grown_kb = int(done.stdout.strip())
    assert grown_kb < 50 * 1024


def test_a_workbook_under_the_limit_is_read_whole():
    rows = long_feedback(200)
    assert load_file("iso.xlsx", xlsx_bytes(rows)).rows == 200
