"""The effectiveness and wellbeing pages' pieces: unit x month frames turned into the
estimators' inputs, the event-time chart, the difference-in-differences table, the scatter and
the .xlsx with filters and method on top. Charts and tables are built from plain frames, so tests
check their data without a browser."""

import altair as alt
import pandas as pd

from core import coaching_effect as effect
from core import formats as fmt
from core import indicators as catalog
from core import periods, wording
from core.change import BETTER, LEVEL, UNCLEAR, WORSE, verdict
from core.texts import t
from core.wording import value_text
from ui import export, palette

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEIGHT = 360
LEGEND_LINE = 18  # px per line of a one-column legend


def interval_text(low, high, lang: str, decimals: int = 2) -> str:
    if low is None or high is None:
        return "–"
    return f"{fmt.signed(low, lang, decimals)} … {fmt.signed(high, lang, decimals)}"


def values_by_unit(months: pd.DataFrame) -> dict[int, dict[int, float]]:
    """unit_id -> month index -> value, from data_model.queries.unit_months.unit_months."""
    values: dict[int, dict[int, float]] = {}
    for unit, month, value in zip(months["unit_id"], months["month"], months["value"], strict=True):
        values.setdefault(int(unit), {})[effect.month_index(month)] = float(value)
    return values


def starts_by_unit(units: pd.DataFrame) -> dict[int, int | None]:
    return {
        int(u): effect.month_index(s) if s is not None and not pd.isna(s) else None
        for u, s in zip(units["unit_id"], units["coaching_start"], strict=True)
    }


# --- Event time -------------------------------------------------------------------------------


def event_frames(units: pd.DataFrame, months: pd.DataFrame):
    """(one row per unit and event month, one row per event month with the mean)."""
    names = dict(zip(units["unit_id"], units["unit"], strict=True))
    points = effect.align(values_by_unit(months), starts_by_unit(units))
    lines = pd.DataFrame(
        [
            (p.unit_id, names.get(p.unit_id, ""), p.k, effect.month_start(p.month), p.value)
            for p in points
        ],
        columns=["unit_id", "unit", "k", "month", "value"],
    )
    means = pd.DataFrame(
        [(m.k, m.mean, m.n, m.low, m.high) for m in effect.event_means(points)],
        columns=["k", "mean", "n", "low", "high"],
    )
    return lines, means


def event_chart(lines: pd.DataFrame, means: pd.DataFrame, code: str, lang: str):
    indicator = catalog.get(code)
    x = alt.X(
        "k:Q",
        title=t("effect.months_since", lang),
        scale=alt.Scale(domain=[-effect.BEFORE_MONTHS, effect.AFTER_MONTHS]),
        axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
    )
    y_title = indicator.name(lang)
    thin = (
        alt.Chart(lines)
        .mark_line(strokeWidth=1, opacity=0.35, color=palette.ORGANISATION)
        .encode(
            x=x,
            y=alt.Y(
                "value:Q",
                title=y_title,
                scale=alt.Scale(zero=False),
                axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
            ),
            detail=alt.Detail("unit:N"),
            tooltip=[
                alt.Tooltip("unit:N", title=t("wellbeing.col.unit", lang)),
                alt.Tooltip("k:Q", title=t("effect.months_since", lang)),
                alt.Tooltip("value:Q", title=y_title, format=".2f"),
            ],
        )
    )
    band = (
        alt.Chart(means)
        .mark_area(opacity=0.2, color=palette.UNIT)
        .encode(x=x, y=alt.Y("low:Q"), y2=alt.Y2("high:Q"))
    )
    bold = (
        alt.Chart(means)
        .mark_line(strokeWidth=3.5, color=palette.UNIT)
        .encode(
            x=x,
            y=alt.Y("mean:Q"),
            tooltip=[
                alt.Tooltip("k:Q", title=t("effect.months_since", lang)),
                alt.Tooltip("mean:Q", title=t("effect.mean", lang), format=".2f"),
                alt.Tooltip("n:Q", title="n"),
            ],
        )
    )
    start = alt.Chart(pd.DataFrame({"k": [0]})).mark_rule(strokeDash=[6, 4]).encode(x=alt.X("k:Q"))
    return (thin + band + bold + start).properties(title=y_title, height=HEIGHT)


