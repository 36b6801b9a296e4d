"""Indicator series against hand-computed values on both backends: every grain and period kind
(ISO week 53, year, term and operating-year boundaries), every indicator kind, scope filters,
the privacy rule (more in test_privacy.py), comments, and the number of SQL statements.
"""

import datetime as dt
import random

import pandas as pd
import pytest
from pytest import approx
from sqlalchemy import event

from data_model.queries import series
from tests.data_model import facts
from tests.data_model.scoped import comments
from tests.data_model.scoped import series as indicator_series

D = dt.date


def table(frame, *columns):
    """The frame's rows as tuples of the given columns, NaN as None, for literal comparisons."""
    columns = columns or ("label", "value")
    rows = frame[list(columns)].astype(object).where(frame[list(columns)].notna(), None)
    return [tuple(row) for row in rows.itertuples(index=False)]


# --- grains ------------------------------------------------------------------------------------

# Answers on days around ISO week 53, year ends, 31 July and 1 August; n doubles from day to day,
# so each bucket's total names the days in it.
BOUNDARY_DAYS = [
    (D(2020, 12, 31), 1),  # Thursday of 2020-W53
    (D(2021, 1, 1), 2),  # Friday of 2020-W53, a new calendar year
    (D(2024, 7, 31), 4),  # last day of spring term and of operating year 2023–2024
    (D(2024, 8, 1), 8),  # first day of autumn term and of operating year 2024–2025
    (D(2024, 12, 30), 16),  # Monday of 2025-W01
    (D(2025, 7, 31), 32),
    (D(2025, 8, 1), 64),
]

EXPECTED_BY_GRAIN = {
    ("day", "term"): [
        ("31.12.2020", 1),
        ("1.1.2021", 2),
        ("31.7.2024", 4),
        ("1.8.2024", 8),
        ("30.12.2024", 16),
        ("31.7.2025", 32),
        ("1.8.2025", 64),
    ],
    ("week", "term"): [
        ("vk 53/2020", 3),
        ("vk 31/2024", 12),
        ("vk 1/2025", 16),
        ("vk 31/2025", 96),
    ],
    ("month", "term"): [
        ("12/2020", 1),
        ("1/2021", 2),
        ("7/2024", 4),
        ("8/2024", 8),
        ("12/2024", 16),
        ("7/2025", 32),
        ("8/2025", 64),
    ],
    ("year", "term"): [("2020", 1), ("2021", 2), ("2024", 28), ("2025", 96)],
    ("period", "quarter"): [
        ("2020 Q4", 1),
        ("2021 Q1", 2),
        ("2024 Q3", 12),
        ("2024 Q4", 16),
        ("2025 Q3", 96),
    ],
    ("period", "term"): [
        ("syksy 2020", 1),
        ("kevät 2021", 2),
        ("kevät 2024", 4),
        ("syksy 2024", 24),
        ("kevät 2025", 32),
        ("syksy 2025", 64),
    ],
    ("period", "operating_year"): [
        ("2020–2021", 3),
        ("2023–2024", 4),
        ("2024–2025", 56),
        ("2025–2026", 64),
    ],
}


def _boundary_answers(engine) -> None:
    unit = facts.unit(engine, "Päiväkoti Aurinko")
    for day, n in BOUNDARY_DAYS:
        facts.feedback(engine, unit, day, n, 4.0 * n)


@pytest.fixture
def boundary_answers(engine, filled_once):
    """One unit's answers on BOUNDARY_DAYS, a batch each."""
    filled_once(engine, "queries_boundary_answers", _boundary_answers)
    return engine


@pytest.mark.parametrize(("grain", "kind"), list(EXPECTED_BY_GRAIN))
def test_every_grain_buckets_answers(boundary_answers, grain, kind):
    frame = indicator_series(
        engine=boundary_answers,
        indicator="feedback_answers",
        grain=grain,
        period_kind=kind,
        min_answers=1,
    )
    assert table(frame) == EXPECTED_BY_GRAIN[(grain, kind)]
    assert list(frame["n"]) == [n for _, n in EXPECTED_BY_GRAIN[(grain, kind)]]
    assert set(frame["series"]) == {""}


