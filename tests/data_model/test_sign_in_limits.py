"""Slowing down password guessing (data_model/sign_in_limits.py): three free tries, then a
doubling wait and a lock after ten wrong passwords for a name within 15 minutes, from any
address; a fresh start for the name after a right password. Nothing locks an address: wrong
passwords for made-up names from an office's shared address leave its other users' names
free. The names are kept as hashes only."""

import datetime as dt

import pytest
from sqlalchemy import select

from data_model import sign_in_limits as limits
from data_model.models import SignInFailure

T0 = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def fail(engine, times: int, name="maija", client="10.0.0.1", start=T0, step=0):
    for i in range(times):
        limits.record_failure(
            engine=engine, name=name, client=client, now=start + dt.timedelta(seconds=i * step)
        )


def wait(engine, seconds_after: float, name="maija", start=T0):
    now = start + dt.timedelta(seconds=seconds_after)
    return limits.retry_after(engine=engine, name=name, now=now)


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


def test_the_name_is_slowed_whatever_address_each_try_came_from(engine):
    for i in range(10):  # forged or real, forty addresses or ten: the name counts
        fail(engine, 1, client=f"203.0.113.{i}")

    seconds, locked = wait(engine, 60)
    assert locked and seconds == 15 * 60 - 60


def test_wrong_passwords_for_made_up_names_do_not_slow_anyone_else_at_that_address(engine):
    for i in range(40):  # one person behind the office's NAT, trying made-up names
        fail(engine, 1, name=f"keksitty{i}", client="198.51.100.7")

    assert wait(engine, 0, name="maija") == (0, False)  # a colleague at the same address
    assert wait(engine, 0, name="keksitty3") == (0, False)  # one try each: no wait either


def test_a_right_password_clears_the_name(engine):
    fail(engine, 5)
    limits.clear_failures(engine=engine, name="MAIJA")

    assert wait(engine, 0) == (0, False)


def test_names_are_kept_as_hashes_never_as_typed(engine):
    """Someone types their password into the name field: it must not be stored."""
    fail(engine, 1, name="Kesä2024!salasana")
    with engine.connect() as conn:
        keys = conn.execute(select(SignInFailure.name_key)).scalars().all()

    assert keys == [limits.name_key("kesä2024!salasana")]
    assert "salasana" not in keys[0] and len(keys[0]) == 64
