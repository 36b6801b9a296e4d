"""Import batches on SQLite and PostgreSQL: a file's rows land all at once or not at all, the same
file twice changes nothing, units are matched or created, and a batch is undone exactly."""

import datetime as dt

from sqlalchemy import event, func, select

from core.texts import t
from data_model import store
from data_model.models import (
    FeedbackComment,
    FeedbackScore,
    ImportBatch,
    MentorReport,
    ServiceArea,
    Target,
    Unit,
    WorkforceMonth,
)
from data_model.store import list_batches, remove_batch, store_loaded
from importing import import_file
from loaders import load_file
from tests.builders import BAD_INPUTS, counts, csv_bytes, long_feedback, snapshot, xlsx_bytes

REGISTER = xlsx_bytes(
    [
        ["Yksikkö", "Palvelualue", "Esihenkilö", "Valmennus alkaa"],
        ["Päiväkoti Aurinko", "Varhaiskasvatus", "Maija M", "15.1.2025"],
        ["Koulu Kuu", "Perusopetus", None, None],
    ]
)
JSON_KEYS = [
    "file",
    "kind",
    "form",
    "status",
    "rows",
    "answers",
    "mean",
    "units",
    "first_date",
    "last_date",
    "warnings",
    "error",
    "overlap",
    "tool",
    "questions",
    "comments",
    "unit_months",
]


def _created(lang: str, file: str, units: str) -> str:
    """The unit-created warning: its wording is the texts' own, its place and units are ours."""
    return f"{t('place.file', lang, file=file)}: {t('problem.unit_created', lang, units=units)}"


def _import(engine, name: str, data: bytes, **kw):
    return import_file(engine=engine, file_name=name, data=data, **kw)


def _select(engine, *columns, where=None) -> list[tuple]:
    query = select(*columns)
    if where is not None:
        query = query.where(where)
    with engine.connect() as conn:
        return sorted((tuple(r) for r in conn.execute(query)), key=_nulls_first)


def _nulls_first(row: tuple) -> tuple:
    return tuple((False, 0) if v is None else (True, v) for v in row)


def _units(engine) -> list[tuple]:
    return _select(engine, Unit.name, Unit.in_register)


def _feedback_by_unit(engine) -> list[tuple]:
    query = select(Unit.name, FeedbackScore.date, FeedbackScore.n, FeedbackScore.score_sum)
    with engine.connect() as conn:
        rows = conn.execute(query.join(Unit, Unit.id == FeedbackScore.unit_id))
        return sorted(tuple(r) for r in rows)


def _rows_of_batch(engine, batch_id: int) -> dict[str, list[tuple]]:
    tables = (FeedbackScore, FeedbackComment, WorkforceMonth, MentorReport, Target)
    return {t.__tablename__: _select(engine, t, where=t.batch_id == batch_id) for t in tables}


# One file, one batch.


