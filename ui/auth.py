"""Signing in: users from the database with argon2-hashed passwords, or single
sign-on through st.login() when `[auth]` in .streamlit/secrets.toml configures an OpenID
Connect provider; wrong passwords slow down, idle sessions expire, and every sign-in, failed
one and sign-out goes to the audit trail. Without any user the app runs open for one local
user, and outside the demo only when TILANNEKUVA_ALLOW_OPEN=1 allows it."""

import time
from collections.abc import Callable

import streamlit as st
from sqlalchemy.engine import Engine

from core import formats as fmt
from core.config import get_settings
from core.texts import t
from data_model import audit, sign_in_limits, users
from ui import data, user
from ui.plain import escape_markdown as plain

LAST_SEEN_KEY = "_last_seen"
OIDC_KEYS = ("client_id", "server_metadata_url")
clock = time.time  # tests move time forward by replacing this


def current_user() -> str:
    """Who is using the app, recorded on import batches."""
    return user.name()


def client_address() -> str:
    """The client a failed sign-in is counted against: the connection's address (None on
    localhost, as Streamlit reports it)."""
    try:
        address = st.context.ip_address
    except Exception:  # outside a browser session
        address = None
    return address if isinstance(address, str) and address else "localhost"


def oidc_configured() -> bool:
    """True when secrets.toml's [auth] names an OpenID Connect provider for st.login()."""
    try:
        section = st.secrets.get("auth", {})
    except Exception:  # no secrets.toml, or one that does not parse
        return False
    return all(section.get(key) for key in OIDC_KEYS) if hasattr(section, "get") else False


def record(action: str, who: str | None = None, **details) -> None:
    """One audit event by the signed-in user (or who, for sign-in attempts)."""
    audit.record(
        engine=data.engine(), user=user.name() if who is None else who, action=action, **details
    )


def record_later(action: str, **details) -> Callable[[], None]:
    """record() for code that runs outside the page's script run, where there is no session:
    a download's data, which Streamlit builds on a thread of its own. Who and where are taken
    now."""
    engine, who = data.engine(), user.name()
    return lambda: audit.record(engine=engine, user=who, action=action, **details)


def _sign_in(engine: Engine, account: users.Account, via: str) -> None:
    allowed = users.allowed_unit_ids(engine=engine, account=account)
    st.session_state[user.SESSION_KEY] = user.SessionUser(account.name, account.role, allowed, via)
    st.session_state[LAST_SEEN_KEY] = clock()
    record("sign_in", who=account.name, via=via, client=client_address())


def _forget() -> None:
    """Drop everything the session held: filters, pages' choices, the user."""
    for key in list(st.session_state.keys()):
        if key != "lang":
            del st.session_state[key]


def _refresh(engine: Engine, lang: str) -> bool:
    """Re-read the signed-in user each run: a disabled or removed user is out at once, a
    changed scope applies at once, and an idle session expires."""
    signed = user.current()
    if signed is None or signed.via == "open":
        return False
    idle = get_settings().session_idle_minutes
    if clock() - st.session_state.get(LAST_SEEN_KEY, 0) > idle * 60:
        record("sign_out", reason="idle")
        _forget()
        st.session_state["_signin_notice"] = t("signin.expired", lang, minutes=idle)
        return False
    account = users.get_user(engine=engine, name=signed.name)
    if account is None or account.disabled:
        _forget()
        return False
    allowed = users.allowed_unit_ids(engine=engine, account=account)
    st.session_state[user.SESSION_KEY] = user.SessionUser(
        account.name, account.role, allowed, signed.via
    )
    st.session_state[LAST_SEEN_KEY] = clock()
    return True


