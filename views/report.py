"""Situation report (tilannekatsaus): a month's or a period's situation in words for the
management team and the board memo, for the organisation, a service area or a unit within the
user's rights: what changed beyond chance, what is short of target, which units need attention,
where coaching stands and what data are missing; each sentence links to its view, and the whole
downloads as .docx, PDF or Markdown."""

import streamlit as st

from core import formats as fmt
from core import periods, report
from core.texts import t
from ui import data, state
from ui import report as page

page.open_chosen()  # a sentence's link pressed on the last run
lang = state.language()
reading = data.reading()
st.title(t("report.title", lang))
st.write(t("report.intro", lang))

today = periods.today()
first, last = data.data_span()
state.choice("report_grain", "grain", page.GRAINS, "month")
left, middle, right = st.columns([1, 1, 2], vertical_alignment="bottom")
with left:
    grain = (
        st.segmented_control(
            t("grain", lang),
            page.GRAINS,
            format_func=lambda g: t(f"grain.{g}", lang),
            key="report_grain",
        )
        or "month"
    )
starts = report.starts(first, today, grain, reading.period_kind)
newest = report.latest_start(last, today, grain, reading.period_kind)
state.choice("report_at", "at", starts, newest)
if st.session_state["report_at"] not in starts:  # the grain changed: the one with the newest data
    st.session_state["report_at"] = newest
start = middle.selectbox(
    t("report.bucket", lang),
    starts,
    format_func=lambda d: fmt.bucket_label(d, grain, reading.period_kind, lang),
    key="report_at",
)
options = page.scope_options(lang)
state.choice("report_scope", "scope", list(options), page.default_scope(state.current_scope()))
if st.session_state["report_scope"] not in options:
    st.session_state["report_scope"] = page.ALL
chosen = right.selectbox(
    t("report.scope", lang), list(options), format_func=options.get, key="report_scope"
)
state.mirror({"grain": grain, "at": start.isoformat(), "scope": chosen})

figures = data.report_figures(
    scope=page.scope_of(chosen),
    grain=grain,
    start=start,
    today=today,
    reading=reading,
    thresholds=data.thresholds(),
    before_months=int(data.settings()["coaching_before_months"]),
)
written = report.compose(figures, lang)
page.downloads(written, start)
page.draw(written)