# --- Difference in differences ----------------------------------------------------------------


def units_text(n: int, lang: str) -> str:
    return t("effect.units_1", lang) if n == 1 else t("effect.units_n", lang, n=n)


def reasons_text(left_out: dict[str, int], lang: str) -> str:
    parts = []
    for reason, minimum in (
        (effect.NO_BEFORE, effect.MIN_BEFORE),
        (effect.NO_AFTER, effect.MIN_AFTER),
        (effect.NO_COMPARISON, None),
    ):
        if left_out.get(reason):
            parts.append(t(f"effect.reason.{reason}", lang, n=left_out[reason], min=minimum))
    return "; ".join(parts)


def reading(estimate: effect.Estimate, higher_is_better: bool, lang: str) -> str:
    """The plain-language sentence: what can and cannot be concluded."""
    if estimate.effect is None:
        reasons = reasons_text(estimate.left_out, lang) or t("effect.reason.none", lang)
        return t("effect.reading.missing", lang, reasons=reasons)
    if not estimate.judged:
        return t(
            "effect.reading.no_interval", lang, n=min(estimate.n_coached, estimate.n_comparison)
        )
    said = verdict(estimate.effect, estimate.low, estimate.high, higher_is_better)
    key = {BETTER: "better", WORSE: "worse"}.get(said, UNCLEAR)
    return t(f"effect.reading.{key}", lang)


def did_rows(units: pd.DataFrame, months: pd.DataFrame, code: str, lang: str):
    """One estimate per service area of the coached units and one over all of them, each
    compared with every not-yet-coached unit of the selection. Returns (rows, estimates)."""
    values, starts = values_by_unit(months), starts_by_unit(units)
    coached = units[units["coaching_start"].notna()]
    groups = [(t("effect.overall", lang), list(coached["unit_id"]))]
    for area, rows in coached.groupby(coached["service_area"].fillna(""), sort=True):
        groups.append((area or t("series.no_area", lang), list(rows["unit_id"])))
    if len(groups) == 2:  # one area: its row is the overall row
        groups = groups[1:]
    higher = catalog.get(code).higher_is_better
    decimals = wording.effect_decimals(code)
    records, estimates = [], []
    for name, ids in groups:
        est = effect.did(values, starts, [int(i) for i in ids])
        estimates.append((name, est))
        records.append(
            {
                "area": name,
                "coached": est.n_coached,
                "comparison": est.n_comparison,
                "coached_change": est.coached_change,
                "comparison_change": est.comparison_change,
                "effect": est.effect,
                "low": est.low,
                "high": est.high,
                "coached_change_text": fmt.signed(est.coached_change, lang, decimals),
                "comparison_change_text": fmt.signed(est.comparison_change, lang, decimals),
                "effect_text": fmt.signed(est.effect, lang, decimals),
                "interval_text": interval_text(est.low, est.high, lang, decimals),
                "reading": reading(est, higher, lang),
                "decimals": decimals,
            }
        )
    return pd.DataFrame.from_records(records), estimates


def did_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("effect.col.area", lang): rows["area"],
            t("effect.col.coached", lang): rows["coached"],
            t("effect.col.comparison", lang): rows["comparison"],
            t("effect.col.coached_change", lang): rows["coached_change_text"],
            t("effect.col.comparison_change", lang): rows["comparison_change_text"],
            t("effect.col.effect", lang): rows["effect_text"],
            t("effect.col.interval", lang): rows["interval_text"],
            t("effect.col.reading", lang): rows["reading"],
        }
    )


