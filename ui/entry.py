"""Number fields that read what the user types in their language ('3,7', '1 200') and say at
the field what is wrong (core.entry); st.number_input would show 3.7 and drop a comma."""

import streamlit as st

from core import formats as fmt
from core.entry import Entry, read_number
from ui.mapping import plain

SHOW_PROBLEMS = "_entry_show_problems"  # set once a form was submitted with a bad field


def number_field(
    container,
    label: str,
    *,
    key: str,
    current,
    lang: str,
    low=None,
    high=None,
    integer: bool = False,
    decimals: int = 0,
    help: str | None = None,
) -> Entry:
    """A text field holding a number; returns what it reads. Its problem shows under the field
    after a save was tried (see show_problems)."""
    text = container.text_input(
        label, value=fmt.entry_number(current, lang, decimals), key=key, help=help
    )
    entry = read_number(text, lang, low=low, high=high, integer=integer, decimals=decimals)
    if not entry.ok and st.session_state.get(SHOW_PROBLEMS):
        container.error(
            plain(entry.problem),  # it quotes what was typed
            icon=":material/error:",
        )
    return entry


def show_problems(shown: bool) -> None:
    """After a save: True keeps the fields' problems on screen (the page reruns to show them)."""
    st.session_state[SHOW_PROBLEMS] = shown
