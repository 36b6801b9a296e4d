"""A unit's picture for a meeting: an .xlsx with one sheet per section, each under a block
naming the unit, dates, filters, privacy threshold, export time and who exported, and a
printable A4 PDF (core.pdf) with the charts as images (Altair rendered by vl-convert). Built only
when the download is asked for."""

import datetime as dt
from dataclasses import dataclass, field

import altair as alt
import pandas as pd
import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core import periods
from core.pdf import A4, PDF_MIME
from core.texts import t
from core.wording import value_text
from ui import drawing, export, labels

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Picture:
    """Everything the unit's page showed, as texts and tables."""

    unit: dict
    lang: str
    dates: str
    filters: str
    timeline: str
    facts: list[tuple[str, str]]
    cards: pd.DataFrame
    context: pd.DataFrame
    panel: pd.DataFrame | None
    sentences: list[str]
    blocks: list[list[str]]
    comments: pd.DataFrame
    min_answers: int
    cards_text: pd.DataFrame | None = None  # the scorecard as the PDF prints it
    context_numbers: pd.DataFrame | None = None  # the spreadsheet's: numbers, not texts
    panel_numbers: pd.DataFrame | None = None
    charts: dict = field(default_factory=dict)  # indicator code -> Altair chart, or its builder
    made: str = ""
    by: str = ""  # who exported, read while the page ran
    codes: tuple[str, ...] = ()  # the indicators in the file, for the definitions sheet


def picture(
    *,
    unit,
    scope,
    lang,
    cards,
    context,
    panel,
    sentences,
    timeline,
    blocks,
    comments,
    charts,
    min_answers: int,
    period_kind: str = "term",
    context_numbers: pd.DataFrame | None = None,
    panel_numbers: pd.DataFrame | None = None,
) -> Picture:
    facts = [
        (t("units.area", lang), unit.get("service_area")),
        (t("col.manager", lang), unit.get("manager")),
        (t("col.coaches", lang), unit.get("coaches")),
        (t("col.mentors", lang), unit.get("mentors")),
        (t("col.goal", lang), unit.get("goal")),
        (
            t("units.coaching", lang),
            f"{fmt.date(unit.get('coaching_start'), lang)} – "
            f"{fmt.date(unit.get('coaching_end'), lang)}",
        ),
    ]
    card_table = cards_frame(cards, lang, min_answers, period_kind)
    cards_text = cards_frame(cards, lang, min_answers, period_kind, as_text=True)
    shown_comments = comments.head(200)
    comment_table = pd.DataFrame(
        {
            t("col.date", lang): [fmt.date(d, lang) for d in shown_comments["date"]],
            t("col.question", lang): list(shown_comments["question"]),
            t("col.text", lang): list(shown_comments["text"]),
        }
    )
    return Picture(
        unit=unit,
        lang=lang,
        dates=f"{fmt.date(scope.start, lang)} – {fmt.date(scope.end, lang)}",
        filters=labels.scope_caption(scope, lang, markdown=False),
        timeline=timeline,
        facts=[(k, v or "–") for k, v in facts],
        cards=card_table,
        cards_text=cards_text,
        context_numbers=context_numbers,
        panel_numbers=panel_numbers,
        context=context,
        panel=panel,
        sentences=sentences,
        blocks=blocks,
        comments=comment_table,
        charts=charts,
        made=fmt.date(periods.today(), lang),
        min_answers=min_answers,
        by=export.exported_by(lang),
        codes=tuple(c.indicator for c in cards),
    )


def cards_frame(
    cards, lang: str, min_answers: int, period_kind: str, as_text: bool = False
) -> pd.DataFrame:
    """The scorecard as a table: each figure with its period (in ui.labels.period_words'
    words: running, cut, stale), n, target and target status. Figures are numbers rounded as
    the page shows them, with their Excel formats (as_text: as the language writes them, for a
    PDF); a hidden one says why."""

    def figure(value, code):
        if as_text:
            return value_text(value, code, lang) if value is not None else "–"
        return export.rounded(value, code)

    rows = []
    for c in cards:
        if c.standing is not None and c.grain is not None:
            period = labels.period_words(
                c.standing, c.grain, period_kind, lang, source=catalog.get(c.indicator).source
            )
        else:
            period = "–"
        if c.rolling:
            period = t("card.rolling_short", lang, **_months(c.rolling, lang))
        rows.append(
            {
                t("col.indicator", lang): catalog.get(c.indicator).name(lang),
                t("col.period", lang): period,
                # A hidden figure says why ("alle 5 vastausta"), not just that it is missing.
                t("col.value", lang): (
                    export.hidden_reason(lang, min_answers)
                    if c.suppressed
                    else figure(c.value, c.indicator)
                ),
                t("units.col_n", lang): fmt.integer(c.n, lang) if as_text else c.n,
                t("col.target", lang): figure(c.target, c.indicator),
                t("overview.pdf.status", lang): t(f"status.{c.status or 'none'}", lang),
            }
        )
    frame = pd.DataFrame(rows)
    if as_text:
        return frame
    per_row = [export.excel_format(c.indicator) for c in cards]
    return export.with_formats(
        frame,
        {
            t("col.value", lang): per_row,
            t("col.target", lang): per_row,
            t("units.col_n", lang): "#,##0",
        },
    )


