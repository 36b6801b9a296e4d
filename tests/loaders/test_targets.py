"""Targets for indicators, named by code or by their Finnish or English catalog name."""

import pytest

from loaders import LoadError, load_file
from tests.builders import xlsx_bytes


def _targets(loaded) -> list[tuple]:
    table = loaded.tables["targets"]
    assert list(table.columns) == ["indicator", "unit", "year", "target"]
    return [tuple(None if v != v else v for v in r) for r in table.itertuples(index=False)]


def test_targets_by_code_and_by_name_in_either_language():
    rows = [
        ["Mittari", "Tavoite", "Yksikkö", "Vuosi"],
        ["Palautteen keskiarvo", "4,2", "Päiväkoti Aurinko", 2025],
        ["nps", 30, None, None],
        ["Feedback mean score", 4, None, "2024"],
    ]
    loaded = load_file("tavoitteet.xlsx", xlsx_bytes(rows))
    assert (loaded.kind, loaded.form) == ("targets", "targets")
    assert _targets(loaded) == [
        ("feedback_mean", "Päiväkoti Aurinko", 2025, 4.2),
        ("nps", None, None, 30.0),
        ("feedback_mean", None, 2024, 4.0),
    ]
    years = [y for y in loaded.tables["targets"]["year"] if y == y and y is not None]
    assert all(isinstance(y, int) for y in years)


def test_english_headers():
    rows = [["Indicator", "Target"], ["Mood", "3,5"]]
    assert _targets(load_file("t.xlsx", xlsx_bytes(rows))) == [("mentor_mood", None, None, 3.5)]


def test_an_unknown_indicator_is_refused_with_the_known_ones_listed():
    rows = [["Mittari", "Tavoite"], ["Onnellisuus", 5]]
    with pytest.raises(LoadError) as caught:
        load_file("t.xlsx", xlsx_bytes(rows))
    fi, en = caught.value.message("fi"), caught.value.message("en")
    assert 'rivi 2, sarake "Mittari": "Onnellisuus" ei ole tunnettu mittari. Tunnetut: ' in fi
    assert "Palautteen keskiarvo" in fi
    assert 'row 2, column "Mittari": "Onnellisuus" is not a known indicator.' in en


def test_a_year_out_of_range_and_a_target_that_is_not_a_number():
    rows = [["Mittari", "Tavoite", "Vuosi"], ["nps", "paljon", 2025], ["nps", 30, 25]]
    with pytest.raises(LoadError) as caught:
        load_file("t.xlsx", xlsx_bytes(rows))
    fi = caught.value.message("fi")
    assert 'rivi 2, sarake "Tavoite": "paljon" ei ole luku.' in fi
    assert 'rivi 3, sarake "Vuosi": 25 ei ole välillä 1990–2200.' in fi
    assert 'row 3, column "Vuosi": 25 is not between 1990 and 2200.' in caught.value.message("en")
