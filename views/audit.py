"""Audit log (admins only): who signed in, imported, removed, changed or exported what and
when, filtered by days, user and event, and downloadable as .xlsx (itself an audited export)."""

import datetime as dt

import pandas as pd
import streamlit as st

from core import formats as fmt
from core.texts import t
from data_model import audit
from ui import auth, data, export, labels, state

lang = state.language()
auth.require(lang, "admin")
engine = data.engine()
st.title(t("audit.title", lang))
st.write(t("audit.intro", lang))

today = dt.datetime.now(fmt.HELSINKI).date()
left, middle, right = st.columns(3)
days = left.date_input(
    t("audit.dates", lang),
    value=(today - dt.timedelta(days=30), today),
    format=fmt.date_input_format(lang),
    key="audit_dates",
)
everyone = sorted({e["user"] for e in audit.events(engine=engine, limit=100_000)})
who = middle.selectbox(
    t("audit.user", lang),
    [None, *everyone],
    key="audit_user",
    format_func=lambda u: t("audit.all_users", lang) if u is None else u,
)
actions = right.multiselect(
    t("audit.actions", lang),
    audit.ACTIONS,
    key="audit_actions",
    format_func=lambda a: t(f"audit.action.{a}", lang),
    placeholder=t("audit.all_actions", lang),
)

start, end = (days[0], days[-1]) if days else (None, None)
found = audit.events(engine=engine, start=start, end=end, user=who, actions=actions or None)
if not found:
    st.info(t("audit.none", lang))
    st.stop()
table = pd.DataFrame(
    {
        t("audit.col.at", lang): [fmt.datetime(e["at"], lang) for e in found],
        t("audit.col.user", lang): [e["user"] for e in found],
        t("audit.col.action", lang): [t(f"audit.action.{e['action']}", lang) for e in found],
        t("audit.col.details", lang): [labels.audit_details(e["details"], lang) for e in found],
    }
)
st.dataframe(table, hide_index=True, key="audit_table")
top = export.context(
    t("audit.title", lang),
    lang,
    extra=[
        (t("audit.dates", lang), f"{fmt.date(start, lang)} – {fmt.date(end, lang)}"),
        (t("audit.user", lang), who or t("audit.all_users", lang)),
        (
            t("audit.actions", lang),
            ", ".join(t(f"audit.action.{a}", lang) for a in actions) or t("trends.all", lang),
        ),
    ],
)
st.download_button(
    t("audit.download", lang),
    data=export.recorded(  # built on click
        lambda: export.xlsx_bytes(table, sheet=t("audit.sheet", lang), lang=lang, top=top),
        "audit",
        rows=len(table),
    ),
    file_name=t("audit.file", lang),
    mime=export.XLSX_MIME,
    key="audit_download",
    on_click="ignore",
)
