"""Personal data in every form it comes in is never stored: a Forms column of names under a
header that says nothing, phone numbers written every way, a henkilötunnus glued to a word, an
obfuscated e-mail, names and a street address in comments, a name in the respondent group, an
e-mail and a henkilötunnus in the file name. The database files themselves are searched for
every planted token after the import (tables, import history and audit trail alike)."""

import datetime as dt
import time
from pathlib import Path

import importing
from data_model.db import open_database
from tests.builders import csv_bytes, xlsx_bytes

FILE_NAME = "palaute_maija.mehilainen@kunta.fi_131052-308T.xlsx"
STUDENTS = ["Pekka Virtanen", "Anna-Liisa Mäkinen", "Erik Johansson", "Virtanen Matti"]
COMMENTS = [
    "Soita 040.555.1234 tai 358409998877",
    "Numero 040/1112223, hetu131052-308T",
    "Vastaa pekka.p(at)kunta.fi kiitos",
    "Kiitos Sirkka Hakulinen, asun Koivukuja 3 B 12",
]
# Every token that must not be found in any byte of the database afterwards.
PLANTED = [
    "Virtanen",
    "Mäkinen",
    "Johansson",
    "555.1234",
    "358409998877",
    "1112223",
    "131052-308T",
    "pekka.p",
    "Hakulinen",
    "Koivukuja",
    "maija.mehilainen",
    "Meikäläinen",
]


def forms_export() -> bytes:
    """A Microsoft Forms export whose `Opiskelija` column holds the students' names."""
    header = ["ID", "Start time", "Completion time", "Yksikkö", "Opiskelija", "Viihdyin hyvin"]
    rows = [[*header, "Terveiset"]]
    for i in range(8):
        when = dt.datetime(2024, 3, 4, 10) + dt.timedelta(days=i)
        comment = COMMENTS[i % 4] if i < 4 else None
        rows.append([i + 1, when, when, "Päiväkoti Aurinko", STUDENTS[i % 4], 3 + i % 3, comment])
    return xlsx_bytes(rows)


def long_export_with_a_named_group() -> bytes:
    rows = [["Päivämäärä", "Yksikkö", "Kysymys", "Vastaus", "Vastaajaryhmä"]]
    rows += [["2024-03-05", "Päiväkoti Aurinko", "Viihdyn", 4, "Huoltaja"] for _ in range(5)]
    rows += [["2024-03-06", "Päiväkoti Aurinko", "Viihdyn", 5, "Matti Meikäläinen"]]
    return csv_bytes(rows)


def database_bytes(url: str) -> bytes:
    path = Path(url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_no_planted_personal_data_reaches_any_table_history_or_audit(sqlite_url):
    engine = open_database(sqlite_url)
    first = importing.import_file(
        engine=engine, file_name=FILE_NAME, data=forms_export(), imported_by="admin"
    )
    second = importing.import_file(
        engine=engine, file_name="ryhmat.csv", data=long_export_with_a_named_group()
    )
    assert (first.status, second.status) == ("imported", "imported")
    with engine.connect() as conn:
        comments = sorted(r[0] for r in conn.exec_driver_sql("SELECT text FROM feedback_comment"))
        history = [r[0] for r in conn.exec_driver_sql("SELECT file_name FROM import_batch")]
        audited = [r[0] for r in conn.exec_driver_sql("SELECT details FROM audit_event")]
        groups = {r[0] for r in conn.exec_driver_sql("SELECT respondent_group FROM feedback_score")}
    engine.dispose()

    assert comments == [
        "Kiitos [nimi], asun [osoite]",
        "Numero [tel.], hetu[id]",
        "Soita [tel.] tai [tel.]",
        "Vastaa [e-mail] kiitos",
    ]
    assert history[0] == "palaute_[e-mail]_[id].xlsx"
    assert "palaute_[e-mail]_[id].xlsx" in audited[0]
    assert groups >= {"Huoltaja", "[nimi]"}
    stored = database_bytes(sqlite_url)
    found = [token for token in PLANTED if token.encode() in stored]
    assert found == []


def test_a_column_of_names_under_any_header_is_personal_and_never_a_comment(engine):
    result = importing.import_file(engine=engine, file_name="k.xlsx", data=forms_export())
    loaded_roles = importing.load_mapped(engine=engine, file_name="k.xlsx", data=forms_export())
    roles = {c.header: c.role for c in loaded_roles.mapping.columns}

    assert result.status == "imported"
    assert roles["Opiskelija"] == "personal"
    assert roles["Terveiset"] == "comment"


def test_text_direction_controls_are_removed_from_everything_stored(engine):
    rows = [["Päivämäärä", "Yksikkö", "Kysymys", "Vastaus", "Kommentti"]]
    rows += [["2024-03-05", "Yksikkö\u202eA", "Viihdyn\u2066", 4, "abc\u202eexe.txt"]] * 5
    result = importing.import_file(
        engine=engine, file_name="raportti\u202eslx.exe", data=xlsx_bytes(rows)
    )
    assert result.status == "imported"
    with engine.connect() as conn:
        texts = [
            *conn.exec_driver_sql("SELECT name FROM unit").scalars(),
            *conn.exec_driver_sql("SELECT question FROM feedback_score").scalars(),
            *conn.exec_driver_sql("SELECT text FROM feedback_comment").scalars(),
            *conn.exec_driver_sql("SELECT file_name FROM import_batch").scalars(),
            *conn.exec_driver_sql("SELECT details FROM audit_event").scalars(),
        ]
    assert "abcexe.txt" in texts and "raporttislx.exe" in texts
    assert not any(ch in text for text in texts for ch in "\u202e\u2066")


def test_a_file_of_huge_comments_imports_in_seconds(engine):
    """Three 60 000-letter comments: a pattern that grows with the square of a cell's length
    took 41 s on this file; a linear one half a second."""
    rows = [["Päivämäärä", "Yksikkö", "Kysymys", "Vastaus", "Kommentti"]]
    rows += [["2024-03-05", "Päiväkoti Aurinko", "Viihdyn", 4, ""] for _ in range(2000)]
    for i, letter in enumerate("abc"):
        rows[1 + i][4] = letter * 60_000
    data = csv_bytes(rows)
    assert len(data) > 180_000

    started = time.perf_counter()
    result = importing.import_file(engine=engine, file_name="pitkat.csv", data=data)
    took = time.perf_counter() - started

    assert result.status == "imported"
    assert took < 10
