"""The sign-in gate: a shared password from TILANNEKUVA_PASSWORD or secrets.toml ([auth]
password). Without one configured the dashboard is open, as for a local demo."""

import hmac

import streamlit as st

from core.settings import get_settings
from core.texts import t

SIGNED_IN_KEY = "signed_in_user"


def configured_password() -> str | None:
    return get_settings().shared_password()


def current_user() -> str:
    """Who is using the app, recorded on import batches."""
    return st.session_state.get(SIGNED_IN_KEY) or ""


def gate(lang: str) -> bool:
    """True when the user may see the app; otherwise draw the sign-in form and return False."""
    password = configured_password()
    if password is None or st.session_state.get(SIGNED_IN_KEY):
        return True
    with st.form("signin", border=True):
        st.subheader(t("signin.title", lang))
        name = st.text_input(t("signin.name", lang), key="signin_name")
        given = st.text_input(t("signin.password", lang), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin.submit", lang))
    if submitted:
        if hmac.compare_digest(given.encode(), password.encode()):
            st.session_state[SIGNED_IN_KEY] = name.strip() or "user"
            st.rerun()
        st.error(t("signin.wrong", lang))
    return False


def sign_out_button(lang: str) -> None:
    if configured_password() is None or not st.session_state.get(SIGNED_IN_KEY):
        return
    st.caption(t("sidebar.signed_in_as", lang, user=current_user()))
    if st.button(t("sidebar.sign_out", lang), key="sign_out"):
        del st.session_state[SIGNED_IN_KEY]
        st.rerun()
