"""The Overview as a printable A4 PDF for a management meeting (core.pdf): the context block, the
scorecard as a table and the units x indicators table, each figure's cell in its target-status
colour as on the page, then each card's trend as a small chart (its sparkline on the page).
Built only when the download is asked for, from what the page made."""

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core.pdf import A4, PDF_MIME
from core.periods import PeriodKind
from core.texts import t
from ui import drawing, export, palette
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


def shown_buckets(spark: pd.DataFrame) -> pd.DataFrame:
    """A card's sparkline without its hidden buckets and buckets without a figure."""
    if "value" not in spark:  # a card without any figure
        return spark
    if "suppressed" in spark:
        spark = spark[~spark["suppressed"].astype(bool)]
    return spark.dropna(subset=["value"])


def trends(cards, lang: str) -> alt.Chart | None:
    """Each card's recent buckets (its sparkline on the page) as a small line chart with points,
    one per indicator, four in a row, each on its own scale; hidden buckets are left out, never
    drawn as zero. None when no card has two or more shown buckets."""
    frames = []
    for card in cards:
        shown = shown_buckets(card.sparkline)
        if len(shown) >= 2:
            name = catalog.get(card.indicator).name(lang)
            labels = [
                fmt.bucket_label(start, card.grain, card.period_kind, lang)
                for start in shown["bucket_start"]
            ]
            frames.append(
                shown.assign(indicator=name, bucket=labels)[["indicator", "bucket", "value"]]
            )
    if not frames:
        return None
    frame = pd.concat(frames, ignore_index=True)
    order = list(dict.fromkeys(frame["indicator"]))
    return (
        alt.Chart(frame)
        .mark_line(point=True, color=palette.ORGANISATION, interpolate="linear")
        .encode(
            x=alt.X(
                "bucket:O", title=None, sort=None, axis=alt.Axis(labelFontSize=8, labelAngle=0)
            ),
            y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False)),
        )
        .properties(width=165, height=70)
        .facet(
            facet=alt.Facet(
                "indicator:N",
                title=None,
                sort=order,
                header=alt.Header(labelFontSize=10, labelLimit=200, labelAnchor="start"),
            ),
            columns=4,
        )
        .resolve_scale(y="independent", x="independent")
    )


def pdf_bytes(
    top,
    cards: pd.DataFrame,
    units: tuple[pd.DataFrame, list],
    lang: str,
    now: dt.datetime | None = None,
    notes: str = "",
    trend_png: bytes | None = None,
) -> bytes:
    """A4 landscape: the block, the scorecard with its target status coloured, then the units
    table under it (its period, the rolling mark explained, cells in their status colours,
    the header repeated on each page it runs over), then the cards' trends on a page of their
    own (trend_png: trends() drawn)."""
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
    if trend_png is not None:
        doc.new_page()
        doc.heading(t("overview.pdf_trends", lang))
        doc.picture(trend_png, share=1.0)
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
        chart = trends(cards, lang)
        return pdf_bytes(
            top,
            cards_table(cards, lang, min_answers, period_kind),
            units_table(table, lang, period_kind),
            lang,
            notes=notes,
            trend_png=None if chart is None else drawing.png(chart, lang=lang),
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
