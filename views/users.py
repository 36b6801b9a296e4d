"""Users (admins only): who may sign in, with what role, and which units and service areas a
manager or viewer sees (at least one, or every unit for a viewer); add, change, disable, set a
password. Every change is audited; a password change or disabling signs the user out
everywhere."""

import pandas as pd
import streamlit as st

from core.texts import t
from data_model import users
from ui import auth, data, state
from ui.plain import escape_markdown as plain

lang = state.language()
NONE_CHOSEN = t("users.none_chosen", lang)  # a manager or viewer needs some (or all_units)
PASSWORD_HELP = t("users.password_help", lang, n=users.MIN_PASSWORD_LENGTH)
auth.require(lang, "admin")
engine = data.engine()
st.title(t("users.title", lang))
st.write(t("users.intro", lang))

done = st.session_state.pop("users_done", None)
if done:
    st.success(done)


def error_text(error: users.UserError) -> str:
    names = plain(", ".join(error.names))
    return t(f"users.error.{error.code}", lang, names=names, n=users.MIN_PASSWORD_LENGTH)


def role_name(role: str) -> str:
    return t(f"role.{role}", lang)


accounts = users.list_users(engine=engine)
if accounts:
    st.dataframe(
        pd.DataFrame(
            {
                t("users.col.name", lang): [a.name for a in accounts],
                t("users.col.role", lang): [role_name(a.role) for a in accounts],
                t("users.col.email", lang): [a.email or "" for a in accounts],
                t("users.col.units", lang): ["; ".join(a.units) for a in accounts],
                t("users.col.areas", lang): ["; ".join(a.areas) for a in accounts],
                t("users.all_units", lang): [a.all_units for a in accounts],
                t("users.col.disabled", lang): [a.disabled for a in accounts],
                t("users.col.password", lang): [a.has_password for a in accounts],
            }
        ),
        hide_index=True,
        key="users_table",
    )
else:
    st.info(t("users.none", lang))

unit_names = sorted(u["name"] for u in data.units())
area_names = sorted(name for _, name in data.service_areas())

st.header(t("users.add", lang))
# The forms are sent with their buttons only: no accidental user change on Enter, and no
# Streamlit "Press Enter to submit form" (English only) under the fields.
with st.form("users_add_form", clear_on_submit=True, enter_to_submit=False):
    name = st.text_input(t("users.name", lang), key="users_add_name")
    role = st.selectbox(
        t("users.role", lang), users.ROLES, index=1, format_func=role_name, key="users_add_role"
    )
    email = st.text_input(t("users.email", lang), key="users_add_email")
    units = st.multiselect(
        t("users.units", lang), unit_names, key="users_add_units", placeholder=NONE_CHOSEN
    )
    areas = st.multiselect(
        t("users.areas", lang), area_names, key="users_add_areas", placeholder=NONE_CHOSEN
    )
    all_units = st.checkbox(t("users.all_units", lang), key="users_add_all_units")
    password = st.text_input(
        t("users.password", lang), type="password", key="users_add_password", help=PASSWORD_HELP
    )
    if st.form_submit_button(t("users.save", lang)):
        try:
            users.add_user(
                engine=engine,
                name=name,
                role=role,
                password=password or None,
                email=email.strip() or None,
                units=units,
                areas=areas,
                all_units=all_units,
            )
        except users.UserError as error:
            st.error(error_text(error))
        else:
            auth.record(
                "user_add",
                name=name.strip(),
                role=role,
                email=email.strip(),
                units=units,
                areas=areas,
                all_units=all_units,
            )
            st.session_state["users_done"] = t("users.added", lang, name=plain(name.strip()))
            st.rerun()

if accounts:
    st.header(t("users.edit", lang))
    by_name = {a.name: a for a in accounts}
    chosen = by_name[st.selectbox(t("users.choose", lang), list(by_name), key="users_edit_user")]
    with st.form("users_edit_form", enter_to_submit=False):
        role = st.selectbox(
            t("users.role", lang),
            users.ROLES,
            format_func=role_name,
            index=users.ROLES.index(chosen.role),
            key=f"users_role_{chosen.id}",
        )
        email = st.text_input(
            t("users.email", lang), value=chosen.email or "", key=f"users_email_{chosen.id}"
        )
        units = st.multiselect(
            t("users.units", lang),
            sorted({*unit_names, *chosen.units}),
            default=list(chosen.units),
            key=f"users_units_{chosen.id}",
            placeholder=NONE_CHOSEN,
        )
        areas = st.multiselect(
            t("users.areas", lang),
            sorted({*area_names, *chosen.areas}),
            default=list(chosen.areas),
            key=f"users_areas_{chosen.id}",
            placeholder=NONE_CHOSEN,
        )
        all_units = st.checkbox(
            t("users.all_units", lang), value=chosen.all_units, key=f"users_all_{chosen.id}"
        )
        disabled = st.checkbox(
            t("users.disabled", lang), value=chosen.disabled, key=f"users_disabled_{chosen.id}"
        )
        if st.form_submit_button(t("users.save", lang)):
            try:
                users.update_user(
                    engine=engine,
                    name=chosen.name,
                    role=role,
                    email=email,
                    units=units,
                    areas=areas,
                    all_units=all_units,
                    disabled=disabled,
                )
            except users.UserError as error:
                st.error(error_text(error))
            else:
                action = "user_disable" if disabled and not chosen.disabled else "user_change"
                auth.record(
                    action,
                    name=chosen.name,
                    role=role,
                    email=email.strip(),
                    units=units,
                    areas=areas,
                    all_units=all_units,
                    disabled=disabled,
                )
                st.session_state["users_done"] = t("users.changed", lang, name=plain(chosen.name))
                st.rerun()
    with st.form("users_password_form", clear_on_submit=True, enter_to_submit=False):
        new = st.text_input(
            t("users.new_password", lang),
            type="password",
            key="users_new_password",
            help=PASSWORD_HELP,
        )
        if st.form_submit_button(t("users.set_password", lang)):
            try:
                users.set_password(engine=engine, name=chosen.name, password=new)
            except users.UserError as error:
                st.error(error_text(error))
            else:
                auth.record("user_password", name=chosen.name)
                st.session_state["users_done"] = t(
                    "users.password_set", lang, name=plain(chosen.name)
                )
                st.rerun()