def _months(window, lang: str) -> dict:
    return {
        "start": fmt.bucket_label(window[0], "month", lang=lang),
        "end": fmt.bucket_label(window[1].replace(day=1), "month", lang=lang),
    }


def _top(pic: Picture) -> list[tuple[str, str]]:
    """The context block of every sheet: what, which unit, dates, filters, privacy, who."""
    lang = pic.lang
    return [
        (t("export.title", lang), t("units.export_title", lang, unit=pic.unit["name"])),
        (t("units.export_unit", lang), pic.unit["name"]),
        (t("units.export_dates", lang), pic.dates),
        (t("units.export_filters", lang), pic.filters),
        (t("export.privacy", lang), t("export.privacy_rule", lang, n=pic.min_answers)),
        (t("export.by", lang), pic.by or t("export.who_open", lang)),
    ]


# --- Excel ------------------------------------------------------------------------------------


def xlsx_bytes(pic: Picture, now: dt.datetime | None = None) -> bytes:
    """One sheet per section, each under the context block (XlsxWriter, streamed)."""
    lang = pic.lang
    top = _top(pic)
    facts = pd.DataFrame(pic.facts, columns=[t("col.indicator", lang), t("col.value", lang)])
    reports = pd.DataFrame({t("units.reports", lang): ["\n".join(b) for b in pic.blocks]})
    sheets = [
        (t("units.export_sheet_facts", lang), top, [pic.timeline], facts),
        (t("units.export_sheet_cards", lang), top, [], pic.cards),
        (
            t("units.export_sheet_context", lang),
            top,
            [t("units.context", lang)],
            pic.context if pic.context_numbers is None else pic.context_numbers,
        ),
        (
            t("units.export_sheet_bda", lang),
            top,
            pic.sentences,
            pic.panel if pic.panel_numbers is None else pic.panel_numbers,
        ),
        (t("units.export_sheet_reports", lang), top, [], reports),
        (t("units.export_sheet_comments", lang), top, [], pic.comments),
    ]
    if pic.codes:
        sheets.append(
            (
                t("export.sheet_definitions", lang),
                (),
                [],
                export.definitions(pic.codes, lang, pic.min_answers),
            )
        )
    return export.sheets_bytes(sheets, lang, now)


# --- PDF --------------------------------------------------------------------------------------


def pdf_bytes(pic: Picture) -> bytes:
    lang = pic.lang
    doc = A4(pic.unit["name"], lang)
    doc.heading(pic.unit["name"], 16)
    made = dt.datetime.now(fmt.HELSINKI)
    for label, value in export.stamped(_top(pic), lang, made)[2:]:
        doc.para(f"{label}: {value}", 9)
    doc.space(2)
    for label, value in pic.facts:
        doc.para(f"{label}: {value}")
    doc.para(pic.timeline)
    doc.space(3)
    doc.heading(t("units.export_sheet_cards", lang))
    doc.table(pic.cards if pic.cards_text is None else pic.cards_text)
    doc.heading(t("units.context", lang))
    doc.table(pic.context)
    if pic.panel is not None:
        doc.heading(t("units.bda", lang))
        doc.table(pic.panel, 7)
        for sentence in pic.sentences:
            doc.para(sentence, 9)
    if pic.charts:
        doc.new_page()
        doc.heading(t("units.trends", lang))
        for chart in pic.charts.values():
            drawn = chart if isinstance(chart, alt.TopLevelMixin) else chart()
            doc.picture(drawing.png(drawn, width=520))
    if pic.blocks:
        doc.new_page()
        doc.heading(t("units.reports", lang))
        for block in pic.blocks[:60]:
            doc.para(block[0], 9, bold=True)
            for line in block[1:]:
                doc.para(line, 9)
            doc.space(2)
    return doc.bytes()


# --- On the page ------------------------------------------------------------------------------


def section(**parts) -> None:
    """The page's export buttons; the files are built when a button is pressed."""
    lang = parts["lang"]
    st.subheader(t("units.export", lang), anchor=False)
    st.caption(t("units.export_help", lang))
    pic = picture(**parts)
    name = "".join(c if c.isalnum() else "_" for c in pic.unit["name"]).strip("_")
    stem = t("units.export_file", lang, unit=name or pic.unit["id"])
    left, right = st.columns(2)
    left.download_button(
        t("units.export_xlsx", lang),
        data=export.recorded(lambda: xlsx_bytes(pic), "unit_xlsx", unit=pic.unit["name"]),
        file_name=f"{stem}.xlsx",
        mime=XLSX_MIME,
        key="units_export_xlsx",
        on_click="ignore",
        icon=":material/table_view:",
    )
    right.download_button(
        t("units.export_pdf", lang),
        data=export.recorded(lambda: pdf_bytes(pic), "unit_pdf", unit=pic.unit["name"]),
        file_name=f"{stem}.pdf",
        mime=PDF_MIME,
        key="units_export_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
