"""The scorecard pieces: indicator values and changes as each language writes them, and the
units x indicators table with its target colours."""

import datetime as dt
import re
from html import unescape

import pandas as pd
import pytest

from core import periods
from data_model.queries.overview import TABLE_COLUMNS, Card
from ui import scorecard as sc

NBSP = "\u00a0"
GREEN, YELLOW, RED = (sc.STATUS_COLOURS[s] for s in ("green", "yellow", "red"))


@pytest.mark.parametrize(
    ("value", "code", "lang", "expected"),
    [
        (4.123, "feedback_mean", "fi", "4,12"),
        (4.123, "feedback_mean", "en", "4.12"),
        (4.0, "mentor_mood", "fi", "4,00"),
        (82.4, "feedback_positive_share", "fi", f"82{NBSP}%"),
        (82.4, "feedback_positive_share", "en", "82%"),
        (9.6, "turnover_percent", "fi", f"10{NBSP}%"),
        (1204, "feedback_answers", "fi", f"1{NBSP}204"),
        (1204, "feedback_answers", "en", "1,204"),
        (12.46, "sick_leave_days_per_fte", "fi", "12,5"),
        (12.46, "sick_leave_days_per_fte", "en", "12.5"),
        (-12.5, "nps", "fi", "−12,5"),  # a value's minus is the typographic one
        (None, "feedback_mean", "fi", "–"),
        (float("nan"), "feedback_mean", "en", "–"),
    ],
)
def test_value_text_follows_the_indicator_format_and_language(value, code, lang, expected):
    assert sc.value_text(value, code, lang) == expected


@pytest.mark.parametrize(
    ("value", "other", "code", "lang", "expected"),
    [
        (4.5, 4.0, "feedback_mean", "fi", "+0,50"),
        (4.0, 4.5, "feedback_mean", "fi", "-0,50"),
        (4.0, 4.5, "feedback_mean", "en", "-0.50"),
        (4.0, 4.0, "feedback_mean", "fi", "+0,00"),
        (60.0, 200 / 3, "feedback_positive_share", "fi", "-7 %-yks."),
        (82.0, 80.0, "feedback_positive_share", "fi", "+2 %-yks."),
        (82.0, 80.0, "feedback_positive_share", "en", "+2 pp"),
        (8.0, 12.0, "turnover_percent", "en", "-4 pp"),
        (1500, 0, "feedback_answers", "fi", f"+1{NBSP}500"),
        (15, 18, "feedback_answers", "en", "-3"),
        (-5.0, 10.0, "nps", "fi", "-15,0"),
    ],
)
def test_change_text_is_signed_for_st_metric(value, other, code, lang, expected):
    text = sc.change_text(value, other, code, lang)
    assert text == expected
    assert "−" not in text  # st.metric reads the direction from an ASCII sign


@pytest.mark.parametrize(("value", "other"), [(None, 4.0), (4.0, None), (None, None)])
def test_change_text_is_none_without_both_values(value, other):
    assert sc.change_text(value, other, "feedback_mean", "fi") is None


def _long_table(rows: list[tuple]) -> pd.DataFrame:
    """unit_table()'s long form from (unit_id, unit, indicator, value, status) rows; a value
    of None is a hidden figure."""
    frame = pd.DataFrame(rows, columns=["unit_id", "unit", "indicator", "value", "status"])
    frame = frame.assign(
        bucket_start=dt.date(2024, 3, 1),
        grain="month",
        n=6,
        target=4.0,
        suppressed=frame["value"].isna(),
        value=frame["value"].astype(float),
        rolling=False,
        latest=dt.date(2024, 3, 31),
    )
    return frame[TABLE_COLUMNS]


@pytest.fixture
def table() -> pd.DataFrame:
    return _long_table(
        [
            (1, "Päiväkoti Aurinko", "mentor_mood", 4.5, "green"),
            (1, "Päiväkoti Aurinko", "feedback_mean", 4.5, "green"),
            (2, "Päiväkoti Kuu", "feedback_mean", None, None),  # too few answers
            (2, "Päiväkoti Kuu", "mentor_mood", 3.4, "yellow"),
            (3, "Palvelutalo Koivu", "feedback_mean", 3.0, "red"),
            (3, "Palvelutalo Koivu", "mentor_mood", 2.0, "red"),
        ]
    )


def test_wide_unit_table_has_a_row_per_unit_and_the_catalog_order_of_columns(table):
    values, statuses = sc.wide_unit_table(table, "fi")

    assert list(values.columns) == ["feedback_mean", "mentor_mood"]  # PAGES order
    assert list(values.index) == [
        (1, "Päiväkoti Aurinko"),
        (2, "Päiväkoti Kuu"),
        (3, "Palvelutalo Koivu"),
    ]
    assert values.loc[(1, "Päiväkoti Aurinko"), "feedback_mean"] == 4.5
    assert pd.isna(values.loc[(2, "Päiväkoti Kuu"), "feedback_mean"])
    assert statuses.loc[(3, "Palvelutalo Koivu")].tolist() == ["red", "red"]


