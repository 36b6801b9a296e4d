"""The feedback totals: every month, period and year figure read from it (and
the day table for part-months at the scope's edges) equals the figure from the day table alone,
for every feedback indicator, grain, period kind, grouping and scope, on both backends; it is
written with its batch and removed with it."""

import datetime as dt
import random
from functools import partial

import pytest
from sqlalchemy import func, insert, select

from core import indicators as catalog
from core import periods
from core.scope import Scope
from data_model import feedback_cells
from data_model.models import (
    FeedbackDayTotal,
    FeedbackMonthTotal,
    FeedbackOrgDayTotal,
    FeedbackOrgMonthTotal,
    FeedbackScore,
    FeedbackUnitWeekTotal,
    FeedbackWeekTotal,
)
from data_model.queries import change_sums, rollup, unit_months
from data_model.queries.series import feedback_series_together, indicator_series
from data_model.store import remove_batch
from tests.data_model import facts
from tests.data_model.scoped import reading

FEEDBACK = [i for i in catalog.CATALOG if i.source == "feedback"]
GRAIN_KINDS = [("month", "term"), ("year", "term")] + [("period", k) for k in periods.PERIOD_KINDS]
ROLLUP_GRAIN_KINDS = [("day", "term"), ("week", "term"), *GRAIN_KINDS]  # every grain: totals


def _sweep(cases: list[tuple], everyday: set[tuple]) -> list:
    """Every case runs in `make test`; the everyday ones in `make check` too."""
    return [
        case if case in everyday else pytest.param(*case, marks=pytest.mark.slow) for case in cases
    ]


def _rows(rng: random.Random, batch_id: int, units: list[int], count: int) -> list[dict]:
    """Day rows over 2023-2025 on 1-5 and 0-10 scales; some from report means (no positive_n,
    no squares), as the aggregated form stores them."""
    rows = []
    for _ in range(count):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        n = rng.randint(1, 6)
        nps = rng.random() < 0.3
        low, high = (0, 10) if nps else (1, 5)
        score_sum = float(sum(rng.randint(low, high) for _ in range(n)))
        means_only = not nps and rng.random() < 0.2
        promoters = rng.randint(0, n) if nps else None
        rows.append(
            {
                "batch_id": batch_id,
                "unit_id": rng.choice(units),
                "date": day,
                "year": day.year,
                "month": day.month,
                "week_start": day - dt.timedelta(days=day.weekday()),
                "survey": rng.choice(("Asiakaskysely", "Vanhempainkysely")),
                "question": "Suosittelisitko?" if nps else rng.choice(("Q1", "Q2")),
                "respondent_group": rng.choice(("", "Omainen")),
                "scale_min": low,
                "scale_max": high,
                "n": n,
                "score_sum": score_sum,
                "score_sq_sum": None if means_only else score_sum * 4.0,
                "positive_n": None if means_only or nps else rng.randint(0, n),
                "promoters_n": promoters,
                "detractors_n": rng.randint(0, n - promoters) if nps else None,
            }
        )
    return rows


def _store(engine, rows_per_batch: list[int], units: list[int], seed: int = 13) -> list[int]:
    rng = random.Random(seed)
    batches = []
    for count in rows_per_batch:
        batch_id = facts.batch(engine)
        with engine.begin() as conn:
            conn.execute(insert(FeedbackScore), _rows(rng, batch_id, units, count))
            feedback_cells.refresh(conn, feedback_cells.touched(conn, batch_id))
        batches.append(batch_id)
    return batches


def _history(engine) -> tuple[list[int], int]:
    north, south = facts.area(engine, "Pohjoinen"), facts.area(engine, "Etelä")
    units = [
        facts.unit(engine, "Aurinko", north),
        facts.unit(engine, "Kuu", north),
        facts.unit(engine, "Tähti", south),
        facts.unit(engine, "Koivu"),
    ]
    _store(engine, [400, 150], units)
    return units, north


@pytest.fixture
def history(engine, filled_once):
    """Four units, three in two areas, 550 day rows over 2023-2025 in two batches."""
    return engine, *filled_once(engine, "rollup_history", _history)


SCOPES = {
    "everything": Scope(),
    "whole months": Scope(start=dt.date(2023, 3, 1), end=dt.date(2025, 6, 30)),
    "sidebar: ends mid-month": Scope(start=dt.date(2023, 1, 1), end=dt.date(2025, 10, 17)),
    "both edges mid-month": Scope(start=dt.date(2023, 2, 14), end=dt.date(2024, 11, 3)),
    "within one month": Scope(start=dt.date(2024, 5, 3), end=dt.date(2024, 5, 20)),
    "open start, end mid-month": Scope(end=dt.date(2024, 8, 9)),
    "start mid-month, open end": Scope(start=dt.date(2024, 8, 9)),
    "one survey and question": Scope(
        start=dt.date(2023, 6, 5), end=dt.date(2025, 2, 2), survey="Asiakaskysely", question="Q1"
    ),
}


