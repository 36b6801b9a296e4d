"""The overview: one card per indicator (latest bucket, previous, a year earlier, target,
status, sparkline) and a units x indicators table of the latest bucket with statuses.

Each indicator costs two small queries (its latest date, then its grouped series), and the
targets one query for all, whatever the number of units.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.engine import Engine

from core import indicators as catalog
from core import periods
from core.scope import EVERYTHING, Scope
from data_model.queries.series import feedback_series_together, latest_date, series_in_scope
from data_model.targets import DEFAULT_MARGIN, load_targets, resolve_target, status

SPARKLINE_BUCKETS = 12
TABLE_COLUMNS = [
    "unit_id", "unit", "indicator", "bucket_start", "grain", "value", "n", "suppressed",
    "target", "status",
]  # fmt: skip


@dataclass
class Card:
    """One indicator on the scorecard. value is None when there is no data or too few answers
    (suppressed); previous and year_ago likewise. grain is the card's own (workforce figures
    are monthly at day and week grains). sparkline: bucket_start, value, suppressed for up to
    the last 12 buckets with data, ending at the card's bucket."""

    indicator: str
    bucket_start: dt.date | None = None
    grain: str | None = None
    value: float | None = None
    n: int = 0
    suppressed: bool = False
    previous: float | None = None
    previous_start: dt.date | None = None
    year_ago: float | None = None
    year_ago_start: dt.date | None = None
    target: float | None = None
    status: str | None = None
    sparkline: pd.DataFrame = field(default_factory=pd.DataFrame)


@dataclass(frozen=True)
class _Latest:
    """The bucket a card or table column shows, and the grain it is counted in."""

    start: dt.date
    grain: str


def _latest(engine, indicator, grain, period_kind, scope, today) -> _Latest | None:
    """The bucket holding today, or the newest earlier one with data."""
    if indicator.source == "workforce":
        grain = periods.monthly_grain(grain)
    day = latest_date(engine=engine, indicator=indicator, scope=scope, today=today)
    return None if day is None else _Latest(periods.bucket_start(day, grain, period_kind), grain)


def _value(frame: pd.DataFrame, start: dt.date) -> tuple[float | None, int, bool]:
    hit = frame[frame["bucket_start"] == start]
    if hit.empty:
        return None, 0, False
    value = hit["value"].iloc[0]
    return (
        (None if pd.isna(value) else float(value)),
        int(hit["n"].iloc[0]),
        bool(hit["suppressed"].iloc[0]),
    )


def _card_scope(latest: _Latest, period_kind: str, scope: Scope) -> Scope:
    """The card's dates: its sparkline's buckets and the bucket a year earlier."""
    grain, start = latest.grain, latest.start
    year_ago = periods.year_earlier(start, grain, period_kind)
    first = min(periods.shift(start, grain, period_kind, 1 - SPARKLINE_BUCKETS), year_ago)
    return scope.between(first, periods.bucket_end(start, grain, period_kind))


def _card(engine, indicator, latest, period_kind, scope, min_answers, frame=None) -> Card:
    """frame: the card's series when already fetched with other indicators'."""
    grain, start = latest.grain, latest.start
    previous = periods.shift(start, grain, period_kind, -1)
    year_ago = periods.year_earlier(start, grain, period_kind)
    if frame is None:
        frame = series_in_scope(
            engine=engine, indicator=indicator, grain=grain, period_kind=period_kind,
            scope=_card_scope(latest, period_kind, scope), min_answers=min_answers,
        )  # fmt: skip
    value, n, suppressed = _value(frame, start)
    spark_from = periods.shift(start, grain, period_kind, 1 - SPARKLINE_BUCKETS)
    spark = frame[frame["bucket_start"] >= spark_from]
    return Card(
        indicator.code, start, grain, value, n, suppressed, _value(frame, previous)[0], previous,
        _value(frame, year_ago)[0], year_ago,
        sparkline=spark[["bucket_start", "value", "suppressed"]].reset_index(drop=True),
    )  # fmt: skip


