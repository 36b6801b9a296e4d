"""The cache layer between pages and data_model: one engine per database URL (cache_resource)
and small cached look-ups (cache_data), cleared after every import or removal.
"""

import hashlib
import logging
from dataclasses import dataclass

import streamlit as st
from sqlalchemy.engine import Engine

from core.scope import EVERYTHING
from core.settings import get_settings
from data_model import reference, users
from data_model.db import open_database
from data_model.store import list_batches
from ui import user

log = logging.getLogger("tilannekuva")
SCOPED = (
    "series",
    "scorecard",
    "unit_table",
    "comments",
    "mentor_notes",
    "effect_months",
    "effect_units",
)
TTL = 600  # seconds; another replica's import shows up at the latest after this


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    engine = open_database(url)  # upgraded to the newest schema, one process at a time
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
    return engine


def database_url() -> str:
    """DATABASE_URL as the settings give it now (read on every call, so tests can point
    elsewhere)."""
    return get_settings().url()


def engine() -> Engine:
    """The engine for DATABASE_URL."""
    return _engine(database_url())


def _settings(*, engine: Engine) -> dict:
    from data_model.settings import DEFAULTS, get_setting

    return {key: get_setting(engine=engine, key=key) for key in DEFAULTS}


def _batches(*, engine: Engine) -> list[dict]:
    return [b.model_dump() for b in list_batches(engine=engine)]


def _queries() -> dict:
    from data_model import queries, targets
    from data_model.queries import coaching, effect, mentoring

    return {
        "service_areas": reference.service_areas,
        "units": reference.units,
        "data_span": reference.data_span,
        "surveys_and_questions": reference.surveys_and_questions,
        "mentor_notes": reference.mentor_notes,
        "batches": _batches,
        "settings": _settings,
        "series": queries.indicator_series,
        "scorecard": queries.scorecard,
        "unit_table": queries.unit_table,
        "comments": queries.comments,
        "target_for": targets.target_for,
        "report_sums": mentoring.report_sums,
        "report_stream": mentoring.report_stream,
        "coaching_sums": coaching.sums,
        "effect_months": effect.unit_months,
        "effect_units": effect.units_in_scope,
    }


@st.cache_data(ttl=TTL, max_entries=1000, show_spinner=False)
def _cached(url: str, name: str, **kwargs):
    """One cache for every look-up: keyed by database, query name and every argument."""
    return _queries()[name](engine=_engine(url), **kwargs)


def _run(name: str, **kwargs):
    """Every scoped query goes through here, narrowed to the signed-in user's units, so no
    page, URL parameter or filter can show more (issue 11)."""
    if name in SCOPED:
        kwargs["scope"] = user.restrict(kwargs.get("scope", EVERYTHING))
    return _cached(database_url(), name, **kwargs)


def function_key(function) -> tuple[str, str, str]:
    """What a cache keeps a function's results by, in place of the function: its module, name
    and a digest of its code, so nothing computed before an edit is served (while developing).
    Pass the function itself as a parameter whose name starts with _ (st.cache_data does not
    hash those)."""
    code = function.__code__
    digest = hashlib.sha256(code.co_code + repr(code.co_consts).encode()).hexdigest()
    return function.__module__, function.__qualname__, digest


@st.cache_data(ttl=TTL, max_entries=500, show_spinner=False)
def _derived(key: tuple, args: tuple, kwargs: dict, _build):
    return _build(*args, **kwargs)


def derived(build, *args, **kwargs):
    """build(*args, **kwargs), kept by the function (function_key) and its arguments: what a
    page works out from cached figures (the feeling meter's rules, its strip and heatmap rows)
    is worked out once, not on every rerun. build must be a pure function of its arguments;
    at most 500 results, cleared with the figures."""
    return _derived(function_key(build), args, kwargs, build)


def service_areas() -> list[tuple[int, str]]:
    return _run("service_areas", allowed_unit_ids=user.allowed_unit_ids())


def units() -> list[dict]:
    return _run("units", allowed_unit_ids=user.allowed_unit_ids())


def data_span():
    return _run("data_span", allowed_unit_ids=user.allowed_unit_ids())


def surveys_and_questions() -> list[tuple[str, str]]:
    return _run("surveys_and_questions", allowed_unit_ids=user.allowed_unit_ids())


def batches() -> list[dict]:
    return _run("batches")


def settings() -> dict:
    """period_kind, min_answers and target_margin as the Settings page left them."""
    return _run("settings")


@dataclass(frozen=True)
class Reading:
    """How figures are read, as the Settings page left it: what a period is, the privacy
    threshold, and the yellow band around targets."""

    period_kind: str
    min_answers: int
    margin: float
    rolling_under: int = 0  # issue 12: rates of smaller units over a rolling 12 months

    def query_args(self) -> dict:
        """The keyword arguments the queries share."""
        return {"period_kind": self.period_kind, "min_answers": self.min_answers}


def reading() -> Reading:
    chosen = settings()
    return Reading(
        chosen["period_kind"],
        int(chosen["min_answers"]),
        float(chosen["target_margin"]),
        int(chosen["rolling_under"]),
    )


def series(**kwargs):
    """data_model.queries.indicator_series, cached."""
    return _run("series", **kwargs)


def scorecard(**kwargs):
    return _run("scorecard", **kwargs)


def unit_table(**kwargs):
    return _run("unit_table", **kwargs)


def comments(**kwargs):
    return _run("comments", **kwargs)


def target_for(**kwargs) -> float | None:
    """data_model.targets.target_for, cached (charts ask on every rerun)."""
    return _run("target_for", **kwargs)


def mentor_notes(**kwargs) -> list[dict]:
    return _run("mentor_notes", **kwargs)


def report_sums(**kwargs):
    """Mentor reports summed per unit, week and mentor (data_model.queries.mentoring)."""
    return _run("report_sums", **kwargs)


def report_stream(**kwargs):
    return _run("report_stream", **kwargs)


def coaching_sums(**kwargs):
    """What a change is judged on (data_model.queries.coaching.sums)."""
    return _run("coaching_sums", **kwargs)


def effect_months(**kwargs):
    """An indicator per unit and month (data_model.queries.effect.unit_months)."""
    return _run("effect_months", **kwargs)


def effect_units(**kwargs):
    """The units in scope with their coaching start (data_model.queries.effect)."""
    return _run("effect_units", **kwargs)


def refresh() -> None:
    """After an import or a removal every cached figure may be stale."""
    st.cache_data.clear()
