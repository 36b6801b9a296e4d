"""Mentors' reports behind the feeling meter: mood and its companions on 1-5, concern yes/no."""

import datetime as dt

import pytest

from loaders import LoadError, load_file
from loaders.mentor_reports import COLUMNS
from tests.builders import xlsx_bytes

HEADER_FI = [
    "Päivämäärä",
    "Yksikkö",
    "Mentori",
    "Fiilis",
    "Työkuorma",
    "Ilmapiiri",
    "Vuorovaikutus",
    "Huoli",
    "Havainnot",
    "Toiveet",
]
HEADER_EN = [
    "Date",
    "Unit",
    "Mentor",
    "Mood",
    "Workload",
    "Atmosphere",
    "Interaction",
    "Concern",
    "Observations",
    "Wishes",
]


def _reports(loaded) -> list[dict]:
    table = loaded.tables["mentor_reports"]
    assert list(table.columns) == COLUMNS
    records = table.to_dict("records")
    return [{k: (None if v != v else v) for k, v in r.items()} for r in records]


@pytest.mark.parametrize("header", [HEADER_FI, HEADER_EN], ids=["fi", "en"])
def test_a_full_report(header):
    rows = [
        header,
        [
            "5.3.2024",
            "Päiväkoti Aurinko",
            "Liisa L",
            4,
            "3",
            "4,5",
            4,
            "kyllä",
            "Tiimi on väsynyt",
            "Sijaisia",
        ],
    ]
    loaded = load_file("mentorit.xlsx", xlsx_bytes(rows))
    assert (loaded.kind, loaded.form) == ("mentor_reports", "reports")
    assert _reports(loaded) == [
        {
            "date": dt.date(2024, 3, 5),
            "unit": "Päiväkoti Aurinko",
            "mentor": "Liisa L",
            "mood": 4.0,
            "workload": 3.0,
            "atmosphere": 4.5,
            "interaction": 4.0,
            "concern": True,
            "observations": "Tiimi on väsynyt",
            "wishes": "Sijaisia",
        }
    ]
    assert loaded.mean() == 4.0


def test_only_date_unit_and_mood_are_needed():
    rows = [["Päivämäärä", "Yksikkö", "Fiilis"], ["2024-03-05", "A", 2], ["2024-03-12", "A", 3]]
    loaded = load_file("m.xlsx", xlsx_bytes(rows))
    reports = _reports(loaded)
    assert [(r["date"], r["mood"], r["mentor"], r["concern"]) for r in reports] == [
        (dt.date(2024, 3, 5), 2.0, "", None),
        (dt.date(2024, 3, 12), 3.0, "", None),
    ]
    assert loaded.mean() == 2.5


@pytest.mark.parametrize(("word", "concern"), [("ei", False), ("No", False), ("x", True)])
def test_concern_yes_or_no(word, concern):
    rows = [["Päivämäärä", "Yksikkö", "Fiilis", "Huoli"], ["2024-03-05", "A", 3, word]]
    assert _reports(load_file("m.xlsx", xlsx_bytes(rows)))[0]["concern"] is concern


def test_ratings_outside_one_to_five_and_bad_words_are_refused():
    rows = [
        ["Päivämäärä", "Yksikkö", "Fiilis", "Työkuorma", "Huoli"],
        ["2024-03-05", "A", 6, 3, "ei"],
        ["2024-03-05", "A", 3, 0, "ehkä"],
        ["2024-03-05", "A", None, 3, "ei"],
    ]
    with pytest.raises(LoadError) as caught:
        load_file("m.xlsx", xlsx_bytes(rows))
    fi, en = caught.value.message("fi"), caught.value.message("en")
    assert 'rivi 2, sarake "Fiilis": 6 on asteikon 1–5 ulkopuolella.' in fi
    assert 'rivi 3, sarake "Työkuorma": 0 on asteikon 1–5 ulkopuolella.' in fi
    assert 'rivi 3, sarake "Huoli": "ehkä" ei ole kyllä tai ei.' in fi
    assert 'rivi 4, sarake "Fiilis": Arvo puuttuu.' in fi
    assert 'row 2, column "Fiilis": 6 is outside the scale 1–5.' in en
    assert 'row 3, column "Huoli": "ehkä" is not yes or no.' in en
    assert 'row 4, column "Fiilis": The value is missing.' in en
