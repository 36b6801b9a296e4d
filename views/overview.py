"""Overview (tuloskortti): a card per key indicator for the filtered scope, then units x
indicators with target colours; choosing a unit opens the Units page for it; both as an A4
PDF for a meeting."""

import streamlit as st

from core import indicators as catalog
from core import periods
from core.texts import t
from ui import coaching, data, export, labels, layout, overview_export, state
from ui import scorecard as sc

GRAINS = ("month", "period", "year")

lang = state.language()
scope = state.current_scope()
reading = data.reading()
st.title(t("overview.title", lang))
st.caption(labels.scope_caption(scope, lang) if scope.end else t("sidebar.no_data", lang))
st.write(t("overview.intro", lang))

# The page's choices come from a shared link and go back into the URL.
state.choice("overview_grain", "grain", GRAINS, "month")
state.flag("overview_only_missing", "missing")
grain = (
    st.segmented_control(
        t("grain", lang),
        GRAINS,
        format_func=lambda g: t(f"grain.{g}", lang),
        key="overview_grain",
    )
    or "month"
)
state.mirror({"grain": grain, "missing": st.session_state["overview_only_missing"]})

common = {"grain": grain, "reading": reading, "scope": scope, "today": periods.today()}
cards = data.scorecard(indicators=catalog.on_page("scorecard"), **common)
if all(card.bucket_start is None for card in cards):
    st.info(t("overview.no_data", lang))
    st.stop()

st.subheader(t("overview.cards", lang))
layout.phone_cards()
with st.container(key="overview_cards"):  # two to a row on a phone (ui.layout)
    sc.draw_cards(cards, lang, reading, judge=coaching.card_judge(scope, reading))
st.caption(t("privacy.note", lang, n=reading.min_answers))

st.subheader(t("overview.units", lang))
table = data.unit_table(indicators=catalog.on_page("units_table"), **common)
if table.empty:
    st.info(t("overview.no_data", lang))
    st.stop()
period = sc.table_words(table, lang, reading.period_kind, today=common["today"], view_end=scope.end)
notes = [t("overview.units_period", lang, label=period)]  # on the page and in the PDF
if table["rolling"].any():
    notes.append(t("overview.rolling_note", lang, n=reading.rolling_under))
st.caption(" ".join([notes[0], t("overview.units_help", lang), *notes[1:]]))
only_missing = st.toggle(t("overview.only_missing", lang), key="overview_only_missing")
areas = {u["id"]: u.get("service_area") for u in data.units()}
styled = sc.styled_unit_table(table, lang, reading.period_kind, areas, only_missing)
unit_ids = styled.data.index.tolist()
if only_missing and not unit_ids:
    st.info(t("overview.none_missing", lang))
    st.stop()
event = st.dataframe(
    styled,
    hide_index=True,
    height=min(38 + 35 * len(unit_ids), 800),  # every unit visible without scrolling
    on_select="rerun",
    selection_mode="single-row",
    key="overview_units",
    column_config=sc.unit_table_columns(styled, table, lang, reading.period_kind),
)
top = export.context(
    t("overview.pdf_title", lang),
    lang,
    scope=scope,
    grain=grain,
    min_answers=reading.min_answers,
)
overview_export.download(
    top,
    cards,
    table,
    lang,
    reading.min_answers,
    reading.period_kind,
    notes=" ".join(notes),
)
chosen = event.selection.rows if event and event.selection else []
if chosen:
    st.switch_page("views/units.py", query_params={"unit": str(unit_ids[chosen[0]])})
