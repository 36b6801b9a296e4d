"""Pages run only inside app.py's shell (sign-in gate, sidebar, error handling).

A freshly started Streamlit server runs the first request in its legacy pages/ folder mode, so
a direct link such as /import_data would run pages/import_data.py alone, without the gate. Every
page calls require_app() first; app.py marks the runs it wraps with inside_app().
"""

import threading
from contextlib import contextmanager

import streamlit as st

_state = threading.local()  # one script run per thread


@contextmanager
def inside_app():
    _state.active = True
    try:
        yield
    finally:
        _state.active = False


def require_app() -> None:
    """Send a page run outside app.py to the app's front door."""
    if not getattr(_state, "active", False):
        # The language and filters survive; the page itself opens from the navigation.
        st.switch_page("app.py", query_params=st.query_params.to_dict())
