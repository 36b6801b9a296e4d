"""Indicators (admins only): the organisation's own indicators, what each holds and how it is
defined (names, unit of measure, direction, aggregation, decimals, place on the scorecard, help
text), defined, changed and removed here with every change audited and the stored values left
as they are; the presets that compare with others added; the yearly staff report downloaded."""

import datetime as dt

import pandas as pd
import streamlit as st

from core import formats as fmt
from core import own_indicators as own
from core.entry import read_number
from core.own_indicators import DefinitionError
from core.texts import t
from data_model import own_indicators
from ui import auth, data, export, staff_report, state, user
from ui.mapping import plain

lang = state.language()
auth.require(lang, "admin")  # definitions change every page's figures
engine = data.engine()
st.title(t("own.title", lang))
st.write(t("own.intro", lang))

notice = st.session_state.pop("own_notice", None)
if notice:
    st.success(notice)

definitions = data.own_definitions()
counts = data.own_value_counts()


def how_text(definition: own.Definition) -> str:
    if definition.formula:
        return t("own.formula", lang)
    text = t(f"own.aggregate.{definition.aggregate}", lang)
    return t("own.per_year", lang, how=text) if definition.per_year else text


def months_text(definition: own.Definition) -> str:
    if definition.formula:
        return t("own.from_workforce", lang)
    n, first, last = counts.get(definition.id, (0, None, None))
    if not n:
        return t("own.no_values", lang)
    first, last = (fmt.bucket_label(m, "month", lang=lang) for m in (first, last))
    return t("own.values", lang, n=n, span=f"{first}–{last}")


if not definitions:
    st.info(t("own.none", lang))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("col.indicator", lang): [d.name(lang) for d in definitions],
                t("own.col.aggregate", lang): [how_text(d) for d in definitions],
                t("own.col.measure", lang): [
                    t(f"own.measure.{own.MEASURE_NAMES[d.measure]}", lang) for d in definitions
                ],
                t("col.direction", lang): [t(f"own.better.{d.better}", lang) for d in definitions],
                t("own.col.scorecard", lang): [
                    str(d.position) if d.scorecard else "–" for d in definitions
                ],
                t("own.col.values", lang): [months_text(d) for d in definitions],
                t("own.col.code", lang): [d.code for d in definitions],
            }
        ),
        hide_index=True,
        key="own_table",
    )

# --- Defining one -------------------------------------------------------------------------------

st.header(t("own.new", lang))
st.caption(t("own.new_help", lang))
with st.form("own_new_form", enter_to_submit=False, clear_on_submit=True):
    new_name = st.text_input(t("own.new_name", lang), key="own_new_name")
    defined = st.form_submit_button(t("own.define", lang))
if defined:
    try:
        made = own_indicators.define_named(engine=engine, name=new_name, user=user.name())
    except DefinitionError as error:
        st.error(plain(t(f"own.error.{error.code}", lang, **error.params)))
    else:
        data.refresh()
        st.session_state["own_pick"] = made.code
        st.session_state["own_notice"] = t("own.defined", lang, name=plain(made.name_fi))
        st.rerun()

# --- Changing one -------------------------------------------------------------------------------

