"""Signing in: users from the database with argon2-hashed passwords, or single sign-on through
st.login() when `[auth]` in .streamlit/secrets.toml configures an OpenID Connect provider.

Who is signed in is worked out again on every run, never taken from session state alone: from
the session cookie this browser connection brought (ui.web sets it, data_model.sessions keeps
the session), or, for the connection on which the password was just typed, from the session it
started, bound to that connection's own websocket key. So Streamlit's session id, which travels
in upload URLs and the server log, grants nothing: another browser presenting it connects with
another key and no cookie, and gets the sign-in form. A reload or a new tab brings the cookie
and opens the same page with its filters. Sign-out, the idle limit, a password change and the
user's disabling end the sessions in the database, so every tab and browser is out at its next
click.

Wrong passwords slow down per name (data_model.sign_in_limits); a name that matches no user is
never written to the audit trail as typed. Without any user the app runs open for one local
user, and outside the demo only when TILANNEKUVA_ALLOW_OPEN=1 allows it."""

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st
from sqlalchemy.engine import Engine

from core import formats as fmt
from core import forwarding
from core.config import get_settings
from core.texts import t
from data_model import audit, sessions, sign_in_limits, users
from ui import data, sidebar, state, user, web
from ui.plain import escape_markdown as plain

GRANT_KEY = "_signed_in_here"
CODE_KEY = "_cookie_code"
FORGET_KEY = "_cookie_forget"
NOTICE_KEY = "_signin_notice"
SSO_SEEN_KEY = "_sso_last_seen"
OIDC_KEYS = ("client_id", "server_metadata_url")
PRODUCT = "Tilannekuva"
SIGN_IN_WIDTH = 560  # pixels; narrower screens get their whole width
clock = time.time  # tests move time forward by replacing this
# Streamlit's own "Press Enter to submit form" under a field is English only: hidden on the
# sign-in form (Enter still signs in).
HIDE_ENTER_HINT = (
    "<style>[data-testid='stForm'] [data-testid='InputInstructions']{display:none}</style>"
)


@dataclass(frozen=True)
class Grant:
    """The session a password started on this browser connection, and that connection's
    websocket key: valid only on that connection, until the browser has its cookie."""

    session_id: int
    connection: str | None


def current_user() -> str:
    """Who is using the app, recorded on import batches."""
    return user.name()


def _now() -> dt.datetime:
    return dt.datetime.fromtimestamp(clock(), dt.UTC)


def _text(value) -> str | None:
    """A header's or cookie's value, or None (outside a browser there is none, or a stand-in)."""
    return value if isinstance(value, str) and value else None


def _header(name: str) -> str | None:
    try:
        return _text(st.context.headers.get(name))
    except Exception:  # outside a browser session
        return None


def _connection() -> str | None:
    """This browser connection's own key (random per websocket handshake, never in a URL) and
    the address it came from."""
    key = _header("Sec-WebSocket-Key")
    try:
        address = _text(st.context.ip_address)
    except Exception:  # outside a browser session
        address = None
    return f"{key} {address}" if key else None


def _cookie() -> str | None:
    try:
        return _text(st.context.cookies.get(web.COOKIE))
    except Exception:  # outside a browser session
        return None


def client_address() -> str:
    """The client a sign-in is audited under: the connection's address, or behind a proxy that
    TILANNEKUVA_TRUSTED_PROXIES lists, the address it forwarded (core.forwarding)."""
    try:
        reported = _text(st.context.ip_address)
        given = st.context.headers.get_all("X-Forwarded-For")
        forwarded = forwarding.forwarded_hosts([v for v in given if _text(v)])
    except Exception:  # outside a browser session
        reported, forwarded = None, []
    return forwarding.client_address(reported, forwarded, get_settings().proxy_networks())


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


def _where() -> dict:
    """How this connection names its session: the one its own sign-in started, else the
    cookie's."""
    grant = st.session_state.get(GRANT_KEY)
    if isinstance(grant, Grant) and grant.connection == _connection():
        return {"session_id": grant.session_id}
    return {"token": _cookie()}


