"""The scorecard (tuloskortti) pieces shared by the Overview and Units pages: indicator values
formatted by their kind, one card per indicator, and the units x indicators table.
"""

import math

import pandas as pd
import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core import rules
from core.texts import t
from data_model.queries import Card

# Material icons ship with Streamlit; emoji fonts are missing on many office machines.
STATUS_ICONS = {
    "green": ":green[:material/check_circle:]",
    "yellow": ":orange[:material/warning:]",
    "red": ":red[:material/error:]",
    None: ":gray[:material/remove:]",
}
STATUS_COLOURS = {"green": "#d3f0da", "yellow": "#fbeec1", "red": "#f8d4d4"}
DECIMALS = {"score": 2, "percent": 0, "count": 0, "decimal": 1}


def value_text(value, code: str, lang: str) -> str:
    """An indicator's value as the language writes it: 4,12 · 82 % · 1 204 · 12,5."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    kind = catalog.get(code).format
    if kind == "percent":
        return fmt.percent(value, lang, DECIMALS[kind])
    return fmt.number(value, lang, DECIMALS[kind])


def change_text(value, other, code: str, lang: str) -> str | None:
    """A signed change for st.metric's delta (it colours by the sign)."""
    if value is None or other is None:
        return None
    diff = value - other
    text = value_text(abs(diff), code, lang)
    if catalog.get(code).format == "percent":
        text = text.replace("%", "%-yks." if lang == "fi" else " pp").replace("\u00a0%", " %")
    return ("+" if diff >= 0 else "-") + text  # st.metric reads the sign from an ASCII minus


def status_text(status: str | None, lang: str) -> str:
    key = f"status.{status or 'none'}"
    return f"{STATUS_ICONS.get(status, STATUS_ICONS[None])} {t(key, lang)}"


def _delta_colour(indicator, verdict: str | None) -> str:
    if verdict in ("unclear", "unknown"):
        return "off"
    return "normal" if indicator.higher_is_better else "inverse"


def draw_card(
    card: Card, lang: str, min_answers: int, period_kind: str, verdict: str | None = None
) -> None:
    """One indicator as st.metric with its sparkline, change and target status. verdict (issue
    10, core.change): a change within chance, or one that cannot be judged, is not coloured."""
    indicator = catalog.get(card.indicator)
    if card.suppressed:
        shown = t("value.suppressed", lang)
    elif card.value is None:
        shown = t("value.none", lang)
    else:
        shown = value_text(card.value, card.indicator, lang)
    spark = card.sparkline["value"].dropna().tolist() if not card.sparkline.empty else []
    st.metric(
        indicator.name(lang),
        shown,
        delta=change_text(card.value, card.previous, card.indicator, lang),
        delta_color=_delta_colour(indicator, verdict),
        help=indicator.description(lang) or None,
        border=True,
        chart_data=spark if len(spark) > 1 else None,
        chart_type="line",
    )

    def label(start):
        return fmt.bucket_label(start, card.grain, period_kind, lang)

    lines = []
    if card.bucket_start:
        lines.append(f"**{label(card.bucket_start)}** · {status_text(card.status, lang)}")
    if card.target is not None:
        lines.append(t("card.target", lang, value=value_text(card.target, card.indicator, lang)))
    if card.previous_start and card.previous is not None:
        lines.append(
            t("card.previous", lang, label=label(card.previous_start),
              value=value_text(card.previous, card.indicator, lang))
        )  # fmt: skip
    if card.year_ago_start and card.year_ago is not None:
        lines.append(
            t("card.year_ago", lang, label=label(card.year_ago_start),
              value=value_text(card.year_ago, card.indicator, lang))
        )  # fmt: skip
    if card.suppressed:
        lines.append(t("card.suppressed", lang, n=min_answers))
    if verdict is not None and card.previous is not None and card.value is not None:
        lines.append(t(f"change.{verdict}", lang).capitalize())
    st.caption("  \n".join(lines))


def draw_cards(
    cards: list[Card], lang: str, min_answers: int, period_kind: str, per_row: int = 4, judge=None
) -> None:
    """judge: card -> core.change verdict of its change from the previous bucket, or None."""
    for start in range(0, len(cards), per_row):
        for column, card in zip(st.columns(per_row), cards[start : start + per_row], strict=False):
            with column:
                draw_card(card, lang, min_answers, period_kind, judge(card) if judge else None)


def wide_unit_table(table: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Units as rows, indicators as columns: (values, statuses), index = unit id."""
    values = table.pivot(index=["unit_id", "unit"], columns="indicator", values="value")
    statuses = table.pivot(index=["unit_id", "unit"], columns="indicator", values="status")
    codes = [c for c in rules.TABLE_INDICATORS if c in values.columns]
    return values[codes], statuses[codes]


def styled_unit_table(table: pd.DataFrame, lang: str):
    """A pandas Styler: numbers formatted for the language, cells coloured by target status."""
    values, statuses = wide_unit_table(table, lang)
    names = {c: catalog.get(c).name(lang) for c in values.columns}
    shown = values.reset_index(level="unit").rename(columns={"unit": t("col.unit", lang)})
    shown = shown.rename(columns=names)
    colours = statuses.reset_index(level="unit", drop=True).rename(columns=names)

    def colour(column: pd.Series) -> list[str]:
        if column.name not in colours:
            return [""] * len(column)
        return [
            f"background-color: {STATUS_COLOURS[s]}" if s in STATUS_COLOURS else ""
            for s in colours[column.name]
        ]

    formatters = {
        names[c]: (lambda v, c=c: value_text(v, c, lang) if pd.notna(v) else "–")
        for c in values.columns
    }
    return shown.style.apply(colour).format(formatters)
