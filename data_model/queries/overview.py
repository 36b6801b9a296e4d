"""The overview: one card per indicator (latest bucket, previous, a year earlier, target,
status, sparkline) and a units x indicators table of the latest bucket with statuses.

Each indicator costs two small queries (its latest date, then its grouped series), and the
targets one query for all, whatever the number of units.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from core import indicators as catalog
from core import periods
from core.indicators import Indicator, YearlyRate
from core.periods import Grain, PeriodKind
from core.reading import Reading
from core.scope import EVERYTHING, Scope
from data_model.queries import rollup
from data_model.queries.series import (
    feedback_series_together,
    indicator_series,
    latest_date,
    window_totals,
)
from data_model.targets import indicator_status, load_targets, resolve_target

SPARKLINE_BUCKETS = 12
TABLE_COLUMNS = [
    "unit_id",
    "unit",
    "indicator",
    "bucket_start",
    "grain",
    "value",
    "n",
    "suppressed",
    "target",
    "status",
    "rolling",
    "latest",
]


@dataclass
class Card:
    """One indicator on the scorecard. value is None when there is no data or too few answers
    (suppressed); previous and year_ago likewise. grain is the card's own (workforce figures
    are monthly at day and week grains). sparkline: bucket_start, value, suppressed for up to
    the last 12 buckets with data, ending at the card's bucket.

    as_of is the day the figures run to: today, or the sidebar's end when it is earlier.
    `standing` (core.periods.standing) says whether the bucket is running (today falls in
    it), cut by the chosen dates, complete, or stale (its source's data stop before its end or
    before the bucket holding as_of; `latest` is that last day). A running or cut bucket is
    `partial` and counted to as_of (`window`); previous and year_ago are then the same part
    of those buckets (`previous_window`, `year_ago_window`), and `withheld` says why a
    comparison is not made; a stale or complete one compares full buckets. `current_start`
    is the bucket holding as_of. `rolling` is (first, last day) when a small unit's rate
    is taken over a rolling 12 months; previous is then the 12 months before. period_kind is
    the reading's (None on a card without data)."""

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
    as_of: dt.date | None = None
    current_start: dt.date | None = None
    partial: bool = False
    window: tuple[dt.date, dt.date] | None = None
    previous_window: tuple[dt.date, dt.date] | None = None
    year_ago_window: tuple[dt.date, dt.date] | None = None
    withheld: str | None = None
    rolling: tuple[dt.date, dt.date] | None = None
    period_kind: PeriodKind | None = None
    latest: dt.date | None = None
    standing: periods.Standing | None = None

    @property
    def stale(self) -> bool:
        """The newest figure's data stop before its bucket's end or before the bucket holding
        as_of."""
        return self.standing is not None and self.standing.state == "stale"

    def compared_windows(self) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]] | None:
        """The days a change of the card is judged over: its counted part (the bucket, the part
        of a running bucket, a rolling 12 months) and the previous one's (the same part of it,
        the 12 months before); None without a figure and a previous one to compare."""
        if self.bucket_start is None or self.grain is None or self.previous_start is None:
            return None
        if self.value is None or self.previous is None:
            return None

        def whole(start: dt.date) -> tuple[dt.date, dt.date]:
            return start, periods.bucket_end(start, self.grain, self.period_kind)

        return (
            self.window or whole(self.bucket_start),
            self.previous_window or whole(self.previous_start),
        )

    @property
    def days_run(self) -> int:
        return self.standing.days_run if self.partial and self.standing else 0

    @property
    def days_total(self) -> int:
        if self.bucket_start is None or self.grain is None:
            return 0
        end = periods.bucket_end(self.bucket_start, self.grain, self.period_kind)
        return periods.days_run(self.bucket_start, end)


@dataclass(frozen=True)
class _Latest:
    """The bucket a card or table column shows, the grain it is counted in, and the last day
    (a monthly source: month) with data."""

    start: dt.date
    grain: Grain
    day: dt.date


def _latest(engine, indicator, grain, period_kind, scope, today) -> _Latest | None:
    """The bucket holding today, or the newest earlier one with data."""
    if indicator.monthly:
        grain = periods.monthly_grain(grain)
    day = latest_date(engine, indicator=indicator, scope=scope, today=today)
    if day is None:
        return None
    return _Latest(periods.bucket_start(day, grain, period_kind), grain, day)


def _standing(indicator, latest: _Latest, period_kind, today, view_end) -> periods.Standing:
    return periods.standing(
        latest.start,
        latest.grain,
        period_kind,
        today=today,
        view_end=view_end,
        latest=latest.day,
        monthly=indicator.monthly,
    )


