"""Workforce figures: a unit's month, with person-level rows summed to unit-months on import."""

import datetime as dt

import pytest

from loaders import LoadError, load_file
from loaders.workforce import FIGURE_KEYS
from tests.builders import csv_bytes, xlsx_bytes

MARCH, APRIL = dt.date(2024, 3, 1), dt.date(2024, 4, 1)


def _months(loaded, *keys) -> list[tuple]:
    table = loaded.tables["workforce"]
    assert list(table.columns) == ["month", "unit", *FIGURE_KEYS]
    return sorted(tuple(r[k] for k in keys) for r in table.to_dict("records"))


def test_a_unit_month_row_with_every_figure():
    header = [
        "Kuukausi",
        "Yksikkö",
        "Henkilöstö",
        "Henkilötyövuodet (htv)",
        "Sairauspoissaolopäivät",
        "Lyhyet sairauspoissaolot",
        "Aloittaneet",
        "Lopettaneet",
        "Ylityötunnit",
        "Koulutuspäivät",
        "Työtapaturmat",
    ]
    rows = [header, ["2024-03", "Päiväkoti Aurinko", 18, "17,2", 21, 6, 1, 0, "12,5", 4, 0]]
    loaded = load_file("hr.xlsx", xlsx_bytes(rows))
    assert (loaded.kind, loaded.form) == ("workforce", "monthly")
    assert _months(loaded, "month", "unit", *FIGURE_KEYS) == [
        (MARCH, "Päiväkoti Aurinko", 18.0, 17.2, 21.0, 6.0, 1.0, 0.0, 12.5, 4.0, 0.0)
    ]
    assert loaded.date_range() == (MARCH, MARCH)


@pytest.mark.parametrize("fte", ["HTV", "htv", "Henkilötyövuodet", "FTE"])
def test_fte_under_the_names_hr_systems_use(fte):
    rows = [["Month", "Unit", "Headcount", fte], ["3/2024", "A", 10, "9,5"]]
    assert _months(load_file("hr.xlsx", xlsx_bytes(rows)), "headcount", "fte") == [(10.0, 9.5)]


@pytest.mark.parametrize(
    "month", ["2024-03", "3/2024", "03.2024", "1.3.2024", dt.date(2024, 3, 15), "15.3.2024"]
)
def test_any_day_or_month_is_stored_as_the_first_of_its_month(month):
    rows = [["Kuukausi", "Yksikkö", "Henkilöstö"], [month, "A", 10]]
    assert _months(load_file("hr.xlsx", xlsx_bytes(rows)), "month") == [(MARCH,)]


def test_person_level_rows_are_summed_per_unit_month_with_a_warning():
    rows = [
        ["Kuukausi", "Yksikkö", "Henkilönumero", "Henkilöstö", "HTV", "Sairauspoissaolopäivät"],
        ["2024-03", "Päiväkoti Aurinko", "1001", 1, "0,8", 2],
        ["2024-03", "Päiväkoti Aurinko", "1002", 1, "1,0", None],
        ["2024-03", "Päiväkoti Aurinko", "1003", 1, 1, 5],
        ["2024-04", "Päiväkoti Aurinko", "1003", 1, 1, None],
        ["2024-03", "Koulu Kuu", "2001", 1, 1, None],
    ]
    loaded = load_file("henkilot.xlsx", xlsx_bytes(rows))
    assert _months(loaded, "month", "unit", "headcount", "fte", "sick_leave_days") == [
        (MARCH, "Koulu Kuu", 1.0, 1.0, None),
        (MARCH, "Päiväkoti Aurinko", 3.0, pytest.approx(2.8), 7.0),
        (APRIL, "Päiväkoti Aurinko", 1.0, 1.0, None),
    ]
    messages = {w.code: (w.message("fi"), w.message("en")) for w in loaded.warnings}
    assert messages["rows_merged"] == (
        "Tiedosto henkilot.xlsx, taulukko Taulukko1: 2 riviä samalle yksikölle ja kuukaudelle "
        "laskettiin yhteen (henkilötason tiedot tallennetaan yksikkö-kuukausina).",
        "File henkilot.xlsx, sheet Taulukko1: 2 rows for the same unit and month were added up "
        "(person-level figures are stored as unit-months).",
    )
    assert messages["ignored_columns"][1].endswith("Columns not used: Henkilönumero.")


def test_person_identifiers_are_not_kept():
    rows = [
        ["Kuukausi", "Yksikkö", "Henkilönumero", "Nimi", "Henkilöstö"],
        ["2024-03", "A", "HN-1001", "Maija Meikäläinen", 1],
    ]
    loaded = load_file("henkilot.csv", csv_bytes(rows))
    stored = " ".join(str(v) for v in loaded.tables["workforce"].to_numpy().ravel())
    assert "HN-1001" not in stored
    assert "Maija" not in stored


def test_figures_must_be_numbers_and_not_negative():
    rows = [
        ["Kuukausi", "Yksikkö", "Henkilöstö", "Sairauspoissaolopäivät"],
        ["2024-03", "A", "kaksitoista", 3],
        ["2024-04", "A", 12, -3],
        ["maaliskuu", "A", 12, 3],
    ]
    with pytest.raises(LoadError) as caught:
        load_file("hr.xlsx", xlsx_bytes(rows))
    fi, en = caught.value.message("fi"), caught.value.message("en")
    assert 'rivi 2, sarake "Henkilöstö": "kaksitoista" ei ole luku.' in fi
    assert 'rivi 3, sarake "Sairauspoissaolopäivät": -3 ei ole välillä 0–10000000.' in fi
    assert 'rivi 4, sarake "Kuukausi": "maaliskuu" ei ole kausi' in fi
    assert 'row 2, column "Henkilöstö": "kaksitoista" is not a number.' in en
    assert 'row 4, column "Kuukausi": "maaliskuu" is not a period' in en
