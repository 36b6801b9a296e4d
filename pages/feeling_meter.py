"""Feeling meter (fiilismittari): mentors' reports on how each coached team is doing, mood per
unit over time, the units whose mood is falling raised first, and the latest observations."""

import streamlit as st

from ui import data, feeling, scope, shell, state
from ui import formatting as fmt
from ui.texts import t

shell.require_app()

lang = state.language()
current = scope.from_filters(state.current_filters())
st.title(t("feeling.title", lang))
st.caption(scope.caption(current, lang) if current.end else t("sidebar.no_data", lang))
st.write(t("feeling.intro", lang))

monthly = data.series(
    indicator="mentor_mood", grain="month", start=current.start, end=current.end, by="unit",
    lang=lang, **current.query_args(),
)  # fmt: skip
if monthly.empty:
    st.info(t("feeling.no_data", lang))
    st.stop()

st.subheader(t("feeling.falling", lang))
st.caption(
    t("feeling.falling_help", lang, months=feeling.RECENT_MONTHS,
      drop=fmt.number(feeling.DROP, lang), low=fmt.number(feeling.LOW, lang))
)  # fmt: skip
falling = feeling.falling_units(monthly)
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
        "pages/units.py", label=t("feeling.open_unit", lang),
        query_params={"unit": str(row.series_id)},
    )  # fmt: skip

st.subheader(t("feeling.heatmap", lang))
st.altair_chart(
    feeling.heatmap(monthly, lang), width="stretch", height=feeling.heatmap_height(monthly)
)

st.subheader(t("feeling.notes", lang))
notes = data.mentor_notes(
    unit_ids=current.unit_ids, service_area_id=current.service_area_id, start=current.start,
    end=current.end,
)  # fmt: skip
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
