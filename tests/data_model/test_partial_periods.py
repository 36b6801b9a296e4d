"""Computed by hand: a period still running is compared with the same part of
the previous period and of the year before (or the comparison is withheld), a stale figure is
known as such, and a small unit's rates run over a rolling 12 months."""

import datetime as dt

from pytest import approx

from core import periods
from tests.data_model import facts
from tests.data_model.scoped import scorecard, unit_table

D = dt.date


def test_same_part_of_an_earlier_bucket_counts_as_many_days_or_months():
    october = D(2026, 10, 1)
    as_of = D(2026, 10, 24)
    assert periods.in_progress(october, "month", "term", as_of)
    assert not periods.in_progress(october, "month", "term", D(2026, 10, 31))
    assert periods.days_run(october, as_of) == 24
    assert periods.same_part_end(D(2026, 9, 1), october, as_of, "month", "term") == D(2026, 9, 24)
    # 31 days into a 28-day February: the whole February, no further.
    assert periods.same_part_end(
        D(2026, 2, 1), D(2026, 3, 1), D(2026, 3, 31), "month", "term"
    ) == D(2026, 2, 28)
    # Monthly figures in the spring term to 20 March: January to March of the autumn before.
    autumn = D(2025, 8, 1)
    end = periods.same_part_end(autumn, D(2026, 1, 1), D(2026, 3, 20), "period", "term", True)
    assert end == D(2025, 10, 31)


def test_survey_rounds_a_year_apart_are_sparse_and_a_missing_month_is_not():
    assert periods.sparse([D(2023, 3, 1), D(2024, 3, 1)], "month")  # 2 of 13 months
    months = [D(2024, m, 1) for m in (1, 2, 3, 4, 5, 6, 8, 9)]  # July missing: 8 of 9
    assert not periods.sparse(months, "month")
    assert not periods.sparse([D(2023, 8, 1), D(2024, 1, 1)], "period", "term")
    assert not periods.sparse([D(2024, 3, 1)], "month")


def test_a_running_month_compares_with_the_same_days_before(engine):
    a = facts.unit(engine, "A")
    # 24.10.2026 is day 24 of October. Mentor reports (dated by day): September 3 on the 10th
    # and 5 on the 28th; only the 10th is in 1.-24.9. October 2025: 4 on the 20th and 2 on the
    # 30th: only the 20th counts.
    for day, mood in (
        (D(2026, 9, 10), 3),
        (D(2026, 9, 28), 5),
        (D(2025, 10, 20), 4),
        (D(2025, 10, 30), 2),
        (D(2026, 10, 5), 4.5),
    ):
        facts.mentor(engine, a, day, mood)
    [card] = scorecard(
        engine=engine, indicators=["mentor_mood"], grain="month", today=D(2026, 10, 24)
    )
    assert card.partial and (card.days_run, card.days_total) == (24, 31)
    assert card.value == approx(4.5)
    assert (card.previous, card.year_ago) == (approx(3.0), approx(4.0))  # not 4.0 and 3.0
    assert card.previous_window == (D(2026, 9, 1), D(2026, 9, 24))
    assert card.year_ago_window == (D(2025, 10, 1), D(2025, 10, 24))
    assert card.withheld is None and not card.stale


def test_running_feedback_compares_whole_months(engine):
    """Feedback is counted in whole months (user guide, "Privacy": a range never cuts a privacy
    cell), so the earlier parts of a running month are whole months, and say so."""
    a = facts.unit(engine, "A")
    for day, mean in ((D(2026, 9, 10), 3), (D(2026, 9, 28), 5), (D(2026, 10, 5), 4.5)):
        facts.feedback(engine, a, day, 5, 5 * mean)
    [card] = scorecard(
        engine=engine, indicators=["feedback_mean"], grain="month", today=D(2026, 10, 24)
    )
    assert card.partial and card.previous == approx(4.0)
    assert card.previous_window == (D(2026, 9, 1), D(2026, 9, 30))


def test_the_comparison_is_withheld_when_the_same_part_has_no_data(engine):
    a = facts.unit(engine, "A")
    facts.mentor(engine, a, D(2026, 9, 28), 4)  # after the 24th: not the same part
    facts.mentor(engine, a, D(2026, 10, 5), 4)
    [card] = scorecard(
        engine=engine, indicators=["mentor_mood"], grain="month", today=D(2026, 10, 24)
    )
    assert (card.previous, card.year_ago, card.withheld) == (None, None, "no_same_part")


def test_a_figure_older_than_the_current_bucket_is_stale(engine):
    a = facts.unit(engine, "A")
    facts.feedback(engine, a, D(2026, 3, 10), 5, 20.0)
    [card] = scorecard(
        engine=engine, indicators=["feedback_mean"], grain="month", today=D(2026, 6, 15)
    )
    assert (card.bucket_start, card.current_start, card.stale) == (
        D(2026, 3, 1),
        D(2026, 6, 1),
        True,
    )
    assert not card.partial  # March is over


def _small_and_large(engine):
    """Unit S: 8 people, one leaver in 3/2026 and none in the 11 months before; one leaver in
    3/2025. Unit L: 40 people, 2 leavers in 3/2026."""
    s, big = facts.unit(engine, "S"), facts.unit(engine, "L")
    month = D(2025, 4, 1)
    while month <= D(2026, 3, 1):
        facts.workforce(engine, s, month, 8, leavers=1 if month == D(2026, 3, 1) else 0)
        month = periods.shift(month, "month")
    facts.workforce(engine, s, D(2025, 3, 1), 8, leavers=1)
    facts.workforce(engine, big, D(2026, 3, 1), 40, leavers=2)
    return s, big


def test_a_small_units_turnover_runs_over_a_rolling_12_months(engine):
    s, _ = _small_and_large(engine)
    monthly, rolling = (
        scorecard(
            engine=engine,
            indicators=["turnover_percent"],
            grain="month",
            unit_ids=[s],
            today=D(2026, 3, 31),
            rolling_under=under,
        )[0]
        for under in (0, 20)
    )
    assert monthly.value == approx(150.0)  # 1 leaver of 8 in a month, annualised: 12.5 % x 12
    # 1 leaver over 12 months of 8 people: 1200 * 1 / 96 = 12.5 %
    assert rolling.rolling == (D(2025, 4, 1), D(2026, 3, 31))
    assert rolling.value == approx(12.5)
    # The 12 months before (4/2024-3/2025) hold only 3/2025: 1 of 8 in one month, 150 %.
    assert rolling.previous == approx(150.0)


def test_the_units_table_rolls_only_the_small_units_rates(engine):
    s, big = _small_and_large(engine)
    table = unit_table(
        engine=engine,
        indicators=["turnover_percent", "headcount"],
        grain="month",
        today=D(2026, 3, 31),
        rolling_under=20,
    )
    turnover = table[table["indicator"] == "turnover_percent"].set_index("unit")
    assert turnover.loc["S", "value"] == approx(12.5) and turnover.loc["S", "rolling"]
    assert turnover.loc["L", "value"] == approx(60.0)  # 2 of 40 in a month, x 12
    assert not turnover.loc["L", "rolling"]
    headcount = table[table["indicator"] == "headcount"].set_index("unit")
    assert not headcount["rolling"].any()
