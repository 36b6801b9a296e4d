"""Settings: what 'period' means, the privacy threshold, the yellow band, and the targets
(edited in a table; imported targets show here too)."""

import datetime as dt

import pandas as pd
import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core import wording
from core.entry import read_number
from core.periods import PERIOD_KINDS
from core.texts import t
from data_model.app_settings import PRIVACY_FLOOR, set_setting
from data_model.targets import list_targets, save_targets
from ui import auth, data, export, feeling_settings, state
from ui import scorecard as sc
from ui.entry import number_field, show_problems
from ui.mapping import plain

# What a target cell may hold: digits with spaces between thousands, one decimal comma or dot.
NUMBER_PATTERN = r"^\s*[-−+]?\d[\d \u00a0]*([.,]\d+)?\s*%?\s*$"

lang = state.language()
auth.require(lang, "admin")  # settings and targets are for admins
engine = data.engine()
st.title(t("settings.title", lang))
current = data.settings()

with st.form("settings_form", enter_to_submit=False):
    period_kind = st.selectbox(
        t("settings.period_kind", lang),
        PERIOD_KINDS,
        index=PERIOD_KINDS.index(current["period_kind"]),
        format_func=lambda k: t(f"period_kind.{k}", lang),
        help=t("settings.period_kind_help", lang),
        key="settings_period_kind",
    )
    min_answers = number_field(
        st,
        t("settings.min_answers", lang),
        key="settings_min_answers",
        current=int(current["min_answers"]),
        lang=lang,
        low=1,
        high=100,
        integer=True,
    )
    # A new threshold under the floor exposes single answerers: it is saved only when the admin
    # confirms what it exposes, and the confirmation goes into the audit log.
    lowered = (
        min_answers.ok
        and int(min_answers.value) < PRIVACY_FLOOR
        and int(min_answers.value) != int(current["min_answers"])
    )
    confirmed = False
    if lowered:
        if st.session_state.get("settings_low_unconfirmed"):
            st.error(
                t("settings.low_privacy_needed", lang, floor=PRIVACY_FLOOR), icon=":material/error:"
            )
        confirmed = st.checkbox(
            t(
                "settings.low_privacy_confirm",
                lang,
                n=int(min_answers.value),
                floor=PRIVACY_FLOOR,
            ),
            key="settings_confirm_low",
        )
    margin = number_field(
        st,
        t("settings.margin", lang),
        key="settings_margin",
        current=float(current["target_margin"]) * 100,
        lang=lang,
        low=0,
        high=50,
    )
    rolling_under = number_field(
        st,
        t("settings.rolling_under", lang),
        key="settings_rolling_under",
        current=int(current["rolling_under"]),
        lang=lang,
        low=0,
        high=1000,
        integer=True,
        help=t("settings.rolling_under_help", lang),
    )
    attention = feeling_settings.inputs(current, lang)  # the feeling meter's rules
    if st.form_submit_button(t("settings.save", lang)):
        fields = [min_answers, margin, rolling_under, *attention.values()]
        unconfirmed = lowered and not confirmed
        st.session_state["settings_low_unconfirmed"] = unconfirmed
        if unconfirmed or not all(field.ok for field in fields):
            show_problems(True)
            st.session_state["settings_invalid"] = True
            st.rerun()  # draw each field's message under it
        show_problems(False)
        values = {key: field.value for key, field in attention.items()}
        values["feeling_drop"] = round(float(values["feeling_drop"]), 2)
        values["feeling_low"] = round(float(values["feeling_low"]), 2)
        set_setting(engine=engine, key="period_kind", value=period_kind)
        set_setting(engine=engine, key="min_answers", value=int(min_answers.value))
        set_setting(engine=engine, key="target_margin", value=round(margin.value / 100, 4))
        set_setting(engine=engine, key="rolling_under", value=int(rolling_under.value))
        for key, value in values.items():
            set_setting(engine=engine, key=key, value=value)
        auth.record(
            "settings",
            period_kind=period_kind,
            min_answers=int(min_answers.value),
            target_margin=round(margin.value / 100, 4),
            rolling_under=int(rolling_under.value),
            **({"privacy_below_floor_confirmed": True} if lowered else {}),
            **values,
        )
        data.refresh()
        st.success(t("settings.saved", lang))
if st.session_state.pop("settings_invalid", False):
    st.error(t("settings.invalid", lang))