def test_week_bucket_starts_on_the_iso_monday(boundary_answers):
    frame = indicator_series(
        engine=boundary_answers, indicator="feedback_answers", grain="week", min_answers=1
    )
    assert list(frame["bucket_start"]) == [
        D(2020, 12, 28),
        D(2024, 7, 29),
        D(2024, 12, 30),
        D(2025, 7, 28),
    ]


def test_labels_follow_the_language(boundary_answers):
    frame = indicator_series(
        engine=boundary_answers, indicator="feedback_answers", grain="period", lang="en"
    )
    assert list(frame["label"])[:3] == ["autumn 2020", "spring 2021", "spring 2024"]
    assert list(frame["bucket_start"])[:3] == [D(2020, 8, 1), D(2021, 1, 1), D(2024, 1, 1)]


def test_date_range_keeps_the_days_inside(boundary_answers):
    frame = indicator_series(
        engine=boundary_answers,
        indicator="feedback_answers",
        grain="year",
        start=D(2021, 1, 1),
        end=D(2024, 7, 31),
        min_answers=1,
    )
    assert table(frame) == [("2021", 2), ("2024", 4)]


# --- feedback indicators ---------------------------------------------------------------------


@pytest.fixture
def mixed_scales(engine):
    """March 2024 in one unit: a 1–5 question, two 0–10 rows and a 1–4 report mean.

    Rescaled to 1–5 (n + 4 (score_sum - min n) / (max - min) per row): 16, 8, 9 and 7, so the
    mean is 40 / 12. Positive: (3 + 1 + 1) / (4 + 2 + 3) over rows that know it. NPS on the
    0–10 rows: 100 (1 - 2) / 5.
    """
    unit = facts.unit(engine, "Koulu")
    facts.feedback(engine, unit, D(2024, 3, 5), 4, 16.0, positive_n=3)
    facts.feedback(
        engine,
        unit,
        D(2024, 3, 6),
        2,
        15.0,
        scale_min=0,
        scale_max=10,
        positive_n=1,
        promoters_n=1,
        detractors_n=0,
        question="NPS",
    )
    facts.feedback(
        engine,
        unit,
        D(2024, 3, 8),
        3,
        15.0,
        scale_min=0,
        scale_max=10,
        positive_n=1,
        promoters_n=0,
        detractors_n=2,
        question="NPS",
    )
    facts.feedback(engine, unit, D(2024, 3, 7), 3, 6.0, scale_min=1, scale_max=4)
    return engine


@pytest.mark.parametrize(
    ("indicator", "value", "n"),
    [
        ("feedback_mean", 40 / 12, 12),
        ("feedback_positive_share", 100 * 5 / 9, 9),
        ("feedback_answers", 12, 12),
        ("nps", -20.0, 5),
    ],
)
def test_feedback_indicators(mixed_scales, indicator, value, n):
    frame = indicator_series(engine=mixed_scales, indicator=indicator, grain="month", min_answers=1)
    assert table(frame, "label", "n", "suppressed") == [("3/2024", n, False)]
    assert frame["value"].iloc[0] == approx(value)


@pytest.mark.parametrize(
    ("survey", "question", "value", "n"),
    [
        (None, "NPS", 1 + 4 * 30 / 10 / 5, 5),  # the two 0–10 rows: 30 points over 5 answers
        (None, "Q1", (16 + 7) / 7, 7),  # the 1–5 row (16 rescaled) and the 1–4 row (7)
        ("Asiakaskysely", None, 40 / 12, 12),
        ("Muu kysely", None, None, None),
    ],
)
def test_feedback_filters_by_survey_and_question(mixed_scales, survey, question, value, n):
    frame = indicator_series(
        engine=mixed_scales,
        indicator="feedback_mean",
        grain="month",
        survey=survey,
        question=question,
        min_answers=1,
    )
    if value is None:
        assert frame.empty
    else:
        assert table(frame, "n") == [(n,)]
        assert frame["value"].iloc[0] == approx(value)


def test_nps_ignores_questions_on_other_scales(engine):
    unit = facts.unit(engine, "Koulu")
    facts.feedback(engine, unit, D(2024, 3, 5), 40, 160.0, positive_n=30)
    assert indicator_series(engine=engine, indicator="nps", grain="month").empty


# --- mentor reports and workforce --------------------------------------------------------------


