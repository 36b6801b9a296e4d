"""Trends: chosen indicators over days, weeks, months, periods or years, against target, for the
whole selection or per unit or service area; years side by side; the numbers as .xlsx."""

import pandas as pd
import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core.periods import GRAINS
from core.scope import GROUPINGS
from core.texts import t
from core.wording import value_text
from ui import band_chart, charts, data, drawing, export, labels, state

HIGHLIGHT_KEY = "trend_highlight"
# Up to this many rows the table's answer counts stay numbers (they sort as numbers), written
# by a Styler; beyond it they are text, as a Styler grows slow (and has a cell limit).
STYLED_ROWS = 2_000


def year_start(day):
    """Years side by side shows whole years: from 1 January of the selection's first year."""
    return day.replace(month=1, day=1) if day else None


lang = state.language()
scope = state.current_scope()
reading = data.reading()
st.title(t("trends.title", lang))
st.caption(labels.scope_caption(scope, lang) if scope.end else t("sidebar.no_data", lang))

codes = [i.code for i in catalog.every()]  # built-in, then own
# The page's choices come from a shared link and go back into the URL.
state.choices("trend_indicators", "ind", codes, ["feedback_mean"])
state.choice("trend_grain", "grain", GRAINS, "month")
state.choice("trend_by", "by", GROUPINGS, "total")
state.flag("trend_years", "years")
left, middle, right = st.columns([3, 2, 2])
chosen = left.multiselect(
    t("trends.indicators", lang),
    codes,
    format_func=lambda c: catalog.get(c).name(lang),
    key="trend_indicators",
    placeholder=t("trends.choose_indicators", lang),
)
grain = middle.selectbox(
    t("grain", lang),
    GRAINS,
    format_func=lambda g: t(f"grain.{g}", lang),
    key="trend_grain",
)
# Years side by side compares whole years of the selection, so it has no per-unit series.
by = right.radio(
    t("trends.by", lang),
    GROUPINGS,
    format_func=lambda b: t(f"trends.by.{b}", lang),
    key="trend_by",
    horizontal=True,
    disabled=bool(st.session_state.get("trend_years")),
)
years = st.toggle(t("trends.years", lang), help=t("trends.years_help", lang), key="trend_years")
page_params = {"ind": chosen, "grain": grain, "by": by, "years": years}

survey = question = None
if any(catalog.get(c).source == "feedback" for c in chosen):
    pairs = data.surveys_and_questions(reading=reading)
    s_col, q_col = st.columns(2)
    surveys = sorted({s for s, _ in pairs})
    state.choice("trend_survey", "survey", [None, *surveys], None)
    survey = s_col.selectbox(
        t("trends.survey", lang),
        [None, *surveys],
        format_func=lambda s: t("trends.all", lang) if s is None else s,
        key="trend_survey",
        placeholder=t("trends.all", lang),  # None set from a link reads as a placeholder
    )
    questions = sorted({q for s, q in pairs if survey is None or s == survey})
    state.choice("trend_question", "question", [None, *questions], None)
    if st.session_state["trend_question"] not in [None, *questions]:
        st.session_state["trend_question"] = None
    question = q_col.selectbox(
        t("trends.question", lang),
        [None, *questions],
        format_func=lambda q: t("trends.all", lang) if q is None else q,
        key="trend_question",
        placeholder=t("trends.all", lang),
    )
    page_params |= {"survey": survey, "question": question}
else:
    for param in ("survey", "question"):
        if param in st.query_params:
            del st.query_params[param]

# Years side by side needs whole years at a week or month grain.
query_grain = ("week" if grain == "week" else "month") if years else grain
start = year_start(scope.start) if years else scope.start
selection = labels.selection_name(scope, lang)
frames = {}
for code in chosen:
    indicator = catalog.get(code)
    feedback = indicator.source == "feedback"
    frames[code] = data.series(
        indicator=indicator,
        grain=query_grain,
        reading=reading,
        by="total" if years else by,
        scope=scope.between(start, scope.end).for_questions(
            survey if feedback else None, question if feedback else None
        ),
    )

# Per unit or area, one series can be highlighted against the grey others: with
# more than a handful of lines that is the default, so 12 units never tangle.
named = {}
for frame in frames.values():
    if not years and by != "total" and not frame.empty:
        pairs = frame[["series_id", "series"]].drop_duplicates()  # once a series, not a row
        named |= {
            int(sid): labels.series_name(n, lang)
            for sid, n in zip(pairs["series_id"], pairs["series"], strict=True)
            if sid is not None and not pd.isna(sid)
        }
highlight = None
if named:
    options = [None, *sorted(named, key=lambda sid: named[sid])]
    # Opened on a series with figures to see: never on a unit whose feedback is all hidden.
    visible = {
        int(sid)
        for frame in frames.values()
        if not frame.empty
        for sid, value in zip(frame["series_id"], frame["value"], strict=True)
        if sid is not None and not pd.isna(sid) and not pd.isna(value)
    }
    first = next((o for o in options[1:] if o in visible), options[1])
    state.choice(
        HIGHLIGHT_KEY, "highlight", options, first if len(named) > charts.MANY_SERIES else None
    )
    if st.session_state.get(HIGHLIGHT_KEY) not in options:
        st.session_state[HIGHLIGHT_KEY] = None
    highlight = st.selectbox(
        t("trends.highlight", lang),
        options,
        key=HIGHLIGHT_KEY,
        format_func=lambda sid: t("trends.highlight_none", lang) if sid is None else named[sid],
        placeholder=t("trends.highlight_none", lang),
    )
    page_params["highlight"] = highlight
elif "highlight" in st.query_params:
    del st.query_params["highlight"]
state.mirror(page_params)

