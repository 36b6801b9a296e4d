"""Server-side sessions (data_model/sessions.py): a sign-in's one-time code fetches the cookie's
token once; the token resumes the session until sign-out, the idle limit, the maximum age, a
password change or the user's disabling, each of which ends every session of that user; the
table keeps only hashes."""

import datetime as dt

import pytest
from sqlalchemy import select

from data_model import sessions, users
from data_model.models import UserSession

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
PASSWORD = "pitkä salasana"


@pytest.fixture
def maija(engine) -> int:
    return users.add_user(engine=engine, name="Maija", role="admin", password=PASSWORD)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def resume(engine, token, minutes=0.0, idle=30, hours=12):
    return sessions.resume(
        engine=engine, token=token, idle_minutes=idle, max_hours=hours, now=at(minutes)
    )


def signed_in(engine, user_id, minutes=0.0) -> str:
    started = sessions.start(engine=engine, user_id=user_id, now=at(minutes))
    token = sessions.hand_over(engine=engine, code=started.code, now=at(minutes))
    assert token
    return token


def test_the_code_fetches_a_token_once_and_only_while_fresh(engine, maija):
    started = sessions.start(engine=engine, user_id=maija, now=T0)

    assert sessions.hand_over(engine=engine, code="arvaus", now=T0) is None
    assert sessions.hand_over(engine=engine, code=started.code, now=at(2)) is None  # too late
    late = sessions.start(engine=engine, user_id=maija, now=T0)
    token = sessions.hand_over(engine=engine, code=late.code, now=at(0.5))
    assert resume(engine, token, 0.5).user_id == maija
    assert sessions.hand_over(engine=engine, code=late.code, now=at(0.5)) is None  # used


def test_only_hashes_are_stored(engine, maija):
    started = sessions.start(engine=engine, user_id=maija, now=T0)
    token = sessions.hand_over(engine=engine, code=started.code, now=T0)
    with engine.connect() as conn:
        stored = [str(v) for row in conn.execute(select(UserSession)).all() for v in row]

    assert not any(token in v or started.code in v for v in stored)
    assert sessions.digest(token) in stored


def test_a_token_resumes_its_session_and_keeps_it_alive(engine, maija):
    token = signed_in(engine, maija)

    for minutes in (20, 40, 60, 80):  # each use within 30 minutes of the last
        assert resume(engine, token, minutes).user_id == maija
    assert resume(engine, "toinen", 80).user_id is None
    assert resume(engine, None, 80).user_id is None


def test_an_idle_session_ends_and_stays_ended(engine, maija):
    token = signed_in(engine, maija)

    found = resume(engine, token, 31)
    assert (found.user_id, found.ended, found.ended_user_id) == (None, "idle", maija)
    assert resume(engine, token, 32) == sessions.Resumed()  # ended: nothing, not even a reason


def test_a_busy_session_still_ends_at_its_maximum_age(engine, maija):
    token = signed_in(engine, maija)
    for quarter in range(1, 48):  # a use every 15 minutes for 12 hours
        assert resume(engine, token, quarter * 15).user_id == maija

    assert resume(engine, token, 12 * 60 + 1).ended == "too_old"


def sign_out(engine):
    sessions.sign_out(engine=engine, user_id=users.get_user(engine=engine, name="Maija").id)


@pytest.mark.parametrize(
    "end",
    [
        sign_out,
        lambda engine: users.set_password(engine=engine, name="Maija", password="uusi salasana"),
        lambda engine: users.disable_user(engine=engine, name="Maija"),
    ],
    ids=["sign-out", "password change", "disabling"],
)
def test_sign_out_a_password_change_or_disabling_ends_every_session_of_the_user(engine, maija, end):
    pekka = users.add_user(engine=engine, name="Pekka", role="admin", password=PASSWORD)
    first, second = signed_in(engine, maija), signed_in(engine, maija)
    others = signed_in(engine, pekka)
    pending = sessions.start(engine=engine, user_id=maija, now=T0)  # cookie not fetched yet

    end(engine)

    assert resume(engine, first, 1).user_id is None
    assert resume(engine, second, 1).user_id is None
    assert sessions.hand_over(engine=engine, code=pending.code, now=T0) is None
    assert resume(engine, others, 1).user_id == pekka  # another user's session goes on


def test_a_session_of_the_connection_that_signed_in_is_resumed_by_its_id(engine, maija):
    started = sessions.start(engine=engine, user_id=maija, now=T0)

    found = sessions.resume(
        engine=engine, session_id=started.session_id, idle_minutes=30, max_hours=12, now=at(1)
    )
    assert found.user_id == maija
