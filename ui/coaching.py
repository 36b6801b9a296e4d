"""A unit's coaching on its dashboard: the timeline drawn, the before / during / after panel with
each change judged against chance, the unit beside its service area and the whole organisation,
and the mentors' reports as plain text. Builders return texts, frames and charts; fetching goes
through ui.data, so the export builds the same picture."""

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from core import change as ch
from core import coaching_period
from core import formats as fmt
from core import indicators as catalog
from core.reading import Reading
from core.scope import Scope
from core.texts import t
from core.wording import DECIMALS, value_text
from core.wording import difference_text as size_text
from core.wording import timeline_text as timeline_text  # the Units page's
from ui import data, palette, user


def timeline_chart(line: coaching_period.Timeline, lang: str):
    """The coaching period as a bar, the part done darker, today as a red rule."""
    end = line.end or max(line.today, line.start) + dt.timedelta(days=30)
    done_end = min(line.today, end)
    bars = pd.DataFrame(
        {
            "from": pd.to_datetime([line.start, line.start]),
            "to": pd.to_datetime([end, max(done_end, line.start)]),
            "part": ["planned", "done"],
            "y": ["", ""],
        }
    )
    marks = pd.DataFrame(
        {
            "at": pd.to_datetime([line.start, end, line.today]),
            "label": [
                f"{t('units.mark_start', lang)} {fmt.date(line.start, lang)}",
                f"{t('units.mark_end', lang)} {fmt.date(line.end, lang)}" if line.end else "",
                f"{t('units.mark_today', lang)} {fmt.date(line.today, lang)}",
            ],
            "kind": ["start", "end", "today"],
        }
    )
    lo = min(line.start, line.today) - dt.timedelta(days=20)
    hi = max(end, line.today) + dt.timedelta(days=20)
    x = alt.X(
        "from:T",
        title=None,
        scale=alt.Scale(domain=[lo.isoformat(), hi.isoformat()]),
        axis=alt.Axis(format=fmt.chart_month_format(lang), labelOverlap="greedy", tickCount=8),
    )
    bar = (
        alt.Chart(bars)
        .mark_bar(height=18, cornerRadius=3)
        .encode(
            x=x,
            x2=alt.X2("to:T"),
            color=alt.Color(
                "part:N",
                legend=None,
                scale=alt.Scale(
                    domain=["planned", "done"], range=[palette.BAND_LIGHT, palette.BAND]
                ),
            ),
        )
    )
    today = alt.Chart(marks[marks["kind"] == "today"]).mark_rule(color=palette.TODAY, strokeWidth=2)
    today = today.encode(x=alt.X("at:T"))

    def label(kind: str, colour: str, align: str, dy: int, dx: int = 0):
        return (
            alt.Chart(marks[marks["kind"] == kind])
            .mark_text(dy=dy, dx=dx, fontSize=11, color=colour, align=align)
            .encode(x=alt.X("at:T"), text=alt.Text("label:N"))
        )

    labels = label("start", palette.BAND, "left", -18) + label(
        "today", palette.TODAY, "right", 20, -4
    )
    if line.end:
        labels = labels + label("end", palette.BAND, "right", -18)
    return (bar + today + labels).properties(height=80)


# --- Before / during / after ------------------------------------------------------------------


@dataclass
class PanelRow:
    code: str
    values: dict = field(default_factory=dict)  # window -> Sums
    judged: ch.Change | None = None
    compared: str | None = None  # the window judged against "before"


def _shown(sums):
    """The sums, or None where a feedback figure is under the privacy threshold (not shown,
    nor judged)."""
    return None if sums.hidden else sums


def panel(
    unit_scope: Scope, windows: list[coaching_period.Window], reading: Reading
) -> list[PanelRow]:
    """Every panel indicator's sums in each window, and the latest window judged against the
    months before."""
    rows = []
    for indicator in catalog.on_page("coaching_panel"):
        row = PanelRow(indicator.code)
        for window in windows:
            sums = data.change_sums(
                scope=unit_scope.between(window.start, window.end),
                indicator=indicator,
                reading=reading,
            )
            row.values[window.name] = _shown(sums)
        latest = windows[-1].name if len(windows) > 1 else None
        before, after = row.values.get("before"), row.values.get(latest)
        if latest and before is not None and after is not None and not indicator.neutral:
            row.judged = ch.judge(before, after, indicator.higher_is_better)
            row.compared = latest
        rows.append(row)
    return rows