def did_export(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table with numbers as numbers (Excel sorts and sums them), rounded as the page
    shows them and formatted with a sign."""
    table = did_table(rows, lang)
    decimals = int(rows["decimals"].iloc[0]) if len(rows) else 2

    def numbers(column: str) -> list:
        return [None if pd.isna(v) else round(float(v), decimals) for v in rows[column]]

    for column, key in (
        ("coached_change", "effect.col.coached_change"),
        ("comparison_change", "effect.col.comparison_change"),
        ("effect", "effect.col.effect"),
    ):
        table[t(key, lang)] = numbers(column)
    table = table.drop(columns=[t("effect.col.interval", lang)])
    table.insert(6, t("effect.col.interval_low", lang), numbers("low"))
    table.insert(7, t("effect.col.interval_high", lang), numbers("high"))
    digits = "0." + "0" * decimals if decimals else "0"
    signed = f"+{digits};-{digits};{digits}"
    keys = (
        "effect.col.coached_change",
        "effect.col.comparison_change",
        "effect.col.effect",
        "effect.col.interval_low",
        "effect.col.interval_high",
    )
    return export.with_formats(table, {t(key, lang): signed for key in keys})


# --- Wellbeing and service --------------------------------------------------------------------


def scatter_frame(
    units: pd.DataFrame,
    staff: pd.DataFrame,
    feedback: pd.DataFrame,
    period_kind: str,
    lag: bool,
    lang: str,
) -> pd.DataFrame:
    """One row per unit and period with both figures: unit_id, unit, period, staff_period,
    staff, feedback, answers (n behind the feedback), period_label."""

    def period_of(month):
        return periods.bucket_start(month, "period", period_kind)

    staff_p = effect.weighted_periods(
        staff[["unit_id", "month", "value", "n"]].itertuples(index=False), period_of
    )
    feedback_p = effect.weighted_periods(
        feedback[["unit_id", "month", "value", "n"]].itertuples(index=False), period_of
    )
    names = dict(zip(units["unit_id"], units["unit"], strict=True))
    records = []
    for (unit, period), (value, n) in sorted(feedback_p.items()):
        staff_period = periods.shift(period, "period", period_kind, -1) if lag else period
        found = staff_p.get((unit, staff_period))
        if found is None or unit not in names:
            continue
        records.append(
            {
                "unit_id": unit,
                "unit": names[unit],
                "period": period,
                "staff_period": staff_period,
                "staff": found[0],
                "feedback": value,
                "answers": int(n),
                "period_label": fmt.bucket_label(period, "period", period_kind, lang),
                "staff_period_label": fmt.bucket_label(staff_period, "period", period_kind, lang),
            }
        )
    columns = [
        "unit_id",
        "unit",
        "period",
        "staff_period",
        "staff",
        "feedback",
        "answers",
        "period_label",
        "staff_period_label",
    ]
    return pd.DataFrame.from_records(records, columns=columns)


def units_in_order(points: pd.DataFrame) -> list[str]:
    """The scatter's unit names in the order of their ids."""
    return list(points.sort_values("unit_id").drop_duplicates("unit_id")["unit"])


def scatter_chart(points: pd.DataFrame, staff_code: str, feedback_code: str, lang: str):
    staff, feedback = catalog.get(staff_code), catalog.get(feedback_code)
    pick = alt.selection_point(name="unit", fields=["unit_id"], on="click")
    return (
        alt.Chart(points)
        .mark_circle(size=90, opacity=0.75, cursor="pointer")
        .encode(
            x=alt.X(
                "staff:Q",
                title=staff.name(lang),
                scale=alt.Scale(zero=False),
                axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
            ),
            y=alt.Y(
                "feedback:Q",
                title=feedback.name(lang),
                scale=alt.Scale(zero=False),
                axis=alt.Axis(labelExpr=fmt.chart_number_expression(lang)),
            ),
            color=alt.Color(
                "unit:N",
                title=t("wellbeing.col.unit", lang),
                # a distinct colour per unit, kept by its id whatever the language sorts first
                scale=alt.Scale(
                    domain=units_in_order(points),
                    range=palette.series_colours(units_in_order(points)),
                ),
                # one column: whole names, and no wider than a phone
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=240),
            ),
            tooltip=[
                alt.Tooltip("unit:N", title=t("wellbeing.col.unit", lang)),
                alt.Tooltip("period_label:N", title=t("wellbeing.col.period", lang)),
                alt.Tooltip("staff:Q", title=staff.name(lang), format=".2f"),
                alt.Tooltip("feedback:Q", title=feedback.name(lang), format=".2f"),
                alt.Tooltip("answers:Q", title=t("wellbeing.col.answers", lang)),
            ],
        )
        .add_params(pick)
        # The page fits the legend into the chart's height: a line (18 px) per unit on top of
        # the plot's own, or a long legend squeezes the plot flat.
        .properties(height=HEIGHT + 60 + LEGEND_LINE * points["unit"].nunique())
    )