def gate(lang: str) -> bool:
    """True when the user may see the app; otherwise draw the sign-in form (or why the app is
    closed) and return False."""
    engine = data.engine()
    settings = get_settings()
    if not users.has_users(engine=engine):
        if settings.demo or settings.allow_open:
            st.session_state[user.SESSION_KEY] = user.OPEN
            return True
        st.error(t("signin.closed", lang))
        return False
    if user.current() is not None and user.current().via == "open":
        _forget()  # users were added since: sign in like everyone else
    if _refresh(engine, lang):
        return True
    notice = st.session_state.pop("_signin_notice", None)
    if notice:
        st.info(notice)
    if oidc_configured() and _single_sign_on(engine, lang):
        return True
    _password_form(engine, lang)
    return False


def _single_sign_on(engine: Engine, lang: str) -> bool:
    """Map the identity provider's e-mail claim to a user row; offer st.login() otherwise."""
    if getattr(st.user, "is_logged_in", False):
        email = st.user.get("email")
        account = users.user_for_email(engine=engine, email=email)
        if account is not None:
            _sign_in(engine, account, "sso")
            return True
        record("sign_in_failed", who=str(email or ""), via="sso", client=client_address())
        st.error(t("signin.sso_unknown", lang, email=plain(email)))
        if st.button(t("sidebar.sign_out", lang), key="sso_sign_out"):
            st.logout()
        return False
    st.subheader(t("signin.title", lang))
    if st.button(t("signin.sso", lang), key="sso_sign_in", type="primary"):
        st.login()
    st.caption(t("signin.or_password", lang))
    return False


def wait_text(seconds: int, locked: bool, lang: str) -> str:
    if locked:
        return t("signin.locked", lang, minutes=fmt.integer(max(1, -(-seconds // 60)), lang))
    return t("signin.wait", lang, seconds=fmt.integer(seconds, lang))


def _password_form(engine: Engine, lang: str) -> None:
    with st.form("signin", border=True):
        st.subheader(t("signin.title", lang))
        name = st.text_input(t("signin.name", lang), key="signin_name")
        given = st.text_input(t("signin.password", lang), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin.submit", lang))
    if not submitted:
        return
    name, client = name.strip(), client_address()
    seconds, locked = sign_in_limits.retry_after(engine=engine, name=name, client=client)
    if seconds:
        st.error(wait_text(seconds, locked, lang))
        return
    account = users.check_password(engine=engine, name=name, password=given)
    if account is None:
        sign_in_limits.record_failure(engine=engine, name=name, client=client)
        record("sign_in_failed", who=name, via="password", client=client)
        st.error(t("signin.wrong", lang))
        seconds, locked = sign_in_limits.retry_after(engine=engine, name=name, client=client)
        if seconds:
            st.warning(wait_text(seconds, locked, lang))
        return
    sign_in_limits.clear_failures(engine=engine, name=name)
    _sign_in(engine, account, "password")
    st.rerun()  # the same URL again: the page the link pointed at opens


def sign_out_button(lang: str) -> None:
    """In the sidebar: who is signed in and the sign-out button, or that the app is open."""
    signed = user.current()
    if signed is None:
        return
    if signed.via == "open":
        st.caption(t("sidebar.open_mode", lang))
        return
    st.caption(t("sidebar.signed_in_as", lang, user=plain(signed.name)))
    st.caption(t("sidebar.role", lang, role=t(f"role.{signed.role}", lang)))
    if signed.allowed_unit_ids is not None:
        st.caption(t("sidebar.scope_limited", lang, n=len(signed.allowed_unit_ids)))
    st.button(t("sidebar.sign_out", lang), key="sign_out", on_click=_sign_out)


def _sign_out() -> None:
    """The sign-out button's callback: run before the script, so the filters' and pages'
    widget values the browser sent with the click are dropped too."""
    signed = user.current()
    record("sign_out", reason="button")
    _forget()
    for key in [k for k in st.query_params if k != "lang"]:  # the next user starts afresh
        del st.query_params[key]
    if signed is not None and signed.via == "sso":
        st.logout()


def require(lang: str, *roles: str) -> None:
    """At the top of a page: stop with a refusal unless the user has one of the roles."""
    if user.role() not in roles:
        st.error(t("access.refused", lang))
        st.stop()


def can_change() -> bool:
    """Imports, removals, targets, settings and users are for admins only."""
    return user.is_admin()