@pytest.fixture
def mentor_reports(engine):
    unit = facts.unit(engine, "Kotihoito")
    facts.mentor(engine, unit, D(2024, 3, 1), 4, workload=2, concern=True)
    facts.mentor(engine, unit, D(2024, 3, 15), 3, atmosphere=5, concern=False)
    facts.mentor(engine, unit, D(2024, 3, 20), 2.5, workload=4, atmosphere=3)
    facts.mentor(engine, unit, D(2024, 4, 2), 5, workload=1, atmosphere=4, concern=True)
    return engine


@pytest.mark.parametrize(
    ("indicator", "march", "april"),
    [
        ("mentor_mood", (9.5 / 3, 3), (5.0, 1)),
        ("mentor_workload", (3.0, 2), (1.0, 1)),
        ("mentor_atmosphere", (4.0, 2), (4.0, 1)),
        ("mentor_concerns", (1.0, 3), (1.0, 1)),
    ],
)
def test_mentor_indicators(mentor_reports, indicator, march, april):
    frame = indicator_series(engine=mentor_reports, indicator=indicator, grain="month")
    assert table(frame, "label", "n") == [("3/2024", march[1]), ("4/2024", april[1])]
    assert list(frame["value"]) == approx([march[0], april[0]])
    assert not frame["suppressed"].any()  # mentor figures are not answers of individuals


@pytest.fixture
def workforce(engine):
    """Q1 2024: unit A in January (FTE 8) and February (no FTE: headcount 12 stands in), unit B
    in January. Hand-computed Q1 totals in test_workforce_indicators."""
    area = facts.area(engine, "Vanhuspalvelut")
    a = facts.unit(engine, "A", area)
    b = facts.unit(engine, "B", area)
    facts.workforce(
        engine,
        a,
        D(2024, 1, 1),
        10,
        fte=8,
        sick_leave_days=6,
        short_sick_leaves=2,
        leavers=1,
        overtime_hours=10,
        training_days=5,
    )
    facts.workforce(engine, a, D(2024, 2, 1), 12, sick_leave_days=12, leavers=0, training_days=1)
    facts.workforce(
        engine,
        b,
        D(2024, 1, 1),
        20,
        fte=20,
        sick_leave_days=10,
        short_sick_leaves=3,
        overtime_hours=30,
        training_days=0,
    )
    return engine


@pytest.mark.parametrize(
    ("indicator", "value", "n"),
    [
        # 12 x 28 days / 40 FTE-months = 28 days / mean FTE 20 x 12 / 2 months
        ("sick_leave_days_per_fte", 8.4, 3),
        ("short_sick_leaves_per_fte", 12 * 5 / 28, 2),  # only the months that report them
        ("turnover_percent", 1200 * 1 / 22, 2),  # 1 leaver / mean headcount 11 x 12 / 2 x 100
        ("training_days_per_person", 12 * 6 / 42, 3),
        ("overtime_hours_per_fte", 12 * 40 / 28, 2),
        ("headcount", 21.0, 3),  # (10 + 20 in January + 12 in February) / 2 months
    ],
)
def test_workforce_indicators(workforce, indicator, value, n):
    frame = indicator_series(
        engine=workforce, indicator=indicator, grain="period", period_kind="quarter"
    )
    assert table(frame, "label", "n") == [("2024 Q1", n)]
    assert frame["value"].iloc[0] == approx(value)


def test_workforce_per_unit_and_per_month(workforce):
    by_unit = indicator_series(
        engine=workforce, indicator="headcount", grain="year", by="unit", with_total=True
    )
    assert table(by_unit, "series", "value") == [("", 21.0), ("A", 11.0), ("B", 20.0)]
    monthly = indicator_series(engine=workforce, indicator="sick_leave_days_per_fte", grain="month")
    assert table(monthly, "label") == [("1/2024",), ("2/2024",)]
    assert list(monthly["value"]) == approx([12 * 16 / 28, 12.0])


def test_workforce_comes_out_monthly_at_day_and_week_grain(workforce):
    for grain in ("day", "week"):
        frame = indicator_series(engine=workforce, indicator="headcount", grain=grain)
        assert table(frame) == [("1/2024", 30.0), ("2/2024", 12.0)]


