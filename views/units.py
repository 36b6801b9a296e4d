"""Units: the dashboard of one coaching unit (?unit=ID): its coaching facts, its scorecard,
its key indicators over time against target, and the comments the privacy rule allows."""

import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core import rules
from core.texts import t
from ui import charts, data, state
from ui import scorecard as sc

UNIT_KEY = "units_page_unit"

lang = state.language()
st.title(t("units.title", lang))
units = {u["id"]: u for u in data.units()}
if not units:
    st.info(t("units.none", lang))
    st.stop()

# The unit comes from the URL (a drill-down link) the first time, then from the selectbox.
# Leaving the page drops the selectbox's state, so a return takes the URL's unit again.
wanted = st.query_params.get("unit")
if wanted and wanted.isdigit() and int(wanted) in units:
    if st.session_state.get("_units_page_url") != wanted or UNIT_KEY not in st.session_state:
        st.session_state[UNIT_KEY] = int(wanted)
        st.session_state["_units_page_url"] = wanted
if st.session_state.get(UNIT_KEY) not in units:
    st.session_state[UNIT_KEY] = next(iter(units))
unit_id = st.selectbox(
    t("units.choose", lang), list(units), format_func=lambda u: units[u]["name"], key=UNIT_KEY
)
st.query_params["unit"] = str(unit_id)
st.session_state["_units_page_url"] = str(unit_id)
unit = units[unit_id]

scope = state.current_scope()
reading = data.reading()
st.header(unit["name"])
facts = [f"**{t('units.area', lang)}:** {unit['service_area'] or '–'}"]
if unit.get("manager"):
    facts.append(f"**{t('col.manager', lang)}:** {unit['manager']}")
if unit.get("coaches"):
    facts.append(f"**{t('col.coaches', lang)}:** {unit['coaches']}")
if unit.get("mentors"):
    facts.append(f"**{t('col.mentors', lang)}:** {unit['mentors']}")
if unit.get("coaching_start"):
    period = f"{fmt.date(unit['coaching_start'], lang)} – {fmt.date(unit['coaching_end'], lang)}"
    facts.append(f"**{t('units.coaching', lang)}:** {period}")
st.markdown(" · ".join(facts))
if unit.get("goal"):
    st.markdown(f"**{t('col.goal', lang)}:** {unit['goal']}")
if not unit.get("in_register"):
    st.caption(t("units.not_in_register", lang))
st.caption(
    t("scope.caption", lang, scope=unit["name"], start=fmt.date(scope.start, lang),
      end=fmt.date(scope.end, lang))
)  # fmt: skip

unit_scope = scope.for_units([unit_id])
grain = st.segmented_control(
    t("grain", lang), ("month", "period", "year"), default="month",
    format_func=lambda g: t(f"grain.{g}", lang), key="units_grain",
) or "month"  # fmt: skip
cards = data.scorecard(
    indicators=rules.KEY_INDICATORS, grain=grain, scope=unit_scope, today=scope.end,
    margin=reading.margin, **reading.query_args(),
)  # fmt: skip
sc.draw_cards(cards, lang, reading.min_answers, reading.period_kind)

st.subheader(t("units.trends", lang))
columns = st.columns(2)
for i, code in enumerate(rules.UNIT_TREND_INDICATORS):
    frame = data.series(indicator=code, grain="month", scope=unit_scope, **reading.query_args())
    with columns[i % 2]:
        if frame.empty:
            st.info(t("trends.no_data", lang, name=catalog.get(code).name(lang)))
            continue
        target = data.target_for(indicator=code, unit_id=unit_id,
                                 year=scope.end.year if scope.end else None)  # fmt: skip
        chart = charts.trend_chart(frame, code, lang, target, "month", reading.period_kind)
        st.altair_chart(chart, width="stretch", height=charts.HEIGHT)

st.caption(t("privacy.note", lang, n=reading.min_answers))

st.subheader(t("units.comments", lang))
found = data.comments(scope=unit_scope, min_answers=reading.min_answers)
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
    )
if found.withheld:
    st.caption(t("units.comments_withheld", lang, n=found.withheld, min=reading.min_answers))
