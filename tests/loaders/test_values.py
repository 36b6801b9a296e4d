"""Cell values as people type them: numbers, dates, periods, Likert words, 'eos', yes/no."""

import datetime as dt

import pandas as pd
import pytest

from loaders import values as v


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (4, 4.0),
        (4.2, 4.2),
        ("4,2", 4.2),
        ("4.2", 4.2),
        (" 4,2 ", 4.2),
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("\u22123", -3.0),
        ("0", 0.0),
    ],
)
def test_parse_number_accepts_decimal_commas_and_thousand_spaces(cell, expected):
    assert v.parse_number(cell) == pytest.approx(expected)


@pytest.mark.parametrize("cell", ["neljä", "4,2 %", "", "nan", "inf", True, float("nan")])
def test_parse_number_refuses_text(cell):
    with pytest.raises(ValueError):
        v.parse_number(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.datetime(2016, 10, 5, 10, 15), dt.datetime(2016, 10, 5, 10, 15)),
        (pd.Timestamp("2016-10-05 10:15"), dt.datetime(2016, 10, 5, 10, 15)),
        (dt.date(2016, 10, 5), dt.datetime(2016, 10, 5)),
        ("2016-10-05", dt.datetime(2016, 10, 5)),
        ("2016-10-05T10:15:30", dt.datetime(2016, 10, 5, 10, 15, 30)),
        ("2016-10-05 10:15:30.123+03:00", dt.datetime(2016, 10, 5, 10, 15, 30)),
        ("5.10.2016", dt.datetime(2016, 10, 5)),
        ("05.10.2016", dt.datetime(2016, 10, 5)),
        ("5.10.2016 klo 10.15", dt.datetime(2016, 10, 5, 10, 15)),
        ("5.10.2016 10:15:20", dt.datetime(2016, 10, 5, 10, 15, 20)),
        ("5/10/2016", dt.datetime(2016, 10, 5)),
        (42648, dt.datetime(2016, 10, 5)),  # an Excel serial day whose date format was lost
        (42648.5, dt.datetime(2016, 10, 5, 12)),
    ],
)
def test_parse_datetime_reads_excel_iso_and_finnish_dates(cell, expected):
    assert v.parse_datetime(cell) == expected


@pytest.mark.parametrize("cell", ["kissa", "31.2.2024", "2024-13-01", "5.10.", 12])
def test_parse_datetime_refuses_what_is_not_a_date(cell):
    with pytest.raises(ValueError):
        v.parse_datetime(cell)


def test_parse_date_drops_the_time():
    assert v.parse_date("5.10.2016 klo 10.15") == dt.date(2016, 10, 5)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024", dt.date(2024, 1, 1)),
        (2024, dt.date(2024, 1, 1)),
        ("2024-03", dt.date(2024, 3, 1)),
        ("2024/3", dt.date(2024, 3, 1)),
        ("3/2024", dt.date(2024, 3, 1)),
        ("03.2024", dt.date(2024, 3, 1)),
        ("2023Q2", dt.date(2023, 4, 1)),
        ("2023 Q4", dt.date(2023, 10, 1)),
        ("Q2/2023", dt.date(2023, 4, 1)),
        ("q1 2023", dt.date(2023, 1, 1)),
        ("kevät 2024", dt.date(2024, 1, 1)),
        ("Kevät 2024", dt.date(2024, 1, 1)),
        ("syksy 2024", dt.date(2024, 8, 1)),
        ("2024 syksy", dt.date(2024, 8, 1)),
        ("spring 2024", dt.date(2024, 1, 1)),
        ("autumn 2024", dt.date(2024, 8, 1)),
        ("5.10.2016", dt.date(2016, 10, 5)),
        (dt.datetime(2016, 10, 5, 9), dt.date(2016, 10, 5)),
    ],
)
def test_parse_period_gives_the_first_day_of_the_period(cell, expected):
    assert v.parse_period(cell) == expected


@pytest.mark.parametrize("cell", ["talvi 2024", "2024Q5", "13/2024", "ensi vuonna"])
def test_parse_period_refuses_unknown_periods(cell):
    with pytest.raises(ValueError):
        v.parse_period(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("täysin eri mieltä", 1),
        ("Strongly disagree", 1),
        ("jokseenkin eri mieltä", 2),
        ("ei samaa eikä eri mieltä", 3),
        ("Neither agree nor disagree", 3),
        ("jokseenkin samaa mieltä", 4),
        ("  Täysin   samaa mieltä ", 5),
        ("STRONGLY AGREE", 5),
        ("erittäin hyvä", 5),
        (4, 4),
        ("3,5", 3.5),
    ],
)
def test_parse_score_maps_likert_words_fi_and_en(cell, expected):
    assert v.parse_score(cell) == expected


@pytest.mark.parametrize("cell", ["eos", "EOS", "en osaa sanoa", "Cannot say", "", None])
def test_parse_score_treats_cannot_say_and_blank_as_no_answer(cell):
    assert v.parse_score(cell) is None


def test_parse_score_refuses_other_text():
    with pytest.raises(ValueError):
        v.parse_score("hyvin menee")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("kyllä", True), ("Yes", True), ("x", True), (1, True), ("ei", False), ("No", False)],
)
def test_parse_yes_no(cell, expected):
    assert v.parse_yes_no(cell) is expected


def test_parse_yes_no_refuses_maybe():
    with pytest.raises(ValueError):
        v.parse_yes_no("ehkä")


def test_fold_ignores_case_and_spaces():
    assert v.fold("Päiväkoti  aurinko ") == v.fold("PÄIVÄKOTI Aurinko")


def test_clean_text_collapses_spaces_and_keeps_codes_whole():
    assert v.clean_text("  Päiväkoti   Aurinko ") == "Päiväkoti Aurinko"
    assert v.clean_text(351101.0) == "351101"
    assert v.clean_text("   ") is None


def test_a_columns_values_are_read_once_each_with_their_type_and_count():
    """The mapping table's sample and the personal-data detector read each distinct value of a
    column once: 1 and 1.0 are equal in Python but are two values here, a list cell (which no
    set can hold) is a value of its own, and a column longer than a chunk is counted whole."""
    cells = pd.Series([1, 1.0, "a", 1, None, ["x"], "a"] + ["b"] * 5000, dtype=object)

    counts = list(v.value_counts(cells))
    assert [(type(value), value, count) for value, count in counts] == [
        (int, 1, 2),
        (float, 1.0, 1),
        (str, "a", 2),
        (type(None), None, 1),
        (list, ["x"], 1),
        (str, "b", 5000),
    ]
    firsts = v.first_values(cells, chunk=4)  # the second chunk holds the list
    assert [(type(x), x) for x in firsts] == [(type(x), x) for x, _ in counts]
    # and without an unhashable cell, where the values are counted in C
    hashable = list(v.value_counts([1, 1.0, True, 1, "1"]))
    assert [(type(x), n) for x, n in hashable] == [(int, 2), (float, 1), (bool, 1), (str, 1)]