def still_signed_in() -> Callable[[], bool]:
    """For a download built off the script run: whether the user who asked for it is still
    signed in when it is built (a sign-out in between refuses the file)."""
    engine, signed = data.engine(), user.current()
    if signed is None or signed.via != "password" or signed.user_id is None:
        return lambda: signed is not None
    where, settings = _where(), get_settings()

    def check() -> bool:
        found = sessions.resume(
            engine=engine,
            idle_minutes=settings.session_idle_minutes,
            max_hours=settings.session_max_hours,
            **where,
        )
        return found.user_id == signed.user_id

    return check


def _forget() -> None:
    """Drop everything the session held: filters, pages' choices, the user."""
    for key in list(st.session_state.keys()):
        if key not in (state.LANG_KEY, NOTICE_KEY, FORGET_KEY):
            del st.session_state[key]


def _resume(engine: Engine, lang: str, **where) -> users.Account | None:
    settings = get_settings()
    found = sessions.resume(
        engine=engine,
        idle_minutes=settings.session_idle_minutes,
        max_hours=settings.session_max_hours,
        now=_now(),
        **where,
    )
    if found.ended:
        gone = users.get_user_by_id(engine=engine, user_id=found.ended_user_id)
        record("sign_out", who=gone.name if gone else "", reason=found.ended)
        minutes = settings.session_idle_minutes
        key = "signin.expired" if found.ended == "idle" else "signin.too_old"
        st.session_state[NOTICE_KEY] = t(
            key, lang, minutes=minutes, hours=settings.session_max_hours
        )
    if found.user_id is None:
        return None
    account = users.get_user_by_id(engine=engine, user_id=found.user_id)
    return None if account is None or account.disabled else account


def _password_user(engine: Engine, lang: str) -> users.Account | None:
    """The user this connection's own sign-in or its browser's cookie names, if still valid."""
    where = _where()
    if "session_id" in where:
        account = _resume(engine, lang, **where)
        if account is not None:
            return account
        st.session_state.pop(GRANT_KEY, None)
        where = {"token": _cookie()}
    return _resume(engine, lang, **where) if where["token"] else None


def _sso_user(engine: Engine, lang: str) -> users.Account | None:
    """The enabled user the identity provider's e-mail claim names (Streamlit's own signed
    cookie carries the claim); idle single sign-on sessions sign out of the provider too."""
    if not (oidc_configured() and getattr(st.user, "is_logged_in", False)):
        return None
    account = users.user_for_email(engine=engine, email=st.user.get("email"))
    if account is None:
        return None
    idle = get_settings().session_idle_minutes
    last = st.session_state.get(SSO_SEEN_KEY)
    if last is not None and clock() - last > idle * 60:
        record("sign_out", who=account.name, reason="idle")
        _forget()
        st.session_state[NOTICE_KEY] = t("signin.expired", lang, minutes=idle)
        st.logout()
        return None
    if last is None:
        record("sign_in", who=account.name, via="sso", client=client_address())
    st.session_state[SSO_SEEN_KEY] = clock()
    return account


def gate(lang: str) -> bool:
    """True when the user may see the app; otherwise draw the sign-in screen (or why the app
    is closed) and return False."""
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
    via = "password"
    account = _password_user(engine, lang)
    if account is None:
        account, via = _sso_user(engine, lang), "sso"
    if account is None:
        if user.current() is not None:
            _forget()
        _sign_in_screen(engine, lang)
        return False
    allowed = users.allowed_unit_ids(engine=engine, account=account)
    st.session_state[user.SESSION_KEY] = user.SessionUser(
        account.name, account.role, allowed, via, account.id
    )
    return True


def _script(body: str) -> None:
    st.html(f"<script>{body}</script>", unsafe_allow_javascript=True, width=1)


def _hand_over_cookie() -> None:
    """Right after a sign-in: the page trades the one-time code for its session cookie."""
    code = st.session_state.pop(CODE_KEY, None)
    if code:
        path = json.dumps(web.url_path(web.START))
        _script(
            f"fetch({path}, {{method: 'POST', credentials: 'same-origin', "
            f"body: {json.dumps(code)}}});"
        )


def _forget_cookie() -> None:
    """Right after sign-out: the browser drops its cookie too."""
    if st.session_state.pop(FORGET_KEY, False):
        path = json.dumps(web.url_path(web.END))
        _script(f"fetch({path}, {{method: 'POST', credentials: 'same-origin'}});")


