"""Backups that restore, on both backends and across them: every row of every table comes back,
the pages' figures are the same, the next import continues after the restored ids, a database
that is not empty is refused without --force, and an older backup restores into this release."""

import datetime as dt
import sqlite3
import uuid

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from core import indicators
from core.reading import Reading
from core.scope import Scope
from data_model import audit, backup, profiles, targets, users
from data_model.app_settings import set_setting
from data_model.db import current_revision, head_revision, make_engine, open_database
from data_model.models import ImportBatch
from data_model.queries import scorecard
from importing import import_file
from tests.conftest import _admin_conninfo
from tests.data_model.test_migrations import _previous_release_database
from tests.views import dashboard as d
from tests.views import helpers as h

SCOPE = Scope(start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 31))


@pytest.fixture
def source(db_url):
    """A database with something in every kind of table: imports, users and their units, a
    target, a setting, a saved profile, audit events."""
    engine = open_database(db_url)
    d.import_municipality(engine)
    users.add_user(engine=engine, name="paakayttaja", role="admin", password="x" * 14)
    users.add_user(
        engine=engine, name="esihenkilo", role="manager", password="y" * 14, units=[d.AURINKO]
    )
    targets.save_targets(
        engine=engine,
        rows=[{"indicator": "feedback_mean", "unit_id": None, "year": None, "target": 4.2}],
    )
    set_setting(engine=engine, key="min_answers", value=6)
    profiles.save_profile(engine=engine, name="HR", headers=["Kuukausi"], choices="{}")
    audit.record(engine=engine, user="paakayttaja", action="export", file="x.xlsx")
    yield engine
    engine.dispose()


def every_row(engine) -> dict[str, list[tuple]]:
    """Every table's rows in primary-key order, values as Python gives them; the data version
    left out (a restore moves it past the source's, test_data_version)."""
    with engine.connect() as conn:
        return {
            table.name: [
                tuple(row)
                for row in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in backup.tables()
            if table.name not in backup.BOOKKEEPING
        }


def figures(engine) -> list:
    cards = scorecard(
        engine,
        indicators=[indicators.get(code) for code in ("feedback_mean", "mentor_mood", "headcount")],
        grain="month",
        reading=Reading("term", 5, 0.05, 0),
        scope=SCOPE,
    )
    return [(c.indicator, c.value, c.n) for c in cards]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def target_url(request, tmp_path):
    """A second, empty database to restore into (the source is db_url's)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"tk_restored_{uuid.uuid4().hex[:10]}"
    admin = _admin_conninfo(server)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield make_url(server).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(drop.format(sql.Identifier(name)))


def test_a_backup_restores_every_row_and_figure_on_either_backend(source, target_url, tmp_path):
    file = tmp_path / "varmuuskopio.db"
    made = backup.backup(engine=source, out=file)
    target = make_engine(target_url)
    try:
        restored = backup.restore(source=file, engine=target)

        assert restored.tables == made.tables
        assert every_row(target) == every_row(source)
        assert figures(target) == figures(source)
        with target.connect() as conn:
            assert current_revision(conn) == head_revision()
    finally:
        target.dispose()


def test_the_next_import_after_a_restore_continues_after_the_restored_ids(
    source, target_url, tmp_path
):
    file = tmp_path / "varmuuskopio.db"
    backup.backup(engine=source, out=file)
    target = make_engine(target_url)
    try:
        backup.restore(source=file, engine=target)
        result = import_file(engine=target, file_name="uusi.xlsx", data=h.feedback_long())

        assert result.status == "imported"
        with target.connect() as conn:
            ids = conn.execute(select(ImportBatch.id).order_by(ImportBatch.id)).scalars().all()
        assert ids[-1] == result.batch_id == max(ids[:-1]) + 1
    finally:
        target.dispose()


def test_a_database_that_is_not_empty_is_refused_without_force(source, sqlite_url, tmp_path):
    file = tmp_path / "varmuuskopio.db"
    backup.backup(engine=source, out=file)
    target = open_database(sqlite_url)
    try:
        import_file(engine=target, file_name="oma.xlsx", data=h.feedback_long())
        before = every_row(target)

        with pytest.raises(backup.BackupError, match="not empty.*--force"):
            backup.restore(source=file, engine=target)
        assert every_row(target) == before

        backup.restore(source=file, engine=target, force=True)
        assert every_row(target) == every_row(source)
    finally:
        target.dispose()


def test_a_backup_never_overwrites_a_file(source, tmp_path):
    file = tmp_path / "varmuuskopio.db"
    file.write_bytes(b"an earlier backup")

    with pytest.raises(backup.BackupError, match="exists"):
        backup.backup(engine=source, out=file)
    assert file.read_bytes() == b"an earlier backup"


@pytest.mark.parametrize("content", [b"not a database at all", b""], ids=["text", "empty"])
def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(content, sqlite_url, tmp_path):
    file = tmp_path / "muu.db"
    file.write_bytes(content)
    target = open_database(sqlite_url)
    try:
        before = backup.row_counts(target)
        with pytest.raises(backup.BackupError, match="not a backup"):
            backup.restore(source=file, engine=target)
        assert backup.row_counts(target) == before
        assert backup.is_blank(target)
    finally:
        target.dispose()


def test_a_backup_of_another_sqlite_database_is_refused(sqlite_url, tmp_path):
    file = tmp_path / "muu.db"
    with sqlite3.connect(file) as conn:
        conn.execute("CREATE TABLE asiakkaat (nimi TEXT)")
    target = open_database(sqlite_url)
    try:
        with pytest.raises(backup.BackupError, match="not a backup"):
            backup.restore(source=file, engine=target)
    finally:
        target.dispose()


def test_a_backup_of_the_previous_release_restores_into_this_one(tmp_path, sqlite_url):
    old = tmp_path / "vanha.db"
    _previous_release_database(f"sqlite:///{old}")
    before = old.read_bytes()
    target = make_engine(sqlite_url)
    try:
        restored = backup.restore(source=old, engine=target)

        assert restored.tables["feedback_score"] > 0
        with target.connect() as conn:
            assert current_revision(conn) == head_revision()
            names = conn.execute(text("SELECT name FROM unit ORDER BY name")).scalars().all()
        assert names  # the old release's units are there
    finally:
        target.dispose()
    assert old.read_bytes() == before  # upgraded on a copy: the backup is left as it was
