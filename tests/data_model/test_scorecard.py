"""The scorecard and the units table: latest bucket, previous, a year earlier, targets and
statuses, sparklines, per-unit privacy, on both backends."""

import datetime as dt

import pytest
from pytest import approx
from sqlalchemy import event

from tests.data_model import facts
from tests.data_model.scoped import label, scorecard, unit_table

D = dt.date
TODAY = D(2024, 3, 20)


@pytest.fixture
def monthly_feedback(engine, filled_once):
    """Unit A, 5 answers a month: March 2023 mean 3.5, Jan 2024 4.0, Feb 3.0, March 3.9, and
    April 2024 (after TODAY) 1.0. Unit B: 6 answers in March 2024, mean 5."""
    return filled_once(engine, "scorecard_monthly_feedback", _monthly_feedback)


def _monthly_feedback(engine) -> dict[str, int]:
    a = facts.unit(engine, "A")
    b = facts.unit(engine, "B")
    for day, mean in (
        (D(2023, 3, 10), 3.5),
        (D(2024, 1, 10), 4.0),
        (D(2024, 2, 10), 3.0),
        (D(2024, 3, 10), 3.9),
        (D(2024, 4, 10), 1.0),
    ):
        facts.feedback(engine, a, day, 5, 5 * mean)
    facts.feedback(engine, b, D(2024, 3, 11), 6, 30.0)
    return {"A": a, "B": b}


def test_card_shows_the_current_bucket_against_the_previous_and_a_year_earlier(
    engine, monthly_feedback
):
    facts.target(engine, "feedback_mean", 4.0, year=2024)
    [card] = scorecard(
        engine=engine,
        indicators=["feedback_mean"],
        grain="month",
        unit_ids=[monthly_feedback["A"]],
        today=TODAY,
    )
    assert (card.bucket_start, label(card), card.n, card.suppressed) == (
        D(2024, 3, 1),
        "3/2024",
        5,
        False,
    )
    assert (card.value, card.previous, card.year_ago) == (approx(3.9), 3.0, 3.5)
    previous, year_ago = label(card, card.previous_start), label(card, card.year_ago_start)
    assert (previous, year_ago) == ("2/2024", "3/2023")
    assert (card.target, card.status) == (4.0, "yellow")  # 0.1 short, within 5 % of 4
    spark = card.sparkline
    assert list(spark["label"]) == ["1/2024", "2/2024", "3/2024"]  # 3/2023 is 12 months back
    assert list(spark["value"]) == approx([4.0, 3.0, 3.9])


def test_card_of_the_whole_scope_and_a_tighter_margin(engine, monthly_feedback):
    facts.target(engine, "feedback_mean", 4.6)
    [card] = scorecard(
        engine=engine, indicators=["feedback_mean"], grain="month", today=TODAY, margin=0.01
    )
    assert (card.value, card.n) == (approx((5 * 3.9 + 6 * 5.0) / 11), 11)
    assert (card.target, card.status) == (4.6, "red")  # 4.5: 0.1 short, more than 1 % of 4.6


def test_card_falls_back_to_the_latest_bucket_with_data(engine, monthly_feedback):
    [card] = scorecard(
        engine=engine,
        indicators=["feedback_mean"],
        grain="period",
        period_kind="term",
        unit_ids=[monthly_feedback["A"]],
        today=D(2024, 9, 1),
    )
    # Autumn 2024 is empty, so spring 2024 (Jan–Apr answers) shows; a year earlier: spring 2023.
    assert (label(card), card.n) == ("kevät 2024", 20)
    assert card.value == approx((4.0 + 3.0 + 3.9 + 1.0) / 4)
    year_ago = label(card, card.year_ago_start)
    assert (card.previous, card.year_ago, year_ago) == (None, 3.5, "kevät 2023")


def test_card_with_too_few_answers_or_no_data(engine, monthly_feedback):
    cards = scorecard(
        engine=engine,
        indicators=["feedback_mean", "headcount", "mentor_mood"],
        grain="week",
        unit_ids=[monthly_feedback["A"]],
        today=TODAY,
        min_answers=6,
    )
    mean, headcount, mood = cards
    assert (label(mean), mean.value, mean.suppressed, mean.status) == (
        "vk 10/2024",
        None,
        True,
        None,
    )
    assert mean.target == 4.0  # the catalog default
    assert (headcount.bucket_start, headcount.value, headcount.target) == (None, None, None)
    assert (mood.value, mood.target, mood.sparkline.empty) == (None, 3.5, True)


