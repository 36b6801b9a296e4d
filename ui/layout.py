"""Layout for narrow screens: the scorecard's cards two to a row on a phone instead
of one card filling the screen. Our own fixed CSS, never text from a file or a user."""

import streamlit as st

CARD_CONTAINERS = ("overview_cards", "units_cards")  # st.container keys holding st.columns

_PHONE_CSS = """
<style>
@media (max-width: 640px) {
  %(blocks)s { flex-flow: row wrap !important; gap: 0.5rem !important; }
  %(columns)s {
    flex: 1 1 calc(50%% - 0.25rem) !important;
    min-width: calc(50%% - 0.25rem) !important;
    max-width: calc(50%% - 0.25rem) !important;
  }
  %(values)s { font-size: 1.5rem !important; }
}
</style>
"""


def phone_cards() -> None:
    """Two cards to a row under 640 px (Streamlit stacks columns one to a row there)."""
    keys = [f".st-key-{key}" for key in CARD_CONTAINERS]
    st.html(
        _PHONE_CSS
        % {
            "blocks": ", ".join(f'{k} [data-testid="stHorizontalBlock"]' for k in keys),
            "columns": ", ".join(f'{k} [data-testid="stColumn"]' for k in keys),
            "values": ", ".join(f'{k} [data-testid="stMetricValue"]' for k in keys),
        }
    )
