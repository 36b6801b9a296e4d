"""CSV as it comes: the delimiter found with its quoting, UTF-16 as Excel's "Unicode text"
writes it, a cut-off file and an oversized one refused with a message, and memory that stays
near the size of the table."""

import codecs
import datetime as dt
import time
import tracemalloc

import pytest

from loaders import LoadError, csv_text, load_file, reading
from tests.builders import csv_bytes

HEADER = ["Päivämäärä", "Yksikkö", "Vastaus", "Kommentti"]
COMMENTS = [
    "Hyvä, kiva, lämmin, turvallinen, iloinen, reilu, rauhallinen",
    "Ruoka, ulkoilu, leikit, retket, satutuokiot, musiikki, liikunta, askartelu",
    "",
    "Kiitos, kiitos, kiitos, kiitos, kiitos",
]


def _feedback_rows() -> list[list]:
    return [HEADER] + [
        [f"2024-03-0{i + 1}", "Päiväkoti Äijälä", str(i + 2), comment]
        for i, comment in enumerate(COMMENTS)
    ]


def _answers(data: bytes, name: str = "palaute.csv") -> list[tuple]:
    table = load_file(name, data).tables["feedback"]
    return list(zip(table["date"], table["unit"], table["score_sum"], strict=True))


EXPECTED = [(dt.date(2024, 3, i + 1), "Päiväkoti Äijälä", float(i + 2)) for i in range(4)]


def test_a_semicolon_file_whose_free_text_holds_many_commas_imports():
    data = csv_bytes(_feedback_rows(), sep=";")
    assert data.count(b",") > data.count(b";")  # counting characters would pick the comma
    assert _answers(data) == EXPECTED
    comments = load_file("palaute.csv", data).tables["comments"]["text"].tolist()
    assert comments == [c for c in COMMENTS if c]


def test_a_comma_file_with_semicolons_inside_quoted_text_imports():
    rows = _feedback_rows()
    for row in rows[1:]:
        row[3] = row[3].replace(",", ";")  # csv.writer quotes nothing here: ; is not its delimiter
    rows[1][3] = 'Sanoi: "hyvä; kiva; lämmin; reilu; iloinen; reipas; ihana; paras", ja lähti'
    data = csv_bytes(rows, sep=",")
    assert data.count(b";") > data.count(b",")
    assert _answers(data) == EXPECTED


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("a;b;c\r\n1;2,5;x, y, z\r\n", ";"),
        ('a,b,c\r\n1,"2;5",x\r\n3,"4;5;6",y\r\n', ","),
        ("a\tb\tc\r\n1\t2;3\t4,5\r\n", "\t"),
        ('Raportti, kevät 2024\r\na;b;c\r\n1;"x;y";3\r\n', ";"),  # a title line above
        ("a\r\nb\r\n", ","),  # one column: any delimiter reads it the same
        ("", ","),
    ],
)
def test_choose_delimiter(sample, delimiter):
    assert csv_text.choose_delimiter(sample) == delimiter


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_unicode_text_with_its_bom_is_read(encoding):
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated."""
    text = csv_bytes(_feedback_rows(), sep="\t", encoding="utf-8").decode("utf-8")
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    data = bom[encoding] + text.encode(encoding)
    assert _answers(data, "palaute.txt") == EXPECTED


@pytest.mark.parametrize("cut", [1, 3], ids=["odd_byte", "half_a_surrogate_pair"])
def test_a_truncated_utf16_file_gets_a_message_not_a_decoding_error(cut):
    rows = _feedback_rows()
    rows[-1][3] = "Kiitos 🙂"  # an emoji is a surrogate pair in UTF-16
    text = csv_bytes(rows, sep="\t", encoding="utf-8").decode("utf-8").rstrip("\r\n")
    data = text.encode("utf-16")[:-cut]
    with pytest.raises(LoadError) as caught:
        load_file("katkennut.txt", data)
    assert caught.value.message("fi") == (
        "Tiedosto katkennut.txt, rivi 5: Tiedoston teksti katkeaa kesken tai ei ole merkistöä "
        "UTF-16, jota tiedoston alku ilmoittaa. Tiedosto on ehkä siirtynyt vajaana. Tallenna se "
        "uudelleen (Excelissä esimerkiksi CSV UTF-8) ja yritä uudelleen."
    )
    assert caught.value.message("en").startswith(
        "File katkennut.txt, row 5: The file's text is cut short or is not in the encoding its "
        "start declares (UTF-16)."
    )


def test_a_csv_over_the_size_cap_is_refused_before_it_is_read(monkeypatch):
    assert reading.MAX_CSV_BYTES == 100 * 1024 * 1024
    monkeypatch.setattr(reading, "MAX_CSV_BYTES", 2 * 1024 * 1024)
    data = csv_bytes([HEADER] + [["2024-03-01", "Koulu Kuu", "4", "x" * 100]] * 25_000)
    with pytest.raises(LoadError) as caught:
        load_file("iso.csv", data)
    assert caught.value.message("fi") == (
        "Tiedosto iso.csv: CSV-tiedoston koko on 3 Mt, mikä ylittää rajan 2 Mt. "
        "Tiedostoa ei lueta. Jaa tiedot pienempiin tiedostoihin."
    )
    assert "The CSV file is 3 MB, over the limit of 2 MB" in caught.value.message("en")


@pytest.mark.parametrize(("batch", "shared"), [(10_000, 200_000), (2, 3), (1, 1)])
def test_blank_cells_are_none_ragged_rows_padded_and_blank_lines_kept_for_row_numbers(
    monkeypatch, batch, shared
):
    """The same table whatever the batch size and however often value sharing starts again."""
    monkeypatch.setattr(csv_text, "BATCH_ROWS", batch)
    monkeypatch.setattr(csv_text, "SHARED_VALUES", shared)
    data = b"a;b\r\n1; \r\n2;3;4\r\n\r\n5\r\n \t; b\r\n"
    frame = csv_text.read_csv("x.csv", data)
    assert frame.values.tolist() == [
        ["a", "b", None],
        ["1", None, None],
        ["2", "3", "4"],
        [None, None, None],
        ["5", None, None],
        [None, " b", None],
    ]


@pytest.mark.slow
def test_a_large_csv_is_read_in_memory_near_the_size_of_its_table():
    """20 MB of survey rows: the old reader held the decoded text, a list of lists and a
    padded copy at once (over ten times the file); this one stays within 3x."""
    line = "2024-03-05;Päiväkoti Äijälä;Huoltajakysely;Lapseni viihtyy;4;\r\n"
    rows = 20 * 2**20 // len(line.encode())
    data = ("Päivämäärä;Yksikkö;Kysely;Kysymys;Vastaus;Kommentti\r\n" + line * rows).encode()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        frame = csv_text.read_csv("iso.csv", data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert frame.shape == (rows + 1, 6)
    assert frame.iloc[rows, 1] == "Päiväkoti Äijälä"
    assert peak < 3 * len(data)
    assert time.perf_counter() - started < 60
