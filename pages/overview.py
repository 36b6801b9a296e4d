"""Overview (tuloskortti): a card per key indicator for the filtered scope, then units x
indicators with target colours; choosing a unit opens the Units page for it."""

import streamlit as st

from ui import data, scope, shell, state
from ui import scorecard as sc
from ui.texts import t

shell.require_app()

GRAINS = ("month", "period", "year")

lang = state.language()
current = scope.from_filters(state.current_filters())
st.title(t("overview.title", lang))
st.caption(scope.caption(current, lang) if current.end else t("sidebar.no_data", lang))
st.write(t("overview.intro", lang))

grain = (
    st.segmented_control(
        t("grain", lang),
        GRAINS,
        default="month",
        format_func=lambda g: t(f"grain.{g}", lang),
        key="overview_grain",
    )
    or "month"
)

common = {**current.query_args(), "grain": grain, "today": current.end, "lang": lang}
cards = data.scorecard(indicators=sc.KEY_INDICATORS, margin=current.margin, **common)
if all(card.label is None for card in cards):
    st.info(t("overview.no_data", lang))
    st.stop()

st.subheader(t("overview.cards", lang))
sc.draw_cards(cards, lang, current.min_answers)
st.caption(t("privacy.note", lang, n=current.min_answers))

st.subheader(t("overview.units", lang))
st.caption(t("overview.units_help", lang))
table = data.unit_table(indicators=sc.TABLE_INDICATORS, margin=current.margin, **common)
if table.empty:
    st.info(t("overview.no_data", lang))
    st.stop()
unit_ids = sc.wide_unit_table(table, lang)[0].index.get_level_values("unit_id").tolist()
event = st.dataframe(
    sc.styled_unit_table(table, lang),
    hide_index=True,
    height=min(38 + 35 * len(unit_ids), 800),  # every unit visible without scrolling
    on_select="rerun",
    selection_mode="single-row",
    key="overview_units",
)
chosen = event.selection.rows if event and event.selection else []
if chosen:
    st.switch_page("pages/units.py", query_params={"unit": str(unit_ids[chosen[0]])})