tables = []
for code, frame in frames.items():
    indicator = catalog.get(code)
    if frame.empty:
        st.info(t("trends.no_data", lang, name=indicator.name(lang)))
        continue
    # Each year's own target: 2024's line and rows carry the target 2024 had.
    target = {
        year: data.target_for(indicator=code, unit_id=scope.single_unit, year=year)
        for year in sorted({day.year for day in frame["bucket_start"]})
    }
    # The whole selection's series by its real name: one unit's line is not "Kaikki yksiköt".
    renamed = frame.assign(series=frame["series"].replace("", selection))
    # Past what a chart can show (60 units by day), the highlighted series against a band.
    crowded = not years and band_chart.line_marks(renamed) > band_chart.MAX_MARKS
    spec = None
    if years:
        spec = drawing.specs(
            charts.years_chart,
            frame,
            code,
            query_grain,
            lang,
            target,
            period_kind=reading.period_kind,
        )
    elif crowded and band_chart.band_marks(renamed) <= band_chart.MAX_MARKS:
        spec = drawing.specs(
            band_chart.band_chart,
            renamed,
            code,
            lang,
            target,
            grain,
            period_kind=reading.period_kind,
            highlight=highlight,
        )
    elif not crowded:
        spec = drawing.specs(
            charts.trend_chart,
            renamed,
            code,
            lang,
            target,
            grain,
            period_kind=reading.period_kind,
            highlight=highlight,
        )
    if spec is not None:
        drawing.show(spec, height=charts.HEIGHT)
    if crowded:
        note = band_chart.note(renamed, lang, highlight=highlight, drawn=spec is not None)
        (st.caption if spec is not None else st.info)(note)
    grain_of_data = charts.data_grain(indicator, query_grain)
    shown = labels.with_labels(
        charts.shown_values(renamed, indicator, grain_of_data),
        grain_of_data,
        reading.period_kind,
        lang,
    )
    # Each distinct value written once (66 000 rows by day hold a few thousand values).
    texts = labels.each_once(shown["value"], lambda v, c=code: value_text(v, c, lang))
    texts[shown["suppressed"].to_numpy(dtype=bool)] = t("value.suppressed", lang)
    monthly_rate = charts.month_rate(indicator, grain_of_data)  # no yearly target beside it
    tables.append(
        shown.assign(
            indicator=charts.indicator_title(indicator, grain_of_data, lang),
            code=code,
            target=[None if monthly_rate else target.get(d.year) for d in shown["bucket_start"]],
            value_text=texts,
        )
    )

if tables:
    numbers = pd.concat(tables, ignore_index=True)
    table = pd.DataFrame(
        {
            t("col.indicator", lang): numbers["indicator"],
            t("col.period", lang): numbers["label"],
            t("col.series", lang): numbers["series"],
            t("col.value", lang): numbers["value_text"],
            t("col.answers_n", lang): numbers["n"],  # numbers, so they sort and export as numbers
        }
    )
    st.subheader(t("trends.table", lang))
    answers = t("col.answers_n", lang)  # numbers, shown with the language's thousands space

    def answers_text(n) -> str:  # n is 0 only where a figure is hidden: so is its count
        return fmt.integer(n, lang) if n else "–"

    if len(table) <= STYLED_ROWS:
        shown_table = table.style.format({answers: answers_text})
    else:  # a Styler costs 0,3 s a rerun at 10 000 rows and refuses 65 000
        shown_table = table.assign(**{answers: labels.each_once(table[answers], answers_text)})
    st.dataframe(shown_table, hide_index=True, key="trend_table")

    def export_frame() -> pd.DataFrame:  # made when the download is pressed, not every rerun
        codes = numbers["code"]
        table = pd.DataFrame(
            {
                t("col.indicator", lang): numbers["indicator"],
                t("export.col.period_start", lang): numbers["bucket_start"],  # an Excel date
                t("col.period", lang): numbers["label"],
                t("col.series", lang): numbers["series"],
                # Rounded as the page shows it; a hidden value says why instead of a blank.
                t("col.value", lang): [
                    export.hidden_reason(lang, reading.min_answers) if s else export.rounded(v, c)
                    for v, s, c in zip(numbers["value"], numbers["suppressed"], codes, strict=True)
                ],
                t("col.answers_n", lang): numbers["n"].where(~numbers["suppressed"], None),
                t("col.target", lang): [
                    export.rounded(v, c) for v, c in zip(numbers["target"], codes, strict=True)
                ],
            }
        )
        per_row = [export.excel_format(c) for c in codes]
        return export.with_formats(
            table,
            {
                t("col.value", lang): per_row,
                t("col.target", lang): per_row,
                t("col.answers_n", lang): "#,##0",
            },
        )

    top = export.context(
        t("trends.export_title", lang),
        lang,
        scope=scope,
        grain=query_grain,
        survey=survey,
        question=question,
        min_answers=reading.min_answers,
        feedback=any(catalog.get(c).source == "feedback" for c in chosen),
        extra=[(t("trends.by", lang), t("trends.years" if years else f"trends.by.{by}", lang))],
    )
    sheets = [
        (t("export.sheet_definitions", lang), export.definitions(chosen, lang, reading.min_answers))
    ]
    st.download_button(
        # A callable: the file is built only when the button is pressed, not on every rerun.
        t("trends.download", lang),
        data=export.recorded(
            lambda: export.xlsx_bytes(
                export_frame(), t("export.sheet_table", lang), lang=lang, top=top, more=sheets
            ),
            "trends",
            rows=len(numbers),
        ),
        file_name=t("trends.file", lang),
        mime=export.XLSX_MIME,
        key="trend_download",
        on_click="ignore",
    )
    st.caption(t("privacy.note", lang, n=reading.min_answers))
