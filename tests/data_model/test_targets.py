"""Targets: precedence of scopes, newest row wins, the catalog default, traffic-light status
for higher- and lower-is-better, and the Settings editor's list and save (both backends)."""

import pytest

from data_model.targets import list_targets, save_targets, status, target_for
from tests.data_model import facts


@pytest.fixture
def targets(engine):
    """feedback_mean targets in every scope; the first all-units row is overridden later."""
    a = facts.unit(engine, "A")
    b = facts.unit(engine, "B")
    facts.target(engine, "feedback_mean", 1.0)
    facts.target(engine, "feedback_mean", 2.0, year=2024)
    facts.target(engine, "feedback_mean", 3.0, unit_id=a)
    facts.target(engine, "feedback_mean", 4.0, unit_id=a, year=2024)
    facts.target(engine, "feedback_mean", 1.5)
    return {"A": a, "B": b}


@pytest.mark.parametrize(
    ("unit", "year", "expected"),
    [
        ("A", 2024, 4.0),  # unit and year
        ("A", 2023, 3.0),  # unit, any year
        ("B", 2024, 2.0),  # all units, that year
        ("B", 2023, 1.5),  # all units, any year: the newer of two rows
        (None, 2024, 2.0),
        (None, None, 1.5),
    ],
)
def test_the_most_specific_target_wins(engine, targets, unit, year, expected):
    unit_id = targets[unit] if unit else None
    assert target_for(engine=engine, indicator="feedback_mean", unit_id=unit_id, year=year) == (
        expected
    )


def test_without_rows_the_catalog_default_applies(engine, targets):
    assert target_for(engine=engine, indicator="mentor_mood", unit_id=targets["A"]) == 3.5
    assert target_for(engine=engine, indicator="headcount") is None
    with pytest.raises(ValueError, match="unknown indicator"):
        target_for(engine=engine, indicator="no_such_indicator")


@pytest.mark.parametrize(
    ("value", "target", "higher_is_better", "expected"),
    [
        (4.0, 4.0, True, "green"),
        (4.3, 4.0, True, "green"),
        (3.8, 4.0, True, "yellow"),  # 0.2 short = 5 % of 4
        (3.79, 4.0, True, "red"),
        (10.0, 10.0, False, "green"),
        (9.0, 10.0, False, "green"),
        (10.5, 10.0, False, "yellow"),
        (10.6, 10.0, False, "red"),
        (0.0, 0.0, False, "green"),
        (1.0, 0.0, False, "red"),  # a zero target leaves no yellow band
        (None, 4.0, True, None),
        (float("nan"), 4.0, True, None),
        (4.0, None, True, None),
    ],
)
def test_status_colours(value, target, higher_is_better, expected):
    assert status(value, target, higher_is_better) == expected


def test_status_margin_is_configurable():
    assert status(3.6, 4.0, True, margin=0.10) == "yellow"
    assert status(3.6, 4.0, True, margin=0.05) == "red"


def test_editor_lists_the_targets_in_force_once_per_scope(engine, targets):
    rows = list_targets(engine=engine)
    assert rows == [
        {
            "indicator": "feedback_mean",
            "unit_id": None,
            "year": None,
            "target": 1.5,
            "manual": False,
        },
        {
            "indicator": "feedback_mean",
            "unit_id": None,
            "year": 2024,
            "target": 2.0,
            "manual": False,
        },
        {
            "indicator": "feedback_mean",
            "unit_id": targets["A"],
            "year": None,
            "target": 3.0,
            "manual": False,
        },
        {
            "indicator": "feedback_mean",
            "unit_id": targets["A"],
            "year": 2024,
            "target": 4.0,
            "manual": False,
        },
    ]


def test_saving_an_untouched_table_stores_nothing(engine, targets):
    assert save_targets(engine=engine, rows=list_targets(engine=engine)) == 0
    assert not any(row["manual"] for row in list_targets(engine=engine))


def test_saving_edits_overrides_imports_and_removing_an_edit_restores_them(engine, targets):
    rows = list_targets(engine=engine)
    rows[0]["target"] = 4.2  # all units, any year
    rows.append({"indicator": "Fiilis", "unit_id": targets["B"], "year": "2025", "target": "3"})
    assert save_targets(engine=engine, rows=rows) == 2
    assert target_for(engine=engine, indicator="feedback_mean", unit_id=targets["B"]) == 4.2
    assert (
        target_for(engine=engine, indicator="mentor_mood", unit_id=targets["B"], year=2025) == 3.0
    )
    manual = [r for r in list_targets(engine=engine) if r["manual"]]
    assert [(r["indicator"], r["unit_id"], r["year"], r["target"]) for r in manual] == [
        ("feedback_mean", None, None, 4.2),
        ("mentor_mood", targets["B"], 2025, 3.0),
    ]

    save_targets(engine=engine, rows=[r for r in rows if r["indicator"] == "feedback_mean"][1:])
    assert target_for(engine=engine, indicator="feedback_mean", unit_id=targets["B"]) == 1.5
    assert (
        target_for(engine=engine, indicator="mentor_mood", unit_id=targets["B"], year=2025) == 3.5
    )


def test_rows_without_a_target_are_dropped_and_unknown_indicators_refused(engine):
    blank = {"indicator": "nps", "unit_id": None, "year": None, "target": None}
    assert save_targets(engine=engine, rows=[blank]) == 0
    with pytest.raises(ValueError, match="unknown indicator"):
        save_targets(engine=engine, rows=[{"indicator": "kahvi", "target": 1}])
