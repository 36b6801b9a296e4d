"""Fixtures for the AppTest page tests: empty caches and no demo data or password per test, a
database engine on the test's own DATABASE_URL, and AppTest running pages the way the server
does (through app.py)."""

import os

import pytest
import streamlit as st
import streamlit.testing.v1.app_test as app_test
from streamlit.runtime.pages_manager import PagesManager

from data_model.db import make_engine


class _NavigationPagesManager(PagesManager):
    """AppTest (1.67) recomputes 'this app uses a pages/ directory' before every run, so
    switch_page() runs pages/x.py alone, without app.py's sidebar and sign-in gate. A server
    process drops that legacy mode for good on the first st.navigation call; do the same here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def _fresh_app(monkeypatch):
    """Cached engines and look-ups would otherwise leak from one AppTest into the next."""
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("TILANNEKUVA_DEMO", "0")
    monkeypatch.delenv("TILANNEKUVA_PASSWORD", raising=False)
    monkeypatch.setattr(app_test, "PagesManager", _NavigationPagesManager)
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app_engine():
    """An engine on the same SQLite file the app under test uses, for preparing and checking."""
    engine = make_engine(os.environ["DATABASE_URL"])
    yield engine
    engine.dispose()


@pytest.fixture
def municipality(app_engine):
    """tests/pages/dashboard.py's register, feedback, mentor reports and workforce, imported."""
    from tests.pages.dashboard import import_municipality

    return import_municipality(app_engine)
