"""The figures of a situation report (core.report), gathered from the very queries the pages
read: the Overview's scorecard and units table with each card's change judged as its card is,
the feeling meter's rules over the mentor reports, each coached unit's timeline and before /
during / after panel, the effectiveness page's estimates, and what is missing or hidden.

The dates are those of the views the report links to: the sidebar's default three calendar
years up to the day the figures run to (the period's end, or today while it runs), so every
figure quoted is the one its page shows for that link. The Scope's allowed units are the
reader's (ui.data narrows it for the signed-in user, the CLI for --user); dates in it are
ignored.
"""

import dataclasses
import datetime as dt

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from core import change as ch
from core import coaching_effect, coaching_period, periods, rules
from core import indicators as catalog
from core.reading import Reading
from core.report import (
    SOURCES,
    CardFigures,
    Coached,
    Effect,
    Figures,
    PanelChange,
    Period,
    ReportGrain,
    Subject,
    UnitFigure,
)
from core.rules import Thresholds
from core.scope import Scope
from data_model import reference
from data_model.models import FeedbackCell
from data_model.queries import privacy, scoping
from data_model.queries.change_sums import sums as change_sums
from data_model.queries.mentoring import report_sums
from data_model.queries.overview import scorecard, unit_table
from data_model.queries.series import latest_date
from data_model.queries.unit_months import unit_months, units_in_scope

# The indicator whose newest date stands for each source's.
SOURCE_INDICATORS = {
    "feedback": "feedback_answers",
    "mentor_reports": "mentor_mood",
    "workforce": "headcount",
}
# The figure of the units table that says whether a unit has a source's data in the period.
TABLE_INDICATORS = {"feedback": "feedback_answers", "mentor_reports": "mentor_mood"}
TABLE_INDICATORS |= {"workforce": "headcount"}


def report_period(grain: ReportGrain, start: dt.date, today: dt.date, period_kind: str) -> Period:
    """The month or period starting at start, counted to its end or to today while it runs;
    the linked views' dates begin where the sidebar's do by default (three calendar years up
    to the last day counted, not before the first data)."""
    start = periods.bucket_start(start, grain, period_kind)
    end = periods.bucket_end(start, grain, period_kind)
    as_of = max(min(end, today), start)
    first = dt.date(as_of.year - 2, 1, 1)
    return Period(grain, start, end, as_of, today, period_kind, first)


def report_figures(
    engine: Engine,
    *,
    scope: Scope,
    grain: ReportGrain,
    start: dt.date,
    today: dt.date,
    reading: Reading,
    thresholds: Thresholds,
    before_months: int = coaching_period.BEFORE_MONTHS,
) -> Figures:
    """Everything a report of the bucket at start says about scope (every unit the reader may
    see, a service area or one unit), as the pages show it on the day the figures run to."""
    period = report_period(grain, start, today, reading.period_kind)
    units = reference.units(engine, scope=scope.between(None, None))
    subject = _subject(engine, scope, units)
    view = scope.between(period.first, period.as_of)  # the linked pages' sidebar
    figures = Figures(subject, period, reading, thresholds)
    figures = dataclasses.replace(
        figures,
        unit_names={u["id"]: u["name"] for u in units},
        areas={u["id"]: u["service_area"] for u in units if u.get("service_area")},
        latest=_latest(engine, view, period.as_of),
    )
    if period.future or not units:
        return figures
    cards = _cards(engine, view, grain, reading, period.as_of)
    table = () if scope.single_unit else _units(engine, view, grain, reading, period.as_of)
    return dataclasses.replace(
        figures,
        cards=cards,
        units=table,
        attention=_attention(engine, view, units, period.as_of, thresholds),
        coached=_coached(engine, view, units, period, reading, before_months),
        effects=_effects(engine, view, reading),
        missing=_missing(table, units, period, scope),
        hidden_cells=hidden_cells(
            engine, scope=scope.between(period.start, period.as_of), reading=reading
        ),
    )