def test_a_feedback_file_becomes_one_batch_with_its_rows(engine):
    rows = [
        ["Päivämäärä", "Yksikkö", "Kysymys", "Vastaus", "Kommentti"],
        ["2024-03-05", "Päiväkoti Aurinko", "Viihtyy", 5, "Kiitos!"],
        ["2024-03-05", "Päiväkoti Aurinko", "Viihtyy", 3, None],
        ["2024-03-10", "Päiväkoti Aurinko", "Viihtyy", 4, None],
    ]
    data = xlsx_bytes(rows)
    result = _import(engine, "palaute.xlsx", data, imported_by="maija")
    assert result.to_json() == {
        "file": "palaute.xlsx",
        "kind": "feedback",
        "form": "long",
        "status": "imported",
        "rows": 3,
        "answers": 3,
        "mean": 4.0,
        "units": ["Päiväkoti Aurinko"],
        "first_date": "2024-03-05",
        "last_date": "2024-03-10",
        "warnings": [_created("en", "palaute.xlsx", "Päiväkoti Aurinko")],
        "error": None,
        "overlap": None,
        "tool": None,
        "questions": [{"question": "Viihtyy", "scale": "1-5", "answers": 3, "mean": 4.0}],
        "comments": 1,
        "unit_months": None,
    }
    columns = (
        FeedbackScore.date,
        FeedbackScore.year,
        FeedbackScore.month,
        FeedbackScore.week_start,
        FeedbackScore.survey,
        FeedbackScore.question,
        FeedbackScore.n,
        FeedbackScore.score_sum,
        FeedbackScore.positive_n,
    )
    assert _select(engine, *columns) == [
        (dt.date(2024, 3, 5), 2024, 3, dt.date(2024, 3, 4), "palaute", "Viihtyy", 2, 8.0, 1),
        (dt.date(2024, 3, 10), 2024, 3, dt.date(2024, 3, 4), "palaute", "Viihtyy", 1, 4.0, 1),
    ]
    assert _select(
        engine, FeedbackComment.date, FeedbackComment.question, FeedbackComment.text
    ) == [(dt.date(2024, 3, 5), "Viihtyy", "Kiitos!")]
    (batch,) = list_batches(engine=engine)
    assert batch.id == result.batch_id
    assert (batch.file_name, batch.sha256, batch.kind, batch.form) == (
        "palaute.xlsx",
        store.sha256(data),
        "feedback",
        "long",
    )
    assert (batch.rows, batch.stored_rows, batch.answers, batch.mean) == (3, 3, 3, 4.0)
    assert (batch.first_date, batch.last_date) == (dt.date(2024, 3, 5), dt.date(2024, 3, 10))
    assert (batch.unit_names, batch.imported_by) == ("Päiväkoti Aurinko", "maija")


def test_to_json_has_exactly_the_documented_fields(engine):
    imported = _import(engine, "p.xlsx", xlsx_bytes(long_feedback()))
    unchanged = _import(engine, "p.xlsx", xlsx_bytes(long_feedback()))
    error = _import(engine, "x.xlsx", b"not a workbook")
    for result in (imported, unchanged, error):
        assert list(result.to_json()) == JSON_KEYS
    assert error.to_json()["status"] == "error"
    assert error.to_json("fi")["error"].startswith("Tiedosto x.xlsx: ")


def test_every_kind_is_stored(engine):
    _import(engine, "rekisteri.xlsx", REGISTER)
    workforce = [["Kuukausi", "Yksikkö", "Henkilöstö", "HTV"], ["3/2024", "koulu kuu", 12, "11,5"]]
    mentors = [
        ["Päivämäärä", "Yksikkö", "Mentori", "Fiilis", "Huoli", "Havainnot"],
        ["5.3.2024", "Koulu Kuu", "Liisa", 2, "kyllä", "Väsynyt tiimi"],
    ]
    targets = [
        ["Mittari", "Tavoite", "Yksikkö", "Vuosi"],
        ["nps", 30, None, None],
        ["Fiilis", "3,5", "Päiväkoti aurinko", 2025],
    ]
    for name, rows in (("hr.xlsx", workforce), ("m.xlsx", mentors), ("t.xlsx", targets)):
        result = _import(engine, name, xlsx_bytes(rows))
        assert (result.status, result.warnings) == ("imported", [])
    kuu, aurinko = (
        _select(engine, Unit.id, where=Unit.name == n)[0][0]
        for n in ("Koulu Kuu", "Päiväkoti Aurinko")
    )
    assert _select(
        engine,
        WorkforceMonth.unit_id,
        WorkforceMonth.month,
        WorkforceMonth.year,
        WorkforceMonth.headcount,
        WorkforceMonth.fte,
        WorkforceMonth.sick_leave_days,
    ) == [(kuu, dt.date(2024, 3, 1), 2024, 12.0, 11.5, None)]
    assert _select(
        engine,
        MentorReport.unit_id,
        MentorReport.date,
        MentorReport.week_start,
        MentorReport.mentor,
        MentorReport.mood,
        MentorReport.workload,
        MentorReport.concern,
        MentorReport.observations,
    ) == [
        (kuu, dt.date(2024, 3, 5), dt.date(2024, 3, 4), "Liisa", 2.0, None, True, "Väsynyt tiimi")
    ]
    assert _select(engine, Target.indicator, Target.unit_id, Target.year, Target.target) == [
        ("mentor_mood", aurinko, 2025, 3.5),
        ("nps", None, None, 30.0),
    ]
    assert _select(
        engine,
        Unit.name,
        Unit.manager,
        Unit.coaching_start,
        ServiceArea.name,
        where=Unit.service_area_id == ServiceArea.id,
    ) == [
        ("Koulu Kuu", None, None, "Perusopetus"),
        ("Päiväkoti Aurinko", "Maija M", dt.date(2025, 1, 15), "Varhaiskasvatus"),
    ]


