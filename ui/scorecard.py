"""The scorecard (tuloskortti) pieces shared by the Overview and Units pages: indicator values
formatted by their kind, one card per indicator, and the units x indicators table.
"""

import altair as alt
import pandas as pd
import streamlit as st

from core import formats as fmt
from core import indicators as catalog
from core import periods, wording
from core.periods import PeriodKind
from core.reading import Reading
from core.texts import TEXTS, t
from core.wording import DECIMALS as DECIMALS  # Settings formats targets with them
from core.wording import difference_text, value_text
from data_model.queries import Card
from ui import drawing, labels, palette

# Material icons ship with Streamlit; emoji fonts are missing on many office machines.
STATUS_ICONS = {
    "green": ":green[:material/check_circle:]",
    "yellow": ":orange[:material/warning:]",
    "red": ":red[:material/error:]",
    None: ":gray[:material/remove:]",
}
STATUS_COLOURS = palette.STATUS_FILL  # the same colours on the page and on paper


def change_text(value, other, code: str, lang: str) -> str | None:
    """A signed change for st.metric's delta (it colours by the sign)."""
    if value is None or other is None:
        return None
    diff = value - other
    text = difference_text(diff, code, lang)
    if catalog.get(code).format == "percent":
        text = text.replace(fmt.NBSP, " ")  # "+2 %-yks." as st.metric writes the delta
    return ("+" if diff >= 0 else "-") + text  # st.metric reads the sign from an ASCII minus


def status_text(status: str | None, lang: str) -> str:
    key = f"status.{status or 'none'}"
    return f"{STATUS_ICONS.get(status, STATUS_ICONS[None])} {t(key, lang)}"


def _delta_colour(indicator, verdict: str | None) -> str:
    if verdict in ("unclear", "unknown", "not_judged") or indicator.neutral:
        return "off"
    return "normal" if indicator.higher_is_better else "inverse"


def _day_range(window, lang: str) -> dict:
    return {"start": fmt.date(window[0], lang), "end": fmt.date(window[1], lang)}


def card_lines(
    card: Card,
    lang: str,
    min_answers: int,
    period_kind: str,
    rolling_under: int = 0,
    verdict: str | None = None,
) -> list[str]:
    """What a card says under its figure: which bucket it is (running, cut by the chosen dates,
    stale or a rolling 12 months, in ui.labels.period_words' words), its status, target and
    comparisons, and why a figure or a comparison is missing.
    The status never says "no target" beside a target."""

    def label(start):
        return fmt.bucket_label(start, card.grain, period_kind, lang)

    def value(v):
        return value_text(v, card.indicator, lang)

    lines = []
    if card.status is None and card.target is not None:
        state = f"{STATUS_ICONS[None]} {t('status.hidden', lang)}"
    else:
        state = status_text(card.status, lang)
    if card.rolling:
        head = t("card.rolling", lang, n=rolling_under, **wording.month_range(card.rolling, lang))
        if card.stale and card.latest is not None:
            head += " · " + labels.latest_data(card.latest, lang, source="workforce", monthly=True)
    elif card.standing is not None:
        source = catalog.get(card.indicator).source
        head = labels.period_words(card.standing, card.grain, period_kind, lang, source=source)
    else:
        head = label(card.bucket_start) if card.bucket_start else None
    if head:
        lines.append(f"**{head}** · {state}")
    if card.stale and card.current_start and card.current_start > card.bucket_start:
        lines.append(t("card.stale_note", lang, label=label(card.current_start)))
    if card.target is not None:
        lines.append(t("card.target", lang, value=value(card.target)))
    if card.rolling and card.previous is not None:
        lines.append(
            t(
                "card.rolling_previous",
                lang,
                value=value(card.previous),
                **wording.month_range(card.previous_window, lang),
            )
        )
    elif card.partial:
        for key, found, window in (
            ("card.previous_part", card.previous, card.previous_window),
            ("card.year_ago_part", card.year_ago, card.year_ago_window),
        ):
            if key == "card.year_ago_part" and window == card.previous_window:
                continue  # at the year grain the previous bucket is the year before
            if found is not None:
                lines.append(t(key, lang, value=value(found), **_day_range(window, lang)))
    else:
        if card.previous_start and card.previous is not None:
            lines.append(
                t(
                    "card.previous",
                    lang,
                    label=label(card.previous_start),
                    value=value(card.previous),
                )
            )
        same = card.year_ago_start == card.previous_start  # the year grain
        if card.year_ago_start and card.year_ago is not None and not same:
            lines.append(
                t(
                    "card.year_ago",
                    lang,
                    label=label(card.year_ago_start),
                    value=value(card.year_ago),
                )
            )
    if card.withheld:
        lines.append(t(f"card.withheld.{card.withheld}", lang))
    if card.suppressed:
        lines.append(t("card.suppressed", lang, n=min_answers))
    if verdict is not None and card.previous is not None and card.value is not None:
        lines.append(t(f"change.{verdict}", lang).capitalize())
    return lines


