"""A small municipality for the Overview, Trends, Units and Settings page tests: real .xlsx files
(register, long feedback with comments, mentor reports, workforce) with scores chosen so every
figure on the pages can be worked out by hand.

Feedback, survey "Asiakaskysely", question "Viihtyvyys", answers per unit and month:

| unit              | area            | 3/2023  | 2/2024  | 3/2024             |
|-------------------|-----------------|---------|---------|--------------------|
| Päiväkoti Aurinko | Varhaiskasvatus | 6 x 3   | 6 x 4   | 4,5,4,5,4,5 (4.50) |
| Päiväkoti Kuu     | Varhaiskasvatus |         | 6 x 4   | 5,5,5 (too few)    |
| Palvelutalo Koivu | Vanhuspalvelut  |         | 6 x 3   | 6 x 3              |

Kuu's 3 answers in 3/2024 are a privacy cell under the threshold: they count in no figure
(user guide, "Privacy"). So in 3/2024 all units: 12 answers, sum 45, mean 3.75, 6 positive
(50 %); in 2/2024: 18 answers, sum 66, mean 3.67, 12 positive (67 %). Varhaiskasvatus 3/2024:
Aurinko's 6 answers, mean 4.50; 2/2024: 12 answers, mean 4.00. The newest answer is on
20.3.2024.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from data_model import reference
from importing import import_file
from tests.views.helpers import xlsx_bytes

D = dt.date
SURVEY, QUESTION = "Asiakaskysely", "Viihtyvyys"
AURINKO, KUU, KOIVU = "Päiväkoti Aurinko", "Päiväkoti Kuu", "Palvelutalo Koivu"
EARLY, ELDERLY = "Varhaiskasvatus", "Vanhuspalvelut"
AURINKO_GOAL = "Tiimien yhteinen suunnittelu vahvaksi."
SHOWN_COMMENT = "Lapsi lähtee aamuisin mielellään hoitoon."
WITHHELD_COMMENT = "Kiitos hyvästä syksystä."
LAST_DAY = D(2024, 3, 20)

ANSWERS = {  # (unit, first day): scores, one answer a day from that day on
    (AURINKO, D(2023, 3, 13)): [3] * 6,
    (AURINKO, D(2024, 2, 12)): [4] * 6,
    (AURINKO, D(2024, 3, 11)): [4, 5, 4, 5, 4, 5],
    (KUU, D(2024, 2, 12)): [4] * 6,
    (KUU, D(2024, 3, 18)): [5, 5, 5],
    (KOIVU, D(2024, 2, 12)): [3] * 6,
    (KOIVU, D(2024, 3, 15)): [3] * 6,
}
COMMENTS = {(AURINKO, D(2024, 3, 11)): SHOWN_COMMENT, (KUU, D(2024, 3, 18)): WITHHELD_COMMENT}


def register() -> bytes:
    header = [
        "Yksikkö",
        "Palvelualue",
        "Esihenkilö",
        "Valmentajat",
        "Mentorit",
        "Valmennus alkaa",
        "Valmennus päättyy",
        "Tavoite",
    ]
    aurinko = [
        AURINKO,
        EARLY,
        "Maija Mäki",
        "Anu Salminen, Jari Heikkinen",
        "Sanna K",
        dt.datetime(2024, 1, 8),
        dt.datetime(2025, 1, 31),
        AURINKO_GOAL,
    ]
    kuu = [KUU, EARLY, "Pekka Puro"]
    koivu = [KOIVU, ELDERLY, "Liisa Lind"]
    return xlsx_bytes([header, aurinko, kuu, koivu])


def feedback() -> bytes:
    rows = [["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaus", "Kommentti"]]
    for (unit, first), scores in ANSWERS.items():
        for i, score in enumerate(scores):
            day = dt.datetime.combine(first + dt.timedelta(days=i), dt.time(10))
            comment = COMMENTS.get((unit, first)) if i == 0 else None
            rows.append([day, unit, SURVEY, QUESTION, score, comment])
    return xlsx_bytes(rows)


def mentor_reports() -> bytes:
    """Aurinko's mood 3 in 2/2024, then 4 and 5 in 3/2024 (mean 4.5); Koivu's 2 in 3/2024."""
    return xlsx_bytes(
        [
            ["Päivämäärä", "Yksikkö", "Mentori", "Fiilis", "Työkuorma"],
            [dt.datetime(2024, 2, 14), AURINKO, "Sanna K", 3, 3],
            [dt.datetime(2024, 3, 6), AURINKO, "Sanna K", 4, 3],
            [dt.datetime(2024, 3, 13), AURINKO, "Sanna K", 5, 2],
            [dt.datetime(2024, 3, 13), KOIVU, "Outi H", 2, 4],
        ]
    )


def workforce() -> bytes:
    rows = [["Kuukausi", "Yksikkö", "Henkilöstö", "HTV", "Sairauspoissaolopäivät", "Lopettaneet"]]
    for unit, staff in ((AURINKO, 20), (KUU, 10), (KOIVU, 30)):
        for month in (dt.datetime(2024, 2, 1), dt.datetime(2024, 3, 1)):
            rows.append([month, unit, staff, staff, staff // 10, 0])
    return xlsx_bytes(rows)


@dataclass(frozen=True)
class Municipality:
    """Ids of what import gave the fixture's names."""

    areas: dict[str, int]
    units: dict[str, int]


def import_municipality(engine: Engine) -> Municipality:
    files = {
        "yksikot.xlsx": register(),
        "palaute.xlsx": feedback(),
        "mentoriraportit.xlsx": mentor_reports(),
        "henkilosto.xlsx": workforce(),
    }
    for name, data in files.items():
        result = import_file(engine=engine, file_name=name, data=data)
        assert result.status == "imported", (name, result)
    areas = {name: area_id for area_id, name in reference.service_areas(engine=engine)}
    units = {u["name"]: u["id"] for u in reference.units(engine=engine)}
    return Municipality(areas, units)
