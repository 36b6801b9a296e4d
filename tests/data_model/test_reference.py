"""data_model.reference: the mentors' latest notes for the feeling meter, newest first, only
reports that say something, within the scope."""

import datetime as dt

from importing import import_file
from tests.builders import xlsx_bytes
from tests.data_model.scoped import mentor_notes

REPORTS = [
    ["Päivämäärä", "Yksikkö", "Mentori", "Fiilis", "Huoli", "Havainnot", "Toiveet"],
    ["2026-10-01", "Päiväkoti Aurinko", "Sanna K", 4, "ei", None, None],
    ["2026-10-02", "Päiväkoti Aurinko", "Sanna K", 3, "ei", "Kiire kasvaa", None],
    ["2026-10-03", "Koivukummun koulu", "Liisa L", 2, "kyllä", None, None],
    ["2026-10-04", "Koivukummun koulu", "Liisa L", 4, "ei", None, "Lisää aikaa"],
]


def test_notes_are_the_reports_that_say_something_newest_first(engine):
    import_file(engine=engine, file_name="mentorit.xlsx", data=xlsx_bytes(REPORTS))

    notes = mentor_notes(engine=engine)

    keys = ("date", "unit", "concern", "observations", "wishes")
    assert [tuple(n[k] for k in keys) for n in notes] == [
        (dt.date(2026, 10, 4), "Koivukummun koulu", False, None, "Lisää aikaa"),
        (dt.date(2026, 10, 3), "Koivukummun koulu", True, None, None),
        (dt.date(2026, 10, 2), "Päiväkoti Aurinko", False, "Kiire kasvaa", None),
    ]


def test_notes_follow_the_scope(engine):
    import_file(engine=engine, file_name="mentorit.xlsx", data=xlsx_bytes(REPORTS))
    everyone = mentor_notes(engine=engine)
    school = next(n for n in everyone if n["unit"] == "Koivukummun koulu")

    in_october_3rd = mentor_notes(
        engine=engine, start=dt.date(2026, 10, 3), end=dt.date(2026, 10, 3)
    )
    assert [n["unit"] for n in in_october_3rd] == [school["unit"]]
    assert len(mentor_notes(engine=engine, limit=1)) == 1


def test_the_data_span_leaves_out_dates_outside_the_plausible_window(engine):
    from data_model.reference import data_span
    from tests.data_model import facts

    unit = facts.unit(engine, "Päiväkoti Aurinko")
    facts.feedback(engine, unit, dt.date(2024, 3, 5), 5, 20.0)
    facts.mentor(engine, unit, dt.date(2025, 6, 2), 4.0)
    facts.feedback(engine, unit, dt.date(9999, 12, 31), 1, 5.0)  # a typo an older release kept
    facts.workforce(engine, unit, dt.date(1900, 1, 1), 10)

    window = (dt.date(2000, 1, 1), dt.date(2026, 12, 31))
    assert data_span(engine=engine, window=window) == (dt.date(2024, 3, 5), dt.date(2025, 6, 2))
    assert data_span(engine=engine, window=(dt.date(2030, 1, 1), dt.date(2031, 1, 1))) == (
        None,
        None,
    )