def scorecard(
    *,
    engine: Engine,
    indicators: Sequence[str],
    grain: str,
    scope: Scope = EVERYTHING,
    period_kind: str = "term",
    min_answers: int = 5,
    today: dt.date | None = None,
    margin: float = DEFAULT_MARGIN,
) -> list[Card]:
    """A card per indicator for the scope, in the order given.

    The card's bucket is the one holding today, or the newest earlier bucket with data. Its
    target is the one for the bucket's starting year, for the single unit when the scope is
    one unit, else for all units.
    """
    periods.check(grain, period_kind)
    today = today or dt.date.today()
    scope = scope.between(None, None)
    targets = load_targets(engine=engine, codes=list(indicators))
    unit = scope.single_unit
    latest = {
        code: _latest(engine, catalog.get(code), grain, period_kind, scope, today)
        for code in indicators
    }
    together = _feedback_frames(engine, latest, period_kind, scope, min_answers)
    cards = []
    for code in indicators:
        indicator = catalog.get(code)
        if latest[code] is None:
            cards.append(Card(code, target=resolve_target(targets, code, unit)))
            continue
        card = _card(
            engine, indicator, latest[code], period_kind, scope, min_answers, together.get(code)
        )
        latest_start = latest[code].start
        card.target = resolve_target(targets, code, unit, latest_start.year)
        card.status = status(card.value, card.target, indicator.higher_is_better, margin)
        cards.append(card)
    return cards


def _feedback_frames(engine, latest: dict, period_kind, scope, min_answers) -> dict:
    """The series of the feedback cards that show the same bucket, from one statement."""
    same = defaultdict(list)
    for code, found in latest.items():
        if found is not None and catalog.get(code).source == "feedback":
            same[found].append(catalog.get(code))
    frames = {}
    for found, group in same.items():
        if len(group) > 1:
            frames |= feedback_series_together(
                engine=engine, indicators=group, grain=found.grain, period_kind=period_kind,
                scope=_card_scope(found, period_kind, scope), min_answers=min_answers,
            )  # fmt: skip
    return frames


def unit_table(
    *,
    engine: Engine,
    indicators: Sequence[str],
    grain: str,
    scope: Scope = EVERYTHING,
    period_kind: str = "term",
    min_answers: int = 5,
    today: dt.date | None = None,
    margin: float = DEFAULT_MARGIN,
) -> pd.DataFrame:
    """Units x indicators for each indicator's latest bucket in the scope, in long form:
    unit_id, unit, indicator, bucket_start, grain, value, n, suppressed, target, status.

    One grouped query per indicator; per-unit feedback figures get complementary suppression,
    since the scorecard shows the scope's total beside them. Wide for a page:
    `frame.pivot(index=["unit_id", "unit"], columns="indicator", values="value")`.
    """
    periods.check(grain, period_kind)
    today = today or dt.date.today()
    scope = scope.between(None, None)
    targets = load_targets(engine=engine, codes=list(indicators))
    parts = []
    for code in indicators:
        indicator = catalog.get(code)
        latest = _latest(engine, indicator, grain, period_kind, scope, today)
        if latest is None:
            continue
        end = periods.bucket_end(latest.start, latest.grain, period_kind)
        frame = series_in_scope(
            engine=engine, indicator=indicator, grain=latest.grain, period_kind=period_kind,
            scope=scope.between(latest.start, end), by="unit", min_answers=min_answers,
        )  # fmt: skip
        frame = frame.rename(columns={"series_id": "unit_id", "series": "unit"})
        frame["indicator"] = code
        frame["grain"] = latest.grain
        frame["target"] = [
            resolve_target(targets, code, uid, latest.start.year) for uid in frame["unit_id"]
        ]
        frame["status"] = [
            status(v, t, indicator.higher_is_better, margin)
            for v, t in zip(frame["value"], frame["target"], strict=True)
        ]
        parts.append(frame[TABLE_COLUMNS])
    if not parts:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    table = pd.concat(parts, ignore_index=True)
    return table.sort_values(["unit", "indicator"], ignore_index=True)