def _subject(engine: Engine, scope: Scope, units: list[dict]) -> Subject:
    names = tuple(u["name"] for u in units)
    restricted = scope.allowed_unit_ids is not None
    if scope.single_unit is not None:
        return Subject("unit", scope.single_unit, names[0] if names else None, names, restricted)
    if scope.service_area_id is not None:
        areas = dict(reference.service_areas(engine))
        area = areas.get(scope.service_area_id)
        return Subject("area", scope.service_area_id, area, names, restricted)
    return Subject("all", None, None, names, restricted)


def _latest(engine: Engine, view: Scope, as_of: dt.date) -> dict:
    """Each source's newest day with data up to as_of (feedback and workforce: its month)."""
    found = {}
    for source in SOURCES:
        indicator = catalog.get(SOURCE_INDICATORS[source])
        day = latest_date(engine, indicator=indicator, scope=view, today=as_of)
        if day is not None and source != "mentor_reports":
            day = day.replace(day=1)
        found[source] = day
    return found


def _cards(engine, view, grain, reading, as_of) -> tuple[CardFigures, ...]:
    """The Overview's cards, each change judged over the windows its card names (as the page's
    judge does: a feedback figure under the privacy threshold is neither shown nor judged)."""
    indicators = catalog.on_page("scorecard")
    cards = scorecard(
        engine, indicators=indicators, grain=grain, reading=reading, scope=view, today=as_of
    )
    found = []
    for indicator, card in zip(indicators, cards, strict=True):
        windows = card.compared_windows()
        change = None
        # An own indicator without an interval or a direction is shown, never judged (as on
        # the Overview).
        if indicator.change is not None and not indicator.neutral and windows is not None:
            now, before = (
                change_sums(
                    engine,
                    scope=view.between(*window),
                    indicator=indicator,
                    reading=reading,
                    grain=card.grain,
                )
                for window in windows
            )
            if now.hidden or before.hidden:
                change = ch.Change(card.previous, card.value, 0, 0, None)
            else:
                change = ch.judge(before, now, indicator.higher_is_better)
        found.append(CardFigures(card, indicator, change))
    return tuple(found)


def _units(engine, view, grain, reading, as_of) -> tuple[UnitFigure, ...]:
    table = unit_table(
        engine,
        indicators=catalog.on_page("units_table"),
        grain=grain,
        reading=reading,
        scope=view,
        today=as_of,
    )
    return tuple(
        UnitFigure(
            int(r.unit_id),
            r.unit,
            r.indicator,
            None if pd.isna(r.value) else float(r.value),
            None if r.target is None or pd.isna(r.target) else float(r.target),
            r.status,
            bool(r.suppressed),
            r.bucket_start,
        )
        for r in table.itertuples()
    )


def _in_coaching(unit: dict, as_of: dt.date) -> bool:
    start, end = unit.get("coaching_start"), unit.get("coaching_end")
    return bool(start) and start <= as_of and (end is None or end >= as_of)


def _attention(engine, view, units, as_of, thresholds):
    """The feeling meter's raised units, as its page finds them (None: no reports at all)."""
    sums = report_sums(engine, scope=view)
    if sums.empty:
        return None
    expected = tuple(u["id"] for u in units if _in_coaching(u, as_of))
    return tuple(rules.attention(sums, as_of, thresholds, expected=expected))


def _coached(engine, view, units, period, reading, before_months) -> tuple[Coached, ...]:
    """Every unit with a coaching period, where it stands on as_of, and for those coached in
    the period (running, or ended in it) their before / during / after panel as the unit's page
    judges it."""
    found = []
    for unit in units:
        start = unit.get("coaching_start")
        if start is None:
            continue
        line = coaching_period.timeline(start, unit.get("coaching_end"), period.as_of)
        panel = ()
        recent = line.status == "ended" and line.end >= period.start
        if line.status == "running" or recent or view.single_unit is not None:
            panel = _panel(engine, view.for_units([unit["id"]]), line, reading, before_months)
        found.append(Coached(unit["id"], unit["name"], line, panel))
    order = {"running": 0, "ended": 1, "not_started": 2}
    return tuple(sorted(found, key=lambda c: (order.get(c.timeline.status, 3), c.unit)))


