"""Did coaching work, and do staff who feel well give better service? Pure estimators over
unit x month (or unit x period) figures: the event-time alignment, a stacked
difference-in-differences with not-yet-coached units as comparisons, and a correlation.

Months are plain integers (year * 12 + month - 1, see month_index), so the arithmetic of
"12 months before the start" is exact and needs no calendar.

Difference-in-differences (did): for a coached unit i starting in month s_i, the months before
are s_i - 12 .. s_i - 1 and the months during/after s_i .. s_i + 18. A comparison unit j is one
whose coaching starts later (or never): it is not (yet) coached during i's months before, and
its months from its own start on are left out of i's months after, so a unit coached in 2024
compares for a unit coached in 2023. For every pair (i, j) only the calendar months where both
have a figure count, so i and j change over exactly the same months:

    d_ij = (mean_i(after_ij) - mean_i(before_ij)) - (mean_j(after_ij) - mean_j(before_ij))
    d_i  = mean of d_ij over i's comparison units
    effect = mean of d_i over the coached units

A pair needs MIN_BEFORE common months before and MIN_AFTER after. The interval comes from a
leave-one-unit-out jackknife (each unit dropped as coached and as comparison unit, so units
shared by several pairs count once), with Student's t on (coached units - 1) degrees of freedom.
The distributions, and Pearson's r with its Fisher z interval, come from scipy.stats.
"""

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from scipy import stats

from core.change import LEVEL, t_quantile

BEFORE_MONTHS = 12  # event time -12 .. -1
AFTER_MONTHS = 18  # event time 0 .. +18
MIN_BEFORE = 3  # common months a pair needs before the start
MIN_AFTER = 3  # ... and during/after it

Values = Mapping[int, Mapping[int, float]]  # unit id -> month index -> figure


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


# --- Event time -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventPoint:
    """One unit's figure k months after its coaching started (k < 0: before)."""

    unit_id: int
    k: int
    month: int
    value: float


def align(values: Values, starts: Mapping[int, int | None]) -> list[EventPoint]:
    """Every coached unit's figures on months since its start, -12 .. +18."""
    points = []
    for unit, start in starts.items():
        if start is None:
            continue
        for month, value in sorted(values.get(unit, {}).items()):
            k = month - start
            if -BEFORE_MONTHS <= k <= AFTER_MONTHS:
                points.append(EventPoint(unit, k, month, value))
    return points


@dataclass(frozen=True)
class MeanPoint:
    """The mean over units at event time k, with its t interval (None with fewer than 2)."""

    k: int
    mean: float
    n: int
    low: float | None
    high: float | None


def mean_interval(values: list[float], level: float = LEVEL):
    """Mean, and the t interval of the mean (None, None for fewer than two values)."""
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, None, None
    half = t_quantile(0.5 + level / 2, len(values) - 1) * statistics.stdev(values)
    half /= math.sqrt(len(values))
    return mean, mean - half, mean + half


def event_means(points: Iterable[EventPoint], level: float = LEVEL) -> list[MeanPoint]:
    by_k: dict[int, list[float]] = {}
    for p in points:
        by_k.setdefault(p.k, []).append(p.value)
    return [MeanPoint(k, *_mean_n(v, level)) for k, v in sorted(by_k.items())]


def _mean_n(values, level):
    mean, low, high = mean_interval(values, level)
    return mean, len(values), low, high


# --- Difference-in-differences ----------------------------------------------------------------

NO_BEFORE, NO_AFTER, NO_COMPARISON = "before", "after", "comparison"


@dataclass(frozen=True)
class Estimate:
    """The effect (None: nothing to estimate) and its interval (None: too few units), the
    coached units' and the comparison units' mean changes, how many units took part, and why
    coached units were left out (reason -> units)."""

    effect: float | None
    low: float | None
    high: float | None
    coached_change: float | None
    comparison_change: float | None
    n_coached: int
    n_comparison: int
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def judged(self) -> bool:
        return self.low is not None


def _mean_over(series: Mapping[int, float], months: list[int]) -> float:
    return statistics.fmean(series[m] for m in months)


