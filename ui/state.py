"""Language and the shared filters: kept in session state while moving between pages and mirrored
in the URL's query parameters, so a filtered view can be shared as a link and reopened.
"""

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from core.scope import Scope
from core.texts import DEFAULT_LANGUAGE, LANGUAGES
from ui import user

LANG_KEY = "lang"
DATES_KEY = "filter_dates"
AREA_KEY = "filter_area"
UNITS_KEY = "filter_units"
URL_READ_KEY = "_url_read"


def query_params(scope: Scope) -> dict[str, str]:
    """The sidebar's part of a scope as URL parameters (from, to, area, units)."""
    params = {}
    if scope.start:
        params["from"] = scope.start.isoformat()
    if scope.end:
        params["to"] = scope.end.isoformat()
    if scope.service_area_id is not None:
        params["area"] = str(scope.service_area_id)
    if scope.unit_ids:
        params["units"] = ",".join(str(u) for u in scope.unit_ids)
    return params


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _ints(text: str | None) -> list[int]:
    return [int(p) for p in (text or "").split(",") if p.strip().isdigit()]


def read_url_once() -> None:
    """On a session's first run, take language and filters from the URL (a shared link)."""
    if st.session_state.get(URL_READ_KEY):
        return
    params = st.query_params
    if params.get("lang") in LANGUAGES:
        st.session_state[LANG_KEY] = params["lang"]
    start, end = _date(params.get("from")), _date(params.get("to"))
    if start and end and start <= end:
        st.session_state[DATES_KEY] = (start, end)
    areas = _ints(params.get("area"))
    if areas:
        st.session_state[AREA_KEY] = areas[0]
    units = _ints(params.get("units"))
    if units:
        st.session_state[UNITS_KEY] = units
    st.session_state[URL_READ_KEY] = True


def follow(params: dict[str, str]) -> None:
    """In a callback, before a page is opened from a link inside the app: the sidebar's filters
    as the link's from, to, area and units say (the address's are read only when a session
    starts, and the sidebar would otherwise write its own over them)."""
    start, end = _date(params.get("from")), _date(params.get("to"))
    if start and end and start <= end:
        st.session_state[DATES_KEY] = (start, end)
    areas = _ints(params.get("area"))
    st.session_state[AREA_KEY] = areas[0] if areas else None
    st.session_state[UNITS_KEY] = _ints(params.get("units"))


def language() -> str:
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def current_scope() -> Scope:
    """The scope as the sidebar's filters left it (pages read this, never the sidebar), within
    the units the signed-in user may see, whatever the URL or the filters ask for."""
    dates = st.session_state.get(DATES_KEY) or ()
    start, end = (dates[0], dates[1]) if len(dates) == 2 else (None, None)
    return Scope(
        start=start,
        end=end,
        unit_ids=st.session_state.get(UNITS_KEY) or None,
        service_area_id=st.session_state.get(AREA_KEY),
        allowed_unit_ids=user.allowed_unit_ids(),
    )


def write_url(scope: Scope, lang: str) -> None:
    """Mirror language and filters into the URL, leaving page-specific parameters alone."""
    wanted = {"lang": lang, **query_params(scope)}
    for key in ("lang", "from", "to", "area", "units"):
        if key in wanted:
            if st.query_params.get(key) != wanted[key]:
                st.query_params[key] = wanted[key]
        elif key in st.query_params:
            del st.query_params[key]


# --- A page's own choices in the URL : a shared link reopens exactly the view ----------------
# Each page names its parameters; the sidebar's (lang, from, to, area, units) and the Units
# page's unit are taken. A choice of "nothing" (None) is written as an empty parameter, so a
# link can say "no highlight" where the page would otherwise pick one.


def _from_url(param: str, options: Sequence, default):
    raw = st.query_params.get(param)
    if raw is None:
        return default
    if raw == "" and None in options:
        return None
    return next((o for o in options if o is not None and str(o) == raw), default)


def choice(key: str, param: str, options: Sequence, default) -> None:
    """Before a single-choice widget (selectbox, radio, segmented control) that takes no
    default of its own: its value from a shared link the first time the page runs, else
    default. Later runs keep what the user chose."""
    if key not in st.session_state:
        st.session_state[key] = _from_url(param, list(options), default)


def choices(key: str, param: str, options: Sequence, default: Sequence) -> None:
    """Likewise for a multiselect: a comma-separated list of options."""
    if key in st.session_state:
        return
    raw = st.query_params.get(param)
    if raw is None:
        st.session_state[key] = list(default)
        return
    known = {str(o): o for o in options}
    st.session_state[key] = [known[p] for p in raw.split(",") if p in known]


def flag(key: str, param: str, default: bool = False) -> None:
    """Likewise for a toggle or checkbox: 1 or 0."""
    if key not in st.session_state:
        raw = st.query_params.get(param)
        st.session_state[key] = default if raw not in ("0", "1") else raw == "1"


def mirror(params: dict[str, object]) -> None:
    """After the page's widgets: their values into the URL (lists comma-separated, booleans
    1/0, None empty), changed only where they differ so the browser's history stays calm."""
    for param, value in params.items():
        if isinstance(value, bool):
            text = "1" if value else "0"
        elif isinstance(value, list | tuple):
            text = ",".join(str(v) for v in value)
        else:
            text = "" if value is None else str(value)
        if st.query_params.get(param) != text:
            st.query_params[param] = text
