"""Who is signed in to this browser session, and what they may see and do. ui/auth puts the
user here on every run, from the session cookie or the connection that signed in (never from
session state alone); ui/data, ui/state and pages read it (no Streamlit elements here)."""

import dataclasses

import streamlit as st

from core.scope import Scope

SESSION_KEY = "signed_in"


@dataclasses.dataclass(frozen=True)
class SessionUser:
    """name: as stored ("" when the app runs open); role: admin | manager | viewer;
    allowed_unit_ids: what the user may see (None: everything); via: password | sso | open;
    user_id: the user's row (None when open)."""

    name: str
    role: str
    allowed_unit_ids: tuple[int, ...] | None = None
    via: str = "password"
    user_id: int | None = None


OPEN = SessionUser("", "admin", None, "open")  # no users configured: one local user


def current() -> SessionUser | None:
    found = st.session_state.get(SESSION_KEY)
    return found if isinstance(found, SessionUser) else None


def name() -> str:
    """Who is using the app, recorded on import batches and in the audit trail."""
    found = current()
    return found.name if found else ""


def role() -> str | None:
    found = current()
    return found.role if found else None


def is_admin() -> bool:
    return role() == "admin"


def allowed_unit_ids() -> tuple[int, ...] | None:
    """The units the signed-in user may see: None for everything; nothing before sign-in."""
    found = current()
    return () if found is None else found.allowed_unit_ids


def restrict(scope: Scope) -> Scope:
    """The scope narrowed to what the user may see, whatever the page asked for."""
    allowed = allowed_unit_ids()
    if allowed is None:
        return scope
    if scope.allowed_unit_ids is not None:
        allowed = tuple(set(allowed) & set(scope.allowed_unit_ids))
    return dataclasses.replace(scope, allowed_unit_ids=allowed)