def _value(frame: pd.DataFrame, start: dt.date) -> tuple[float | None, int, bool]:
    hits = np.flatnonzero(frame["bucket_start"].to_numpy() == start)
    if not len(hits):
        return None, 0, False
    row = hits[0]
    value = frame["value"].iat[row]
    return (
        (None if pd.isna(value) else float(value)),
        int(frame["n"].iat[row]),
        bool(frame["suppressed"].iat[row]),
    )


def _counted_end(latest: _Latest, period_kind: str, as_of: dt.date) -> dt.date:
    """The last day the card's bucket is counted to: as_of while it runs, else its end."""
    return min(periods.bucket_end(latest.start, latest.grain, period_kind), as_of)


def _card_scope(latest: _Latest, period_kind: str, scope: Scope, as_of: dt.date) -> Scope:
    """The card's dates: its sparkline's buckets and the bucket a year earlier, to as_of."""
    grain, start = latest.grain, latest.start
    year_ago = periods.year_earlier(start, grain)
    first = min(periods.shift(start, grain, period_kind, 1 - SPARKLINE_BUCKETS), year_ago)
    return scope.between(first, _counted_end(latest, period_kind, as_of))


def _part(engine, indicator, grain, reading, scope, start, end):
    """An indicator's figure over start..end (within one bucket): value, n, suppressed."""
    frame = indicator_series(
        engine, indicator=indicator, grain=grain, reading=reading, scope=scope.between(start, end)
    )
    return _value(frame, start)


def _same_part_windows(indicator, latest: _Latest, period_kind: str, as_of: dt.date) -> dict:
    """previous and year_ago: (first, last day) of the same part of those buckets as the
    running bucket has run."""
    grain, start = latest.grain, latest.start
    monthly = indicator.monthly
    windows = {}
    for name, other in (
        ("previous", periods.shift(start, grain, period_kind, -1)),
        ("year_ago", periods.year_earlier(start, grain)),
    ):
        end = periods.same_part_end(other, start, as_of, grain, period_kind, monthly)
        if indicator.source == "feedback":  # counted in whole privacy buckets
            end = rollup.feedback_scope(grain, Scope(start=other, end=end)).end
        windows[name] = (other, end)
    return windows


def _card(
    engine, indicator, latest, reading, scope, as_of, frame=None, parts=None, today=None
) -> Card:
    """frame: the card's series when already fetched with other indicators'; parts: likewise
    its same-part figures, by window. today: the day a bucket runs on (default as_of)."""
    grain, start = latest.grain, latest.start
    period_kind = reading.period_kind
    standing = _standing(indicator, latest, period_kind, today or as_of, as_of)
    previous = periods.shift(start, grain, period_kind, -1)
    year_ago = periods.year_earlier(start, grain)
    if frame is None:
        frame = indicator_series(
            engine,
            indicator=indicator,
            grain=grain,
            reading=reading,
            scope=_card_scope(latest, period_kind, scope, as_of),
        )
    value, n, suppressed = _value(frame, start)
    if indicator.source == "feedback" and not (frame["bucket_start"] == start).any():
        suppressed = True  # a day or week whose cells are hidden is not listed: it is hidden
    spark_from = periods.shift(start, grain, period_kind, 1 - SPARKLINE_BUCKETS)
    spark = frame[frame["bucket_start"] >= spark_from]
    card = Card(
        indicator.code,
        start,
        grain,
        value,
        n,
        suppressed,
        _value(frame, previous)[0],
        previous,
        _value(frame, year_ago)[0],
        year_ago,
        sparkline=spark[["bucket_start", "value", "suppressed"]].reset_index(drop=True),
        as_of=as_of,
        current_start=periods.bucket_start(as_of, grain, period_kind),
        period_kind=period_kind,
        latest=latest.day,
        standing=standing,
    )
    card.window = (start, _counted_end(latest, period_kind, as_of))
    card.previous_window = (previous, periods.bucket_end(previous, grain, period_kind))
    card.year_ago_window = (year_ago, periods.bucket_end(year_ago, grain, period_kind))
    # Monthly figures (workforce) are whole months: a month is never partial, a period or a
    # year runs in whole months.
    if standing.partial:
        card.partial = True
        found = {}  # by window: at year grain the previous bucket is the year before
        for name, window in _same_part_windows(indicator, latest, period_kind, as_of).items():
            setattr(card, f"{name}_window", window)
            if window not in found:
                found[window] = (
                    _value(parts[window], window[0])
                    if parts is not None and window in parts
                    else _part(engine, indicator, grain, reading, scope, *window)
                )
            setattr(card, name, found[window][0])
        if card.previous is None and card.year_ago is None and value is not None:
            card.withheld = "no_same_part"
    return card