def test_lower_is_better_card(engine):
    unit = facts.unit(engine, "A")
    facts.workforce(engine, unit, D(2024, 1, 1), 10, fte=10, sick_leave_days=11)
    facts.workforce(engine, unit, D(2024, 2, 1), 10, fte=10, sick_leave_days=10.5)
    facts.target(engine, "sick_leave_days_per_fte", 12.5, unit_id=unit, year=2024)
    [card] = scorecard(
        engine=engine,
        indicators=["sick_leave_days_per_fte"],
        grain="week",
        unit_ids=[unit],
        today=TODAY,
    )
    # Workforce is monthly: the week grain shows the latest month, February: 12 x 10.5 / 10.
    assert (label(card), card.value, card.previous) == ("2/2024", approx(12.6), approx(13.2))
    assert (card.target, card.status) == (12.5, "yellow")  # 0.1 over, within 5 % of 12.5


def test_unit_table_gives_each_unit_its_latest_value_target_and_status(engine, monthly_feedback):
    facts.target(engine, "feedback_mean", 4.0)
    facts.target(engine, "feedback_mean", 5.0, unit_id=monthly_feedback["B"])
    facts.workforce(engine, monthly_feedback["A"], D(2024, 2, 1), 8)
    frame = unit_table(
        engine=engine, indicators=["feedback_mean", "headcount"], grain="month", today=TODAY
    )
    rows = frame[["unit", "indicator", "label", "value", "n", "target", "status"]]
    assert [tuple(r) for r in rows.astype(object).itertuples(index=False)] == [
        ("A", "feedback_mean", "3/2024", approx(3.9), 5, 4.0, "yellow"),
        ("A", "headcount", "2/2024", 8.0, 1, None, None),
        ("B", "feedback_mean", "3/2024", 5.0, 6, 5.0, "green"),
    ]


def test_unit_table_hides_the_unit_under_the_threshold_and_only_it(engine, monthly_feedback):
    c = facts.unit(engine, "C")
    facts.feedback(engine, c, D(2024, 3, 12), 20, 80.0)
    frame = unit_table(
        engine=engine, indicators=["feedback_mean"], grain="month", today=TODAY, min_answers=6
    )
    assert list(zip(frame["unit"], frame["suppressed"], strict=True)) == [
        ("A", True),
        ("B", False),
        ("C", False),
    ]
    assert frame["value"].isna().tolist() == [True, False, False]
    # No second unit needs hiding: A's answers count in no figure, the total's included.
    card = scorecard(
        engine=engine, indicators=["feedback_answers"], grain="month", today=TODAY, min_answers=6
    )[0]
    assert card.value == 26


def test_unit_table_costs_queries_per_indicator_not_per_unit(engine, monthly_feedback):
    for name in ("C", "D", "E"):
        facts.feedback(engine, facts.unit(engine, name), D(2024, 3, 12), 5, 20.0)
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        frame = unit_table(
            engine=engine,
            indicators=["feedback_mean", "feedback_answers"],
            grain="month",
            today=TODAY,
        )
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(frame) == 10  # five units, two indicators
    # targets, then per indicator its latest month and day (feedback) and its values
    assert len(statements) <= 1 + 2 * 3


def test_a_running_years_same_part_is_read_once(engine, monthly_feedback, monkeypatch):
    """At year grain the previous bucket is also the year before: one window, read once, for a
    card of its own and for cards read together."""
    from data_model.queries import overview

    parts, together = [], []
    real_part, real_together = overview._part, overview.feedback_series_together
    monkeypatch.setattr(overview, "_part", lambda *a: parts.append(a[-2:]) or real_part(*a))
    monkeypatch.setattr(
        overview,
        "feedback_series_together",
        lambda engine, **kw: together.append(kw["scope"].start) or real_together(engine, **kw),
    )

    [alone] = scorecard(
        engine=engine,
        indicators=["feedback_mean"],
        grain="year",
        unit_ids=[monthly_feedback["A"]],
        today=TODAY,
    )
    mean, answers = scorecard(
        engine=engine,
        indicators=["feedback_mean", "feedback_answers"],
        grain="year",
        unit_ids=[monthly_feedback["A"]],
        today=TODAY,
    )

    # January to March of 2023: its March only (mean 3.5, 5 answers), as both comparisons.
    assert alone.partial and alone.previous_window == alone.year_ago_window
    assert alone.previous_window == (D(2023, 1, 1), D(2023, 3, 31))
    assert (alone.previous, alone.year_ago) == (approx(3.5), approx(3.5))
    assert parts == [alone.previous_window]
    assert (mean.previous, mean.year_ago, answers.previous, answers.year_ago) == (
        approx(3.5),
        approx(3.5),
        5,
        5,
    )
    assert together[1:] == [D(2023, 1, 1)]  # the cards' series, then the one window
