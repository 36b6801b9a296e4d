"""Fixtures for the AppTest page tests: empty caches and no demo data or password per test, and
a database engine on the test's own DATABASE_URL. Pages run through app.py's st.navigation, as
on the server (views/ is not a `pages/` folder, so Streamlit has no legacy mode to fall into)."""

import os
import threading
from dataclasses import dataclass

import pytest
import streamlit as st
from streamlit.elements.widgets import button

from data_model.db import open_database


@pytest.fixture(autouse=True)
def _fresh_app(monkeypatch, fresh_sqlite):
    """Cached engines and look-ups would otherwise leak from one AppTest into the next. The
    app's database starts empty at the newest schema, as the app's first run would leave it."""
    fresh_sqlite(os.environ["DATABASE_URL"])
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("TILANNEKUVA_DEMO", "0")
    monkeypatch.setenv("TILANNEKUVA_ALLOW_OPEN", "1")  # no users: open, as a local install
    monkeypatch.delenv("TILANNEKUVA_PASSWORD", raising=False)
    # The pages are read on the day tests/views/dashboard.py's data run to (a test reading
    # them on another day sets its own): whether a month is running depends on today.
    monkeypatch.setenv("TILANNEKUVA_TODAY", "2024-03-20")
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
def municipality(app_engine, filled_once):
    """tests/views/dashboard.py's register, feedback, mentor reports and workforce, imported
    once per test process and copied into each test's database (the same ids every time)."""
    from tests.views.dashboard import import_municipality

    return filled_once(app_engine, "municipality", import_municipality)


@dataclass(frozen=True)
class Handed:
    """A file a page handed to a download button."""

    file_name: str | None
    mimetype: str
    data: object  # the bytes, or the builder Streamlit calls when the button is pressed


class Downloads(list):
    """The files the pages handed to download buttons, in the order they were drawn."""

    def file(self, file_name: str) -> Handed:
        """The last file handed under that name."""
        named = [handed for handed in self if handed.file_name == file_name]
        assert named, f"no download {file_name!r} among {[h.file_name for h in self]}"
        return named[-1]

    def names(self) -> set[str]:
        return {handed.file_name for handed in self if handed.file_name}

    def press(self, file_name: str) -> bytes:
        """The file as Streamlit makes it when its button is pressed: the builder called off
        the script run, on a thread of its own with no session (AppTest presses no download)."""
        data = self.file(file_name).data
        if not callable(data):
            return data
        result: list = []

        def build():
            try:
                result.append(data())
            except BaseException as exc:  # noqa: BLE001 - raised again on the test's thread
                result.append(exc)

        worker = threading.Thread(target=build)
        worker.start()
        worker.join()
        if isinstance(result[0], BaseException):
            raise result[0]
        return result[0]


@pytest.fixture
def downloads(monkeypatch) -> Downloads:
    """What the pages hand the browser as download files (see Downloads)."""
    handed = Downloads()
    real = button.marshall_file

    def spy(coordinates, data, proto, mimetype, file_name=None, **kwargs):
        handed.append(Handed(file_name, mimetype, data))
        return real(coordinates, data, proto, mimetype, file_name, **kwargs)

    monkeypatch.setattr(button, "marshall_file", spy)
    return handed
