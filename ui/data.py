"""The cache layer between pages and data_model: one engine per database URL (cache_resource)
and one cached function per query (cache_data), each with the query's own typed parameters,
narrowed to the signed-in user's units and kept by the database's data version, which every
import, removal and change of targets, settings, indicators or users bumps in its own
transaction (data_model.data_version). app.py reads the version once at the start of every
interaction, so a change made by another app process, the command line or the folder watcher
shows at the next click; nothing waits out a time-to-live. derived() keeps a pure function's
result computed from the cached figures.

Every query here is `query(data_model_function)`: the function's signature, less its engine,
is the page's, so go-to-definition and a type checker reach the query itself.
"""

import functools
import hashlib
import inspect
import logging
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

import streamlit as st
from sqlalchemy.engine import Engine

from core import indicators as catalog
from core.config import get_settings
from core.reading import Reading
from core.rules import Thresholds
from core.scope import Scope
from data_model import (
    app_settings,
    data_version,
    own_indicators,
    queries,
    reference,
    targets,
    users,
)
from data_model.db import open_database
from data_model.queries import change_sums as changes
from data_model.queries import mentoring, unit_months
from data_model.queries import report as report_queries
from data_model.store import list_batches
from ui import user

log = logging.getLogger("tilannekuva")
VERSION_KEY = "_data_version"  # session state: the data version read at the start of this run
P = ParamSpec("P")
R = TypeVar("R")


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    engine = open_database(url)  # upgraded to the newest schema, one process at a time
    # While this engine is being made (first admin, demo), the catalog reads the own indicators
    # straight from the database: the cached queries need this engine, and asking for it
    # from inside its own making would wait for itself.
    catalog.use_own(lambda: own_indicators.catalog_entries(engine=engine))
    settings = get_settings()
    if users.ensure_first_admin(
        engine=engine, name=settings.admin_name, password=settings.shared_password()
    ):
        log.info("First admin %r created from TILANNEKUVA_PASSWORD", settings.admin_name)
    if get_settings().demo:
        from demo.seed import seed_demo_if_empty

        seeded = seed_demo_if_empty(engine=engine)
        if seeded:
            log.info("Empty database filled with demo data")
    catalog.use_own(own_catalog)  # from now on cached like any query
    return engine


def database_url() -> str:
    """DATABASE_URL as the settings give it now (read on every call, so tests can point
    elsewhere)."""
    return get_settings().url()


def engine() -> Engine:
    """The engine for DATABASE_URL."""
    return _engine(database_url())


def function_key(function) -> tuple[str, str, str]:
    """What a cache keeps a function's results by, in place of the function: its module, name
    and a digest of its code, so nothing computed before an edit is served (while developing).
    Pass the function itself as a parameter whose name starts with _ (st.cache_data does not
    hash those)."""
    code = function.__code__
    digest = hashlib.sha256(code.co_code + repr(code.co_consts).encode()).hexdigest()
    return function.__module__, function.__qualname__, digest


def start_run() -> int:
    """Read the data version for this interaction (app.py, at the start of every run; and
    again after this session changed the data itself)."""
    version = data_version.current(engine=engine())
    st.session_state[VERSION_KEY] = version
    return version


def _version() -> int:
    found = st.session_state.get(VERSION_KEY)
    return start_run() if found is None else found


def _cache_key(function) -> tuple:
    """What a cached figure is kept by besides its arguments, made here and nowhere else: the
    database, its data version as this interaction read it, and the query."""
    return (database_url(), _version(), *function_key(function))


@st.cache_data(max_entries=1000, show_spinner=False)
def _cached(key: tuple, arguments: dict, _query: Callable):
    """One cache for every query: keyed by _cache_key() and every argument."""
    return _query(_engine(key[0]), **arguments)


def _narrowed(value):
    """A Scope narrowed to the units the signed-in user may see; anything else as it is."""
    return user.restrict(value) if isinstance(value, Scope) else value


def query(function: Callable[Concatenate[Engine, P], R]) -> Callable[P, R]:
    """function (a data_model query taking the engine first) cached by the database and its
    arguments. Every Scope argument, given or left at its default, is narrowed to the signed-in
    user's units first: the one place that guarantee is kept, so no page, link or filter can
    show more."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def cached(*args: P.args, **kwargs: P.kwargs) -> R:
        bound = signature.bind(None, *args, **kwargs)  # None: the engine, given in _cached
        bound.apply_defaults()
        engine_name, *_ = signature.parameters
        arguments = {k: _narrowed(v) for k, v in bound.arguments.items() if k != engine_name}
        return _cached(_cache_key(function), arguments, function)

    cached.query = function  # type: ignore[attr-defined]  (for the tests that walk every query)
    return cached


@st.cache_data(max_entries=500, show_spinner=False)
def _derived(key: tuple, args: tuple, kwargs: dict, _build):
    return _build(*args, **kwargs)


def derived(build, *args, **kwargs):
    """build(*args, **kwargs), kept by the function (function_key) and its arguments: what a
    page works out from cached figures (the feeling meter's rules, its strip and heatmap rows)
    is worked out once, not on every rerun. build must be a pure function of its arguments;
    at most 500 results, cleared with the figures."""
    return _derived(function_key(build), args, kwargs, build)


def _batches(engine: Engine) -> list[dict]:
    return [b.model_dump() for b in list_batches(engine=engine)]


# --- The queries ---------------------------------------------------------------------------------

service_areas = query(reference.service_areas)
units = query(reference.units)
data_span = query(reference.data_span)
surveys_and_questions = query(reference.surveys_and_questions)
mentor_notes = query(reference.mentor_notes)
batches = query(_batches)
settings = query(app_settings.all_settings)
series = query(queries.indicator_series)
scorecard = query(queries.scorecard)
unit_table = query(queries.unit_table)
comments = query(queries.comments)
target_for = query(targets.target_for)
report_sums = query(mentoring.report_sums)
report_stream = query(mentoring.report_stream)
change_sums = query(changes.sums)
effect_months = query(unit_months.unit_months)
effect_units = query(unit_months.units_in_scope)
own_definitions = query(own_indicators.definitions)
own_value_counts = query(own_indicators.value_counts)


def own_catalog() -> tuple:
    """The own indicators' catalog entries of the database in use (core.indicators.use_own):
    cached as every query is, so pages read them at no cost and see a change at once."""
    return tuple(d.indicator() for d in own_definitions())


report_figures = query(report_queries.report_figures)


def reading() -> Reading:
    """How figures are read (period kind, privacy threshold, yellow band, rolling 12 months),
    as the Settings page left it."""
    return app_settings.reading(settings())


def thresholds() -> Thresholds:
    """The feeling meter's attention thresholds, as the Settings page left them."""
    return app_settings.thresholds(settings())


def refresh() -> None:
    """After this session changed the data (an import, a removal, a saved setting): the rest
    of this run reads the figures by the new data version."""
    start_run()