def _pairs(
    values: Values,
    starts: Mapping[int, int | None],
    coached: Iterable[int],
    dropped: frozenset = frozenset(),
):
    """Per coached unit: its (treated change, comparison change) pairs, and why units with none
    were left out."""
    found: dict[int, list[tuple[int, float, float]]] = {}
    reasons: dict[int, str] = {}
    for i in coached:
        s = starts.get(i)
        if i in dropped or s is None:
            continue
        own = values.get(i, {})
        before = [m for m in range(s - BEFORE_MONTHS, s) if m in own]
        after = [m for m in range(s, s + AFTER_MONTHS + 1) if m in own]
        if len(before) < MIN_BEFORE:
            reasons[i] = NO_BEFORE
            continue
        if len(after) < MIN_AFTER:
            reasons[i] = NO_AFTER
            continue
        pairs = []
        for j, sj in starts.items():
            if j == i or j in dropped or (sj is not None and sj <= s):
                continue
            other = values.get(j, {})
            b = [m for m in before if m in other]
            a = [m for m in after if m in other and (sj is None or m < sj)]
            if len(b) < MIN_BEFORE or len(a) < MIN_AFTER:
                continue
            pairs.append(
                (
                    j,
                    _mean_over(own, a) - _mean_over(own, b),
                    _mean_over(other, a) - _mean_over(other, b),
                )
            )
        if pairs:
            found[i] = pairs
        else:
            reasons[i] = NO_COMPARISON
    return found, reasons


def _point(found) -> float | None:
    if not found:
        return None
    return statistics.fmean(
        statistics.fmean(own - other for _, own, other in pairs) for pairs in found.values()
    )


def did(
    values: Values, starts: Mapping[int, int | None], coached: Iterable[int], level: float = LEVEL
) -> Estimate:
    """The difference-in-differences of the coached units (see the module docstring).

    values: figures per unit and month of every unit that may compare; starts: each unit's
    coaching start month (None: never coached); coached: the units whose effect is estimated."""
    coached = list(coached)
    found, reasons = _pairs(values, starts, coached)
    left_out: dict[str, int] = {}
    for reason in reasons.values():
        left_out[reason] = left_out.get(reason, 0) + 1
    effect = _point(found)
    if effect is None:
        return Estimate(None, None, None, None, None, 0, 0, left_out)
    comparisons = {j for pairs in found.values() for j, _, _ in pairs}
    own = statistics.fmean(statistics.fmean(p[1] for p in pairs) for pairs in found.values())
    other = statistics.fmean(statistics.fmean(p[2] for p in pairs) for pairs in found.values())
    low = high = None
    if len(found) >= 2 and len(comparisons) >= 2:
        involved = sorted(set(found) | comparisons)
        leave_out = []
        for u in involved:
            without, _ = _pairs(values, starts, found, frozenset({u}))
            point = _point(without)
            if point is not None:
                leave_out.append(point)
        m = len(leave_out)
        if m >= 2:
            centre = statistics.fmean(leave_out)
            se = math.sqrt((m - 1) / m * sum((x - centre) ** 2 for x in leave_out))
            half = t_quantile(0.5 + level / 2, len(found) - 1) * se
            low, high = effect - half, effect + half
    return Estimate(effect, low, high, own, other, len(found), len(comparisons), left_out)


# --- Correlation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Correlation:
    """Pearson's r over n pairs, with the Fisher z interval (None with fewer than 4 pairs)."""

    r: float | None
    n: int
    low: float | None = None
    high: float | None = None


def correlation(xs: list[float], ys: list[float], level: float = LEVEL) -> Correlation:
    n = len(xs)
    if n != len(ys):
        raise ValueError("x and y differ in length")
    if n < 3 or len(set(xs)) < 2 or len(set(ys)) < 2:  # no r of a constant
        return Correlation(None, n)
    found = stats.pearsonr(xs, ys)
    r = max(-1.0, min(1.0, float(found.statistic)))
    if n < 4 or abs(r) == 1:
        return Correlation(r, n)
    low, high = found.confidence_interval(confidence_level=level)  # Fisher's z
    return Correlation(r, n, float(low), float(high))


def weighted_periods(rows: Iterable[tuple[int, dt.date, float, float]], period_of) -> dict:
    """Unit-month figures (unit, month start, value, n) combined into unit-period figures:
    the n-weighted mean of the months' values (exact for means and shares, whose n is their
    denominator). period_of maps a month start to its period's start.
    Returns {(unit, period start): (value, n)}."""
    sums: dict[tuple[int, dt.date], list[float]] = {}
    for unit, month, value, n in rows:
        if value is None or not n:
            continue
        key = (unit, period_of(month))
        total = sums.setdefault(key, [0.0, 0.0])
        total[0] += value * n
        total[1] += n
    return {key: (s / n, n) for key, (s, n) in sums.items()}
