"""Feeling meter (fiilismittari): mentors' reports on how each coached team is doing. The units
a rule raises come first, each with every reason written out; then the latest mood of every
unit, the heatmap by service area, and the mentors' notes (filtered to a chosen unit)."""

import pandas as pd
import streamlit as st

from core import formats as fmt
from core import periods, rules
from core.texts import t
from ui import attention, data, drawing, labels, state

PICK_KEY = "feeling_notes_unit"

lang = state.language()
scope = state.current_scope()
limits = data.thresholds()
st.title(t("feeling.title", lang))
st.caption(labels.scope_caption(scope, lang) if scope.end else t("sidebar.no_data", lang))
st.write(t("feeling.intro", lang))

units = {u["id"]: u for u in data.units()}
names = {uid: u["name"] for uid, u in units.items()}
areas = dict(data.service_areas())
sums = data.report_sums(scope=scope)
if sums.empty:
    st.info(t("feeling.no_data", lang))
    st.stop()

as_of = min(scope.end, periods.today()) if scope.end else max(sums["last_date"])
in_scope = [
    uid
    for uid, u in units.items()
    if (scope.unit_ids is None or uid in scope.unit_ids)
    and (scope.service_area_id is None or u["service_area_id"] == scope.service_area_id)
    and u.get("coaching_start")
    and u["coaching_start"] <= as_of
    and (u.get("coaching_end") is None or u["coaching_end"] >= as_of)
]
# Worked out once per set of reports and choices, not on every rerun (0.17 s at 60 units).
raised = data.derived(rules.attention, sums, as_of, limits, expected=tuple(in_scope))

st.subheader(t("feeling.attention", lang))
st.caption(
    t(
        "feeling.attention_help",
        lang,
        months=limits.months,
        drop=fmt.number(limits.drop, lang),
        low=fmt.number(limits.low, lang),
        weeks=limits.report_weeks,
    )
)
if not raised:
    st.success(t("feeling.falling_none", lang))
for item in raised:
    with st.container(border=True, key=f"feeling_raised_{item.unit_id}"):
        left, right = st.columns([4, 1])
        area = units.get(item.unit_id, {}).get("service_area") or ""
        left.text(" · ".join(p for p in (names.get(item.unit_id, "?"), area) if p))
        for line in attention.reason_lines(item, lang):
            left.text("• " + line)
        right.page_link(
            "views/units.py",
            label=t("feeling.open_unit", lang),
            icon=":material/open_in_new:",
            query_params={"unit": str(item.unit_id)},
        )
        if right.button(t("feeling.show_notes", lang), key=f"feeling_pick_{item.unit_id}"):
            st.session_state[PICK_KEY] = item.unit_id

st.subheader(t("feeling.latest", lang))
st.caption(t("feeling.latest_help", lang))
strip = data.derived(attention.latest_strip, sums, names, lang)


def _signed(value) -> str:
    return "–" if pd.isna(value) else ("+" if value > 0 else "") + fmt.number(value, lang, 2)


# Numbers as the language writes them (3,40 · +0,25), sorted by their values.
# The bar carries no number of its own (a progress column writes 3.40 whatever the language);
# the figure beside it is formatted as the other numbers are.
strip = strip.assign(mood_text=strip["mood"])
strip = strip[
    [
        "unit_id",
        "unit",
        "month",
        "mood",
        "mood_text",
        "change",
        "verdict",
        "workload",
        "atmosphere",
        "reports",
    ]
]
strip_shown = (
    strip.drop(columns=["unit_id"])
    .style.format({"change": _signed, "reports": lambda n: fmt.integer(n, lang)})
    .format(lambda v: fmt.number(v, lang, 2), subset=["mood_text", "workload", "atmosphere"])
)
st.dataframe(
    strip_shown,
    hide_index=True,
    key="feeling_latest",
    column_config={
        "unit": st.column_config.TextColumn(t("col.unit", lang)),
        "month": st.column_config.TextColumn(t("col.period", lang)),
        "mood": st.column_config.ProgressColumn(
            t("col.mood", lang), min_value=1, max_value=5, format=" ", width="small"
        ),
        "mood_text": st.column_config.Column(" "),
        "change": st.column_config.Column(t("feeling.change", lang)),
        "verdict": st.column_config.TextColumn(t("feeling.verdict", lang)),
        "workload": st.column_config.Column(t("col.workload", lang)),
        "atmosphere": st.column_config.Column(t("col.atmosphere", lang)),
        "reports": st.column_config.Column(t("feeling.reports", lang)),
    },
)

st.subheader(t("feeling.heatmap", lang))
state.choice("feeling_grain", "grain", ("month", "week"), "month")  # a shared link's
grain = (
    st.segmented_control(
        t("grain", lang),
        ("month", "week"),
        format_func=lambda g: t(f"grain.{g}", lang),
        key="feeling_grain",
    )
    or "month"
)
cells = data.derived(attention.heatmap_frame, sums, grain, names, areas, lang)
for i, spec in enumerate(drawing.specs(attention.heatmap, cells, grain, lang)):  # one per area
    drawing.show(spec, key=f"feeling_heatmap_{i}")

st.subheader(t("feeling.notes", lang))
reported = sorted(set(sums["unit_id"]), key=lambda u: names.get(u, ""))
choices = [None, *[item.unit_id for item in raised if item.unit_id in reported]]
choices += [u for u in reported if u not in choices]
state.choice(PICK_KEY, "notes", choices, None)
if st.session_state.get(PICK_KEY) not in choices:
    st.session_state[PICK_KEY] = None
picked = st.selectbox(
    t("feeling.notes_unit", lang),
    choices,
    key=PICK_KEY,
    format_func=lambda u: t("feeling.all_units", lang) if u is None else names.get(u, str(u)),
    placeholder=t("feeling.all_units", lang),  # None from session state shows the placeholder
)
state.mirror({"grain": grain, "notes": picked})
if picked is not None:
    st.page_link(
        "views/units.py",
        label=t("feeling.open_unit", lang),
        query_params={"unit": str(picked)},
        icon=":material/open_in_new:",
    )
notes = data.mentor_notes(scope=scope if picked is None else scope.for_units([picked]))
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
