"""Slowing down password guessing: a wrong password is remembered for a while against the name
it was typed for (as a hash: a password typed into the name field is never stored); after a
few free tries each next try for that name waits twice as long, and after too many the name is
locked until the window has passed.

Nothing is counted against an address alone: one person behind an office's shared address (a
NAT or a proxy) could otherwise keep everyone there out. A name that matches no user is limited
like any other, so the answers never tell which names exist."""

import datetime as dt
import hashlib

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from core.names import fold
from data_model.models import SignInFailure

WINDOW = dt.timedelta(minutes=15)
FREE_TRIES = 3  # wrong passwords before any waiting
BASE_DELAY = 2  # seconds after the first slowed try; doubles with each further one
MAX_DELAY = 300
LOCK_AFTER = 10  # wrong passwords in the window that lock a user name


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def name_key(name: str) -> str:
    """What a failure is kept by: a hash of the folded name, never the name as typed."""
    return hashlib.sha256(" ".join(fold(name).split()).encode()).hexdigest()


def record_failure(*, engine: Engine, name: str, client: str, now=None) -> None:
    """A wrong password for name, from client (kept for the window, shown to nobody)."""
    with engine.begin() as conn:
        conn.execute(
            insert(SignInFailure).values(
                at=_now(now), name_key=name_key(name), client=(client or "")[:255]
            )
        )
        # Old failures count for nothing; dropping them keeps the table small.
        conn.execute(delete(SignInFailure).where(SignInFailure.at < _now(now) - 2 * WINDOW))


def clear_failures(*, engine: Engine, name: str) -> None:
    """After a right password: the user name starts afresh."""
    with engine.begin() as conn:
        conn.execute(delete(SignInFailure).where(SignInFailure.name_key == name_key(name)))


def _wait(times: list[dt.datetime], now: dt.datetime) -> int:
    """Seconds to wait given the failure times (oldest first) within the window."""
    count = len(times)
    if count >= LOCK_AFTER:
        # Locked until enough of the failures have left the window.
        until = times[count - LOCK_AFTER] + WINDOW
    elif count >= FREE_TRIES:
        delay = min(BASE_DELAY * 2 ** (count - FREE_TRIES), MAX_DELAY)
        until = times[-1] + dt.timedelta(seconds=delay)
    else:
        return 0
    return max(0, int((until - now).total_seconds() + 0.999))


def retry_after(*, engine: Engine, name: str, now=None) -> tuple[int, bool]:
    """(seconds to wait before the next try for name, whether that is a lock): 0 when a try
    is allowed now. Asked before a password is even checked, so a locked name tells nothing."""
    now = _now(now)
    with engine.connect() as conn:
        times = (
            conn.execute(
                select(SignInFailure.at)
                .where(SignInFailure.name_key == name_key(name), SignInFailure.at >= now - WINDOW)
                .order_by(SignInFailure.at)
            )
            .scalars()
            .all()
        )
    times = [_utc(t) for t in times]
    seconds = _wait(times, now)
    return seconds, bool(seconds and len(times) >= LOCK_AFTER)
