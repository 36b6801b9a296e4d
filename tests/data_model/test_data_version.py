"""The data version grows by one with every change to the data behind the figures, in the same
transaction as the change (a change that fails leaves it as it was), and a restore moves it past
every number seen before. On SQLite and PostgreSQL."""

import pytest

from data_model import app_settings, backup, data_version, store, targets, users
from data_model.db import open_database
from importing import import_file
from tests.builders import xlsx_bytes
from tests.views import helpers as h


def version(engine) -> int:
    return data_version.current(engine=engine)


def test_a_new_database_starts_at_zero(engine):
    assert version(engine) == 0


def test_an_import_and_its_removal_each_count_once(engine):
    result = import_file(engine=engine, file_name="palaute.xlsx", data=h.feedback_long())
    assert (result.status, version(engine)) == ("imported", 1)

    store.remove_batch(engine=engine, batch_id=result.batch_id)
    assert version(engine) == 2


def test_an_unchanged_import_or_a_refused_file_changes_nothing(engine):
    data = h.feedback_long()
    import_file(engine=engine, file_name="palaute.xlsx", data=data)
    again = import_file(engine=engine, file_name="palaute.xlsx", data=data)
    bad = import_file(engine=engine, file_name="huono.xlsx", data=h.feedback_with_bad_score())

    assert (again.status, bad.status) == ("unchanged", "error")
    assert version(engine) == 1


def test_a_store_that_fails_leaves_the_version_as_it_was(engine, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_write_tables", broken)
    result = import_file(engine=engine, file_name="palaute.xlsx", data=h.feedback_long())

    assert result.status == "error"
    assert version(engine) == 0


def test_targets_settings_and_users_each_count_once(engine):
    targets.save_targets(
        engine=engine,
        rows=[{"indicator": "feedback_mean", "unit_id": None, "year": None, "target": 4.1}],
    )
    assert version(engine) == 1
    app_settings.set_setting(engine=engine, key="min_answers", value=7)
    assert version(engine) == 2
    users.add_user(engine=engine, name="maija", role="admin", password="pitkä salasana 1")
    assert version(engine) == 3
    users.set_password(engine=engine, name="maija", password="toinen pitkä salasana")
    users.update_user(engine=engine, name="maija", role="admin")
    users.disable_user(engine=engine, name="maija")
    assert version(engine) == 6


def test_a_user_refused_for_its_rules_changes_nothing(engine):
    with pytest.raises(users.UserError):
        users.add_user(engine=engine, name="esihenkilo", role="manager", password="x" * 14)
    assert version(engine) == 0


def test_a_restore_moves_past_both_the_restored_and_the_replaced_version(tmp_path):
    source = open_database_at(tmp_path / "lahde.db")
    import_file(engine=source, file_name="a.xlsx", data=h.feedback_long())  # version 1
    file = tmp_path / "varmuuskopio.db"
    backup.backup(engine=source, out=file)
    target = open_database_at(tmp_path / "kohde.db")
    for i in range(5):  # the target has been at versions 1..5, cached by its processes
        rows = [h.FEEDBACK_HEADER, ["2024-01-02", "Päiväkoti Kuu", "Kysely", "Q", i % 5 + 1]]
        import_file(engine=target, file_name=f"{i}.xlsx", data=xlsx_bytes(rows))
    assert version(target) == 5

    backup.restore(source=file, engine=target, force=True)

    assert version(target) == 6
    source.dispose()
    target.dispose()


def open_database_at(path):
    return open_database(f"sqlite:///{path}")