def _both(engine, monkeypatch, **kwargs):
    with monkeypatch.context() as m:
        m.setattr(rollup, "ROLLUP_GRAINS", ())  # the day table only
        days = indicator_series(engine, **kwargs)
    return indicator_series(engine, **kwargs), days


@pytest.mark.parametrize("indicator", FEEDBACK, ids=lambda i: i.code)
@pytest.mark.parametrize(
    ("grain", "kind"),
    _sweep(ROLLUP_GRAIN_KINDS, {("day", "term"), ("month", "term"), ("period", "quarter")}),
)
def test_rollup_and_day_table_give_the_same_figures(history, monkeypatch, indicator, grain, kind):
    engine, units, north = history
    scopes = dict(
        SCOPES,
        units=Scope(unit_ids=units[1:3], end=dt.date(2025, 3, 9)),
        area=Scope(service_area_id=north, start=dt.date(2023, 4, 1)),
    )
    for name, scope in scopes.items():
        for by in ("unit", "service_area"):  # with the total alongside
            from_rollup, from_days = _both(
                engine,
                monkeypatch,
                indicator=indicator,
                grain=grain,
                reading=reading(5, kind),
                scope=scope,
                by=by,
                with_total=True,
            )
            assert not from_days.empty or scope.question, name  # no 0-10 answers to Q1
            assert from_rollup.drop(columns="value").equals(from_days.drop(columns="value")), (
                name,
                by,
            )
            assert from_rollup["value"].to_numpy() == pytest.approx(
                from_days["value"].to_numpy(), rel=1e-9, nan_ok=True
            ), (name, by)


@pytest.mark.parametrize("indicator", ["feedback_mean", "feedback_positive_share"])
def test_effect_and_coaching_figures_read_the_totals_as_they_would_the_day_rows(
    history, monkeypatch, indicator
):
    """The other readers of feedback rows, over every unit and over some: per unit and month
    (the effectiveness page) and the sums behind a before/after comparison (coaching)."""
    engine, units, north = history
    scopes = {
        "everything": Scope(),
        "two units": Scope(unit_ids=units[:2]),
        "an area": Scope(service_area_id=north, start=dt.date(2024, 2, 10)),
    }
    for name, scope in scopes.items():
        kwargs = {"scope": scope, "indicator": catalog.get(indicator), "reading": reading()}

        def both(kwargs=kwargs):
            return unit_months.unit_months(engine, **kwargs), [
                change_sums.sums(engine, **kwargs, grain=grain)
                for grain in ("month", "week", "day")
            ]

        with monkeypatch.context() as m:
            m.setattr(rollup, "ROLLUP_GRAINS", ())  # the day table only
            day_months, day_sums = both()
        months, sums = both()
        assert len(set(months["unit_id"])) > 1 or name == "two units", name
        assert months.drop(columns="value").equals(day_months.drop(columns="value")), name
        assert months["value"].to_numpy() == pytest.approx(day_months["value"].to_numpy())
        assert all(s.n > 0 for s in day_sums), name
        assert [(s.n, s.k) for s in sums] == [(s.n, s.k) for s in day_sums], name
        assert [s.total for s in sums] == pytest.approx([s.total for s in day_sums]), name


def _read(grain: str, scope: Scope, by: str = "total") -> set[str]:
    """The tables a figure's feedback rows come from."""
    rows = rollup.feedback_rows(grain, scope, 5, by).__table__
    return {t.name for t in rows.element.get_final_froms()}


@pytest.mark.parametrize(
    ("grain", "organisation", "units"),
    [
        ("day", "feedback_org_day_total", "feedback_day_total"),
        *((g, "feedback_org_month_total", "feedback_month_total") for g in rollup.MONTHLY_GRAINS),
    ],
)
def test_a_figure_of_every_unit_reads_the_organisations_totals(grain, organisation, units):
    """Which table each day, month, period or year figure reads: the organisation's totals
    only where no unit is filtered out (the user's own units, a list, an area) and the figure
    is not per unit."""
    read = partial(_read, grain)

    assert read(Scope()) == {organisation}
    assert read(Scope(survey="Asiakaskysely", question="Q1")) == {organisation}
    assert read(Scope(), by="unit") == {units}
    assert read(Scope(), by="service_area") == {units}
    assert read(Scope(unit_ids=(1, 2))) == {units}
    assert read(Scope(service_area_id=1)) == {units}
    assert read(Scope(allowed_unit_ids=(1,))) == {units}


def test_a_week_figure_of_every_question_reads_the_units_week_totals():
    read = partial(_read, "week")

    every_question = {"feedback_unit_week_total"}
    assert read(Scope()) == every_question
    assert read(Scope(unit_ids=(1, 2)), by="unit") == every_question
    assert read(Scope(service_area_id=1), by="service_area") == every_question
    assert read(Scope(survey="Asiakaskysely")) == {"feedback_week_total"}
    assert read(Scope(question="Q1")) == {"feedback_week_total"}


