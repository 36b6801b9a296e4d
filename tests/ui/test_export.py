"""The .xlsx download: text that looks like a formula stays text, numbers stay numbers."""

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from ui.export import xlsx_bytes


def reload(data: bytes):
    return load_workbook(io.BytesIO(data)).active


@pytest.mark.parametrize(
    "text", ["=1+1", "+2", "-3", "@x", '=HYPERLINK("http://x","y")', "\t=1+1", "\r=1+1"]
)
def test_text_that_looks_like_a_formula_is_stored_as_text(text):
    sheet = reload(xlsx_bytes(pd.DataFrame({"Yksikkö": [text]})))

    cell = sheet["A2"]
    # XML cannot hold a bare carriage return: the file escapes it as _x000D_, as Excel does.
    assert (cell.data_type, cell.value.replace("_x000D_", "\r")) == ("s", text)
    assert cell.quotePrefix  # Excel shows it as typed after an apostrophe


def test_numbers_stay_numbers_and_missing_values_are_empty():
    frame = pd.DataFrame(
        {
            "Arvo": [4.5, np.float64(3.667), float("nan")],
            "Määrä": [np.int64(6), 18, 15],
            "Sarja": ["Kaikki yksiköt", "Päiväkoti Kuu", "x"],
        }
    )

    sheet = reload(xlsx_bytes(frame))

    rows = [[(c.data_type, c.value) for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows == [
        [("n", 4.5), ("n", 6), ("s", "Kaikki yksiköt")],
        [("n", 3.667), ("n", 18), ("s", "Päiväkoti Kuu")],
        [("n", None), ("n", 15), ("s", "x")],
    ]


def test_nullable_integers_with_gaps_are_written_as_empty_cells():
    frame = pd.DataFrame({"Vuosi": pd.array([2024, None], dtype="Int64")})

    sheet = reload(xlsx_bytes(frame))

    assert [sheet["A2"].value, sheet["A3"].value] == [2024, None]


def test_header_row_is_bold_text_even_when_it_looks_like_a_formula():
    sheet = reload(xlsx_bytes(pd.DataFrame({"=A1": [1], "Ajanjakso": ["3/2024"]})))

    assert [(c.data_type, c.value, c.font.b) for c in sheet[1]] == [
        ("s", "=A1", True),
        ("s", "Ajanjakso", True),
    ]


def test_sheet_name_is_cut_to_excels_31_characters():
    data = xlsx_bytes(pd.DataFrame({"a": [1]}), sheet="Tilannekuva " * 4)

    assert reload(data).title == ("Tilannekuva " * 4)[:31]


def test_every_kind_of_column_comes_back_as_it_was_written():
    """Each column is written by one writer chosen from its values: dates (with and without a
    time zone, in a datetime or an object column, with gaps), nullable numbers, booleans,
    and a column mixing a reason text with numbers."""
    frame = pd.DataFrame(
        {
            "Päivä": pd.to_datetime(["2024-01-15", None, "2024-03-01"]),
            "Hetki": pd.to_datetime(
                ["2024-01-15 12:00", "2024-02-01 00:00", "2024-03-01 00:00"]
            ).tz_localize("Europe/Helsinki"),
            "Alku": [dt.date(2024, 1, 1), None, dt.date(2024, 3, 4)],
            "Arvo": ["Liian vähän vastauksia", 3.5, None],
            "Määrä": pd.array([1, None, 3], dtype="Int64"),
            "Kyllä": [True, False, True],
        }
    )

    sheet = reload(xlsx_bytes(frame))

    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows == [
        [
            dt.datetime(2024, 1, 15),
            dt.datetime(2024, 1, 15, 12),
            dt.datetime(2024, 1, 1),
            "Liian vähän vastauksia",
            1,
            True,
        ],
        [None, dt.datetime(2024, 2, 1), None, 3.5, None, False],
        [dt.datetime(2024, 3, 1), dt.datetime(2024, 3, 1), dt.datetime(2024, 3, 4), None, 3, True],
    ]
    assert sheet["A2"].number_format == "d.m.yyyy"  # shown as a date in Excel, not a number
    assert sheet["C4"].is_date
