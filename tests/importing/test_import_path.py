"""The one import path's failures: a lock or deadlock with another importer is retried, any other
failure comes back as an error result with a message in the user's language, nothing stored."""

import pytest
from sqlalchemy.exc import OperationalError

import importing
from data_model.db import is_transient
from tests.builders import long_feedback, snapshot, xlsx_bytes


def _locked() -> OperationalError:
    return OperationalError("INSERT ...", {}, Exception("database is locked"))


def test_a_locked_database_is_tried_again_until_the_store_succeeds(engine, monkeypatch):
    real, calls = importing.store_loaded, []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) < 3:
            raise _locked()
        return real(**kwargs)

    monkeypatch.setattr(importing, "store_loaded", flaky)
    monkeypatch.setattr(importing, "BACKOFF", 0.001)

    result = importing.import_file(
        engine=engine, file_name="a.xlsx", data=xlsx_bytes(long_feedback())
    )

    assert (result.status, len(calls)) == ("imported", 3)


def test_a_failure_that_is_no_lock_is_a_clean_error_and_stores_nothing(engine, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "store_loaded", broken)
    before = snapshot(engine)

    result = importing.import_file(
        engine=engine, file_name="a.xlsx", data=xlsx_bytes(long_feedback())
    )

    assert result.status == "error"
    assert result.error.message("fi") == (
        "Tiedosto a.xlsx: Tiedoston tallennus tietokantaan epäonnistui (RuntimeError), eikä "
        "siitä tallennettu mitään. Yritä hetken päästä uudelleen; jos vika toistuu, ota "
        "yhteyttä ylläpitoon."
    )
    assert snapshot(engine) == before


def test_a_reader_that_fails_unexpectedly_is_a_clean_error(engine, monkeypatch):
    def reader(*args, **kwargs):
        raise UnicodeDecodeError("utf-16-le", b"\x00", 0, 1, "truncated data")

    monkeypatch.setattr(importing, "load_file", reader)

    result = importing.import_file(engine=engine, file_name="a.csv", data=b"x")

    assert result.status == "error"
    assert "UnicodeDecodeError" in result.error.message("en")


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (OperationalError("x", {}, Exception("database is locked")), True),
        (OperationalError("x", {}, Exception("no such table: unit")), False),
        (RuntimeError("database is locked"), False),
    ],
)
def test_which_failures_are_worth_another_try(error, transient):
    assert is_transient(error) is transient
