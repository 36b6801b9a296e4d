"""The Overview as a printable A4 PDF for a management meeting (issue 12): the context block,
the scorecard as a table and the units x indicators table. Built only when the download is
asked for, from tables the page made (fpdf2, DejaVu Sans for the Finnish letters)."""

import datetime as dt

import pandas as pd
import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core.texts import t
from ui import export
from ui import scorecard as sc
from ui.unit_export import PDF_MIME, _font_dir


def cards_table(cards, lang: str, min_answers: int, period_kind: str) -> pd.DataFrame:
    """One row per scorecard card: what the card says, a hidden figure with its reason."""

    def label(start, grain):
        return fmt.bucket_label(start, grain, period_kind, lang) if start else "–"

    rows = []
    for card in cards:
        if card.suppressed:
            value = export.hidden_reason(lang, min_answers)
        else:
            value = sc.value_text(card.value, card.indicator, lang)
        rows.append(
            {
                t("col.indicator", lang): catalog.get(card.indicator).name(lang),
                t("col.period", lang): label(card.bucket_start, card.grain),
                t("col.value", lang): value,
                t("col.target", lang): sc.value_text(card.target, card.indicator, lang),
                t("overview.pdf.status", lang): t(f"status.{card.status or 'none'}", lang),
                t("overview.pdf.previous", lang): (
                    f"{sc.value_text(card.previous, card.indicator, lang)} "
                    f"({label(card.previous_start, card.grain)})"
                    if card.previous is not None
                    else "–"
                ),
            }
        )
    return pd.DataFrame(rows)


def units_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Units as rows, indicators as columns, values as the language writes them; '–' for no
    data and 'piilotettu' for a hidden figure."""
    values, _ = sc.wide_unit_table(table, lang)
    hidden = table.pivot(index=["unit_id", "unit"], columns="indicator", values="suppressed")
    shown = pd.DataFrame({t("col.unit", lang): values.index.get_level_values("unit")})
    for code in values.columns:
        shown[catalog.get(code).name(lang)] = [
            t("overview.pdf.hidden", lang)
            if bool(hidden[code].iloc[i]) is True
            else sc.value_text(v, code, lang)
            for i, v in enumerate(values[code])
        ]
    return shown


def pdf_bytes(
    top, cards: pd.DataFrame, units: pd.DataFrame, lang: str, now: dt.datetime | None = None
) -> bytes:
    """A4 landscape: the block, the scorecard, then the units table (repeating its header on
    each page)."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    folder = _font_dir()
    pdf = FPDF(orientation="landscape", format="A4", unit="mm")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(folder / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(folder / "DejaVuSans-Bold.ttf"))
    (_, title), *rest = export.stamped(top, lang, now)
    pdf.set_title(title)
    pdf.alias_nb_pages()

    def footer():
        pdf.set_y(-12)
        pdf.set_font("DejaVu", "", 8)
        pdf.cell(0, 5, t("units.export_page", lang, page=pdf.page_no(), pages="{nb}"), align="C")

    pdf.footer = footer
    pdf.add_page()
    width = pdf.epw
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(width, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    for label, value in rest:
        pdf.multi_cell(width, 5, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    def table(heading: str, frame: pd.DataFrame, size: int) -> None:
        pdf.set_font("DejaVu", "B", 13)
        pdf.multi_cell(width, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        pdf.set_font("DejaVu", "", size)
        with pdf.table(
            headings_style=FontFace(emphasis="BOLD"),
            line_height=4.5,
            text_align="LEFT",
            repeat_headings=1,
        ) as grid:
            grid.row([str(c) for c in frame.columns])
            for record in frame.itertuples(index=False):
                grid.row([str(v) for v in record])
        pdf.ln(4)

    table(t("overview.cards", lang), cards, 9)
    if not units.empty:
        pdf.add_page()
        table(t("overview.units", lang), units, 7)
    return bytes(pdf.output())


def download(
    top, cards, table: pd.DataFrame, lang: str, min_answers: int, period_kind: str
) -> None:
    """The Overview's PDF button; the file, and the tables it prints (writing every unit's
    figures as text was 0.03 s of every rerun at 60 units), are made when it is pressed."""

    def build() -> bytes:
        return pdf_bytes(
            top,
            cards_table(cards, lang, min_answers, period_kind),
            units_table(table, lang),
            lang,
        )

    st.download_button(
        t("overview.pdf", lang),
        data=export.recorded(build, "overview_pdf", rows=int(table["unit_id"].nunique())),
        file_name=t("overview.pdf_file", lang),
        mime=PDF_MIME,
        key="overview_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
