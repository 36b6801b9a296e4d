"""Units with staggered coaching starts for the effectiveness and wellbeing page tests: real
.xlsx files (register, mentor reports, long feedback) whose figures are known exactly.

Every month 1/2023-12/2025 each unit gets two mentor reports and six feedback answers:
before its coaching start (or never coached) moods 3 and 4 (mean 3.5) and answers
3,4,4,3,4,4 (mean 3.67); from its start on moods 4 and 4 and answers 4,4,5,4,4,5 (mean 4.33).
So every coached unit gains 0.5 in mood against units not yet coached, exactly.
"Pieni" gets only three answers a month (all 1), under the privacy threshold of 5: its
feedback must never show, and its mood is always 5.
"""

import datetime as dt

from importing import import_file
from tests.views.helpers import xlsx_bytes

EARLY, ELDERLY = "Varhaiskasvatus", "Vanhuspalvelut"
STARTS = {
    "Päiväkoti A1": (EARLY, dt.date(2024, 1, 1)),
    "Päiväkoti A2": (EARLY, dt.date(2024, 7, 1)),
    "Päiväkoti A3": (EARLY, None),
    "Hoivakoti B1": (ELDERLY, dt.date(2024, 4, 1)),
    "Hoivakoti B2": (ELDERLY, dt.date(2025, 6, 1)),
    "Hoivakoti B3": (ELDERLY, None),
    "Pieni": (ELDERLY, None),
}
MONTHS = [dt.date(2023 + m // 12, m % 12 + 1, 1) for m in range(36)]


def _coached(unit: str, month: dt.date) -> bool:
    start = STARTS[unit][1]
    return start is not None and month >= start


def files() -> dict[str, bytes]:
    register = [["Yksikkö", "Palvelualue", "Valmennus alkaa", "Valmennus päättyy"]]
    for unit, (area, start) in STARTS.items():
        end = dt.datetime(start.year + 1, start.month, 1) if start else None
        register.append([unit, area, dt.datetime.combine(start, dt.time()) if start else None, end])
    reports = [["Päivämäärä", "Yksikkö", "Mentori", "Fiilis"]]
    answers = [["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaus"]]
    for month in MONTHS:
        day = dt.datetime(month.year, month.month, 10)
        for unit in STARTS:
            moods = [5, 5] if unit == "Pieni" else [4, 4] if _coached(unit, month) else [3, 4]
            reports += [[day, unit, "Mentori", mood] for mood in moods]
            if unit == "Pieni":
                scores = [1, 1, 1]
            else:
                scores = [4, 4, 5, 4, 4, 5] if _coached(unit, month) else [3, 4, 4, 3, 4, 4]
            answers += [[day, unit, "Asiakaskysely", "Tyytyväisyys", s] for s in scores]
    return {
        "yksikot.xlsx": xlsx_bytes(register),
        "mentoriraportit.xlsx": xlsx_bytes(reports),
        "palaute.xlsx": xlsx_bytes(answers),
    }


def import_units(engine) -> dict[str, int]:
    for name, data in files().items():
        result = import_file(engine=engine, file_name=name, data=data)
        assert result.status == "imported", (name, result)
    from data_model import reference

    return {u["name"]: u["id"] for u in reference.units(engine=engine)}
