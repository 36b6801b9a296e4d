"""Own indicators' figures against pandas on random unit-months: every aggregation (sum, mean,
weighted mean, ratio of summed numerator and denominator, latest level) at every grain and
period kind, for the whole selection, per unit and per service area; a ratio is never the mean
of monthly ratios; a personal figure's small unit-months count nowhere."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest import approx
from sqlalchemy import delete

from core import indicators as catalog
from core import periods
from data_model import own_indicators
from data_model.db import open_database
from data_model.models import OwnIndicator, OwnValue
from data_model.queries import change_sums, unit_months
from tests.data_model import facts
from tests.data_model.scoped import reading, series

GRAINS = [
    ("day", "term"),
    ("week", "term"),
    ("month", "term"),
    ("period", "quarter"),
    ("period", "term"),
    ("period", "operating_year"),
    ("year", "term"),
]
AGGREGATES = ["sum", "mean", "weighted", "ratio", "latest"]
MONTHS = [dt.date(2023 + (5 + k) // 12, (5 + k) % 12 + 1, 1) for k in range(20)]  # 6/2023 on
FIELDS = ("value", "numerator", "denominator", "weight")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One SQLite database for the module: two service areas' units and one without an area;
    each example empties the own indicators' tables."""
    path = tmp_path_factory.mktemp("own") / "own.db"
    engine = open_database(f"sqlite:///{path}")
    first, second = facts.area(engine, "Varhaiskasvatus"), facts.area(engine, "Perusopetus")
    units = {
        facts.unit(engine, "Päiväkoti Aurinko", first): first,
        facts.unit(engine, "Päiväkoti Kuu", first): first,
        facts.unit(engine, "Koulu Tähti", second): second,
        facts.unit(engine, "Kirjasto", None): None,
    }
    yield engine, units
    engine.dispose()


def _number(low=0.0, high=500.0):
    return st.one_of(st.none(), st.floats(low, high, allow_nan=False).map(lambda x: round(x, 2)))


ROWS = st.lists(
    st.tuples(
        st.integers(0, 3),  # unit
        st.sampled_from(MONTHS),
        _number(),  # value
        _number(0, 80),  # numerator
        st.one_of(st.none(), st.floats(1, 200, allow_nan=False).map(lambda x: round(x, 1))),
        _number(0.5, 40),  # weight
    ),
    min_size=1,
    max_size=40,
)


def _stored(engine, units, rows, aggregate: str, **definition) -> tuple[object, pd.DataFrame]:
    """The rows stored for a fresh definition (two rows of one unit-month may come from two
    batches); its catalog entry and the rows as a frame."""
    with engine.begin() as conn:
        conn.execute(delete(OwnValue))
        conn.execute(delete(OwnIndicator))
    unit_ids = list(units)
    definition_id = facts.own_indicator(engine, "Mittari", aggregate=aggregate, **definition)
    records = []
    for unit, month, *figures in rows:
        values = dict(zip(FIELDS, figures, strict=True))
        facts.own_value(engine, definition_id, unit_ids[unit], month, **values)
        records.append({"unit_id": unit_ids[unit], "month": month, **values})
    [entry] = own_indicators.catalog_entries(engine=engine)
    frame = pd.DataFrame.from_records(records).astype({f: float for f in FIELDS})
    frame["area"] = [units[u] for u in frame["unit_id"]]
    return entry, frame


def expected(frame: pd.DataFrame, aggregate: str, key: str, factor: float = 1.0) -> dict:
    """{(bucket, series): figure} as pandas computes the definition, per key ("bucket" alone
    for the total, with "unit_id" or "area")."""
    keys = ["bucket"] + ([] if key == "total" else [key])
    if aggregate in ("sum", "mean", "latest"):
        frame = frame[frame["value"].notna()]
    if aggregate == "sum":
        found = frame.groupby(keys, dropna=False)["value"].sum()
    elif aggregate == "mean":
        found = frame.groupby(keys, dropna=False)["value"].mean()
    elif aggregate == "weighted":
        frame = frame.assign(w=frame["weight"].fillna(frame["denominator"]))
        frame = frame[frame["value"].notna() & frame["w"].notna()]
        parts = frame.assign(vw=frame["value"] * frame["w"]).groupby(keys, dropna=False)
        found = parts["vw"].sum() / parts["w"].sum()
    elif aggregate == "ratio":
        frame = frame[frame["numerator"].notna() & frame["denominator"].notna()]
        parts = frame.groupby(keys, dropna=False)
        found = factor * parts["numerator"].sum() / parts["denominator"].sum()
    else:  # each unit's newest month in the bucket, its rows summed, then the units summed
        newest = frame.groupby(["bucket", "unit_id"])["month"].transform("max")
        found = frame[frame["month"] == newest].groupby(keys, dropna=False)["value"].sum()
    result = {}
    for index, figure in found.items():
        bucket, series_key = (index, None) if key == "total" else index
        series_key = None if series_key is None or pd.isna(series_key) else int(series_key)
        result[(bucket, series_key)] = float(figure)
    return result


def got(frame: pd.DataFrame, key: str) -> dict:
    return {
        (b, None if key == "total" or pd.isna(s) else int(s)): float(v)
        for b, s, v in zip(frame["bucket_start"], frame["series_id"], frame["value"], strict=True)
        if not pd.isna(v)
    }


