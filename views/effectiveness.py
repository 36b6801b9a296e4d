"""Coaching effectiveness: the chosen indicator on months since each unit's coaching started,
and a difference-in-differences per service area against units not yet coached in the same
months, with what can and cannot be concluded; the numbers as .xlsx with the method on top."""

import streamlit as st

from core import coaching_effect as effect
from core import indicators as catalog
from core.texts import t
from ui import data, drawing, export, labels, state
from ui import effect as ui

lang = state.language()
scope = state.current_scope()
reading = data.reading()
st.title(t("effect.title", lang))
st.caption(labels.scope_caption(scope, lang) if scope.end else t("sidebar.no_data", lang))
st.write(t("effect.intro", lang))

code = st.selectbox(
    t("effect.indicator", lang),
    [i.code for i in catalog.on_page("effectiveness")],
    format_func=lambda c: catalog.get(c).name(lang),
    key="effect_indicator",
)
indicator = catalog.get(code)
units = data.effect_units(scope=scope)
months = data.effect_months(scope=scope, indicator=indicator, reading=reading)
method = t(
    "effect.method",
    lang,
    min_before=effect.MIN_BEFORE,
    min_after=effect.MIN_AFTER,
    min_answers=reading.min_answers,
)

if units["coaching_start"].isna().all():
    st.info(t("effect.no_coached", lang))
else:
    st.subheader(t("effect.event_heading", lang))
    lines, means = ui.event_frames(units, months)
    if lines.empty:
        st.info(t("effect.no_event_data", lang, name=indicator.name(lang)))
    else:
        drawing.show(drawing.specs(ui.event_chart, lines, means, code, lang), key="effect_chart")
        st.caption(t("effect.event_caption", lang))

    st.subheader(t("effect.did_heading", lang))
    rows, estimates = ui.did_rows(units, months, code, lang)
    st.dataframe(ui.did_table(rows, lang), hide_index=True, key="effect_table")
    overall = estimates[0][1]
    st.write(rows["reading"].iloc[0])
    if overall.effect is not None and overall.left_out:
        st.caption(t("effect.left_out", lang, reasons=ui.reasons_text(overall.left_out, lang)))

    top = export.context(
        t("effect.title", lang),
        lang,
        scope=scope,
        extra=[
            (t("effect.export.indicator", lang), indicator.name(lang)),
            (t("effect.export.method", lang), ""),
        ],
    )
    table = ui.did_export(rows, lang)
    st.download_button(
        t("effect.download", lang),
        data=export.recorded(
            lambda top=top, table=table: ui.xlsx_bytes(
                top, ui.method_plain(method), table, t("effect.title", lang), lang
            ),
            "effectiveness",
            rows=len(table),
        ),
        file_name=t("effect.file", lang),
        mime=ui.XLSX_MIME,
        key="effect_download",
        on_click="ignore",
    )

with st.expander(t("effect.method_heading", lang)):
    st.markdown(method)