def test_feedback_dates_snap_outwards_to_whole_buckets():
    D = dt.date
    mid = Scope(start=D(2024, 2, 14), end=D(2024, 11, 3))
    assert rollup.feedback_scope("month", mid) == Scope(start=D(2024, 2, 1), end=D(2024, 11, 30))
    assert rollup.feedback_scope("year", mid) == rollup.feedback_scope("month", mid)
    assert rollup.feedback_scope("week", mid) == Scope(start=D(2024, 2, 12), end=D(2024, 11, 3))
    assert rollup.feedback_scope("day", mid) == mid
    assert rollup.feedback_scope("month", Scope()) == Scope()


def _answers(engine) -> dict[str, int]:
    """Answers in the day rows and in each table of totals."""
    tables = {
        "days": FeedbackScore,
        "day totals": FeedbackDayTotal,
        "week totals": FeedbackWeekTotal,
        "month totals": FeedbackMonthTotal,
        "organisation's day totals": FeedbackOrgDayTotal,
        "organisation's month totals": FeedbackOrgMonthTotal,
        "units' week totals": FeedbackUnitWeekTotal,
    }
    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.coalesce(func.sum(t.n), 0))).scalar_one()
            for name, t in tables.items()
        }


def _count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_the_totals_hold_every_answer_and_are_recounted_when_a_batch_leaves(engine):
    units = [facts.unit(engine, "Aurinko"), facts.unit(engine, "Kuu")]
    first, second = _store(engine, [300, 100], units)
    both = _answers(engine)
    assert len(set(both.values())) == 1 and both["days"] > 0  # every answer in every table
    day_rows = _count(engine, FeedbackScore)
    assert _count(engine, FeedbackMonthTotal) < _count(engine, FeedbackWeekTotal) < day_rows

    assert remove_batch(engine=engine, batch_id=first)

    left = _answers(engine)
    assert len(set(left.values())) == 1 and 0 < left["days"] < both["days"]
    assert remove_batch(engine=engine, batch_id=second)
    assert set(_answers(engine).values()) == {0}


KNOWING = {  # one day's answers to one question, from sources that know different sums
    "none": {},
    "squares": {"score_sq_sum": 30.0},
    "squares and positives": {"score_sq_sum": 50.0, "positive_n": 2},
    "promoters": {"score_sq_sum": 40.0, "promoters_n": 1, "detractors_n": 0},
    "detractors": {"score_sq_sum": 60.0, "detractors_n": 1},
}


@pytest.mark.parametrize(
    "table",
    [
        FeedbackDayTotal,
        pytest.param(FeedbackWeekTotal, marks=pytest.mark.slow),
        pytest.param(FeedbackMonthTotal, marks=pytest.mark.slow),
        pytest.param(FeedbackOrgDayTotal, marks=pytest.mark.slow),
        FeedbackOrgMonthTotal,
        pytest.param(FeedbackUnitWeekTotal, marks=pytest.mark.slow),
    ],
    ids=lambda t: t.__tablename__,
)
def test_rows_knowing_different_sums_stay_apart_in_every_total(engine, table):
    """A sum skips a missing value: summed together, a row without squares would make its
    neighbour's squares pass for the whole total's. Every total keeps apart the rows that know
    different sums, as the day rows are."""
    aurinko = facts.unit(engine, "Aurinko")
    for extra in KNOWING.values():
        facts.feedback(engine, aurinko, dt.date(2024, 5, 6), 2, 8.0, **extra)
    figures = ("n", "score_sum", "score_sq_sum", "positive_n", "promoters_n", "detractors_n")
    with engine.connect() as conn:
        rows = conn.execute(select(*(getattr(table, f) for f in figures))).all()
    expected = [
        (
            2,
            8.0,
            e.get("score_sq_sum"),
            e.get("positive_n"),
            e.get("promoters_n"),
            e.get("detractors_n"),
        )
        for e in KNOWING.values()
    ]
    assert sorted(map(tuple, rows), key=repr) == sorted(expected, key=repr)


@pytest.mark.parametrize(
    ("grain", "kind"), _sweep(ROLLUP_GRAIN_KINDS, {("week", "term"), ("period", "operating_year")})
)
def test_feedback_indicators_from_one_statement_equal_one_statement_each(history, grain, kind):
    engine, units, north = history
    scopes = dict(SCOPES, area=Scope(service_area_id=north, start=dt.date(2023, 4, 1)))
    for name, scope in scopes.items():
        for by in ("total", "unit"):
            args = {
                "grain": grain,
                "reading": reading(5, kind),
                "scope": scope,
                "by": by,
                "with_total": by != "total",
            }
            together = feedback_series_together(engine, indicators=FEEDBACK, **args)
            for indicator in FEEDBACK:
                alone = indicator_series(engine, indicator=indicator, **args)
                mine = together[indicator.code]
                assert mine.drop(columns="value").equals(alone.drop(columns="value")), (
                    name,
                    by,
                    indicator.code,
                )
                assert mine["value"].to_numpy() == pytest.approx(
                    alone["value"].to_numpy(), rel=1e-9, nan_ok=True
                )