def _cells(styler) -> dict[tuple[int, int], tuple[str, str | None]]:
    """(row, column) -> (shown text, background colour) as the rendered table has them."""
    html = styler.to_html()
    texts = {
        (int(r), int(c)): unescape(text.strip())
        for r, c, text in re.findall(r'<td id="T_\w+_row(\d+)_col(\d+)"[^>]*>([^<]*)</td>', html)
    }
    colours = {}
    rules = re.findall(r"((?:#T_\w+_row\d+_col\d+,?\s*)+)\{\s*background-color: ([^;]+);", html)
    for ids, colour in rules:
        for r, c in re.findall(r"_row(\d+)_col(\d+)", ids):
            colours[(int(r), int(c))] = colour.strip()
    return {key: (text, colours.get(key)) for key, text in texts.items()}


def test_styled_unit_table_colours_cells_by_status_and_formats_for_finnish(table):
    styler = sc.styled_unit_table(table, "fi", "term")
    cells = _cells(styler)

    assert list(styler.data.columns) == ["Yksikkö", "Palautteen keskiarvo", "Fiilis"]
    assert cells[(0, 0)] == ("Päiväkoti Aurinko", None)  # names are never coloured
    assert cells[(0, 1)] == ("4,50", GREEN)
    assert cells[(1, 1)] == ("–", None)  # hidden figure: no value, no colour
    assert cells[(1, 2)] == ("3,40", YELLOW)
    assert cells[(2, 1)] == ("3,00", RED)
    assert cells[(2, 2)] == ("2,00", RED)


def test_styled_unit_table_in_english(table):
    styler = sc.styled_unit_table(table, "en", "term")

    assert list(styler.data.columns) == ["Unit", "Feedback mean score", "Mood"]
    assert _cells(styler)[(0, 1)] == ("4.50", GREEN)


def test_unit_table_without_a_target_shows_the_value_uncoloured():
    table = _long_table([(1, "Päiväkoti Aurinko", "headcount", 20.0, None)])

    cells = _cells(sc.styled_unit_table(table, "fi", "term"))

    assert cells[(0, 1)] == ("20", None)


# --- What a card says under its figure -------------------------------------------------------


def test_a_hidden_value_with_a_target_never_says_no_target():
    card = Card("feedback_mean", dt.date(2024, 3, 1), "month", None, 3, True, target=4.0)
    text = " ".join(sc.card_lines(card, "fi", 5, "term"))
    assert "tavoite 4,00" in text and "ei arvioitavissa" in text
    assert "ei tavoitetta" not in text
    assert "Alle 5 vastausta" in text


def test_a_stale_figure_names_its_own_bucket_its_latest_data_and_the_missing_one():
    start = dt.date(2026, 3, 1)
    card = Card(
        "feedback_mean",
        start,
        "month",
        4.2,
        30,
        target=4.0,
        status="green",
        current_start=dt.date(2026, 6, 1),
        latest=dt.date(2026, 3, 30),
        standing=periods.standing(
            start, "month", "term", today=dt.date(2026, 6, 5), latest=dt.date(2026, 3, 30)
        ),
    )
    lines = sc.card_lines(card, "en", 5, "term")
    assert lines[0].startswith("**3/2026 · latest data 2026-03-30 (feedback surveys)** · ")
    assert lines[1] == "No figures yet for 6/2026."
    fi = sc.card_lines(card, "fi", 5, "term")[0]
    assert fi.startswith("**3/2026 · viimeisimmät tiedot 30.3.2026 (palautekyselyt)** · ")
    assert "kesken" not in fi


def test_a_rolling_rate_is_labelled_with_its_months_and_the_size_limit():
    card = Card(
        "turnover_percent",
        dt.date(2026, 3, 1),
        "month",
        12.5,
        12,
        previous=150.0,
        target=10.0,
        status="red",
        rolling=(dt.date(2025, 4, 1), dt.date(2026, 3, 31)),
        previous_window=(dt.date(2024, 4, 1), dt.date(2025, 3, 31)),
    )
    lines = sc.card_lines(card, "fi", 5, "term", rolling_under=20)
    assert lines[0].startswith("**liukuva 12 kk 4/2025–3/2026 (yksikössä alle 20 henkilöä)**")
    assert "edelliset 12 kk (4/2024–3/2025): 150\u00a0%" in lines


def test_survey_rounds_a_year_apart_are_sparse():
    rounds = pd.DataFrame(
        {
            "bucket_start": [dt.date(2023, 3, 1), dt.date(2024, 3, 1)],
            "value": [20.0, 35.0],
            "suppressed": [False, False],
        }
    )
    card = Card("nps", dt.date(2024, 3, 1), "month", 35.0, 40, sparkline=rounds)
    assert sc.sparse(card, "term")
    monthly = rounds.assign(bucket_start=[dt.date(2024, 2, 1), dt.date(2024, 3, 1)])
    assert not sc.sparse(Card("nps", dt.date(2024, 3, 1), "month", sparkline=monthly), "term")