def test_workforce_operating_year_boundary(engine):
    unit = facts.unit(engine, "A")
    facts.workforce(engine, unit, D(2024, 7, 1), 10)
    facts.workforce(engine, unit, D(2024, 8, 1), 20)
    facts.workforce(engine, unit, D(2025, 7, 1), 30)
    frame = indicator_series(
        engine=engine, indicator="headcount", grain="period", period_kind="operating_year"
    )
    assert table(frame) == [("2023–2024", 10.0), ("2024–2025", 25.0)]


def test_scope_by_units_and_service_area(workforce):
    other_area = facts.area(workforce, "Muu")
    c = facts.unit(workforce, "C", other_area)
    facts.workforce(workforce, c, D(2024, 1, 1), 100)
    by_area = indicator_series(
        engine=workforce, indicator="headcount", grain="year", by="service_area"
    )
    assert table(by_area, "series", "value") == [("Muu", 100.0), ("Vanhuspalvelut", 21.0)]
    in_area = indicator_series(
        engine=workforce, indicator="headcount", grain="year", service_area_id=other_area
    )
    assert table(in_area, "value") == [(100.0,)]
    chosen = indicator_series(
        engine=workforce, indicator="headcount", grain="year", unit_ids=[c], by="unit"
    )
    assert table(chosen, "series", "series_id", "value") == [("C", c, 100.0)]


# --- privacy -----------------------------------------------------------------------------------


def test_fewer_answers_than_the_threshold_are_hidden_with_their_count(engine):
    unit = facts.unit(engine, "A")
    facts.feedback(engine, unit, D(2024, 3, 1), 4, 16.0, positive_n=4)
    facts.feedback(engine, unit, D(2024, 4, 1), 5, 15.0, positive_n=2)
    for indicator, april in (
        ("feedback_mean", 3.0),
        ("feedback_positive_share", 40.0),
        ("feedback_answers", 5.0),
    ):
        frame = indicator_series(engine=engine, indicator=indicator, grain="month")
        assert table(frame, "label", "value", "n", "suppressed") == [
            ("3/2024", None, 0, True),
            ("4/2024", april, 5, False),
        ]
    lower = indicator_series(engine=engine, indicator="feedback_mean", grain="month", min_answers=3)
    assert table(lower, "value") == [(4.0,), (3.0,)]


@pytest.fixture
def three_units(engine):
    """One month, three units: A has 3 answers (mean 1), B 6 (mean 5), C 10 (mean 4)."""
    ids = {}
    for name, n, mean in (("A", 3, 1.0), ("B", 6, 5.0), ("C", 10, 4.0)):
        ids[name] = facts.unit(engine, name)
        facts.feedback(engine, ids[name], D(2024, 3, 4), n, n * mean)
    return ids


def test_a_hidden_unit_counts_in_no_total(engine, three_units):
    frame = indicator_series(
        engine=engine, indicator="feedback_mean", grain="month", by="unit", with_total=True
    )
    assert table(frame, "series", "value", "n", "suppressed") == [
        ("", approx(70 / 16), 16, False),  # B and C only: total - B - C leaves nothing
        ("A", None, 0, True),
        ("B", 5.0, 6, False),
        ("C", 4.0, 10, False),
    ]


def test_units_come_by_bucket_then_name_whatever_order_they_were_made_in(engine):
    """SQL gives a week's rows in the order of the units' ids; the figure reads them by name
    (the frame is sorted once, in numpy, however many rows a large organisation has)."""
    for name in ("Öljymäki", "Lahti", "Ahola"):  # made in reverse: ids against the names
        unit = facts.unit(engine, name)
        for day in (D(2024, 3, 4), D(2024, 3, 11)):
            facts.feedback(engine, unit, day, 5, 20.0)
    frame = indicator_series(
        engine=engine, indicator="feedback_mean", grain="week", by="unit", with_total=True
    )
    assert table(frame, "bucket_start", "series", "n") == [
        (D(2024, 3, 4), "", 15),
        (D(2024, 3, 4), "Ahola", 5),
        (D(2024, 3, 4), "Lahti", 5),
        (D(2024, 3, 4), "Öljymäki", 5),
        (D(2024, 3, 11), "", 15),
        (D(2024, 3, 11), "Ahola", 5),
        (D(2024, 3, 11), "Lahti", 5),
        (D(2024, 3, 11), "Öljymäki", 5),
    ]