def _headcount(engine, scope: Scope, as_of: dt.date, reading: Reading) -> float | None:
    """The scope's headcount in its newest month with workforce data up to as_of."""
    indicator = catalog.get("headcount")
    day = latest_date(engine, indicator=indicator, scope=scope, today=as_of)
    if day is None:
        return None
    month = day.replace(day=1)
    frame = indicator_series(
        engine,
        indicator=indicator,
        grain="month",
        reading=reading,
        scope=scope.between(month, periods.bucket_end(month, "month")),
    )
    return _value(frame, month)[0]


def rolls(indicator: Indicator) -> bool:
    """A rate that swings wildly in a small unit month by month (turnover, sick leave per
    FTE, ...): taken over a rolling 12 months there."""
    return isinstance(indicator.aggregation, YearlyRate)


def _rolling_card(
    engine, indicator, scope: Scope, as_of: dt.date, period_kind: PeriodKind, today=None
) -> Card:
    """A small unit's rate over the 12 months ending with its newest month, against the 12
    months before."""
    day = latest_date(engine, indicator=indicator, scope=scope, today=as_of)
    window = periods.rolling_window(day)
    before = periods.rolling_window(periods.shift(window[0], "month", steps=-1))

    def total(first, last):
        found = window_totals(engine, indicator=indicator, scope=scope.between(first, last))
        if found.empty:
            return None, 0
        return found["value"].iloc[0], int(found["n"].iloc[0])

    value, n = total(*window)
    previous, _ = total(*before)
    month = day.replace(day=1)
    return Card(
        indicator.code,
        month,
        "month",
        value,
        n,
        False,
        previous,
        before[1].replace(day=1),
        as_of=as_of,
        current_start=as_of.replace(day=1),
        window=window,
        previous_window=before,
        rolling=window,
        period_kind=period_kind,
        latest=day,
        standing=periods.standing(
            month,
            "month",
            period_kind,
            today=today or as_of,
            view_end=as_of,
            latest=day,
            monthly=True,
        ),
        sparkline=pd.DataFrame(columns=["bucket_start", "value", "suppressed"]),
    )


def scorecard(
    engine: Engine,
    *,
    indicators: Sequence[Indicator],
    grain: Grain,
    reading: Reading,
    scope: Scope = EVERYTHING,
    today: dt.date | None = None,
) -> list[Card]:
    """A card per indicator for the scope, in the order given.

    The card's bucket is the one holding the day the figures run to (today, or the scope's end
    when earlier; today defaults to core.periods.today()), or the newest earlier bucket with
    data; a bucket running today, or cut by the scope's end, is compared with the same part of
    the previous bucket and of the year before, a finished one with whole buckets. Its target
    is the one for the bucket's starting year, for the single unit when the scope is one unit,
    else for all units; its status is read with the reading's margin. When the scope's
    headcount is under the reading's rolling_under (0: never), its rates are taken over a
    rolling 12 months.
    """
    period_kind = reading.period_kind
    periods.check(grain, period_kind)
    today = today or periods.today()
    as_of = min(scope.end, today) if scope.end else today
    scope = scope.between(None, None)
    codes = [i.code for i in indicators]
    targets = load_targets(engine=engine, codes=codes)
    unit = scope.single_unit
    latest = {i.code: _latest(engine, i, grain, period_kind, scope, as_of) for i in indicators}
    small = False
    if reading.rolling_under and any(rolls(i) and latest[i.code] for i in indicators):
        headcount = _headcount(engine, scope, as_of, reading)
        small = headcount is not None and headcount < reading.rolling_under
    by_code = {i.code: i for i in indicators}
    together, parts = _feedback_frames(engine, latest, by_code, reading, scope, as_of, today)
    cards = []
    for indicator in indicators:
        code = indicator.code
        default = indicator.default_target
        if latest[code] is None:
            cards.append(Card(code, target=resolve_target(targets, code, unit, default=default)))
            continue
        if small and rolls(indicator):
            card = _rolling_card(engine, indicator, scope, as_of, period_kind, today)
        else:
            card = _card(
                engine,
                indicator,
                latest[code],
                reading,
                scope,
                as_of,
                together.get(code),
                parts.get(code),
                today,
            )
        card.target = resolve_target(targets, code, unit, card.bucket_start.year, default)
        card.status = indicator_status(indicator, card.value, card.target, reading.margin)
        cards.append(card)
    return cards