if definitions:
    st.header(t("own.edit", lang))
    st.caption(t("own.edit_help", lang))
    codes = [d.code for d in definitions]
    by_code = {d.code: d for d in definitions}
    code = st.selectbox(
        t("own.pick", lang),
        codes,
        format_func=lambda c: by_code[c].name(lang),
        key="own_pick",
    )
    chosen = by_code[code]

    def key(name: str) -> str:
        return f"own_{name}_{code}"

    with st.form(key("form"), enter_to_submit=False):
        names = st.columns(3)
        name_fi = names[0].text_input(t("own.name_fi", lang), chosen.name_fi, key=key("fi"))
        name_sv = names[1].text_input(t("own.name_sv", lang), chosen.name_sv, key=key("sv"))
        name_en = names[2].text_input(t("own.name_en", lang), chosen.name_en, key=key("en"))
        how = st.columns(3)
        measure = how[0].selectbox(
            t("own.col.measure", lang),
            own.MEASURES,
            index=own.MEASURES.index(chosen.measure),
            format_func=lambda m: t(f"own.measure.{own.MEASURE_NAMES[m]}", lang),
            key=key("measure"),
        )
        better = how[1].selectbox(
            t("col.direction", lang),
            own.BETTER,
            index=own.BETTER.index(chosen.better),
            format_func=lambda b: t(f"own.better.{b}", lang),
            key=key("better"),
        )
        aggregate = how[2].selectbox(
            t("own.col.aggregate", lang),
            own.AGGREGATES,
            index=own.AGGREGATES.index(chosen.aggregate),
            format_func=lambda a: t(f"own.aggregate.{a}", lang),
            key=key("aggregate"),
            disabled=chosen.formula is not None,
            help=t("own.aggregate_help", lang),
        )
        flags = st.columns(3)
        per_year = flags[0].toggle(
            t("own.per_year_toggle", lang),
            chosen.per_year,
            key=key("per_year"),
            disabled=chosen.formula is not None,
            help=t("own.per_year_help", lang),
        )
        personal = flags[1].toggle(
            t("own.personal", lang),
            chosen.personal,
            key=key("personal"),
            disabled=chosen.formula is not None,
            help=t("own.personal_help", lang),
        )
        decimals = flags[2].number_input(
            t("own.decimals", lang), 0, own.MAX_DECIMALS, chosen.decimals, key=key("decimals")
        )
        place = st.columns(3)
        scorecard = place[0].toggle(
            t("own.scorecard", lang), chosen.scorecard, key=key("scorecard")
        )
        position = place[1].number_input(
            t("own.position", lang), 0, 999, chosen.position, key=key("position")
        )
        target_text = place[2].text_input(
            t("col.default_target", lang),
            fmt.entry_number(chosen.target, lang, chosen.decimals),
            key=key("target"),
        )
        texts = st.columns(3)
        description_fi = texts[0].text_area(
            t("own.description_fi", lang), chosen.description_fi, key=key("d_fi")
        )
        description_sv = texts[1].text_area(
            t("own.description_sv", lang), chosen.description_sv, key=key("d_sv")
        )
        description_en = texts[2].text_area(
            t("own.description_en", lang), chosen.description_en, key=key("d_en")
        )
        saved = st.form_submit_button(t("own.save", lang), type="primary")
    if saved:
        target = None
        problem = None
        if target_text.strip():
            entry = read_number(target_text, lang, decimals=own.MAX_DECIMALS)
            target, problem = (entry.value, None) if entry.ok else (None, entry.problem)
        if problem:
            st.error(plain(problem))
        else:
            changes = {
                "name_fi": name_fi,
                "name_sv": name_sv,
                "name_en": name_en,
                "measure": measure,
                "better": better,
                "decimals": int(decimals),
                "scorecard": scorecard,
                "position": int(position),
                "target": target,
                "description_fi": description_fi.strip(),
                "description_sv": description_sv.strip(),
                "description_en": description_en.strip(),
            }
            if chosen.formula is None:
                changes |= {"aggregate": aggregate, "per_year": per_year, "personal": personal}
            try:
                own_indicators.change(engine=engine, name=chosen.code, user=user.name(), **changes)
            except DefinitionError as error:
                st.error(plain(t(f"own.error.{error.code}", lang, **error.params)))
            else:
                data.refresh()
                st.session_state["own_notice"] = t("own.saved", lang, name=plain(name_fi))
                st.rerun()

    if st.button(t("own.remove", lang), key=key("remove"), help=t("own.remove_help", lang)):
        try:
            gone = own_indicators.remove(engine=engine, name=chosen.code, user=user.name())
        except DefinitionError as error:
            st.error(plain(t(f"own.error.{error.code}", lang, **error.params)))
        else:
            data.refresh()
            st.session_state.pop("own_pick", None)
            st.session_state["own_notice"] = t("own.removed", lang, name=plain(gone.name_fi))
            st.rerun()

# --- Presets ------------------------------------------------------------------------------------

st.header(t("own.presets", lang))
st.caption(t("own.presets_help", lang))
left, right = st.columns(2)
for column, preset in zip((left, right), own.PRESETS, strict=True):
    column.markdown(f"**{t(f'own.preset.{preset}', lang)}**")
    column.caption(", ".join(d.name(lang) for d in own.PRESETS[preset]))
    if column.button(t("own.add_preset", lang), key=f"own_preset_{preset}"):
        added = own_indicators.add_preset(engine=engine, preset=preset, user=user.name())
        data.refresh()
        text = (
            t("own.preset_added", lang, names=", ".join(added))
            if added
            else t("own.preset_there", lang)
        )
        st.session_state["own_notice"] = text
        st.rerun()

# --- The yearly staff report --------------------------------------------------------------------

st.header(t("staff_report.heading", lang))
st.caption(t("staff_report.help", lang))
scope = state.current_scope()
last = (scope.end or dt.date.today()).year
year = st.selectbox(
    t("staff_report.year", lang), list(range(last, last - 6, -1)), key="own_report_year"
)
years = staff_report.yearly(scope, year, lang)
areas = staff_report.by_area(scope, year, lang)
st.dataframe(years, hide_index=True, key="own_report_table")
top = staff_report.context(scope, year, lang)
st.download_button(
    t("staff_report.download", lang),
    # Built when pressed, from the figures this run read (no query outside the page's run).
    data=export.recorded(
        lambda: staff_report.workbook(top, years, areas, year, lang), "staff_report", year=year
    ),
    file_name=t("staff_report.file", lang, year=year),
    mime=export.XLSX_MIME,
    key="own_report_download",
    on_click="ignore",
)
