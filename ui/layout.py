"""Layout for narrow screens: the scorecard's cards two to a row on a phone instead of one
card filling the screen, the menu closed once a page is chosen, and the file uploader in the
page's language. Our own fixed CSS and script, never text from a file or a user."""

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


# Streamlit writes the file uploader's button ("Upload") and its limit line ("200MB per file")
# in English whatever the page's language, and st.file_uploader takes no texts for them: the
# page's own words are drawn in their place, and the English is taken out of what is shown
# (display: none, so it is not read out either).
_UPLOADER_CSS = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {
  display: none;
}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {
  content: "%(button)s";
}
[data-testid="stFileUploaderDropzoneInstructions"] span { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {
  content: "%(limit)s";
  font-size: 0.875rem;
  opacity: 0.6;
}
</style>
"""


def _css_text(text: str) -> str:
    """Our own text as a CSS string's content (quotes and backslashes escaped)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def uploader_texts(button: str, limit: str) -> None:
    """The file uploaders on this page say button and limit in the page's language."""
    st.html(_UPLOADER_CSS % {"button": _css_text(button), "limit": _css_text(limit)})


# On a phone the sidebar covers the page; Streamlit leaves it open after a page is chosen from
# its menu when the sidebar holds other widgets too (the filters). Closed by its own button,
# only under 640 px wide, so a desk's sidebar stays as the user left it.
_CLOSE_MENU = """
if (window.innerWidth <= 640) {
  const open = document.querySelector('[data-testid="stSidebar"][data-collapsed="false"]');
  const button = open && open.querySelector('[data-testid="stSidebarCollapseButton"] button');
  if (button) { button.click(); }
}
"""
_LAST_PAGE = "layout_last_page"


def close_menu_on_phone(page: str) -> None:
    """After the user moves to another page (not on the first run of a session), close the
    sidebar on a phone."""
    last = st.session_state.get(_LAST_PAGE)
    st.session_state[_LAST_PAGE] = page
    if last is not None and last != page:
        st.html(f"<script>{_CLOSE_MENU}</script>", unsafe_allow_javascript=True, width=1)
