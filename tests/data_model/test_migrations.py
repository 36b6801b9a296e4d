"""Schema migrations on both backends: a new database is at the newest revision and matches the
models; a database the 2026-11-24 release made (create_all, no Alembic) upgrades with its data
intact; eight processes opening one fresh database at once all succeed."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlmodel import SQLModel

from core.scope import Scope
from data_model.db import current_revision, head_revision, make_engine, open_database
from tests.data_model.scoped import series

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS_RELEASE = ROOT / "tests" / "files" / "previous_release"

# One row in every table of the previous release, as it stored them.
ROWS = [
    """INSERT INTO import_batch (id, file_name, sha256, kind, form, rows, stored_rows, answers,
       mean, first_date, last_date, unit_names, warnings, imported_by, imported_at)
       VALUES (1, 'palaute.xlsx', 'abc', 'feedback', 'long', 2, 2, 10, 4.2, '2024-03-05',
       '2024-03-06', 'Päiväkoti Aurinko', 'Sarakkeita ei käytetty: x.', 'maija',
       '2024-03-07 10:00:00')""",
    "INSERT INTO service_area (id, name) VALUES (1, 'Varhaiskasvatus')",
    """INSERT INTO unit (id, name, name_key, service_area_id, manager, coaches, mentors,
       coaching_start, coaching_end, goal, in_register, batch_id)
       VALUES (1, 'Päiväkoti Aurinko', 'päiväkoti aurinko', 1, 'Maria', 'Anu; Jari', 'Sanna',
       '2024-01-08', '2025-01-31', 'Parempi arki', TRUE, 1)""",
    """INSERT INTO feedback_score (id, batch_id, unit_id, date, year, month, week_start, survey,
       question, respondent_group, scale_min, scale_max, n, score_sum, positive_n, promoters_n,
       detractors_n) VALUES (1, 1, 1, '2024-03-05', 2024, 3, '2024-03-04', 'Kysely', 'Q1', '',
       1, 5, 6, 25.0, 5, NULL, NULL),
       (2, 1, 1, '2024-03-06', 2024, 3, '2024-03-04', 'Kysely', 'Q1', '', 1, 5, 4, 17.0, 3,
       NULL, NULL)""",
    """INSERT INTO feedback_comment (id, batch_id, unit_id, date, survey, question, text)
       VALUES (1, 1, 1, '2024-03-05', 'Kysely', 'Q1', 'Kiitos')""",
    """INSERT INTO workforce_month (id, batch_id, unit_id, month, year, headcount, fte,
       sick_leave_days) VALUES (1, 1, 1, '2024-03-01', 2024, 20, 18.5, 14)""",
    """INSERT INTO mentor_report (id, batch_id, unit_id, date, year, month, week_start, mentor,
       mood, concern, observations) VALUES (1, 1, 1, '2024-03-05', 2024, 3, '2024-03-04',
       'Sanna', 4, FALSE, 'Hyvä henki')""",
    "INSERT INTO target (id, batch_id, indicator, unit_id, year, target) "
    "VALUES (1, NULL, 'feedback_mean', NULL, NULL, 4.0)",
    "INSERT INTO setting (key, value) VALUES ('min_answers', '5')",
]


def _previous_release_database(url: str) -> None:
    """Create the old schema from its DDL and fill it, as that release would have."""
    dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
    ddl = (PREVIOUS_RELEASE / f"schema_{dialect}.sql").read_text()
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement in filter(str.strip, ddl.split(";\n")):
            conn.exec_driver_sql(statement)
        for row in ROWS:
            conn.execute(text(row))
    engine.dispose()


def _all_rows(engine) -> dict[str, list[tuple]]:
    tables = [
        "service_area",
        "unit",
        "feedback_comment",
        "workforce_month",
        "mentor_report",
        "target",
        "setting",
    ]
    with engine.connect() as conn:
        found = {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))] for t in tables}
        found["feedback_score"] = [
            tuple(r)
            for r in conn.execute(text("SELECT id, n, score_sum FROM feedback_score ORDER BY id"))
        ]
        found["import_batch"] = [
            tuple(r)
            for r in conn.execute(text("SELECT id, file_name, imported_by FROM import_batch"))
        ]
    return found


def test_a_new_database_is_at_the_newest_revision_and_matches_the_models(db_url):
    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            differences = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        assert differences == []  # every change to a table has its revision
    finally:
        engine.dispose()


def test_a_previous_release_database_upgrades_with_its_data_intact(db_url):
    _previous_release_database(db_url)
    before = make_engine(db_url)
    with before.connect() as conn:
        assert current_revision(conn) is None  # made by create_all, no Alembic
    old_rows = _all_rows(before)
    before.dispose()

    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        columns = {c["name"] for c in inspect(engine).get_columns("import_batch")}
        assert "warnings" not in columns  # write-only, dropped by 0002
        assert _all_rows(engine) == old_rows
        with engine.connect() as conn:
            squares = conn.execute(text("SELECT score_sq_sum FROM feedback_score")).scalars()
            assert list(squares) == [None, None]  # unknown for old rows: change not judged
            totals = "SELECT unit_id, date, n, score_sum, positive_n, cell_n FROM "
            # 0007 summed the two March days into the month, as a new import would
            [(unit, month, n, score_sum, positive, cell_n)] = conn.execute(
                text(totals + "feedback_month_total")
            )
            assert str(month) == "2024-03-01"  # SQLite hands the stored text back
            assert (unit, n, score_sum, positive, cell_n) == (1, 10, 42.0, 8, 10)
            days = conn.execute(text(totals + "feedback_day_total ORDER BY date")).all()
            assert [(r.n, r.cell_n) for r in days] == [(6, 10), (4, 10)]  # 5 and 6 March
            # 0008: the organisation's day totals, each day's smallest day of its cell (4)
            whole = "SELECT date, n, score_sum, cell_day_min_n FROM feedback_org_day_total"
            days = conn.execute(text(whole + " ORDER BY date")).all()
            assert [(str(d), n, s, m) for d, n, s, m in days] == [
                ("2024-03-05", 6, 25.0, 4),
                ("2024-03-06", 4, 17.0, 4),
            ]
            # 0009: the unit's week totals over its questions, the week of 4 March 2024
            weeks = "SELECT unit_id, week_start, date, n, cell_week_min_n FROM "
            [week] = conn.execute(text(weeks + "feedback_unit_week_total")).all()
            assert [str(v) for v in week] == ["1", "2024-03-04", "2024-03-05", "10", "10"]
            # 0010: the organisation's month totals, per size of the cells (the one cell: 10)
            months = "SELECT date, n, score_sum, positive_n, cell_n FROM feedback_org_month_total"
            [month] = conn.execute(text(months)).all()
            assert [str(v) for v in month] == ["2024-03-01", "10", "42.0", "8", "10"]
        whole = series(engine=engine, indicator="feedback_mean", grain="month")
        assert list(whole["value"]) == [4.2] and list(whole["n"]) == [10]  # read from 0010's
        march = series(
            engine=engine, indicator="feedback_mean", grain="month", scope=Scope(unit_ids=[1])
        )
        assert list(march["value"]) == [4.2] and list(march["n"]) == [10]
    finally:
        engine.dispose()


def test_opening_an_upgraded_database_again_changes_nothing(db_url):
    open_database(db_url).dispose()
    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
    finally:
        engine.dispose()


OPENER = """
import sys, time
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
from data_model.db import open_database, current_revision
engine = open_database(sys.argv[1])
with engine.connect() as conn:
    print(current_revision(conn))
"""


@pytest.mark.slow
def test_eight_processes_opening_a_fresh_database_at_once_all_succeed(db_url):
    start = time.time() + 3  # every process imports first, then all open at this moment
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, db_url, str(start)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    results = [p.communicate(timeout=120) for p in processes]
    failures = [err for p, (_, err) in zip(processes, results, strict=True) if p.returncode]
    assert failures == []
    assert [out.strip() for out, _ in results] == [head_revision()] * 8
