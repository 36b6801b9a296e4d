"""The privacy guarantee across views (user guide, "Privacy"): the three attacks the
fault probe made, replayed against the queries every page and export reads, and a randomised
check that no figure at any grain, selection or date range counts an answer of a privacy cell
under the threshold. Both backends.
"""

import datetime as dt
import random
from collections import defaultdict

import pandas as pd
import pytest
from pytest import approx
from sqlalchemy import func, select

from core.scope import Scope
from data_model import reference
from data_model.models import FeedbackScore, ImportBatch
from data_model.queries import rollup
from data_model.store import remove_batch
from tests.data_model import facts
from tests.data_model.scoped import comments, reading, scorecard, sums, unit_table
from tests.data_model.scoped import series as indicator_series

D = dt.date
K = 5  # the threshold
TODAY = D(2024, 3, 31)


def _area_of_three(engine) -> tuple[int, dict[str, int]]:
    area = facts.area(engine, "Pohjoinen")
    ids = {name: facts.unit(engine, name, area) for name in "ABC"}
    for name, n, score in (("A", 3, 1), ("B", 6, 5), ("C", 10, 4)):
        facts.feedback(engine, ids[name], D(2024, 3, 1), n, float(n * score), positive_n=0)
        facts.feedback(engine, ids[name], D(2024, 2, 12), 10, 30.0, positive_n=0)
    return area, ids


@pytest.fixture
def area_of_three(engine, filled_once):
    """Area "Pohjoinen", March 2024: A has 3 answers (all 1: the figure to protect), B 6 of 5,
    C 10 of 4. Every unit also has 10 answers of 3 in February."""
    return engine, *filled_once(engine, "privacy_area_of_three", _area_of_three)


def _series(engine, scope, grain="month", **kwargs):
    return indicator_series(
        engine=engine, indicator="feedback_mean", grain=grain, scope=scope, min_answers=K, **kwargs
    )


def _march(frame, series=""):
    row = frame[(frame["bucket_start"] == D(2024, 3, 1)) & (frame["series"] == series)]
    if row.empty or pd.isna(row["value"].iloc[0]):
        return None, 0 if row.empty else int(row["n"].iloc[0])
    return row["value"].iloc[0], int(row["n"].iloc[0])


def _rows(frame) -> list[tuple]:
    return [tuple(r) for r in frame.astype(object).where(frame.notna(), None).itertuples(False)]


def test_attack_area_total_minus_the_other_units_own_pages(area_of_three):
    """Overview of the area, then the Units page of B and of C: the area's total minus theirs
    used to leave A's mean. Now the total holds B and C only: nothing is left to subtract."""
    engine, area, ids = area_of_three
    area_card = scorecard(
        engine=engine,
        indicators=["feedback_mean"],
        grain="month",
        scope=Scope(service_area_id=area),
        min_answers=K,
        today=TODAY,
    )[0]
    own = {
        name: scorecard(
            engine=engine,
            indicators=["feedback_mean"],
            grain="month",
            scope=Scope(unit_ids=(ids[name],)),
            min_answers=K,
            today=TODAY,
        )[0]
        for name in "ABC"
    }
    assert own["A"].suppressed and own["A"].value is None and own["A"].n == 0
    assert area_card.n == own["B"].n + own["C"].n == 16
    left = area_card.value * area_card.n - own["B"].value * own["B"].n - own["C"].value * 10
    assert left == approx(0)
    # The units table beside the cards, and the area's own series per unit, agree.
    table = unit_table(
        engine=engine,
        indicators=["feedback_mean"],
        grain="month",
        scope=Scope(service_area_id=area),
        min_answers=K,
        today=TODAY,
    )
    assert sum(table["n"]) == area_card.n
    per_unit = _series(engine, Scope(service_area_id=area), by="unit", with_total=True)
    assert _march(per_unit) == (approx(70 / 16), 16)
    assert _march(per_unit, "A") == (None, 0)


