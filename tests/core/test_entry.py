"""Numbers a user types: read in the user's language, checked against a range, written back in
the user's format."""

import pytest

from core import indicators as catalog
from core.entry import read_number
from core.formats import entry_number, parse_number


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("3,7", "fi", 3.7),
        ("3.7", "fi", 3.7),
        (" 3,70 ", "fi", 3.7),
        ("1 200", "fi", 1200.0),
        ("1\u00a0200,5", "fi", 1200.5),
        ("1\u202f200", "fi", 1200.0),
        ("−2", "fi", -2.0),
        ("80 %", "fi", 80.0),
        ("3.7", "en", 3.7),
        ("1,200.5", "en", 1200.5),
        ("1 200", "en", 1200.0),
        (4, "fi", 4.0),
    ],
)
def test_a_number_is_read_in_the_users_language(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("", "fi"),
        ("abc", "fi"),
        ("3,7,1", "fi"),
        ("1.200,5", "fi"),
        ("1e3", "fi"),
        ("inf", "fi"),
        ("3,7", "en"),
        ("nan", "en"),
    ],
)
def test_what_is_not_one_number_is_refused(text, lang):
    with pytest.raises(ValueError):
        parse_number(text, lang)


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "shown"),
    [
        (3.7, "fi", 2, "3,70"),
        (3.7, "fi", 0, "3,7"),
        (4.0, "fi", 2, "4,00"),
        (12.25, "fi", 1, "12,25"),
        (1200, "fi", 0, "1\u00a0200"),
        (3.7, "en", 2, "3.70"),
        (None, "fi", 0, ""),
    ],
)
def test_a_number_is_shown_back_in_the_users_format(value, lang, decimals, shown):
    assert entry_number(value, lang, decimals) == shown


def test_a_value_out_of_the_indicators_range_is_named():
    low, high = catalog.get("feedback_mean").range
    entry = read_number("5,5", "fi", low=low, high=high, decimals=2)
    assert entry.value is None
    assert entry.problem == "Luvun pitää olla välillä 1,00–5,00 (nyt 5,50)."
    english = read_number("120", "en", low=0, high=100)
    assert english.problem == "The number must be between 0 and 100 (now 120)."


def test_garbage_says_what_was_typed_and_gives_an_example():
    entry = read_number("neljä", "fi", low=1, high=5)
    assert entry.problem == "”neljä” ei ole luku. Kirjoita esimerkiksi 3,7."


def test_a_count_is_at_least_zero_and_whole_where_asked():
    assert read_number("-1", "fi", low=0).problem == "Luvun pitää olla vähintään 0 (nyt −1)."
    assert read_number("2,5", "fi", low=1, integer=True).problem == (
        "Kirjoita kokonaisluku (nyt 2,5)."
    )
    assert read_number("1 200", "fi", low=0, integer=True).value == 1200


def test_every_indicator_has_a_range():
    ranges = {i.code: i.range for i in catalog.CATALOG}
    assert ranges["feedback_mean"] == (1.0, 5.0)
    assert ranges["feedback_positive_share"] == (0.0, 100.0)
    assert ranges["feedback_answers"] == (0.0, None)
    assert ranges["nps"] == (-100.0, 100.0)
    assert all(low is not None for low, _ in ranges.values())