st.header(t("settings.targets", lang))
st.caption(t("settings.targets_help", lang))
units = {u["id"]: u["name"] for u in data.units()}
unit_ids = {name: uid for uid, name in units.items()}
names = {i.code: i.name(lang) for i in catalog.every()}  # the own indicators too
codes = {name: code for code, name in names.items()}
ALL = t("sidebar.all_units", lang)
ALL_YEARS = t("settings.all_years", lang)
first, last = data.data_span()
this_year = (last or dt.date.today()).year
years = [str(y) for y in range((first.year if first else this_year) - 1, this_year + 3)]


def _decimals(code: str) -> int:
    """A target's decimals as its indicator writes them (2 for one no longer defined)."""
    try:
        return wording.decimals(catalog.get(code))
    except ValueError:
        return 2


rows = list_targets(engine=engine)
table = pd.DataFrame(
    {
        # Text columns even when empty: an empty list would make a float column, and the
        # editor would then refuse the names picked for a first new row.
        "indicator": pd.array(
            [names.get(r["indicator"], r["indicator"]) for r in rows], dtype="str"
        ),
        "unit": pd.array(
            [units.get(r["unit_id"], ALL) if r["unit_id"] else ALL for r in rows], dtype="str"
        ),
        # A choice, not a number: an empty number cell reads "None" in the editor.
        "year": pd.array([str(r["year"]) if r["year"] else ALL_YEARS for r in rows], dtype="str"),
        # Text, so "3,7" reads as 3,7 (a number column writes and reads 3.7 only).
        "target": pd.array(
            [fmt.entry_number(r["target"], lang, _decimals(r["indicator"])) for r in rows],
            dtype="str",
        ),
    }
)
table_years = {y for y in table["year"] if y != ALL_YEARS}
edited = st.data_editor(
    table,
    num_rows="dynamic",
    hide_index=True,
    key="targets_editor",
    column_config={
        "indicator": st.column_config.SelectboxColumn(
            t("col.indicator", lang), options=list(codes), required=True
        ),
        "unit": st.column_config.SelectboxColumn(
            t("col.unit", lang), options=[ALL, *unit_ids], default=ALL
        ),
        "year": st.column_config.SelectboxColumn(
            t("col.year", lang),
            options=[ALL_YEARS, *sorted(set(years) | set(table_years))],
            default=ALL_YEARS,
        ),
        "target": st.column_config.TextColumn(
            t("col.target", lang),
            required=True,
            validate=NUMBER_PATTERN,
            help=t("settings.target_help", lang),
        ),
    },
)
if st.button(t("settings.targets_save", lang), type="primary", key="targets_save"):
    wanted, problems = [], []
    for row_number, r in enumerate(edited.to_dict("records"), start=1):
        indicator = catalog.find(str(r.get("indicator") or ""))
        if indicator is None or str(r.get("target") or "").strip() == "":
            continue  # a row without an indicator or a target is left out
        low, high = indicator.range
        entry = read_number(
            r["target"], lang, low=low, high=high, decimals=wording.decimals(indicator)
        )
        if not entry.ok:
            problems.append(
                t(
                    "settings.target_problem",
                    lang,
                    row=row_number,
                    name=indicator.name(lang),
                    problem=entry.problem,
                )
            )
            continue
        wanted.append(
            {
                "indicator": indicator.code,
                "unit_id": unit_ids.get(r["unit"]),
                "year": int(r["year"]) if str(r["year"] or "").isdigit() else None,
                "target": entry.value,
            }
        )
    if problems:  # nothing is saved; the editor keeps what was typed
        # The problems quote what was typed: escaped, so it shows as plain text.
        lines = [t("settings.targets_invalid", lang), *(f"- {plain(p)}" for p in problems)]
        st.error("\n".join(lines))
    else:
        changed = save_targets(engine=engine, rows=wanted)
        auth.record("targets", rows=len(edited), changed=changed)
        data.refresh()
        # Redraw the editor from what is stored now (its pending edits belong to the old table).
        st.session_state["targets_saved"] = changed
        st.rerun()
saved = st.session_state.pop("targets_saved", None)
if saved is not None:
    st.success(t("settings.targets_saved", lang, n=saved))

with st.expander(t("settings.defaults", lang)):
    st.dataframe(
        pd.DataFrame(
            {
                t("col.indicator", lang): [i.name(lang) for i in catalog.every()],
                t("col.default_target", lang): [
                    sc.value_text(i.default_target, i.code, lang) for i in catalog.every()
                ],
                t("col.direction", lang): [
                    t(export.direction_key(i), lang) for i in catalog.every()
                ],
                t("col.description", lang): [i.description(lang) for i in catalog.every()],
            }
        ),
        hide_index=True,
    )