def _sign_in_screen(engine: Engine, lang: str) -> None:
    """The product's name, a language switch, why the user is here again (if they were
    signed out), single sign-on where configured, and the password form: one column in the
    middle of the page (the whole width of a phone)."""
    st.html(HIDE_ENTER_HINT)
    with st.container(horizontal_alignment="center"), st.container(width=SIGN_IN_WIDTH):
        with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
            with st.container(width="content", gap=None):
                st.title(PRODUCT, anchor=False)
                st.caption(t("app.tagline", lang))
            st.space("stretch")
            with st.container(width="content"):
                lang = sidebar.language_switch()
        if st.query_params.get("lang") != lang:
            st.query_params["lang"] = lang  # a link copied from here opens in the same language
        notice = st.session_state.pop(NOTICE_KEY, None)
        if notice:
            st.info(notice)
        if oidc_configured():
            _single_sign_on(engine, lang)
        _password_form(engine, lang)
    _forget_cookie()


def _single_sign_on(engine: Engine, lang: str) -> None:
    """An e-mail that belongs to no user is refused; otherwise offer st.login()."""
    if getattr(st.user, "is_logged_in", False):
        email = st.user.get("email")
        record("sign_in_failed", who="", via="sso", client=client_address(), known=False)
        st.error(t("signin.sso_unknown", lang, email=plain(email)))
        if st.button(t("sidebar.sign_out", lang), key="sso_sign_out"):
            st.logout()
        return
    if st.button(t("signin.sso", lang), key="sso_sign_in", type="primary"):
        st.login()
    st.caption(t("signin.or_password", lang))


def wait_text(seconds: int, locked: bool, lang: str) -> str:
    if locked:
        return t("signin.locked", lang, minutes=fmt.integer(max(1, -(-seconds // 60)), lang))
    return t("signin.wait", lang, seconds=fmt.integer(seconds, lang))


def _password_form(engine: Engine, lang: str) -> None:
    with st.form("signin", border=True):
        st.subheader(t("signin.title", lang), anchor=False)
        name = st.text_input(t("signin.name", lang), key="signin_name")
        given = st.text_input(t("signin.password", lang), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin.submit", lang), type="primary")
    if not submitted:
        return
    name, client = name.strip(), client_address()
    seconds, locked = sign_in_limits.retry_after(engine=engine, name=name, now=_now())
    if seconds:
        st.error(wait_text(seconds, locked, lang))
        return
    account = users.check_password(engine=engine, name=name, password=given)
    if account is None:
        sign_in_limits.record_failure(engine=engine, name=name, client=client, now=_now())
        _record_failure(engine, name, client)
        st.error(t("signin.wrong", lang))
        seconds, locked = sign_in_limits.retry_after(engine=engine, name=name, now=_now())
        if seconds:
            st.warning(wait_text(seconds, locked, lang))
        return
    sign_in_limits.clear_failures(engine=engine, name=name)
    started = sessions.start(engine=engine, user_id=account.id, now=_now())
    st.session_state[GRANT_KEY] = Grant(started.session_id, _connection())
    st.session_state[CODE_KEY] = started.code
    record("sign_in", who=account.name, via="password", client=client)
    st.rerun()  # the same URL again: the page the link pointed at opens


def _record_failure(engine: Engine, name: str, client: str) -> None:
    """A failed sign-in in the audit trail: under the user's stored name when the name is a
    user's, else under no name at all (what was typed may be a password)."""
    known = users.get_user(engine=engine, name=name) if name else None
    if known is not None:
        record("sign_in_failed", who=known.name, via="password", client=client, known=True)
    else:
        record("sign_in_failed", who="", via="password", client=client, known=False)


def sign_out_button(lang: str) -> None:
    """In the sidebar: who is signed in and the sign-out button, or that the app is open; and,
    right after a sign-in, the page fetching its session cookie."""
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
    _hand_over_cookie()


def _sign_out() -> None:
    """The sign-out button's callback: run before the script, so the filters' and pages'
    widget values the browser sent with the click are dropped too. Every session of the user
    ends, in every tab and browser."""
    signed = user.current()
    record("sign_out", reason="button")
    if signed is not None and signed.user_id is not None:
        sessions.sign_out(engine=data.engine(), user_id=signed.user_id, now=_now())
    _forget()
    st.session_state[FORGET_KEY] = True
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
