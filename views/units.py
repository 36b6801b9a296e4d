"""Units: the dashboard of one coaching unit (?unit=ID): who coaches it and the coaching
timeline, its scorecard, its key indicators over time with the coaching marked and its service
area and the organisation beside it, before / during / after the coaching with each change
judged against chance, the mentors' reports, the comments the privacy rule allows, and a
meeting-ready export."""

from functools import partial

import streamlit as st

from core import coaching_period, periods
from core import formats as fmt
from core import indicators as catalog
from core.texts import t
from ui import charts, data, drawing, layout, state, unit_export
from ui import coaching as cui
from ui import scorecard as sc
from ui.plain import escape_markdown as plain

UNIT_KEY = "units_page_unit"

lang = state.language()
st.title(t("units.title", lang))
scope = state.current_scope()
every = {u["id"]: u for u in data.units()}
# The chooser offers the units of the sidebar's service-area and unit filters (and the unit a
# link asked for, even outside them).
units = {
    uid: u
    for uid, u in every.items()
    if (scope.unit_ids is None or uid in scope.unit_ids)
    and (scope.service_area_id is None or u["service_area_id"] == scope.service_area_id)
}
wanted = st.query_params.get("unit")
if wanted and wanted.isdigit() and int(wanted) in every and int(wanted) not in units:
    units[int(wanted)] = every[int(wanted)]
if not units:
    st.info(t("units.none", lang))
    st.stop()

# The unit comes from the URL (a drill-down link) the first time, then from the selectbox.
# Leaving the page drops the selectbox's state, so a return takes the URL's unit again.
if wanted and wanted.isdigit() and int(wanted) in units:
    if st.session_state.get("_units_page_url") != wanted or UNIT_KEY not in st.session_state:
        st.session_state[UNIT_KEY] = int(wanted)
        st.session_state["_units_page_url"] = wanted
if st.session_state.get(UNIT_KEY) not in units:
    # Opened on a unit with feedback figures to see, not one whose feedback is all hidden.
    yearly = data.series(
        indicator=catalog.get("feedback_mean"),
        grain="year",
        reading=data.reading(),
        scope=scope,
        by="unit",
    )
    shown = set(yearly.loc[yearly["value"].notna(), "series_id"]) if not yearly.empty else set()
    st.session_state[UNIT_KEY] = next((u for u in units if u in shown), next(iter(units)))
unit_id = st.selectbox(
    t("units.choose", lang), list(units), format_func=lambda u: units[u]["name"], key=UNIT_KEY
)
st.query_params["unit"] = str(unit_id)
st.session_state["_units_page_url"] = str(unit_id)
unit = units[unit_id]

reading = data.reading()
before_months = int(data.settings()["coaching_before_months"])
today = periods.today()  # the timeline and the windows run to today, not the sidebar's end
st.header(plain(unit["name"]), anchor=False)
# Register fields are the register's text: shown as plain text, never as Markdown.
facts = [
    (t("units.area", lang), unit.get("service_area")),
    (t("col.manager", lang), unit.get("manager")),
    (t("col.coaches", lang), unit.get("coaches")),
    (t("col.mentors", lang), unit.get("mentors")),
]
left, right = st.columns(2)
for i, (label, value) in enumerate(facts):
    (left if i % 2 == 0 else right).text(f"{label}: {value or '–'}")
st.text(f"{t('col.goal', lang)}: {unit.get('goal') or '–'}")
if not unit.get("in_register"):
    st.caption(t("units.not_in_register", lang))

st.subheader(t("units.timeline", lang), anchor=False)
line = coaching_period.timeline(unit.get("coaching_start"), unit.get("coaching_end"), today)
st.text(cui.timeline_text(line, lang))
if line.status != "none":
    drawing.show(drawing.specs(cui.timeline_chart, line, lang), height=110, key="units_timeline")
st.caption(
    t(
        "scope.caption",
        lang,
        scope=plain(unit["name"]),
        start=fmt.date(scope.start, lang),
        end=fmt.date(scope.end, lang),
    )
)