# The same file twice.


def test_the_same_file_twice_changes_nothing(engine):
    data = xlsx_bytes(long_feedback(5))
    first = _import(engine, "palaute.xlsx", data)
    before = snapshot(engine)
    second = _import(engine, "palaute (1).xlsx", data)
    assert (first.status, second.status) == ("imported", "unchanged")
    assert second.batch_id == first.batch_id
    assert second.to_json()["units"] == ["Päiväkoti Aurinko"]
    assert (second.rows, second.answers, second.mean) == (5, 5, 4.0)
    assert snapshot(engine) == before
    assert counts(engine)["feedback_score"] == 5


def test_two_replicas_storing_the_same_file_at_once_store_it_once(engine):
    data = xlsx_bytes(long_feedback(2))
    loaded = load_file("p.xlsx", data)
    digest = store.sha256(data)
    first = store_loaded(engine=engine, loaded=loaded, digest=digest)
    before = snapshot(engine)
    # The other replica checked for the digest before the first commit, so it tries to insert.
    second = store_loaded(engine=engine, loaded=load_file("p.xlsx", data), digest=digest)
    assert (first.status, second.status) == ("imported", "unchanged")
    assert snapshot(engine) == before


# Removing a batch.


def test_removing_a_batch_removes_exactly_its_rows(engine):
    _import(engine, "rekisteri.xlsx", REGISTER)
    a = _import(engine, "a.xlsx", xlsx_bytes(long_feedback(3, unit="Koulu Kuu")))
    wf = [["Kuukausi", "Yksikkö", "Henkilöstö"], ["2024-03", "Koulu Kuu", 12]]
    b = _import(engine, "b.xlsx", xlsx_bytes(wf))
    c = _import(engine, "c.csv", csv_bytes(long_feedback(4, unit="Koulu Kuu", score=5)))
    kept = {i: _rows_of_batch(engine, i) for i in (b.batch_id, c.batch_id)}
    units_before = _units(engine)
    assert counts(engine)["feedback_score"] == 7

    assert remove_batch(engine=engine, batch_id=a.batch_id) is True

    assert _rows_of_batch(engine, a.batch_id) == {
        "feedback_score": [],
        "feedback_comment": [],
        "workforce_month": [],
        "mentor_report": [],
        "target": [],
    }
    assert {i: _rows_of_batch(engine, i) for i in kept} == kept
    assert counts(engine)["feedback_score"] == 4
    assert [b.file_name for b in list_batches(engine=engine)] == [
        "c.csv",
        "b.xlsx",
        "rekisteri.xlsx",
    ]
    assert _units(engine) == units_before


def test_removing_an_unknown_batch_says_so(engine):
    _import(engine, "a.xlsx", xlsx_bytes(long_feedback()))
    before = snapshot(engine)
    assert remove_batch(engine=engine, batch_id=999) is False
    assert snapshot(engine) == before


def test_a_removed_file_can_be_imported_again(engine):
    data = xlsx_bytes(long_feedback(3))
    first = _import(engine, "a.xlsx", data)
    remove_batch(engine=engine, batch_id=first.batch_id)
    again = _import(engine, "a.xlsx", data)
    assert again.status == "imported"
    assert counts(engine)["feedback_score"] == 3


# Units.


def test_unit_names_are_folded_onto_the_register(engine):
    _import(engine, "rekisteri.xlsx", REGISTER)
    rows = long_feedback(2, unit="Päiväkoti  aurinko ") + [
        ["2024-03-08", "PÄIVÄKOTI AURINKO", "Viihtyy", 5]
    ]
    result = _import(engine, "palaute.xlsx", xlsx_bytes(rows))
    assert result.units == ["Päiväkoti Aurinko"]
    assert result.warnings == []
    assert _units(engine) == [("Koulu Kuu", True), ("Päiväkoti Aurinko", True)]
    assert _feedback_by_unit(engine) == [
        ("Päiväkoti Aurinko", dt.date(2024, 3, 4), 1, 4.0),
        ("Päiväkoti Aurinko", dt.date(2024, 3, 5), 1, 4.0),
        ("Päiväkoti Aurinko", dt.date(2024, 3, 8), 1, 5.0),
    ]