@pytest.mark.parametrize("rows", [60, 3000])  # sorted in Python, and in numpy
def test_a_figure_is_ordered_as_a_stable_pandas_sort_would_order_it(rows):
    rng = random.Random(rows)
    names = ["", "Ahola", "Öljymäki", "Lahti", "ahola", None]
    frame = pd.DataFrame(
        {
            "bucket_start": [
                D(2024, 1, 1) + dt.timedelta(weeks=rng.randrange(9)) for _ in range(rows)
            ],
            "series": [rng.choice(names) for _ in range(rows)],
            "series_id": range(rows),
            "value": 1.0,
            "n": 5,
            "suppressed": False,
        }
    )
    expected = frame.sort_values(["bucket_start", "series"], na_position="last", kind="stable")
    ordered = series._in_order(frame)
    assert ordered["series_id"].tolist() == expected["series_id"].tolist()
    assert series._in_order(ordered) is ordered  # in order already: left as it is


def test_hiding_is_per_month(engine, three_units):
    facts.feedback(engine, three_units["A"], D(2024, 4, 2), 7, 21.0)
    frame = indicator_series(engine=engine, indicator="feedback_mean", grain="month", by="unit")
    assert table(frame, "label", "series", "suppressed") == [
        ("3/2024", "A", True),
        ("3/2024", "B", False),
        ("3/2024", "C", False),
        ("4/2024", "A", False),
    ]
    year = indicator_series(engine=engine, indicator="feedback_answers", grain="year", by="unit")
    assert table(year, "series", "n") == [("A", 7), ("B", 6), ("C", 10)]


def test_service_areas_leave_out_their_hidden_units(engine, three_units):
    north, south = facts.area(engine, "Pohjoinen"), facts.area(engine, "Etelä")
    for name, n in (("Itä", 4), ("Länsi", 8)):
        facts.feedback(
            engine, facts.unit(engine, name, north if n == 4 else south), D(2024, 3, 6), n, 4.0 * n
        )
    frame = indicator_series(
        engine=engine, indicator="feedback_mean", grain="month", by="service_area", with_total=True
    )
    assert table(frame, "series", "n", "suppressed") == [
        ("", 24, False),
        ("Etelä", 8, False),
        ("Pohjoinen", 0, True),
        (None, 16, False),
    ]  # (None: units without a service area; the page names them)


# --- comments ----------------------------------------------------------------------------------


def test_comments_need_enough_answers_in_their_month(engine):
    unit = facts.unit(engine, "A")
    facts.feedback(engine, unit, D(2024, 3, 2), 5, 20.0)
    facts.feedback(engine, unit, D(2024, 4, 2), 4, 16.0)
    facts.comment(engine, unit, D(2024, 3, 20), "Hyvä palvelu")  # Q1 in March: 5 answers
    facts.comment(engine, unit, D(2024, 3, 21), "Kiitos", question="Vapaa sana")  # free text
    facts.comment(engine, unit, D(2024, 4, 20), "Liian vähän vastaajia")  # Q1 in April: 4
    facts.comment(engine, unit, D(2024, 5, 20), "Ei vastauksia")  # May: none
    found = comments(engine=engine)
    assert table(found.rows, "date", "unit", "question", "text") == [
        (D(2024, 3, 21), "A", "Vapaa sana", "Kiitos"),
        (D(2024, 3, 20), "A", "Q1", "Hyvä palvelu"),
    ]
    assert found.withheld == 2
    assert comments(engine=engine, min_answers=4).withheld == 1
    march = comments(engine=engine, start=D(2024, 3, 1), end=D(2024, 3, 31), question="Q1")
    assert (len(march.rows), march.withheld) == (1, 0)
    assert comments(engine=engine, unit_ids=[unit + 1]).rows.empty


# --- cost ----------------------------------------------------------------------------------------


def test_a_series_costs_a_handful_of_statements(engine, three_units):
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        indicator_series(
            engine=engine, indicator="feedback_mean", grain="week", by="unit", with_total=True
        )
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert 1 <= len(statements) <= 3