def sparse(card: Card, period_kind: PeriodKind) -> bool:
    """Buckets with gaps between them (survey rounds): drawn as points, not joined by a line."""
    shown = card.sparkline.dropna(subset=["value"]) if not card.sparkline.empty else None
    if shown is None or len(shown) < 2:
        return False
    return periods.sparse(list(shown["bucket_start"]), card.grain, period_kind)


def points_chart(sparkline: pd.DataFrame):
    """A sparse sparkline: a dot per bucket with data, placed on a time axis."""
    frame = sparkline.dropna(subset=["value"]).assign(
        bucket_start=lambda f: pd.to_datetime(f["bucket_start"])
    )
    return (
        alt.Chart(frame)
        .mark_point(filled=True, size=30)
        .encode(
            x=alt.X("bucket_start:T", axis=None),
            y=alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False)),
        )
        .properties(height=40)
    )


def draw_card(card: Card, lang: str, reading: Reading, verdict: str | None = None) -> None:
    """One indicator as st.metric with its sparkline, change and target status. verdict
    (core.change): a change within chance, or one that cannot be judged, is not coloured."""
    period_kind = reading.period_kind
    indicator = catalog.get(card.indicator)
    if card.suppressed:
        shown = t("value.suppressed", lang)
    elif card.value is None:
        shown = t("value.none", lang)
    else:
        shown = value_text(card.value, card.indicator, lang)
    spark = card.sparkline["value"].dropna().tolist() if not card.sparkline.empty else []
    points = sparse(card, period_kind)
    # A sparse series gets its dots inside the same bordered card, in place of the line.
    with st.container(border=points):
        st.metric(
            indicator.name(lang),
            shown,
            delta=change_text(card.value, card.previous, card.indicator, lang),
            delta_color=_delta_colour(indicator, verdict),
            help=indicator.description(lang) or None,
            border=not points,
            chart_data=spark if len(spark) > 1 and not points else None,
            chart_type="line",
        )
        if points:
            drawing.show(drawing.specs(points_chart, card.sparkline), key=f"spark_{card.indicator}")
    lines = card_lines(card, lang, reading.min_answers, period_kind, reading.rolling_under, verdict)
    st.caption("  \n".join(lines))


def draw_cards(
    cards: list[Card], lang: str, reading: Reading, per_row: int = 4, judge=None
) -> None:
    """judge: card -> core.change verdict of its change from the previous bucket, or None."""
    for start in range(0, len(cards), per_row):
        for column, card in zip(st.columns(per_row), cards[start : start + per_row], strict=False):
            with column:
                draw_card(card, lang, reading, judge(card) if judge else None)


