"""Overview (tuloskortti): a card per key indicator for the filtered scope, then units x
indicators with target colours; choosing a unit opens the Units page for it; both as an A4
PDF for a meeting."""

import streamlit as st

from core import rules
from core.texts import t
from ui import coaching, data, export, labels, overview_export, state
from ui import scorecard as sc

GRAINS = ("month", "period", "year")

lang = state.language()
scope = state.current_scope()
reading = data.reading()
st.title(t("overview.title", lang))
st.caption(labels.scope_caption(scope, lang) if scope.end else t("sidebar.no_data", lang))
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

common = {**reading.query_args(), "grain": grain, "scope": scope, "today": scope.end}
cards = data.scorecard(indicators=rules.KEY_INDICATORS, margin=reading.margin, **common)
if all(card.bucket_start is None for card in cards):
    st.info(t("overview.no_data", lang))
    st.stop()

st.subheader(t("overview.cards", lang))
sc.draw_cards(
    cards, lang, reading.min_answers, reading.period_kind,
    judge=coaching.card_judge(scope, reading.period_kind, reading.min_answers),  # issue 10
)  # fmt: skip
st.caption(t("privacy.note", lang, n=reading.min_answers))

st.subheader(t("overview.units", lang))
st.caption(t("overview.units_help", lang))
table = data.unit_table(indicators=rules.TABLE_INDICATORS, margin=reading.margin, **common)
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
top = export.context(
    t("overview.pdf_title", lang), lang, scope=scope, grain=grain,
    min_answers=reading.min_answers,
)  # fmt: skip
overview_export.download(
    top, overview_export.cards_table(cards, lang, reading.min_answers, reading.period_kind),
    overview_export.units_table(table, lang), lang,
)  # fmt: skip
chosen = event.selection.rows if event and event.selection else []
if chosen:
    st.switch_page("views/units.py", query_params={"unit": str(unit_ids[chosen[0]])})
