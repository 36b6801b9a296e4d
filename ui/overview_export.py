"""The Overview as a printable A4 PDF for a management meeting (core.pdf): the context block, the
scorecard as a table and the units x indicators table, each figure's cell in its target-status
colour as on the page. Built only when the download is asked
for, from tables the page made."""

import datetime as dt

import pandas as pd
import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core.pdf import A4, PDF_MIME
from core.periods import PeriodKind
from core.texts import t
from ui import export, palette
from ui import scorecard as sc


def cards_table(cards, lang: str, min_answers: int, period_kind: PeriodKind) -> pd.DataFrame:
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


def units_table(table: pd.DataFrame, lang: str, period_kind: PeriodKind = "calendar"):
    """Units as rows, indicators as columns (a column older than the table's period named with
    its own), values as the language writes them with * on a rolling 12-month rate; '–' for
    no data and 'piilotettu' for a hidden figure. Returns (table, fills): each cell's
    target-status colour, as the page colours it."""
    values, statuses = sc.wide_unit_table(table, lang)
    hidden = table.pivot(index=["unit_id", "unit"], columns="indicator", values="suppressed")
    rolling = table.pivot(index=["unit_id", "unit"], columns="indicator", values="rolling")
    rolling = rolling.reindex(index=values.index, columns=values.columns).fillna(False)
    names = sc.column_names(table, lang, period_kind)
    shown = pd.DataFrame({t("col.unit", lang): values.index.get_level_values("unit")})
    for code in values.columns:
        shown[names[code]] = [
            t("overview.pdf.hidden", lang)
            if bool(hidden[code].iloc[i]) is True
            else sc.value_text(v, code, lang) + ("*" if bool(rolling[code].iloc[i]) else "")
            for i, v in enumerate(values[code])
        ]
    fills = [
        [None, *(palette.STATUS_FILL.get(s) for s in statuses.iloc[i])]
        for i in range(len(statuses))
    ]
    return shown, fills


def status_fills(cards: pd.DataFrame, lang: str) -> list:
    """The scorecard table's fills: its status cell in the status's colour."""
    status = t("overview.pdf.status", lang)
    by_name = {t(f"status.{s}", lang): palette.STATUS_FILL[s] for s in palette.STATUS_FILL}
    return [
        [by_name.get(v) if c == status else None for c, v in zip(cards.columns, row, strict=True)]
        for row in cards.itertuples(index=False)
    ]


def pdf_bytes(
    top,
    cards: pd.DataFrame,
    units: tuple[pd.DataFrame, list],
    lang: str,
    now: dt.datetime | None = None,
    notes: str = "",
) -> bytes:
    """A4 landscape: the block, the scorecard with its target status coloured, then the units
    table under it (its period, the rolling mark explained, cells in their status colours,
    the header repeated on each page it runs over)."""
    units, fills = units
    (_, title), *rest = export.stamped(top, lang, now)
    doc = A4(title, lang, landscape=True)
    doc.heading(title, 16, height=8, gap=0)
    for label, value in rest:
        doc.para(f"{label}: {value}", 9)
    doc.space(3)
    doc.heading(t("overview.cards", lang))
    doc.table(cards, 9, gap=4, fills=status_fills(cards, lang))
    if not units.empty:
        doc.heading(t("overview.units", lang))
        if notes:
            doc.para(notes, 9)
            doc.space(1)
        doc.table(units, 7, gap=4, fills=fills)
    return doc.bytes()


def download(
    top,
    cards,
    table: pd.DataFrame,
    lang: str,
    min_answers: int,
    period_kind: str,
    notes: str = "",
) -> None:
    """The Overview's PDF button; the file, and the tables it prints (writing every unit's
    figures as text was 0.03 s of every rerun at 60 units), are made when it is pressed.
    notes: the units table's caption (its period, the rolling mark)."""

    def build() -> bytes:
        return pdf_bytes(
            top,
            cards_table(cards, lang, min_answers, period_kind),
            units_table(table, lang, period_kind),
            lang,
            notes=notes,
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
