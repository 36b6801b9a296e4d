"""The cache layer between pages and data_model: one engine per database URL (cache_resource)
and small cached look-ups (cache_data), cleared after every import or removal.
"""

import logging
import os

import streamlit as st
from sqlalchemy.engine import Engine

from data_model import reference
from data_model.db import database_url, make_engine
from data_model.store import list_batches

log = logging.getLogger("tilannekuva")
TTL = 600  # seconds; another replica's import shows up at the latest after this


def demo_enabled() -> bool:
    """Demo data fills an empty database unless TILANNEKUVA_DEMO=0 (tests, real deployments)."""
    return os.environ.get("TILANNEKUVA_DEMO", "1") != "0"


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    engine = make_engine(url)
    if demo_enabled():
        from data_model.seed import seed_demo_if_empty

        seeded = seed_demo_if_empty(engine=engine)
        if seeded:
            log.info("Empty database filled with demo data")
    return engine


def engine() -> Engine:
    """The engine for DATABASE_URL (read on every call, so tests can point elsewhere)."""
    return _engine(database_url())


@st.cache_data(ttl=TTL, max_entries=20, show_spinner=False)
def _service_areas(url: str) -> list[tuple[int, str]]:
    return reference.service_areas(engine=_engine(url))


def service_areas() -> list[tuple[int, str]]:
    return _service_areas(database_url())


@st.cache_data(ttl=TTL, max_entries=20, show_spinner=False)
def _units(url: str) -> list[dict]:
    return reference.units(engine=_engine(url))


def units() -> list[dict]:
    return _units(database_url())


@st.cache_data(ttl=TTL, max_entries=20, show_spinner=False)
def _data_span(url: str):
    return reference.data_span(engine=_engine(url))


def data_span():
    return _data_span(database_url())


@st.cache_data(ttl=TTL, max_entries=20, show_spinner=False)
def _batches(url: str) -> list[dict]:
    return [b.model_dump() for b in list_batches(engine=_engine(url))]


def batches() -> list[dict]:
    return _batches(database_url())


def refresh() -> None:
    """After an import or a removal every cached figure may be stale."""
    st.cache_data.clear()


# Settings and indicator queries; every argument is part of the cache key.


@st.cache_data(ttl=TTL, max_entries=20, show_spinner=False)
def _settings(url: str) -> dict:
    from data_model.settings import DEFAULTS, get_setting

    return {key: get_setting(engine=_engine(url), key=key) for key in DEFAULTS}


def settings() -> dict:
    """period_kind, min_answers and target_margin as the Settings page left them."""
    return _settings(database_url())


@st.cache_data(ttl=TTL, max_entries=500, show_spinner=False)
def _series(url: str, **kwargs):
    from data_model.queries import indicator_series

    return indicator_series(engine=_engine(url), **kwargs)


def series(**kwargs):
    """data_model.queries.indicator_series, cached."""
    return _series(database_url(), **kwargs)


@st.cache_data(ttl=TTL, max_entries=200, show_spinner=False)
def _scorecard(url: str, **kwargs):
    from data_model.queries import scorecard

    return scorecard(engine=_engine(url), **kwargs)


def scorecard(**kwargs):
    return _scorecard(database_url(), **kwargs)


@st.cache_data(ttl=TTL, max_entries=200, show_spinner=False)
def _unit_table(url: str, **kwargs):
    from data_model.queries import unit_table

    return unit_table(engine=_engine(url), **kwargs)


def unit_table(**kwargs):
    return _unit_table(database_url(), **kwargs)


@st.cache_data(ttl=TTL, max_entries=200, show_spinner=False)
def _comments(url: str, **kwargs):
    from data_model.queries import comments

    return comments(engine=_engine(url), **kwargs)


def comments(**kwargs):
    return _comments(database_url(), **kwargs)


@st.cache_data(ttl=TTL, max_entries=20, show_spinner=False)
def _surveys(url: str) -> list[tuple[str, str]]:
    return reference.surveys_and_questions(engine=_engine(url))


def surveys_and_questions() -> list[tuple[str, str]]:
    return _surveys(database_url())
