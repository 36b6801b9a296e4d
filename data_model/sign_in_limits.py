"""Slowing down password guessing: wrong passwords are remembered per user name and
per client for a window; after a few free tries each next try waits twice as long, and after
too many the name (or client) is locked until the window has passed."""

import datetime as dt

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from core.names import fold
from data_model.models import SignInFailure

WINDOW = dt.timedelta(minutes=15)
FREE_TRIES = 3  # wrong passwords before any waiting
BASE_DELAY = 2  # seconds after the first slowed try; doubles with each further one
MAX_DELAY = 300
LOCK_AFTER_NAME = 10  # wrong passwords in the window that lock a user name
LOCK_AFTER_CLIENT = 30  # ... that lock a client (an office shares one address)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def record_failure(*, engine: Engine, name: str, client: str, now=None) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(SignInFailure).values(at=_now(now), name_key=fold(name), client=client or "")
        )
        # Old failures count for nothing; dropping them keeps the table small.
        conn.execute(delete(SignInFailure).where(SignInFailure.at < _now(now) - 2 * WINDOW))


def clear_failures(*, engine: Engine, name: str) -> None:
    """After a right password: the user name starts afresh (the client's count stays)."""
    with engine.begin() as conn:
        conn.execute(delete(SignInFailure).where(SignInFailure.name_key == fold(name)))


def _wait(times: list[dt.datetime], lock_after: int, now: dt.datetime) -> int:
    """Seconds to wait given the failure times (oldest first) within the window."""
    count = len(times)
    if count >= lock_after:
        # Locked until enough of the failures have left the window.
        until = times[count - lock_after] + WINDOW
    elif count >= FREE_TRIES:
        delay = min(BASE_DELAY * 2 ** (count - FREE_TRIES), MAX_DELAY)
        until = times[-1] + dt.timedelta(seconds=delay)
    else:
        return 0
    return max(0, int((until - now).total_seconds() + 0.999))


def retry_after(*, engine: Engine, name: str, client: str, now=None) -> tuple[int, bool]:
    """(seconds to wait before the next try, whether that is a lock): 0 when a try is allowed
    now. Asked before a password is even checked, so a locked name tells nothing."""
    now = _now(now)
    since = now - WINDOW
    with engine.connect() as conn:
        by_name = (
            conn.execute(
                select(SignInFailure.at)
                .where(SignInFailure.name_key == fold(name), SignInFailure.at >= since)
                .order_by(SignInFailure.at)
            )
            .scalars()
            .all()
        )
        by_client = (
            conn.execute(
                select(SignInFailure.at)
                .where(SignInFailure.client == (client or ""), SignInFailure.at >= since)
                .order_by(SignInFailure.at)
            )
            .scalars()
            .all()
            if client
            else []
        )
    by_name = [_utc(t) for t in by_name]
    by_client = [_utc(t) for t in by_client]
    waits = [
        (_wait(by_name, LOCK_AFTER_NAME, now), len(by_name) >= LOCK_AFTER_NAME),
        (_wait(by_client, LOCK_AFTER_CLIENT, now), len(by_client) >= LOCK_AFTER_CLIENT),
    ]
    seconds, locked = max(waits)
    return seconds, bool(seconds and locked)
