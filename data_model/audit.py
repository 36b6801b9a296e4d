"""The audit trail: who signed in (or failed to), imported, removed, changed targets, settings,
users or own indicators, or exported, and when (UTC). Written by the ui and the CLI, read by
admins. A file's name is kept with its personal data masked, as the import history keeps it."""

import datetime as dt
import json

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from core import personal_text
from data_model.models import AuditEvent

ACTIONS = (
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "import",
    "remove",
    "targets",
    "settings",
    "user_add",
    "user_change",
    "user_password",
    "user_disable",
    "export",
    "indicator",
)


def record(*, engine: Engine, user: str, action: str, **details) -> None:
    """Write one event; details are stored as a JSON object (dates as ISO text)."""
    if isinstance(details.get("file"), str):
        details["file"] = personal_text.file_name(details["file"])
    text = json.dumps(details, ensure_ascii=False, default=str, sort_keys=True)
    with engine.begin() as conn:
        conn.execute(
            insert(AuditEvent).values(
                at=dt.datetime.now(dt.UTC), user_name=user or "", action=action, details=text
            )
        )


def events(
    *,
    engine: Engine,
    start: dt.date | None = None,
    end: dt.date | None = None,
    user: str | None = None,
    actions: list[str] | None = None,
    limit: int = 5000,
) -> list[dict]:
    """Events newest first, optionally of one day range (UTC days), user and some actions;
    details come back as a dict."""
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    if start is not None:
        query = query.where(AuditEvent.at >= dt.datetime.combine(start, dt.time(), dt.UTC))
    if end is not None:
        day_after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
        query = query.where(AuditEvent.at < day_after)
    if user:
        query = query.where(AuditEvent.user_name == user)
    if actions:
        query = query.where(AuditEvent.action.in_(actions))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        {"at": _utc(r.at), "user": r.user_name, "action": r.action, "details": _details(r.details)}
        for r in rows
    ]


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _details(text: str) -> dict:
    try:
        found = json.loads(text or "{}")
    except ValueError:
        return {"text": text}
    return found if isinstance(found, dict) else {"value": found}