def _figure(sums, code: str, lang: str, numbers: bool = False):
    """A figure as the page writes it; numbers=True: a number rounded as shown (an export),
    a hidden one still saying so."""
    if sums is None:
        return t("value.suppressed", lang)
    if sums.value is None:
        return None if numbers else "–"
    if numbers:
        return round(sums.value, DECIMALS[catalog.get(code).format])
    return value_text(sums.value, code, lang)


def _size(sums, lang: str, numbers: bool = False):
    if sums is None:
        return None if numbers else ""
    return sums.size if numbers else fmt.integer(sums.size, lang)


def difference_text(judged: ch.Change | None, code: str, lang: str) -> str:
    if judged is None or judged.difference is None:
        return "–"
    text = size_text(judged.difference, code, lang)  # a difference of shares is in points
    if abs(judged.difference) < 1e-9:
        return text
    return ("+" if judged.difference > 0 else "−") + text


def panel_frame(
    rows: list[PanelRow], windows: list[coaching_period.Window], lang: str, numbers: bool = False
) -> pd.DataFrame:
    """The panel as the page and the export show it: a row per indicator. numbers=True (a
    spreadsheet): figures, n and difference as numbers rounded as shown, with Excel formats."""
    table = {t("col.indicator", lang): [catalog.get(r.code).name(lang) for r in rows]}
    formats = {}
    per_row = [export_format(r.code) for r in rows]
    for window in windows:
        name = t(f"window.{window.name}", lang)
        span = f"{fmt.date(window.start, lang)} – {fmt.date(window.end, lang)}"
        figure, size = f"{name} ({span})", f"{name}: {t('units.col_n', lang)}"
        table[figure] = [_figure(r.values.get(window.name), r.code, lang, numbers) for r in rows]
        table[size] = [_size(r.values.get(window.name), lang, numbers) for r in rows]
        formats |= {figure: per_row, size: "#,##0"}
    difference = t("units.col_difference", lang)
    if numbers:
        table[difference] = [
            None
            if r.judged is None or r.judged.difference is None
            else round(r.judged.difference, DECIMALS[catalog.get(r.code).format])
            for r in rows
        ]
        formats[difference] = [difference_format(r.code) for r in rows]
    else:
        table[difference] = [difference_text(r.judged, r.code, lang) for r in rows]
    table[t("units.col_judgement", lang)] = [
        t(f"change.{r.judged.verdict}", lang) if r.judged else "–" for r in rows
    ]
    frame = pd.DataFrame(table)
    if numbers:
        frame.attrs["number_formats"] = formats
    return frame


def difference_format(code: str) -> str:
    """A signed Excel format for a difference (of shares: percentage points, no % sign)."""
    plain = {"score": "0.00", "percent": "0", "count": "#,##0", "decimal": "0.0"}
    number = plain[catalog.get(code).format]
    return f"+{number};-{number};{number}"


def export_format(code: str) -> str:
    """The Excel number format of an indicator's figures (ui.export.EXCEL_FORMATS)."""
    return {"score": "0.00", "percent": '0" %"', "count": "#,##0", "decimal": "0.0"}[
        catalog.get(code).format
    ]


def panel_sentences(rows: list[PanelRow], lang: str) -> list[str]:
    sentences = []
    for r in rows:
        name = catalog.get(r.code).name(lang)
        if r.judged is None or r.judged.difference is None:
            sentences.append(t("units.bda_no_data", lang, name=name))
            continue
        sentences.append(
            t(
                "units.bda_sentence",
                lang,
                name=name,
                window_lower=t(f"window.{r.compared}", lang).lower(),
                after=value_text(r.judged.after, r.code, lang),
                before=value_text(r.judged.before, r.code, lang),
                difference=difference_text(r.judged, r.code, lang),
                sentence=verdict_sentence(r.judged, lang),
            )
        )
    return sentences


def verdict_sentence(judged: ch.Change, lang: str) -> str:
    """The verdict as a sentence; an unknown one says its own reason (only means known, too
    few observations under core.change.MIN_N, a side without a figure), so the sentence never
    says "too few" beside enough observations."""
    if judged.verdict == ch.UNKNOWN and judged.reason is not None:
        return t(f"change.sentence.unknown.{judged.reason}", lang, n=ch.MIN_N)
    return t(f"change.sentence.{judged.verdict}", lang)


# --- The unit beside its service area and the organisation ------------------------------------


ROLES = ("unit", "area", "organisation")  # ui.palette colours each