def test_unknown_units_are_created_with_a_warning(engine):
    _import(engine, "rekisteri.xlsx", REGISTER)
    rows = long_feedback(1) + [["2024-03-05", "Kotihoito Itä", "Viihtyy", 3]]
    result = _import(engine, "palaute.xlsx", xlsx_bytes(rows))
    assert result.status == "imported"
    assert [w.message("fi") for w in result.warnings] == [
        _created("fi", "palaute.xlsx", "Kotihoito Itä")
    ]
    assert [w.message("en") for w in result.warnings] == [
        _created("en", "palaute.xlsx", "Kotihoito Itä")
    ]
    assert ("Kotihoito Itä", False) in _units(engine)


def test_a_created_unit_goes_with_the_last_batch_that_names_it(engine):
    _import(engine, "rekisteri.xlsx", REGISTER)
    a = _import(engine, "a.xlsx", xlsx_bytes(long_feedback(1, unit="Kotihoito Itä")))
    b = _import(engine, "b.xlsx", xlsx_bytes(long_feedback(2, unit="kotihoito itä", score=5)))
    assert b.warnings == []  # created by a, so known to b
    remove_batch(engine=engine, batch_id=a.batch_id)
    assert ("Kotihoito Itä", False) in _units(engine)
    remove_batch(engine=engine, batch_id=b.batch_id)
    assert _units(engine) == [("Koulu Kuu", True), ("Päiväkoti Aurinko", True)]


def test_register_units_survive_removing_a_data_batch(engine):
    _import(engine, "rekisteri.xlsx", REGISTER)
    data = _import(engine, "a.xlsx", xlsx_bytes(long_feedback(2)))
    remove_batch(engine=engine, batch_id=data.batch_id)
    assert _units(engine) == [("Koulu Kuu", True), ("Päiväkoti Aurinko", True)]
    assert _select(engine, ServiceArea.name) == [("Perusopetus",), ("Varhaiskasvatus",)]


def test_removing_the_register_keeps_units_that_data_still_names(engine):
    register = _import(engine, "rekisteri.xlsx", REGISTER)
    _import(engine, "a.xlsx", xlsx_bytes(long_feedback(2)))
    remove_batch(engine=engine, batch_id=register.batch_id)
    assert _units(engine) == [("Päiväkoti Aurinko", False)]
    assert _select(engine, ServiceArea.name) == []


def test_a_register_names_a_unit_that_data_created(engine):
    _import(engine, "a.xlsx", xlsx_bytes(long_feedback(1, unit="päiväkoti aurinko")))
    _import(engine, "rekisteri.xlsx", REGISTER)
    assert _units(engine) == [("Koulu Kuu", True), ("päiväkoti aurinko", True)]
    assert _select(engine, func.count(Unit.id)) == [(2,)]


# Bad input and failures leave the database as it was.


def test_bad_input_is_reported_and_leaves_the_database_unchanged(engine, subtests):
    """Every bad file of BAD_INPUTS in turn against one database (a fresh one costs a second
    on PostgreSQL); subtests still report each file on its own."""
    _import(engine, "rekisteri.xlsx", REGISTER)
    _import(engine, "a.xlsx", xlsx_bytes(long_feedback(3)))
    before = snapshot(engine)
    for bad in BAD_INPUTS:
        with subtests.test(bad.id):
            result = _import(engine, bad.file_name, bad.build())
            assert result.status == "error"
            for part in bad.fi:
                assert part in result.to_json("fi")["error"]
            for part in bad.en:
                assert part in result.to_json("en")["error"]
            assert snapshot(engine) == before


