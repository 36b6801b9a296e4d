"""Feeling meter (fiilismittari): mentors' reports on how each coached team is doing, mood per
unit over time, the units whose mood is falling raised first, and the latest observations."""

import streamlit as st

from core import formats as fmt
from core import rules
from core.texts import t
from ui import data, feeling, labels, state

lang = state.language()
scope = state.current_scope()
reading = data.reading()
st.title(t("feeling.title", lang))
st.caption(labels.scope_caption(scope, lang) if scope.end else t("sidebar.no_data", lang))
st.write(t("feeling.intro", lang))

monthly = data.series(
    indicator="mentor_mood", grain="month", scope=scope, by="unit", **reading.query_args()
)
if monthly.empty:
    st.info(t("feeling.no_data", lang))
    st.stop()

st.subheader(t("feeling.falling", lang))
st.caption(
    t("feeling.falling_help", lang, months=rules.RECENT_MONTHS,
      drop=fmt.number(rules.DROP, lang), low=fmt.number(rules.LOW, lang))
)  # fmt: skip
falling = rules.falling_units(monthly)
if falling.empty:
    st.success(t("feeling.falling_none", lang))
for row in falling.itertuples():
    text_key = "feeling.falling_line" if row.earlier is not None else "feeling.falling_line_new"
    line = t(
        text_key, lang, unit=row.unit, recent=fmt.number(row.recent, lang, 2),
        earlier=fmt.number(row.earlier, lang, 2),
        change=fmt.number(row.change, lang, 2) if row.change is not None else "",
    )  # fmt: skip
    left, right = st.columns([4, 1])
    left.warning(line, icon=":material/trending_down:")
    right.page_link(
        "views/units.py", label=t("feeling.open_unit", lang),
        query_params={"unit": str(row.series_id)},
    )  # fmt: skip

st.subheader(t("feeling.heatmap", lang))
st.altair_chart(
    feeling.heatmap(monthly, lang), width="stretch", height=feeling.heatmap_height(monthly)
)

st.subheader(t("feeling.notes", lang))
notes = data.mentor_notes(scope=scope)
if not notes:
    st.info(t("feeling.notes_none", lang))
else:
    st.dataframe(
        {
            t("col.date", lang): [fmt.date(n["date"], lang) for n in notes],
            t("col.unit", lang): [n["unit"] for n in notes],
            t("col.mentor", lang): [n["mentor"] for n in notes],
            t("col.mood", lang): [fmt.number(n["mood"], lang, 0) for n in notes],
            t("col.concern", lang): [t("yes", lang) if n["concern"] else "" for n in notes],
            t("col.observations", lang): [n["observations"] or "" for n in notes],
            t("col.wishes", lang): [n["wishes"] or "" for n in notes],
        },
        hide_index=True,
        key="feeling_notes",
    )
