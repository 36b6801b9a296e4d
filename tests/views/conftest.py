"""Fixtures for the AppTest page tests: empty caches and no demo data or password per test, and
a database engine on the test's own DATABASE_URL. Pages run through app.py's st.navigation, as
on the server (views/ is not a `pages/` folder, so Streamlit has no legacy mode to fall into)."""

import os

import pytest
import streamlit as st

from data_model.db import open_database


@pytest.fixture(autouse=True)
def _fresh_app(monkeypatch):
    """Cached engines and look-ups would otherwise leak from one AppTest into the next."""
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("TILANNEKUVA_DEMO", "0")
    monkeypatch.setenv("TILANNEKUVA_ALLOW_OPEN", "1")  # no users: open, as a local install
    monkeypatch.delenv("TILANNEKUVA_PASSWORD", raising=False)
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app_engine():
    """An engine on the same SQLite file the app under test uses, for preparing and checking."""
    engine = open_database(os.environ["DATABASE_URL"])
    yield engine
    engine.dispose()


@pytest.fixture
def municipality(app_engine):
    """tests/views/dashboard.py's register, feedback, mentor reports and workforce, imported."""
    from tests.views.dashboard import import_municipality

    return import_municipality(app_engine)