def test_attack_two_sidebar_selections(area_of_three):
    """{A, B} and then {B}: the two figures are the same, so their difference says nothing."""
    engine, _, ids = area_of_three
    both = _march(_series(engine, Scope(unit_ids=(ids["A"], ids["B"]))))
    only_b = _march(_series(engine, Scope(unit_ids=(ids["B"],))))
    assert both == only_b == (5.0, 6)
    march = Scope(start=D(2024, 3, 1), end=D(2024, 3, 31))
    for indicator in ("feedback_answers", "feedback_positive_share"):
        a_and_b = indicator_series(
            engine=engine,
            indicator=indicator,
            grain="year",
            scope=march.for_units((ids["A"], ids["B"])),
            min_answers=K,
        )
        b = indicator_series(
            engine=engine,
            indicator=indicator,
            grain="year",
            scope=march.for_units((ids["B"],)),
            min_answers=K,
        )
        assert a_and_b[["value", "n"]].equals(b[["value", "n"]]), indicator


@pytest.mark.parametrize("grain", ["day", "week", "month", "period", "year"])
def test_attack_two_exports_one_day_apart(area_of_three, grain):
    """A respondent answered A's question on 1 March. Two Trends exports, from 1 March and
    from 2 March, used to differ by exactly that answer. Now both read the same whole buckets
    (or, at day grain, the day is its own bucket and A's cell counts in none)."""
    engine, area, _ = area_of_three
    late = Scope(service_area_id=area, start=D(2024, 3, 2), end=D(2024, 3, 31))
    early = late.between(D(2024, 3, 1), D(2024, 3, 31))
    first = _series(engine, early, grain, by="unit", with_total=True)
    second = _series(engine, late, grain, by="unit", with_total=True)
    if grain == "day":  # 1 March is a bucket of its own, and A's answers are not in it
        day_one = first["bucket_start"] == D(2024, 3, 1)
        assert sorted(first[day_one]["n"]) == [6, 10, 16]  # B, C, the total; A not listed
        first = first[~day_one]
    assert _rows(first) == _rows(second)


def test_a_term_minus_its_shown_months_leaves_nothing(engine):
    """The period figure of a unit counts only its shown months, so the period minus the shown
    months (Trends by unit at both grains) does not give the hidden month."""
    unit = facts.unit(engine, "A")
    for day, n, mean in (
        (D(2024, 1, 10), 10, 4.0),
        (D(2024, 2, 10), 3, 1.0),
        (D(2024, 3, 10), 10, 3.0),
    ):
        facts.feedback(engine, unit, day, n, n * mean)
    scope = Scope(unit_ids=(unit,))
    term = _series(engine, scope, "period", period_kind="term")
    months = _series(engine, scope, "month")
    assert list(term["n"]) == [20] and term["value"].iloc[0] == approx(3.5)
    assert list(months["n"]) == [10, 0, 10] and list(months["suppressed"]) == [False, True, False]


def test_a_small_week_inside_a_shown_month_keeps_the_month_out_of_week_figures(engine):
    """March has 12 answers, 2 of them in the week of 4 March. Weeks shown beside the month
    would give those 2 as the month minus the other weeks, so at week grain the month's answers
    count in no week; the month itself is shown."""
    unit, other = facts.unit(engine, "A"), facts.unit(engine, "B")
    facts.feedback(engine, unit, D(2024, 3, 5), 2, 2.0)
    facts.feedback(engine, unit, D(2024, 3, 12), 10, 40.0)
    facts.feedback(engine, other, D(2024, 3, 12), 10, 30.0)
    months = _series(engine, Scope(), "month", by="unit")
    assert list(months["n"]) == [12, 10]
    weeks = _series(engine, Scope(), "week", by="unit", with_total=True)
    assert weeks[weeks["series"] == "A"]["n"].sum() == 0
    assert weeks[weeks["series"] == ""]["n"].sum() == 10  # B's week only