def test_a_failure_in_the_middle_of_a_batch_leaves_the_database_as_it_was(engine, monkeypatch):
    _import(engine, "rekisteri.xlsx", REGISTER)
    before = snapshot(engine)
    inserts = []

    def note(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT"):
            inserts.append(statement.split("(")[0].split()[-1].strip('"'))

    def disk_full(frame, batch_id, unit_ids):
        raise OSError("levy täynnä")

    def copied(conn, table, frame):  # PostgreSQL's COPY passes no SQLAlchemy event
        inserts.append(table.name)
        return insert_frame(conn, table, frame)

    insert_frame = store.fast_insert.insert_frame
    monkeypatch.setattr(store.fast_insert, "insert_frame", copied)
    monkeypatch.setitem(store.TABLE_WRITERS, "comments", disk_full)
    event.listen(engine, "before_cursor_execute", note)
    rows = [
        ["Päivämäärä", "Yksikkö", "Vastaus", "Kommentti"],
        ["2024-03-05", "Kotihoito Itä", 4, "Kiitos"],
    ]
    try:
        result = _import(engine, "palaute.xlsx", xlsx_bytes(rows))
    finally:
        event.remove(engine, "before_cursor_execute", note)
    # The user gets a message, not a traceback...
    assert result.status == "error"
    assert "(OSError)" in result.error.message("fi")
    # The batch, the new unit and the feedback rows were written before the failure...
    # (overlap_probe: the file's fingerprints, a temporary table, see data_model/overlap.py)
    # (recount_*: the recount's temporary tables of what it touches, see feedback_cells.py)
    scratch = {"recount_cells", "recount_unit_months", "recount_months", "recount_questions"}
    assert set(inserts) - {"overlap_probe", *scratch} == {
        "import_batch",
        "unit",
        "feedback_score",
        "feedback_cell",
        "feedback_day_total",
        "feedback_month_total",
        "feedback_org_day_total",
        "feedback_org_month_total",
        "feedback_unit_week_total",
        "feedback_week_total",
    }
    # ...and rolled back with it.
    assert snapshot(engine) == before


def test_microsoft_forms_names_and_emails_never_reach_the_database(engine):
    rows = [
        ["ID", "Start time", "Completion time", "Email", "Name", "Yksikkö", "Viihdyn", "Terveiset"],
        [
            1,
            dt.datetime(2024, 3, 5, 9),
            dt.datetime(2024, 3, 5, 9, 5),
            "maija@example.fi",
            "Maija Meikäläinen",
            "Päiväkoti Aurinko",
            5,
            "Kiitos hyvästä syksystä!",
        ],
        [
            2,
            dt.datetime(2024, 3, 5, 9),
            dt.datetime(2024, 3, 5, 9, 7),
            "pekka@example.fi",
            "Pekka Puupää",
            "Päiväkoti Aurinko",
            4,
            "Ulkoilua voisi olla enemmän",
        ],
    ]
    result = _import(engine, "forms.xlsx", xlsx_bytes(rows, sheet="Sheet1"))
    assert (result.status, result.answers) == ("imported", 2)
    everything = repr(snapshot(engine))
    for secret in ("maija@example.fi", "pekka@example.fi", "Meikäläinen", "Puupää"):
        assert secret not in everything
    assert _select(engine, FeedbackComment.question, FeedbackComment.text) == [
        ("Terveiset", "Kiitos hyvästä syksystä!"),
        ("Terveiset", "Ulkoilua voisi olla enemmän"),
    ]


# Volume.


def test_twenty_thousand_feedback_rows_in_one_batch(engine):
    units = ["Päiväkoti Aurinko", "Koulu Kuu", "Kotihoito Itä", "Kirjasto"]
    start = dt.date(2023, 1, 1)
    rows = [["Päivämäärä", "Yksikkö", "Kysymys", "Vastaus"]]
    for i in range(20_000):
        day = start + dt.timedelta(days=i // 50)
        rows.append([day.isoformat(), units[i % 4], f"Kysymys {i % 50}", i % 5 + 1])
    result = _import(engine, "iso.csv", csv_bytes(rows))
    assert (result.status, result.rows, result.answers, result.mean) == (
        "imported",
        20_000,
        20_000,
        3.0,
    )
    totals = _select(
        engine,
        func.count(FeedbackScore.id),
        func.sum(FeedbackScore.n),
        func.sum(FeedbackScore.score_sum),
    )
    assert totals == [(20_000, 20_000, 60_000.0)]
    (batch,) = _select(engine, ImportBatch.stored_rows)
    assert batch == (20_000,)