def correlation_text(points: pd.DataFrame, lang: str) -> tuple[str, effect.Correlation]:
    found = effect.correlation(list(points["staff"]), list(points["feedback"]))
    units = units_text(points["unit_id"].nunique(), lang)
    if found.r is None or found.n < 4:
        return t("wellbeing.too_few", lang, n=found.n), found
    r = fmt.signed(found.r, lang).lstrip("+")
    if found.low is None:
        return t("wellbeing.correlation_no_interval", lang, r=r, n=found.n, units=units), found
    return t(
        "wellbeing.correlation",
        lang,
        r=r,
        level=fmt.integer(100 * LEVEL, lang),
        low=fmt.signed(found.low, lang).lstrip("+"),
        high=fmt.signed(found.high, lang).lstrip("+"),
        n=found.n,
        units=units,
    ), found


def scatter_table(
    points: pd.DataFrame, staff_code: str, feedback_code: str, lang: str, lag: bool
) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            t("wellbeing.col.unit", lang): points["unit"],
            t("wellbeing.col.period", lang): points["period_label"],
        }
    )
    if lag:
        table[t("wellbeing.col.staff_period", lang)] = points["staff_period_label"]
    # rounded as the page shows them (styled_scatter_table), with the same Excel formats
    for column, code in (("staff", staff_code), ("feedback", feedback_code)):
        table[catalog.get(code).name(lang)] = [export.rounded(v, code) for v in points[column]]
    table[t("wellbeing.col.answers", lang)] = points["answers"]
    return export.with_formats(
        table,
        {
            catalog.get(staff_code).name(lang): export.excel_format(staff_code),
            catalog.get(feedback_code).name(lang): export.excel_format(feedback_code),
            t("wellbeing.col.answers", lang): "#,##0",
        },
    )


def styled_scatter_table(table: pd.DataFrame, staff_code: str, feedback_code: str, lang: str):
    """The table as the language writes numbers (3,85; 1 200), still sortable as numbers."""
    formats = {
        catalog.get(code).name(lang): (lambda v, c=code: value_text(v, c, lang))
        for code in (staff_code, feedback_code)
    }
    formats[t("wellbeing.col.answers", lang)] = lambda n: fmt.integer(n, lang)
    return table.style.format(formats)


def clicked_unit(state) -> int | None:
    """The unit of the point clicked in st.altair_chart's selection state, if any."""
    try:
        chosen = state["selection"]["unit"]
    except (KeyError, TypeError):
        return None
    for point in chosen or []:
        if point.get("unit_id") is not None:
            return int(point["unit_id"])
    return None


# --- Excel ------------------------------------------------------------------------------------


def method_plain(markdown: str) -> list[str]:
    """The method text without Markdown emphasis, one paragraph a line."""
    return [p.replace("**", "").replace("*", "") for p in markdown.split("\n\n") if p.strip()]


def xlsx_bytes(
    top: list[tuple[str, str]], lines: list[str], table: pd.DataFrame, sheet: str, lang: str = "fi"
) -> bytes:
    """The context block `top` (ui.export.context: title, filters, who exported; the export
    time is added when the file is built), the method's lines, then the table: ui.export's
    workbook, so text cells stay text (a unit named '=HYPERLINK(...)' is never a formula) and
    numbers keep the formats the table carries."""
    return export.sheets_bytes([(sheet, top, lines, table)], lang)