def test_coaching_windows_count_whole_shown_months(engine):
    """The Units page's before/during panel: a window starting mid-month takes the months
    whose first day it holds, and no small cell."""
    unit = facts.unit(engine, "A")
    facts.feedback(engine, unit, D(2024, 2, 20), 10, 40.0, score_sq_sum=160.0)
    facts.feedback(engine, unit, D(2024, 3, 3), 3, 3.0, score_sq_sum=3.0)  # hidden
    facts.feedback(engine, unit, D(2024, 4, 20), 10, 20.0, question="Q2", score_sq_sum=40.0)
    scope = Scope(unit_ids=(unit,))
    before = sums(
        engine=engine,
        scope=scope.between(D(2023, 3, 15), D(2024, 3, 14)),
        indicator="feedback_mean",
        min_answers=K,
    )
    during = sums(
        engine=engine,
        scope=scope.between(D(2024, 3, 15), D(2024, 4, 30)),
        indicator="feedback_mean",
        min_answers=K,
    )
    # Before: the months from April 2023 to March 2024 (1 March is in it), without March's 3
    # answers; during: April.
    assert (before.n, before.total) == (10, approx(40.0))
    assert (during.n, during.total) == (10, approx(20.0))


def test_cells_follow_imports_and_removals(engine):
    """A cell spans batches: a second file can lift it over the threshold, and removing that
    file hides it again."""
    unit = facts.unit(engine, "A")
    facts.feedback(engine, unit, D(2024, 3, 5), 3, 12.0)
    assert _march(_series(engine, Scope())) == (None, 0)
    facts.feedback(engine, unit, D(2024, 3, 6), 3, 15.0)
    assert _march(_series(engine, Scope())) == (approx(4.5), 6)
    with engine.connect() as conn:
        newest = conn.execute(select(func.max(ImportBatch.id))).scalar()
    remove_batch(engine=engine, batch_id=newest)
    assert _march(_series(engine, Scope())) == (None, 0)


# --- randomised: no figure anywhere counts a small cell ---------------------------------------


def _random_history(engine):
    rng = random.Random(7)
    areas = [facts.area(engine, "Pohjoinen"), facts.area(engine, "Etelä")]
    units = [facts.unit(engine, f"U{i}", areas[i % 2]) for i in range(6)]
    answers = []  # (unit, day, question, n)
    for unit in units:
        for question in ("Q1", "Q2"):
            rows = []
            for _ in range(rng.randint(0, 8)):
                day = D(2024, 1, 1) + dt.timedelta(days=rng.randrange(120))
                n = rng.randint(1, 4)
                rows.append(
                    {"unit_id": unit, "n": n, "score_sum": float(3 * n), "question": question}
                    | {"survey": "Asiakaskysely", **facts.dated(day)}
                )
                answers.append((unit, day, question, n))
            if rows:
                facts.many(engine, FeedbackScore, rows)
    return units, areas, answers


@pytest.fixture
def random_history(engine, filled_once):
    """Six units in two areas, four months of 2024, two questions, a few answers a day; a
    batch per unit and question, each recounting the cells it touched."""
    return engine, *filled_once(engine, "privacy_random_history", _random_history)


def _shown_answers(answers, grain: str) -> list:
    """The answers a figure at this grain may count, worked out in Python from the rule."""
    cells = defaultdict(list)
    for unit, day, question, n in answers:
        cells[(unit, day.year, day.month, question)].append((day, n))
    shown = []
    for (unit, _, _, question), rows in cells.items():
        pieces = defaultdict(int)
        for day, n in rows:
            key = day if grain == "day" else day - dt.timedelta(days=day.weekday())
            pieces[key if grain in ("day", "week") else None] += n
        if min(pieces.values()) >= K:
            shown += [(unit, day, question, n) for day, n in rows]
    return shown


@pytest.mark.parametrize("grain", ["day", "week", "month", "year"])
def test_no_figure_counts_a_small_cell(random_history, grain):
    engine, units, areas, answers = random_history
    rng = random.Random(grain)
    allowed = _shown_answers(answers, grain)
    for _ in range(6):
        chosen = tuple(rng.sample(units, rng.randint(1, len(units))))
        start = D(2024, 1, 1) + dt.timedelta(days=rng.randrange(60))
        end = start + dt.timedelta(days=rng.randrange(20, 60))
        scope = rollup.feedback_scope(grain, Scope(unit_ids=chosen, start=start, end=end))
        frame = indicator_series(
            engine=engine, indicator="feedback_answers", grain=grain, scope=scope, min_answers=K
        )
        expected = sum(
            n for unit, day, _, n in allowed if unit in chosen and scope.start <= day <= scope.end
        )
        assert int(frame["n"].sum()) == expected, (chosen, start, end)


