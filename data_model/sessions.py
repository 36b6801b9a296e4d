"""Server-side sessions: what a signed-in browser's cookie refers to. A sign-in starts a session
and gives a one-time code; the browser trades the code for its cookie's random token (ui.web);
every later page view resumes the session from that token. Tokens and codes are kept only as
their sha-256, so the table holds nothing a browser could present.

A session ends with sign-out, the idle limit, its maximum age, a password change or the user's
disabling; an ended session is never valid again, whoever presents its token."""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine

from data_model.models import User, UserSession

HANDOFF = dt.timedelta(seconds=60)  # how long a sign-in's one-time code can fetch the cookie
TOUCH_EVERY = dt.timedelta(seconds=15)  # last_seen_at is written at most this often
KEEP_ENDED = dt.timedelta(days=1)  # ended sessions are deleted after this
KEEP_UNUSED = dt.timedelta(days=30)  # and any session unused for this long


@dataclass(frozen=True)
class Started:
    """A new session and the one-time code that fetches its cookie."""

    session_id: int
    code: str


@dataclass(frozen=True)
class Resumed:
    """The outcome of presenting a session: user_id when it is valid; ended says why a session
    that was valid until now has just ended (idle, too_old), and whose it was."""

    session_id: int | None = None
    user_id: int | None = None
    ended: str | None = None
    ended_user_id: int | None = None


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def start(*, engine: Engine, user_id: int, now: dt.datetime | None = None) -> Started:
    """A new session for user_id; old ended sessions are cleared out on the way."""
    now = _now(now)
    code = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        stale = or_(
            UserSession.ended_at < now - KEEP_ENDED, UserSession.last_seen_at < now - KEEP_UNUSED
        )
        conn.execute(delete(UserSession).where(stale))
        session_id = conn.execute(
            insert(UserSession).values(
                user_id=user_id,
                handoff_hash=digest(code),
                handoff_until=now + HANDOFF,
                created_at=now,
                last_seen_at=now,
            )
        ).inserted_primary_key[0]
    return Started(int(session_id), code)


def hand_over(*, engine: Engine, code: str, now: dt.datetime | None = None) -> str | None:
    """The cookie's token for a sign-in's one-time code, or None when the code is unknown,
    used, expired or its session has ended. A code works once; the token is made here and
    only its hash is kept."""
    if not code:
        return None
    now = _now(now)
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        row = conn.execute(
            select(UserSession.id, UserSession.handoff_until).where(
                UserSession.handoff_hash == digest(code), UserSession.ended_at.is_(None)
            )
        ).first()
        if row is None or row.handoff_until is None or _utc(row.handoff_until) < now:
            return None
        done = conn.execute(
            update(UserSession)
            .where(UserSession.id == row.id, UserSession.handoff_hash == digest(code))
            .values(token_hash=digest(token), handoff_hash=None, handoff_until=None)
        )
        if done.rowcount != 1:  # another request used the code at the same moment
            return None
    return token


def resume(
    *,
    engine: Engine,
    idle_minutes: int,
    max_hours: int,
    token: str | None = None,
    session_id: int | None = None,
    now: dt.datetime | None = None,
) -> Resumed:
    """The session a cookie's token (or, for the browser connection that signed in, its id)
    refers to, if it is still valid: not ended, not idle for longer than idle_minutes, not
    older than max_hours, its user enabled. Valid: its last use is now. Idle or too old: it
    ends now (Resumed.ended says so)."""
    if not token and session_id is None:
        return Resumed()
    now = _now(now)
    where = UserSession.token_hash == digest(token) if token else UserSession.id == session_id
    with engine.begin() as conn:
        session = conn.execute(
            select(
                UserSession.id,
                UserSession.user_id,
                UserSession.created_at,
                UserSession.last_seen_at,
                User.disabled,
            )
            .join(User, User.id == UserSession.user_id)
            .where(where, UserSession.ended_at.is_(None))
        ).first()
        if session is None or session.disabled:
            return Resumed()
        reason = None
        if now - _utc(session.last_seen_at) > dt.timedelta(minutes=idle_minutes):
            reason = "idle"
        elif now - _utc(session.created_at) > dt.timedelta(hours=max_hours):
            reason = "too_old"
        if reason:
            _end(conn, UserSession.id == session.id, reason, now)
            return Resumed(ended=reason, ended_user_id=session.user_id)
        if now - _utc(session.last_seen_at) >= TOUCH_EVERY:
            conn.execute(
                update(UserSession).where(UserSession.id == session.id).values(last_seen_at=now)
            )
    return Resumed(session.id, session.user_id)


def is_valid(
    *, engine: Engine, token: str | None, idle_minutes: int, max_hours: int, now=None
) -> bool:
    """True when token belongs to a session that is valid now (for downloads and uploads)."""
    return (
        resume(
            engine=engine, token=token, idle_minutes=idle_minutes, max_hours=max_hours, now=now
        ).user_id
        is not None
    )


def _end(conn: Connection, where, reason: str, now: dt.datetime) -> None:
    conn.execute(
        update(UserSession)
        .where(where, UserSession.ended_at.is_(None))
        .values(ended_at=now, end_reason=reason, handoff_hash=None, handoff_until=None)
    )


def end_all(conn: Connection, *, user_id: int, reason: str, now=None) -> None:
    """End every session of a user (sign-out, password change, disabling), inside the caller's
    transaction."""
    _end(conn, UserSession.user_id == user_id, reason, _now(now))


def sign_out(*, engine: Engine, user_id: int, now=None) -> None:
    """Signing out ends every session of the user, in every browser."""
    with engine.begin() as conn:
        end_all(conn, user_id=user_id, reason="sign_out", now=now)


def end_by_token(*, engine: Engine, token: str | None, reason: str, now=None) -> None:
    if token:
        with engine.begin() as conn:
            _end(conn, UserSession.token_hash == digest(token), reason, _now(now))