unit_scope = scope.for_units([unit_id])
state.choice("units_grain", "grain", ("month", "period", "year"), "month")
grain = (
    st.segmented_control(
        t("grain", lang),
        ("month", "period", "year"),
        format_func=lambda g: t(f"grain.{g}", lang),
        key="units_grain",
    )
    or "month"
)
state.mirror({"grain": grain})
cards = data.scorecard(
    indicators=catalog.on_page("scorecard"),
    grain=grain,
    reading=reading,
    scope=unit_scope,
    today=today,
)
layout.phone_cards()
with st.container(key="units_cards"):  # two to a row on a phone
    sc.draw_cards(cards, lang, reading, judge=cui.card_judge(unit_scope, reading))

context = cui.context_scopes(scope, unit, lang)
band = None
if unit.get("coaching_start"):
    band = (unit["coaching_start"], unit.get("coaching_end"), t("units.band", lang))
st.subheader(t("units.trends", lang))
columns = st.columns(2)
trend_charts = {}
for i, indicator in enumerate(catalog.on_page("unit_trends")):
    code = indicator.code
    frame = cui.comparison_series(indicator, context, reading)
    with columns[i % 2]:
        if frame.empty or frame[frame["series_id"] == 0].empty:
            st.info(t("trends.no_data", lang, name=indicator.name(lang)))
            continue
        target = {  # each year's own target
            year: data.target_for(indicator=code, unit_id=unit_id, year=year)
            for year in sorted({day.year for day in frame["bucket_start"]})
        }
        chart = (charts.trend_chart, frame, code, lang, target, "month")
        options = {"period_kind": reading.period_kind, "band": band}
        trend_charts[code] = partial(*chart, **options)  # built again only for a PDF
        spec = drawing.specs(*chart, **options)
        drawing.show(spec, height=charts.HEIGHT, key=f"units_trend_{code}")

st.subheader(t("units.context", lang), anchor=False)
st.caption(
    t("units.context_help", lang, start=fmt.date(scope.start, lang), end=fmt.date(scope.end, lang))
)
context_table = cui.context_frame(context, lang, reading)
st.dataframe(context_table, hide_index=True, key="units_context")

st.subheader(t("units.bda", lang), anchor=False)
panel_table, sentences = None, []
if line.status == "none":
    st.info(t("units.bda_none", lang))
else:
    windows = coaching_period.windows(line.start, line.end, today, before_months)
    st.caption(t("units.bda_help", lang, months=before_months))
    rows = cui.panel(unit_scope.between(None, None), windows, reading)
    panel_table = cui.panel_frame(rows, windows, lang)
    st.dataframe(panel_table, hide_index=True, key="units_bda")
    sentences = cui.panel_sentences(rows, lang)
    for sentence in sentences:
        st.text(sentence)

st.caption(t("privacy.note", lang, n=reading.min_answers))

st.subheader(t("units.reports", lang), anchor=False)
stream = data.report_stream(scope=unit_scope)
blocks = cui.report_blocks(stream, lang)
if not blocks:
    st.info(t("units.reports_none", lang))
with st.container(height=420 if len(blocks) > 4 else "content", key="units_reports"):
    for block in blocks:
        with st.container(border=True):
            for text in block:
                st.text(text)

st.subheader(t("units.comments", lang))
found = data.comments(scope=unit_scope, reading=reading)
if found.rows.empty:
    st.info(t("units.no_comments", lang))
else:
    shown = found.rows.head(50)
    st.dataframe(
        {
            t("col.date", lang): [fmt.date(d, lang) for d in shown["date"]],
            t("col.question", lang): shown["question"],
            t("col.text", lang): shown["text"],
        },
        hide_index=True,
        key="units_comments",
    )
if found.withheld:
    st.caption(t("units.comments_withheld", lang, n=found.withheld, min=reading.min_answers))

unit_export.section(
    unit=unit,
    scope=scope,
    lang=lang,
    cards=cards,
    context=context_table,
    panel=panel_table,
    sentences=sentences,
    timeline=cui.timeline_text(line, lang),
    blocks=blocks,
    comments=found.rows,
    charts=trend_charts,
    min_answers=reading.min_answers,
    period_kind=reading.period_kind,
    context_numbers=cui.context_frame(context, lang, reading, numbers=True),
    panel_numbers=None if panel_table is None else cui.panel_frame(rows, windows, lang, True),
)