# --- Nothing tells a hidden cell's days or size: comments, question lists, day and week rows ---


@pytest.fixture
def hidden_march(engine, filled_once):
    """Unit A, March 2024: question Q1 has 3 answers, one on each of 18, 19 and 20 March (a
    hidden cell), and a comment on 18 March; question Q2 has 10 answers on 4 March (shown)
    with a comment of its own."""
    return engine, filled_once(engine, "privacy_hidden_march", _hidden_march)


def _hidden_march(engine) -> int:
    unit = facts.unit(engine, "A")
    for day in (D(2024, 3, 18), D(2024, 3, 19), D(2024, 3, 20)):
        facts.feedback(engine, unit, day, 1, 5.0, positive_n=1)
    facts.feedback(engine, unit, D(2024, 3, 4), 10, 40.0, question="Q2", positive_n=8)
    facts.comment(engine, unit, D(2024, 3, 18), "Kiitos hyvästä syksystä.")
    facts.comment(engine, unit, D(2024, 3, 4), "Hyvä paikka.", question="Q2")
    return unit


@pytest.mark.parametrize("day", [D(2024, 3, 18), D(2024, 3, 19), D(2024, 3, 5)])
def test_comments_of_a_single_day_read_the_whole_month(hidden_march, day):
    """A sidebar set to one day counted the hidden cell's comment only on the day it was left,
    so the days could be told apart. The comments read the whole month as the figures do: every
    day of March shows the same comments and the same number withheld."""
    engine, unit = hidden_march
    found = comments(engine=engine, unit_ids=[unit], start=day, end=day, min_answers=K)

    assert found.rows["text"].tolist() == ["Hyvä paikka."]
    assert found.withheld == 1


def test_a_comment_follows_its_own_questions_cell(hidden_march):
    """Q2's ten answers in the same month do not let Q1's comment through."""
    engine, unit = hidden_march
    found = comments(engine=engine, unit_ids=[unit], question="Q1", min_answers=K)

    assert found.rows.empty and found.withheld == 1
    assert comments(engine=engine, unit_ids=[unit], question="Q1", min_answers=3).withheld == 0


def test_a_question_whose_every_cell_is_hidden_is_not_offered(hidden_march):
    engine, unit = hidden_march

    assert reference.surveys_and_questions(engine, reading=reading(K)) == [("Asiakaskysely", "Q2")]
    assert reference.surveys_and_questions(engine, reading=reading(3)) == [
        ("Asiakaskysely", "Q1"),
        ("Asiakaskysely", "Q2"),
    ]


@pytest.mark.parametrize("grain", ["day", "week"])
def test_day_and_week_rows_of_a_hidden_cell_are_not_listed(hidden_march, grain):
    """At day or week grain a hidden cell's buckets are left out, not listed as hidden: a list
    of hidden days would say on which days the few answered."""
    engine, unit = hidden_march
    for indicator in ("feedback_mean", "feedback_answers"):
        frame = indicator_series(
            engine=engine, indicator=indicator, grain=grain, unit_ids=[unit], min_answers=K
        )
        assert frame["bucket_start"].tolist() == [D(2024, 3, 4)], indicator  # Q2's day or week
        assert not frame["suppressed"].any(), indicator


def test_a_hidden_month_is_still_said_to_be_hidden(hidden_march):
    """At month grain and coarser a bucket of hidden cells only reads as hidden (its month
    holds a shown cell here, so the month's figure is Q2's alone)."""
    engine, unit = hidden_march
    q1 = indicator_series(
        engine=engine, indicator="feedback_mean", grain="month", question="Q1", min_answers=K
    )
    assert (q1["bucket_start"].tolist(), q1["suppressed"].tolist()) == ([D(2024, 3, 1)], [True])