def wide_unit_table(table: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Units as rows, indicators as columns: (values, statuses), index = unit id."""
    values = table.pivot(index=["unit_id", "unit"], columns="indicator", values="value")
    statuses = table.pivot(index=["unit_id", "unit"], columns="indicator", values="status")
    codes = [i.code for i in catalog.on_page("units_table") if i.code in values.columns]
    return values[codes].astype(float), statuses[codes]


MISSING = ("red", "yellow")  # short of the target, or within the yellow band under it


def missing_target(table: pd.DataFrame) -> list[int]:
    """Units with at least one figure short of its target (the table's filter)."""
    short = table[table["status"].isin(MISSING)]
    return sorted({int(u) for u in short["unit_id"]})


def table_period(table: pd.DataFrame) -> tuple:
    """The bucket the units table shows (the newest of its columns) as (start, grain), and
    {indicator: (start, grain)} of the columns whose newest bucket is older."""
    buckets = table.drop_duplicates("indicator").set_index("indicator")
    newest = max(buckets["bucket_start"])
    main = buckets[buckets["bucket_start"] == newest].iloc[0]
    older = {
        code: (row["bucket_start"], row["grain"])
        for code, row in buckets.iterrows()
        if row["bucket_start"] < newest
    }
    return (main["bucket_start"], main["grain"]), older


def table_words(table: pd.DataFrame, lang: str, period_kind: PeriodKind, *, today, view_end) -> str:
    """The units table's period in ui.labels.period_words' words: '10/2026', '12/2026, kesken:
    kulunut 5/31 päivää' or, data behind, '10/2026 · viimeisimmät tiedot 30.10.2026
    (palautekyselyt); viimeisimmät tiedot 9/2026 (henkilöstötiedot)', each source of the
    table's newest columns named with its own last day."""
    (start, grain), _ = table_period(table)
    newest = table[table["bucket_start"] == start]
    latest = {}  # source -> its last day with data
    for code, day in zip(newest["indicator"], newest["latest"], strict=True):
        source = catalog.get(code).source
        latest[source] = max(day, latest.get(source, day))
    standing = periods.standing(
        start,
        grain,
        period_kind,
        today=today,
        view_end=view_end,
        latest=min(latest.values()),
        monthly=set(latest) == {"workforce"},
    )
    if standing.state != "stale" or len(latest) == 1:
        only = next(iter(latest)) if len(latest) == 1 else None
        return labels.period_words(standing, grain, period_kind, lang, source=only)
    behind = [
        labels.latest_data(day, lang, source=source, monthly=source == "workforce")
        for source, day in sorted(latest.items())
    ]
    label = fmt.bucket_label(start, grain, period_kind, lang)
    return t("period.stale", lang, label=label, latest="; ".join(behind))


def column_names(table: pd.DataFrame, lang: str, period_kind: PeriodKind) -> dict[str, str]:
    """{indicator: column name}: the indicator's name, with its own period where its newest
    figures are older than the table's ("Fiilis (viimeisin 9/2026)")."""
    _, older = table_period(table) if not table.empty else (None, {})
    names = {}
    for code in dict.fromkeys(table["indicator"]):
        name = catalog.get(code).name(lang)
        if code in older:
            start, grain = older[code]
            label = fmt.bucket_label(start, grain, period_kind, lang)
            name = t("col.latest", lang, name=name, label=label)
        names[code] = name
    return names


def styled_unit_table(
    table: pd.DataFrame,
    lang: str,
    period_kind: PeriodKind,
    areas: dict | None = None,
    only_missing: bool = False,
):
    """A pandas Styler: numbers formatted for the language (`–` where there is no figure),
    cells coloured by target status. areas ({unit_id: service area name}) adds the
    service-area column; only_missing keeps the units with a figure short of its target; a
    column whose figures are older than the table's period names its own; a small unit's
    rolling 12-month rate is marked with *."""
    values, statuses = wide_unit_table(table, lang)
    if only_missing:
        keep = values.index.get_level_values("unit_id").isin(missing_target(table))
        values, statuses = values[keep], statuses[keep]
    rolling = table.pivot(index=["unit_id", "unit"], columns="indicator", values="rolling")
    rolling = rolling.reindex(index=values.index, columns=values.columns).fillna(False)
    names = column_names(table, lang, period_kind)
    shown = values.reset_index(level="unit").rename(columns={"unit": t("col.unit", lang)})
    shown = shown.rename(columns=names)
    if areas is not None:  # last, so a phone sees the unit's figures beside its name
        shown[t("col.service_area", lang)] = [areas.get(u) or "–" for u in shown.index]
    colours = statuses.reset_index(level="unit", drop=True).rename(columns=names)
    marks = rolling.reset_index(level="unit", drop=True).rename(columns=names)

    def colour(column: pd.Series) -> list[str]:
        if column.name not in colours:
            return [""] * len(column)
        return [
            f"background-color: {STATUS_COLOURS[s]}" if s in STATUS_COLOURS else ""
            for s in colours[column.name]
        ]

    # Text, not numbers with a Styler format: the grid draws a missing number as "None"
    # whatever the Styler says, and a manager must read "–".
    for code in values.columns:
        column, rolled = shown[names[code]], marks[names[code]].astype(bool)
        shown[names[code]] = [
            value_text(v, code, lang) + ("*" if r else "") if pd.notna(v) else "–"
            for v, r in zip(column, rolled.reindex(column.index, fill_value=False), strict=True)
        ]
    styler = shown.style.apply(colour)
    return styler


def unit_table_columns(styler, table: pd.DataFrame, lang: str, period_kind: PeriodKind) -> dict:
    """st.dataframe column_config for the units table: short heads with the full name (and an
    older column's own period) as the tooltip, so the table fits at 1400 px in every language
    and the unit's name stays pinned while a phone scrolls the figures."""
    _, older = table_period(table)
    unit = t("col.unit", lang)
    config = {unit: st.column_config.TextColumn(unit, pinned=True, width="medium")}
    area = t("col.service_area", lang)
    if area in styler.data.columns:
        config[area] = st.column_config.TextColumn(area)
    for code, name in column_names(table, lang, period_kind).items():
        short = f"short.{code}"  # an own indicator's head is its name
        head = t(short, lang) if short in TEXTS[lang] else catalog.get(code).name(lang)
        if code in older:
            head += f" ({fmt.bucket_label(older[code][0], older[code][1], period_kind, lang)})"
        # figures are text (see styled_unit_table), aligned as numbers are
        config[name] = st.column_config.Column(head, help=name, width="small", alignment="right")
    return config
