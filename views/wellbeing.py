"""Wellbeing and service: staff indicators against customer feedback, one point per unit and
period, with the correlation, its interval and n, an optional lag of one period, and a click on
a point opening the unit; the numbers as .xlsx with the method on top."""

import streamlit as st

from core import indicators as catalog
from core.texts import t
from ui import data, drawing, export, labels, state
from ui import effect as ui

lang = state.language()
scope = state.current_scope()
reading = data.reading()
st.title(t("wellbeing.title", lang))
st.caption(labels.scope_caption(scope, lang) if scope.end else t("sidebar.no_data", lang))
st.write(t("wellbeing.intro", lang))

left, middle, right = st.columns([2, 2, 2])
staff_code = left.selectbox(
    t("wellbeing.staff", lang),
    [i.code for i in catalog.on_page("wellbeing_staff")],
    format_func=lambda c: catalog.get(c).name(lang),
    key="wellbeing_staff",
)
feedback_code = middle.selectbox(
    t("wellbeing.feedback", lang),
    [i.code for i in catalog.on_page("wellbeing_feedback")],
    format_func=lambda c: catalog.get(c).name(lang),
    key="wellbeing_feedback",
)
lag = right.toggle(
    t("wellbeing.lag", lang), help=t("wellbeing.lag_help", lang), key="wellbeing_lag"
)

units = data.effect_units(scope=scope)
staff = data.effect_months(scope=scope, indicator=catalog.get(staff_code), reading=reading)
feedback = data.effect_months(scope=scope, indicator=catalog.get(feedback_code), reading=reading)
points = ui.scatter_frame(units, staff, feedback, reading.period_kind, lag, lang)
sentence, found = ui.correlation_text(points, lang)
method = t("wellbeing.method", lang, min_answers=reading.min_answers)

if points.empty:
    st.info(sentence)
else:
    chosen = drawing.show(
        drawing.specs(ui.scatter_chart, points, staff_code, feedback_code, lang),
        on_select="rerun",
        selection_mode="unit",
        key="wellbeing_chart",
    )
    unit_id = ui.clicked_unit(chosen)
    if unit_id is not None:
        st.switch_page("views/units.py", query_params={"unit": str(unit_id)})
    st.caption(t("wellbeing.click", lang))
    st.write(sentence)
    st.write(t("wellbeing.not_cause", lang))
    table = ui.scatter_table(points, staff_code, feedback_code, lang, lag)
    st.dataframe(
        ui.styled_scatter_table(table, staff_code, feedback_code, lang),
        hide_index=True,
        key="wellbeing_table",
    )
    top = export.context(
        t("wellbeing.title", lang),
        lang,
        scope=scope,
        min_answers=reading.min_answers,
        extra=[
            (t("wellbeing.staff", lang), catalog.get(staff_code).name(lang)),
            (t("wellbeing.feedback", lang), catalog.get(feedback_code).name(lang)),
            (
                t("wellbeing.export.lag", lang),
                t("wellbeing.export.lag_on" if lag else "wellbeing.export.lag_off", lang),
            ),
            (t("effect.export.method", lang), ""),
        ],
    )
    lines = [sentence, t("wellbeing.not_cause", lang), *ui.method_plain(method)]
    st.download_button(
        t("wellbeing.download", lang),
        data=export.recorded(
            lambda top=top, lines=lines, table=table: ui.xlsx_bytes(
                top, lines, table, t("wellbeing.title", lang), lang
            ),
            "wellbeing",
            rows=len(table),
        ),
        file_name=t("wellbeing.file", lang),
        mime=ui.XLSX_MIME,
        key="wellbeing_download",
        on_click="ignore",
    )

with st.expander(t("wellbeing.method_heading", lang)):
    st.markdown(method)