@pytest.mark.slow
@pytest.mark.parametrize("aggregate", AGGREGATES)
@pytest.mark.parametrize(("grain", "period_kind"), GRAINS)
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=ROWS)
def test_each_aggregation_at_each_grain_is_what_pandas_computes(
    world, aggregate, grain, period_kind, rows
):
    engine, units = world
    measure = "%" if aggregate == "ratio" else ""
    indicator, frame = _stored(engine, units, rows, aggregate, measure=measure)
    monthly = periods.monthly_grain(grain)
    frame["bucket"] = [periods.bucket_start(m, monthly, period_kind) for m in frame["month"]]
    factor = 100.0 if aggregate == "ratio" else 1.0
    for by, key in (("total", "total"), ("unit", "unit_id"), ("service_area", "area")):
        figures = series(
            engine=engine, indicator=indicator, grain=grain, by=by, period_kind=period_kind
        )
        want = expected(frame, aggregate, key, factor)
        assert got(figures, by if by == "total" else key).keys() == want.keys()
        for found, figure in got(figures, by if by == "total" else key).items():
            assert figure == approx(want[found], rel=1e-9, abs=1e-9), (by, found)


def test_a_ratio_sums_numerators_and_denominators_never_averaging_monthly_ratios(engine):
    area = facts.area(engine, "Ammatillinen koulutus")
    north, south = facts.unit(engine, "Pohjoinen", area), facts.unit(engine, "Etelä", area)
    definition = facts.own_indicator(engine, "Keskeyttäneet %", aggregate="ratio", measure="%")
    facts.own_value(engine, definition, north, dt.date(2025, 3, 1), numerator=3, denominator=120)
    facts.own_value(engine, definition, south, dt.date(2025, 3, 1), numerator=1, denominator=20)
    facts.own_value(engine, definition, south, dt.date(2025, 4, 1), numerator=2, denominator=20)
    [indicator] = own_indicators.catalog_entries(engine=engine)
    whole = series(engine=engine, indicator=indicator, grain="year")
    assert list(whole["value"]) == [approx(100 * 6 / 160)]  # 3,75 %, not the mean of 2,5, 5, 10
    assert list(whole["n"]) == [3]  # unit-months
    per_month = series(engine=engine, indicator=indicator, grain="month", by="unit")
    assert [round(v, 4) for v in per_month["value"]] == [5.0, 2.5, 10.0]


def test_a_ratio_per_year_counts_a_month_as_a_year(engine):
    """Drop-outs a month against the students (a level): 12 x the ratio of the sums."""
    unit = facts.unit(engine, "Ammattiopisto")
    definition = facts.own_indicator(
        engine, "Keskeyttäneet %", aggregate="ratio", measure="%", per_year=True
    )
    for month, dropped in ((1, 1), (2, 2), (3, 0)):
        facts.own_value(
            engine, definition, unit, dt.date(2025, month, 1), numerator=dropped, denominator=200
        )
    [indicator] = own_indicators.catalog_entries(engine=engine)
    quarter = series(engine=engine, indicator=indicator, grain="period", period_kind="quarter")
    assert list(quarter["value"]) == [approx(1200 * 3 / 600)]  # 3 of 200 a quarter: 6 % a year


def test_a_personal_figure_leaves_out_unit_months_of_fewer_people_everywhere(engine):
    """Staff-level: a unit-month of 3 people counts in no figure, total nor unit, nor in the
    effectiveness pages' unit-months or a change's sums."""
    small, large = facts.unit(engine, "Pieni tiimi"), facts.unit(engine, "Iso tiimi")
    definition = facts.own_indicator(
        engine, "Ylitöitä tehneet %", aggregate="ratio", measure="%", personal=True
    )
    march = dt.date(2025, 3, 1)
    facts.own_value(engine, definition, small, march, numerator=2, denominator=3)
    facts.own_value(engine, definition, large, march, numerator=4, denominator=40)
    [indicator] = own_indicators.catalog_entries(engine=engine)
    assert indicator.protected
    whole = series(engine=engine, indicator=indicator, grain="month")
    assert list(whole["value"]) == [approx(10.0)] and list(whole["n"]) == [40]
    per_unit = series(engine=engine, indicator=indicator, grain="month", by="unit")
    assert [
        (s, bool(h)) for s, h in zip(per_unit["series"], per_unit["suppressed"], strict=True)
    ] == [
        ("Iso tiimi", False),
        ("Pieni tiimi", True),
    ]
    assert per_unit["value"].isna().tolist() == [False, True]
    from core.scope import Scope

    months = unit_months.unit_months(engine, scope=Scope(), indicator=indicator, reading=reading())
    assert months["unit_id"].tolist() == [large]
    sums = change_sums.sums(
        engine, scope=Scope(unit_ids=(small,)), indicator=indicator, reading=reading()
    )
    assert sums.hidden and sums.n == 0


def test_a_neutral_indicator_shows_its_target_without_a_colour(engine):
    from tests.data_model.scoped import scorecard

    unit = facts.unit(engine, "Päiväkoti Aurinko")
    definition = facts.own_indicator(engine, "Paikat", aggregate="latest", better="none", target=40)
    facts.own_value(engine, definition, unit, dt.date(2025, 3, 1), value=35)
    [indicator] = own_indicators.catalog_entries(engine=engine)
    [card] = scorecard(
        engine=engine, indicators=[indicator], grain="month", today=dt.date(2025, 3, 31)
    )
    assert (card.value, card.target, card.status) == (35.0, 40.0, None)
    np.testing.assert_equal(card.n, 1)
    with catalog.own_in_use([indicator]):
        assert catalog.get(indicator.code) is indicator
