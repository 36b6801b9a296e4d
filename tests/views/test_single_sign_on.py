"""Single sign-on: with an OpenID Connect provider in secrets.toml's [auth], the
sign-in offers the organisation's account (st.login), and the e-mail claim st.user carries
after the provider's redirect maps to a user row: its role and scope, or a refusal."""

import pytest
import streamlit as st

from core.texts import t
from data_model import audit, users
from tests.views import dashboard as d
from tests.views import helpers as h
from ui.plain import shown_text

OIDC = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "testi",
    "client_id": "tilannekuva",
    "client_secret": "salainen",
    "server_metadata_url": "https://login.example.fi/.well-known/openid-configuration",
}


class Claims(dict):
    """What st.user holds after the provider's redirect (a stub of the provider's answer)."""

    is_logged_in = True


def app_with_oidc():
    at = h.new_app()
    at.secrets["auth"] = OIDC
    return at


@pytest.fixture
def manager(app_engine, municipality):
    users.add_user(
        engine=app_engine,
        name="Maija Mäki",
        role="manager",
        email="maija.maki@kunta.fi",
        areas=d.ELDERLY,
    )
    users.add_user(engine=app_engine, name="admin", role="admin", password="pitkä salasana")
    return municipality


def test_the_organisation_account_is_offered_beside_the_password(manager):
    at = app_with_oidc().run()

    assert at.button(key="sso_sign_in").label == t("signin.sso", "fi")
    assert at.text_input(key="signin_password")  # local users can still sign in
    assert [title.value for title in at.title] == ["Tilannekuva"]  # no page


def test_the_e_mail_claim_signs_in_its_user_with_role_and_scope(manager, monkeypatch, app_engine):
    monkeypatch.setattr(st, "user", Claims(email="Maija.Maki@kunta.fi", name="Maija"))
    at = app_with_oidc().run()

    assert at.title[0].value == "Yleiskuva"
    assert "Kirjautunut: Maija Mäki" in [c.value for c in at.sidebar.caption]
    assert at.multiselect(key="filter_units").options == [d.KOIVU]
    event = audit.events(engine=app_engine, actions=["sign_in"])[0]
    assert (event["user"], event["details"]["via"]) == ("Maija Mäki", "sso")


def test_an_e_mail_without_a_user_row_is_refused(manager, monkeypatch, app_engine):
    monkeypatch.setattr(st, "user", Claims(email="vieras@example.com"))
    at = app_with_oidc().run()

    assert [shown_text(e.value) for e in at.error] == [  # the address is escaped Markdown
        t("signin.sso_unknown", "fi", email="vieras@example.com")
    ]
    assert [title.value for title in at.title] == ["Tilannekuva"]  # no page
    assert audit.events(engine=app_engine)[0]["action"] == "sign_in_failed"