def organisation_name(lang: str) -> str:
    """'Koko organisaatio', or for a manager, whose total is their own units', 'Omat yksiköt'."""
    signed = user.current()
    if signed is not None and signed.allowed_unit_ids is not None:
        return t("units.own_units", lang)
    return t("units.organisation", lang)


def context_scopes(scope: Scope, unit: dict, lang: str) -> list[tuple[str, Scope]]:
    """(name, scope) of the unit, its service area (if any) and the whole organisation (a
    manager's: their own units, named so), over the same dates and questions."""
    found = [(unit["name"], scope.for_units([unit["id"]]))]
    if unit.get("service_area_id") is not None:
        area = dataclasses.replace(scope, unit_ids=None, service_area_id=unit["service_area_id"])
        found.append((unit.get("service_area") or "", area))
    found.append((organisation_name(lang), scope.for_units(None)))
    return found


def scope_role(index: int, scopes: list) -> str:
    """The role of context_scopes' index-th entry: the unit, its area, the organisation."""
    if index == 0:
        return "unit"
    return "organisation" if index == len(scopes) - 1 else "area"


def context_frame(
    scopes: list[tuple[str, Scope]], lang: str, reading: Reading, numbers: bool = False
) -> pd.DataFrame:
    """The unit, its area and the organisation side by side; numbers=True as in panel_frame."""
    indicators = catalog.on_page("coaching_panel")
    table = {t("col.indicator", lang): [i.name(lang) for i in indicators]}
    for name, scope in scopes:
        cells = []
        for indicator in indicators:
            sums = data.change_sums(scope=scope, indicator=indicator, reading=reading)
            cells.append(_figure(_shown(sums), indicator.code, lang, numbers))
        table[name] = cells
    frame = pd.DataFrame(table)
    if numbers:
        per_row = [export_format(i.code) for i in indicators]
        frame.attrs["number_formats"] = {name: per_row for name, _ in scopes}
    return frame


def comparison_series(
    indicator: catalog.Indicator, scopes: list[tuple[str, Scope]], reading: Reading
) -> pd.DataFrame:
    """The indicator's monthly series for each scope, named, as one frame for trend_chart."""
    frames = []
    for i, (name, scope) in enumerate(scopes):
        frame = data.series(indicator=indicator, grain="month", scope=scope, reading=reading)
        if frame.empty:
            continue
        frame = frame.copy()
        frame["series"], frame["series_id"] = name, i
        frame["role"] = scope_role(i, scopes)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


# --- Mentor reports ---------------------------------------------------------------------------


def _given(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value))


def report_blocks(stream: pd.DataFrame, lang: str) -> list[list[str]]:
    """Each report as lines of plain text, newest first."""
    blocks = []
    for r in stream.itertuples():

        def score(v):
            return fmt.number(v, lang, 0) if _given(v) else "–"

        mentor = r.mentor if _given(r.mentor) and r.mentor else "–"
        lines = [
            t(
                "units.report_head",
                lang,
                date=fmt.date(r.date, lang),
                mentor=mentor,
                mood=score(r.mood),
                workload=score(r.workload),
                atmosphere=score(r.atmosphere),
            )
        ]
        if _given(r.concern) and r.concern:
            lines.append(t("units.report_concern", lang))
        if _given(r.observations) and str(r.observations).strip():
            lines.append(t("units.report_observations", lang, text=r.observations))
        if _given(r.wishes) and str(r.wishes).strip():
            lines.append(t("units.report_wishes", lang, text=r.wishes))
        blocks.append(lines)
    return blocks


# --- Scorecard deltas judged against chance ---------------------------------------------------


def card_judge(scope: Scope, reading: Reading):
    """A function card -> verdict of its change from the previous bucket (None where the
    indicator's changes are not judged), for ui.scorecard.draw_cards."""

    def judge(card) -> str | None:
        indicator = catalog.get(card.indicator)
        windows = card.compared_windows()
        if windows is None:
            return None
        if indicator.change is None or indicator.neutral:
            # An own indicator says so: its definition gives no interval (or no direction).
            return ch.NOT_JUDGED if indicator.own else None

        def sums(window):
            found = data.change_sums(
                scope=scope.between(*window),
                indicator=indicator,
                reading=reading,
                grain=card.grain,
            )
            return _shown(found)

        now, before = (sums(window) for window in windows)
        if now is None or before is None:
            return ch.UNKNOWN
        return ch.judge(before, now, indicator.higher_is_better).verdict

    return judge
