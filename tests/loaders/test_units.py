"""The register of coached units: service area, people and coaching period per unit."""

import datetime as dt

import pytest

from loaders import LoadError, load_file
from tests.builders import xlsx_bytes

HEADER_FI = [
    "Yksikkö",
    "Palvelualue",
    "Esihenkilö",
    "Valmentajat",
    "Mentorit",
    "Valmennus alkaa",
    "Valmennus päättyy",
    "Tavoite",
]
HEADER_EN = [
    "Unit",
    "Service area",
    "Manager",
    "Coaches",
    "Mentors",
    "Coaching start",
    "Coaching end",
    "Goal",
]


def _units(loaded) -> list[dict]:
    records = loaded.tables["units"].to_dict("records")
    return [{k: (None if v != v else v) for k, v in r.items()} for r in records]


@pytest.mark.parametrize("header", [HEADER_FI, HEADER_EN], ids=["fi", "en"])
def test_a_full_register_row(header):
    rows = [
        header,
        [
            "Päiväkoti Aurinko",
            "Varhaiskasvatus",
            "Maija M",
            "Anna A; Pekka P",
            "Liisa L",
            dt.datetime(2025, 1, 15),
            "14.1.2026",
            "Parempi työhyvinvointi",
        ],
    ]
    loaded = load_file("rekisteri.xlsx", xlsx_bytes(rows))
    assert (loaded.kind, loaded.form) == ("units", "register")
    assert _units(loaded) == [
        {
            "unit": "Päiväkoti Aurinko",
            "service_area": "Varhaiskasvatus",
            "manager": "Maija M",
            "coaches": "Anna A; Pekka P",
            "mentors": "Liisa L",
            "coaching_start": dt.date(2025, 1, 15),
            "coaching_end": dt.date(2026, 1, 14),
            "goal": "Parempi työhyvinvointi",
        }
    ]


def test_a_unit_listed_twice_keeps_its_last_row():
    rows = [
        ["Yksikkö", "Palvelualue"],
        ["Koulu Kuu", "Perusopetus"],
        ["Päiväkoti Aurinko", "Varhaiskasvatus"],
        ["KOULU  kuu", "Perusopetus ja nuoriso"],
    ]
    units = _units(load_file("r.xlsx", xlsx_bytes(rows)))
    assert [(u["unit"], u["service_area"]) for u in units] == [
        ("Päiväkoti Aurinko", "Varhaiskasvatus"),
        ("KOULU kuu", "Perusopetus ja nuoriso"),
    ]


def test_a_unit_without_a_service_area_is_refused():
    rows = [["Yksikkö", "Palvelualue", "Valmennus alkaa"], ["Koulu Kuu", None, "syksyllä"]]
    with pytest.raises(LoadError) as caught:
        load_file("r.xlsx", xlsx_bytes(rows))
    assert caught.value.message("fi").splitlines() == [
        'Tiedosto r.xlsx, taulukko Taulukko1, rivi 2, sarake "Palvelualue": Arvo puuttuu.',
        'Tiedosto r.xlsx, taulukko Taulukko1, rivi 2, sarake "Valmennus alkaa": '
        '"syksyllä" ei ole päivämäärä (esim. 5.10.2016 tai 2016-10-05).',
    ]
    assert 'row 2, column "Palvelualue": The value is missing.' in caught.value.message("en")