def _panel(engine, unit_scope, line, reading, before_months) -> tuple[PanelChange, ...]:
    windows = coaching_period.windows(line.start, line.end, line.today, before_months)
    if len(windows) < 2:
        return ()
    latest = windows[-1]
    judged = []
    for indicator in catalog.on_page("coaching_panel"):
        found = {}
        for window in (windows[0], latest):
            sums = change_sums(
                engine,
                scope=unit_scope.between(window.start, window.end),
                indicator=indicator,
                reading=reading,
            )
            found[window.name] = None if sums.hidden else sums
        before, after = found["before"], found[latest.name]
        if before is not None and after is not None:
            change = ch.judge(before, after, indicator.higher_is_better)
            if change.difference is not None:
                judged.append(PanelChange(indicator.code, latest.name, change))
    return tuple(judged)


def _effects(engine, view, reading) -> tuple[Effect, ...]:
    """The effectiveness page's overall difference-in-differences for each of its
    indicators, over the units of the scope."""
    units = units_in_scope(engine, scope=view)
    coached = [int(u) for u in units.loc[units["coaching_start"].notna(), "unit_id"]]
    if not coached:
        return ()
    starts = {
        int(u): None if s is None or pd.isna(s) else coaching_effect.month_index(s)
        for u, s in zip(units["unit_id"], units["coaching_start"], strict=True)
    }
    found = []
    for indicator in catalog.on_page("effectiveness"):
        months = unit_months(engine, scope=view, indicator=indicator, reading=reading)
        values: dict[int, dict[int, float]] = {}
        for unit, month, value in zip(
            months["unit_id"], months["month"], months["value"], strict=True
        ):
            values.setdefault(int(unit), {})[coaching_effect.month_index(month)] = float(value)
        found.append(Effect(indicator, coaching_effect.did(values, starts, coached)))
    return tuple(found)


def _missing(table, units, period, scope) -> dict[str, tuple[str, ...]]:
    """Per source, the units without a row for its figure in the units table where the table
    shows the report's own period (an older one is said as stale): units in the register, and
    for mentor reports the units in coaching."""
    if scope.single_unit is not None:
        return {}
    found = {}
    for source, code in TABLE_INDICATORS.items():
        rows = [u for u in table if u.code == code]
        if not rows or rows[0].bucket_start != period.start:
            continue
        expected = {
            u["id"]: u["name"]
            for u in units
            if u.get("in_register", True)
            and (source != "mentor_reports" or _in_coaching(u, period.as_of))
        }
        present = {u.unit_id for u in rows}
        found[source] = tuple(sorted(n for uid, n in expected.items() if uid not in present))
    return found


def hidden_cells(engine: Engine, *, scope: Scope, reading: Reading) -> int:
    """How many privacy cells (a unit's answers to one question in one month) of the scope's
    units and months the privacy rule hides: answered, but by fewer than the threshold."""
    first = None if scope.start is None else scope.start.replace(day=1)
    month = FeedbackCell.year * 12 + FeedbackCell.month
    where = [
        *scoping.unit_filters_unjoined(FeedbackCell, scope),
        FeedbackCell.n > 0,
        ~privacy.enough(FeedbackCell.n, reading.min_answers),
    ]
    if first is not None:
        where.append(month >= first.year * 12 + first.month)
    if scope.end is not None:
        where.append(month <= scope.end.year * 12 + scope.end.month)
    query = select(func.count()).select_from(FeedbackCell).where(*where)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())
