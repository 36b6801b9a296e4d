"""Slowing down password guessing (data_model/sign_in_limits.py): three free tries, then a
doubling wait, a lock after ten wrong passwords for a name (thirty for a client) within 15
minutes, and a fresh start for the name after a right password."""

import datetime as dt

import pytest

from data_model import sign_in_limits as limits

T0 = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def fail(engine, times: int, name="maija", client="10.0.0.1", start=T0, step=0):
    for i in range(times):
        limits.record_failure(
            engine=engine, name=name, client=client, now=start + dt.timedelta(seconds=i * step)
        )


def wait(engine, seconds_after: float, name="maija", client="10.0.0.1", start=T0):
    now = start + dt.timedelta(seconds=seconds_after)
    return limits.retry_after(engine=engine, name=name, client=client, now=now)


@pytest.mark.parametrize(("failures", "expected"), [(0, 0), (2, 0), (3, 2), (4, 4), (5, 8)])
def test_after_three_free_tries_the_wait_doubles(engine, failures, expected):
    fail(engine, failures)

    assert wait(engine, 0) == (expected, False)


def test_the_wait_runs_out(engine):
    fail(engine, 4)

    assert wait(engine, 3) == (1, False)
    assert wait(engine, 4) == (0, False)


def test_ten_wrong_passwords_lock_the_name_until_the_window_has_passed(engine):
    fail(engine, 10, step=1)  # the last at T0 + 9 s

    seconds, locked = wait(engine, 600)
    assert locked and seconds == 15 * 60 - 600
    assert wait(engine, 15 * 60 + 1)[1] is False


def test_the_name_is_slowed_from_any_client_and_the_client_for_any_name(engine):
    fail(engine, 3, client="10.0.0.1")
    assert wait(engine, 0, client="10.9.9.9") == (2, False)  # same name, another client

    for i in range(30):  # thirty names tried from one client
        limits.record_failure(engine=engine, name=f"nimi{i}", client="10.0.0.2", now=T0)
    seconds, locked = wait(engine, 60, name="uusi", client="10.0.0.2")
    assert locked and seconds == 15 * 60 - 60


def test_a_right_password_clears_the_name(engine):
    fail(engine, 5)
    limits.clear_failures(engine=engine, name="MAIJA")

    assert wait(engine, 0, client="10.9.9.9") == (0, False)
