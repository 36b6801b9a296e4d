"""data_model.queries.change_sums and .mentoring: the sums a change is judged on, and the mentor
report sums of the feeling meter, checked against figures computed by hand."""

import datetime as dt

import pytest

from core import change as ch
from core.scope import Scope
from data_model.queries import mentoring
from tests.data_model import facts, scoped

D = dt.date


def test_feedback_sums_rescale_answers_and_know_when_only_a_mean_is_given(engine):
    area = facts.area(engine, "Perusopetus")
    u = facts.unit(engine, "Koulu", area)
    # answers 4, 5, 3 on 1-5 and 10, 0 on 0-10 (rescaled 5 and 1)
    facts.feedback(engine, u, D(2025, 3, 3), 3, 12, score_sq_sum=50, positive_n=2)
    facts.feedback(
        engine, u, D(2025, 3, 4), 2, 10, score_sq_sum=100, scale_min=0, scale_max=10, positive_n=1
    )
    scope = Scope(unit_ids=(u,))

    mean = scoped.sums(engine=engine, scope=scope, indicator="feedback_mean", min_answers=1)
    share = scoped.sums(
        engine=engine, scope=scope, indicator="feedback_positive_share", min_answers=1
    )

    assert (mean.n, mean.total) == (5, pytest.approx(4 + 5 + 3 + 5 + 1))
    assert mean.squares == pytest.approx(16 + 25 + 9 + 25 + 1)
    assert (share.k, share.n, share.value) == (3, 5, 60)
    facts.feedback(engine, u, D(2025, 3, 5), 10, 40)  # a report's mean: no squares
    found = scoped.sums(engine=engine, scope=scope, indicator="feedback_mean", min_answers=1)
    assert found.squares is None


def test_service_area_and_organisation_sums_match_sql_by_hand(engine):
    a, b = facts.area(engine, "A"), facts.area(engine, "B")
    u1, u2 = facts.unit(engine, "U1", a), facts.unit(engine, "U2", a)
    u3 = facts.unit(engine, "U3", b)
    for unit_id, moods in ((u1, [4, 2]), (u2, [3]), (u3, [5, 5])):
        for mood in moods:
            facts.mentor(engine, unit_id, D(2025, 5, 10), mood, workload=3)
    facts.mentor(engine, u1, D(2024, 5, 10), 1)  # outside the dates
    facts.workforce(engine, u1, D(2025, 5, 1), 10, fte=8, sick_leave_days=4, leavers=1)
    facts.workforce(engine, u2, D(2025, 5, 1), 20, sick_leave_days=6, leavers=0)
    dates = Scope(start=D(2025, 1, 1), end=D(2025, 12, 31))

    area_mood = scoped.sums(
        engine=engine,
        scope=Scope(start=dates.start, end=dates.end, service_area_id=a),
        indicator="mentor_mood",
    )
    whole = scoped.sums(engine=engine, scope=dates, indicator="mentor_mood")
    sick = scoped.sums(
        engine=engine, scope=dates.for_units([u1, u2]), indicator="sick_leave_days_per_fte"
    )
    turnover = scoped.sums(engine=engine, scope=dates, indicator="turnover_percent")

    assert (area_mood.n, area_mood.total, area_mood.squares) == (3, 9, 16 + 4 + 9)
    assert (whole.n, whole.value) == (5, pytest.approx(19 / 5))
    assert sick.value == pytest.approx(12 * 10 / (8 + 20)) and sick.size == 2
    assert turnover.value == pytest.approx(1200 * 1 / 30)


def test_judging_two_windows_of_mentor_mood(engine):
    u = facts.unit(engine, "U")
    for mood in (4, 4, 5, 4):
        facts.mentor(engine, u, D(2024, 6, 1), mood)
    for mood in (2, 3, 2, 3):
        facts.mentor(engine, u, D(2025, 6, 1), mood)
    before = scoped.sums(engine=engine, scope=Scope(end=D(2024, 12, 31)), indicator="mentor_mood")
    after = scoped.sums(engine=engine, scope=Scope(start=D(2025, 1, 1)), indicator="mentor_mood")
    judged = ch.judge(before, after, higher_is_better=True)
    assert judged.difference == pytest.approx(2.5 - 4.25)
    assert judged.verdict == ch.WORSE


def test_report_sums_per_unit_week_and_mentor(engine):
    area = facts.area(engine, "A")
    u = facts.unit(engine, "U", area)
    facts.mentor(engine, u, D(2026, 3, 2), 4, workload=3, mentor="Mari", concern=True)
    facts.mentor(engine, u, D(2026, 3, 4), 2, mentor="Mari")
    facts.mentor(engine, u, D(2026, 3, 4), 5, workload=2, mentor="Pekka")

    frame = mentoring.report_sums(engine=engine, scope=Scope(service_area_id=area))

    mari = frame[frame["mentor"] == "Mari"].iloc[0]
    assert (mari["reports"], mari["mood_n"], mari["mood_sum"], mari["mood_sq"]) == (2, 2, 6, 20)
    assert (mari["workload_n"], mari["workload_sum"], mari["concerns"]) == (1, 3, 1)
    assert mari["week_start"] == D(2026, 3, 2) and mari["month"] == D(2026, 3, 1)
    assert mari["last_date"] == D(2026, 3, 4) and mari["service_area_id"] == area
    assert len(frame) == 2
    stream = mentoring.report_stream(engine=engine, scope=Scope(unit_ids=(u,)))
    assert stream["date"].tolist() == [D(2026, 3, 4), D(2026, 3, 4), D(2026, 3, 2)]
