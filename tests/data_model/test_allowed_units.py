"""The signed-in user's units in the query layer (Scope.allowed_unit_ids): every
query and look-up keeps to them, whatever units, area or dates the scope asks for on top."""

import datetime as dt

import pytest

from core.scope import Scope
from data_model import reference
from tests.data_model.scoped import comments, reading, series, unit_table
from tests.views import dashboard as d


@pytest.fixture
def town(engine, filled_once):
    return filled_once(engine, "municipality", d.import_municipality)


def mine(town, *names) -> tuple[int, ...]:
    return tuple(town.units[n] for n in names)


def test_the_scope_keeps_the_allowed_units_whatever_a_page_changes():
    scope = Scope(unit_ids=(3,), allowed_unit_ids=(2, 1))

    assert scope.allowed_unit_ids == (1, 2)
    assert scope.for_units(None).allowed_unit_ids == (1, 2)
    assert scope.between(None, None).for_questions("a", "b").allowed_unit_ids == (1, 2)
    assert Scope(allowed_unit_ids=()).allowed_unit_ids == ()  # nothing, not everything
    assert not Scope(allowed_unit_ids=()).allows(1) and Scope().allows(1)


def test_look_ups_offer_only_the_allowed_units_and_their_areas(engine, town):
    koivu = mine(town, d.KOIVU)

    only_koivu, nothing = Scope(allowed_unit_ids=koivu), Scope(allowed_unit_ids=())

    assert [u["name"] for u in reference.units(engine, scope=only_koivu)] == [d.KOIVU]
    assert [n for _, n in reference.service_areas(engine, scope=only_koivu)] == [d.ELDERLY]
    assert reference.units(engine, scope=nothing) == []
    assert reference.service_areas(engine, scope=nothing) == []
    assert reference.data_span(engine, scope=nothing) == (None, None)
    assert reference.surveys_and_questions(engine, scope=nothing, reading=reading(1)) == []
    assert len(reference.units(engine)) == 3


def test_series_cannot_be_widened_by_units_or_area(engine, town):
    early_only = mine(town, d.AURINKO, d.KUU)
    asked = Scope(unit_ids=mine(town, d.KOIVU, d.AURINKO), allowed_unit_ids=early_only)
    frame = series(
        engine=engine,
        indicator="feedback_mean",
        grain="month",
        scope=asked,
        by="unit",
        min_answers=1,
    )
    assert set(frame["series"]) == {d.AURINKO}

    by_area = Scope(service_area_id=town.areas[d.ELDERLY], allowed_unit_ids=early_only)
    frame = series(
        engine=engine, indicator="feedback_mean", grain="month", scope=by_area, min_answers=1
    )
    assert frame.empty


def test_the_total_of_a_managers_scope_is_the_total_of_their_units_only(engine, town):
    early = Scope(start=dt.date(2024, 3, 1), allowed_unit_ids=mine(town, d.AURINKO, d.KUU))
    frame = series(
        engine=engine, indicator="feedback_mean", grain="month", scope=early, min_answers=1
    )

    assert frame["value"].round(2).tolist() == [4.67]  # Varhaiskasvatus 3/2024, not 4.00


def test_comments_notes_and_tables_keep_to_the_allowed_units(engine, town):
    koivu = Scope(allowed_unit_ids=mine(town, d.KOIVU))

    assert comments(engine=engine, scope=koivu, min_answers=1).rows.empty
    assert {n["unit"] for n in reference.mentor_notes(engine, scope=koivu)} <= {d.KOIVU}
    table = unit_table(
        engine=engine, indicators=["feedback_mean"], grain="month", scope=koivu, min_answers=1
    )
    assert set(table["unit"]) == {d.KOIVU}
    aurinko = Scope(allowed_unit_ids=mine(town, d.AURINKO))
    assert comments(engine=engine, scope=aurinko, min_answers=1).rows["text"].tolist()
