"""The demo generator: the same bytes on every run, every file read as the form it imitates and
imported cleanly on both backends, and the story the dashboard shows (units, coverage, mood)."""

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from data_model.db import open_database
from data_model.models import (
    FeedbackScore,
    ImportBatch,
    MentorReport,
    ServiceArea,
    Unit,
    WorkforceMonth,
)
from demo import generate as demo
from demo.seed import import_demo
from loaders import load_file

REPO = Path(__file__).resolve().parents[2]
EXPECTED_FORMS = {
    demo.REGISTER: ("units", "register"),
    demo.LONG_SURVEY: ("feedback", "long"),
    demo.FORMS_SURVEY: ("feedback", "wide"),
    demo.ARVO_REPORT: ("feedback", "aggregated"),
    demo.SMILEYS: ("feedback", "counts"),
    demo.WORKFORCE: ("workforce", "monthly"),
    demo.MENTOR_REPORTS: ("mentor_reports", "reports"),
    demo.TARGETS: ("targets", "targets"),
    demo.OWN_INDICATORS: ("indicator_values", "values_long"),
}
LAST_THREE_MONTHS = (dt.date(2026, 8, 1), dt.date(2026, 10, 31))
A_YEAR_BEFORE = (dt.date(2025, 8, 1), dt.date(2025, 10, 31))


@pytest.fixture(scope="module")
def demo_paths(tmp_path_factory) -> list[Path]:
    return demo.write_demo_files(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def imported(engine, demo_paths):
    return import_demo(engine=engine, paths=demo_paths)


@pytest.fixture(scope="module")
def story(tmp_path_factory, demo_paths):
    """The demo imported once for the tests of what it shows (the content does not depend on
    the backend; test_every_file_imports_register_first covers both)."""
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('story') / 'demo.db'}")
    import_demo(engine=engine, paths=demo_paths)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    """`python -m loaders demo` run once in a fresh process (with another hash seed)."""
    folder = tmp_path_factory.mktemp("cli")
    database_url = f"sqlite:///{folder / 'cli.db'}"
    command = [
        sys.executable,
        "-m",
        "loaders",
        "demo",
        "--out",
        str(folder / "demo"),
        "--database-url",
        database_url,
    ]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    return SimpleNamespace(
        returncode=done.returncode,
        stdout=done.stdout,
        stderr=done.stderr,
        out=folder / "demo",
        database_url=database_url,
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mean_mood(engine, unit: str, period: tuple[dt.date, dt.date]) -> float:
    query = (
        select(func.avg(MentorReport.mood))
        .join(Unit, Unit.id == MentorReport.unit_id)
        .where(Unit.name == unit, MentorReport.date.between(*period))
    )
    with engine.connect() as conn:
        return float(conn.execute(query).scalar_one())


@pytest.mark.slow
def test_every_file_is_the_same_bytes_in_another_process(demo_paths, cli_run):
    again = sorted(cli_run.out.iterdir())
    assert [p.name for p in again] == sorted(p.name for p in demo_paths)
    for second in again:
        assert _sha256(second) == _sha256(demo_paths[0].parent / second.name), second.name


def test_every_file_is_read_as_the_export_it_imitates(demo_paths):
    found = {}
    for path in demo_paths:
        loaded = load_file(path.name, path.read_bytes())
        found[path.name] = (loaded.kind, loaded.form)
    assert found == EXPECTED_FORMS


def test_the_register_has_a_title_above_its_header(demo_paths):
    loaded = load_file(demo.REGISTER, demo_paths[0].read_bytes())
    assert loaded.header_row == 4
    assert loaded.rows == 12


def test_every_file_imports_register_first(imported):
    assert imported[0].file == demo.REGISTER
    assert sorted(r.file for r in imported) == sorted(EXPECTED_FORMS)
    for result in imported:
        assert (result.status, result.error) == ("imported", None), result.file
        assert result.rows > 0, result.file


def test_the_register_gives_twelve_units_in_three_service_areas(story):
    query = (
        select(ServiceArea.name, func.count(Unit.id))
        .join(Unit, Unit.service_area_id == ServiceArea.id)
        .where(Unit.in_register)
        .group_by(ServiceArea.name)
    )
    with story.connect() as conn:
        per_area = dict(conn.execute(query).all())
        all_units = conn.execute(select(func.count(Unit.id))).scalar_one()
    assert per_area == {"Varhaiskasvatus": 4, "Perusopetus": 4, "Vanhuspalvelut": 4}
    assert all_units == 12  # no data file named a unit outside the register


@pytest.mark.parametrize("table", [FeedbackScore, WorkforceMonth, MentorReport])
def test_every_unit_has_data(story, table):
    with story.connect() as conn:
        units = set(conn.execute(select(Unit.name)).scalars())
        query = select(Unit.name).join(table, table.unit_id == Unit.id).distinct()
        covered = set(conn.execute(query).scalars())
    assert covered == units


def test_data_spans_three_full_years(story):
    with story.connect() as conn:
        batches = conn.execute(
            select(ImportBatch.file_name, ImportBatch.first_date, ImportBatch.last_date)
        ).all()
    spans = {name: (first, last) for name, first, last in batches if first}
    assert spans[demo.LONG_SURVEY][0] >= dt.date(2023, 11, 1)
    assert spans[demo.SMILEYS] == (dt.date(2023, 11, 1), dt.date(2026, 10, 31))
    assert spans[demo.WORKFORCE] == (dt.date(2023, 11, 1), dt.date(2026, 10, 1))


@pytest.mark.parametrize("unit", demo.DROPPING_UNITS)
def test_a_dropping_units_mood_falls_a_point_from_a_year_before(story, unit):
    before = _mean_mood(story, unit, A_YEAR_BEFORE)
    now = _mean_mood(story, unit, LAST_THREE_MONTHS)
    assert before - now >= 1.0, (unit, before, now)


def test_other_units_mood_holds_or_improves(story):
    for unit in demo.UNITS:
        if unit.name in demo.DROPPING_UNITS:
            continue
        before = _mean_mood(story, unit.name, A_YEAR_BEFORE)
        now = _mean_mood(story, unit.name, LAST_THREE_MONTHS)
        assert now > before - 0.3, (unit.name, before, now)


def test_two_or_three_units_drop():
    assert 2 <= len(demo.DROPPING_UNITS) <= 3


@pytest.mark.slow  # a process of its own
def test_cli_writes_and_imports_the_demo(cli_run):
    assert cli_run.returncode == 0, cli_run.stdout + cli_run.stderr
    lines = cli_run.stdout.splitlines()
    assert len(lines) == len(EXPECTED_FORMS)
    assert all(": imported (" in line for line in lines), lines
    engine = open_database(cli_run.database_url)
    with engine.connect() as conn:
        batches = conn.execute(select(func.count(ImportBatch.id))).scalar_one()
    engine.dispose()
    assert batches == len(lines)