def _feedback_frames(engine, latest: dict, by_code: dict, reading, scope, as_of, today) -> tuple:
    """The series of the feedback cards that show the same bucket, from one statement, and
    their same-part figures of a running bucket, from one statement per window: ({code:
    frame}, {code: {window: frame}})."""
    period_kind = reading.period_kind
    same = defaultdict(list)
    for code, found in latest.items():
        if found is not None and by_code[code].source == "feedback":
            same[found].append(by_code[code])
    frames, parts = {}, defaultdict(dict)
    for found, group in same.items():
        if len(group) < 2:
            continue
        common = {"indicators": group, "grain": found.grain, "reading": reading}
        frames |= feedback_series_together(
            engine, scope=_card_scope(found, period_kind, scope, as_of), **common
        )
        if not _standing(group[0], found, period_kind, today, as_of).partial:
            continue
        windows = _same_part_windows(group[0], found, period_kind, as_of).values()
        for window in dict.fromkeys(windows):  # at year grain the two are the same window
            for code, frame in feedback_series_together(
                engine, scope=scope.between(*window), **common
            ).items():
                parts[code][window] = frame
    return frames, parts


def unit_table(
    engine: Engine,
    *,
    indicators: Sequence[Indicator],
    grain: Grain,
    reading: Reading,
    scope: Scope = EVERYTHING,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """Units x indicators for each indicator's latest bucket in the scope, in long form:
    unit_id, unit, indicator, bucket_start, grain, value, n, suppressed, target, status,
    rolling (True where a small unit's rate is over the 12 months ending at bucket_start's
    month; the reading's rolling_under 0: never), latest (the indicator's last day with data).
    Figures run to today (default core.periods.today()) or the scope's end when earlier.

    One grouped query per indicator; per-unit feedback figures get complementary suppression,
    since the scorecard shows the scope's total beside them. Wide for a page:
    `frame.pivot(index=["unit_id", "unit"], columns="indicator", values="value")`.
    """
    period_kind = reading.period_kind
    periods.check(grain, period_kind)
    today = today or periods.today()
    as_of = min(scope.end, today) if scope.end else today
    scope = scope.between(None, None)
    targets = load_targets(engine=engine, codes=[i.code for i in indicators])
    small = set()
    if reading.rolling_under:
        small = _small_units(engine, scope, as_of, reading)
    parts = []
    for indicator in indicators:
        code = indicator.code
        latest = _latest(engine, indicator, grain, period_kind, scope, as_of)
        if latest is None:
            continue
        end = min(periods.bucket_end(latest.start, latest.grain, period_kind), as_of)
        frame = indicator_series(
            engine,
            indicator=indicator,
            grain=latest.grain,
            reading=reading,
            scope=scope.between(latest.start, end),
            by="unit",
        )
        frame = frame.rename(columns={"series_id": "unit_id", "series": "unit"})
        frame["rolling"] = False
        if small and rolls(indicator):
            frame = _with_rolling(engine, indicator, frame, scope, small, as_of)
        frame["indicator"] = code
        frame["grain"] = latest.grain
        default = indicator.default_target
        frame["latest"] = latest.day
        frame["target"] = [
            resolve_target(targets, code, uid, latest.start.year, default)
            for uid in frame["unit_id"]
        ]
        frame["status"] = [
            indicator_status(indicator, v, t, reading.margin)
            for v, t in zip(frame["value"], frame["target"], strict=True)
        ]
        parts.append(frame[TABLE_COLUMNS])
    if not parts:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    table = pd.concat(parts, ignore_index=True)
    return table.sort_values(["unit", "indicator"], ignore_index=True)


def _small_units(engine, scope: Scope, as_of: dt.date, reading: Reading) -> set[int]:
    """Units whose headcount in the newest month with workforce data is under the reading's
    rolling_under."""
    indicator = catalog.get("headcount")
    day = latest_date(engine, indicator=indicator, scope=scope, today=as_of)
    if day is None:
        return set()
    month = day.replace(day=1)
    frame = indicator_series(
        engine,
        indicator=indicator,
        grain="month",
        reading=reading,
        scope=scope.between(month, periods.bucket_end(month, "month")),
        by="unit",
    )
    under = reading.rolling_under
    return {int(u) for u, v in zip(frame["series_id"], frame["value"], strict=True) if v < under}


def _with_rolling(engine, indicator, frame, scope, small: set[int], as_of) -> pd.DataFrame:
    """frame's rows of small units replaced by their rolling 12 months to the newest month."""
    day = latest_date(engine, indicator=indicator, scope=scope, today=as_of)
    window = periods.rolling_window(day)
    totals = window_totals(engine, indicator=indicator, scope=scope.between(*window), by="unit")
    totals = totals[totals["series_id"].isin(small)]
    if totals.empty:
        return frame
    rolled = pd.DataFrame(
        {
            "bucket_start": day.replace(day=1),
            "unit": totals["series"],
            "unit_id": totals["series_id"],
            "value": totals["value"],
            "n": totals["n"],
            "suppressed": False,
            "rolling": True,
        }
    )
    kept = frame[~frame["unit_id"].isin(small)]
    return pd.concat([kept, rolled], ignore_index=True)
