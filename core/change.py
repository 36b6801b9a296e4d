"""Changes beyond noise: is the difference between two periods larger than chance gives at its n?

One judgement that pages, exports and tests share, with the distributions from scipy.stats:
- means from (n, sum, sum of squares): a Welch interval of the difference;
- shares from (positive, answers): Newcombe's hybrid score interval, built from the two Wilson
  intervals;
- rates from (count, exposure): the counts conditioned on their total are binomial, so a Wilson
  interval of the later count's share gives an interval of the rate ratio.

A verdict respects the indicator's direction ("better", "worse"), says "unclear" when the
interval holds no change (a zero change is always unclear, never worse), and "unknown" when the
data cannot judge it (only a mean is known, or too few answers).
"""

import math
from dataclasses import dataclass

from scipy import stats

LEVEL = 0.95
EPS = 1e-9  # comparisons of figures shown with two decimals: 4,1 -> 3,6 is a fall of 0,5

BETTER, WORSE, UNCLEAR, UNKNOWN = "better", "worse", "unclear", "unknown"
# An own indicator whose definition gives no interval (a sum of euros, a mean of values) or no
# direction: its changes are shown, never called better or worse.
NOT_JUDGED = "not_judged"
# Why a change is unknown: a side without a figure, a side given only as means (no spread
# known), or fewer than MIN_N observations on a side (a variance needs two).
NO_FIGURE, MEANS_ONLY, TOO_FEW = "no_figure", "means_only", "too_few"
MIN_N = 2


def at_least(value: float, threshold: float) -> bool:
    """value >= threshold, forgiving floating-point rounding (3.6 - 4.1 is -0.4999...)."""
    return value >= threshold - EPS


@dataclass(frozen=True)
class Change:
    """A figure before and after, their difference (after - before) and its interval."""

    before: float | None
    after: float | None
    n_before: float
    n_after: float
    difference: float | None
    low: float | None = None  # interval of the difference; None: cannot be judged
    high: float | None = None
    verdict: str = UNKNOWN
    reason: str | None = None  # why the verdict is unknown (NO_FIGURE, MEANS_ONLY, TOO_FEW)


def verdict(
    difference: float | None, low: float | None, high: float | None, higher_is_better: bool
) -> str:
    """better / worse / unclear / unknown from a difference and its interval."""
    if difference is None:
        return UNKNOWN
    if abs(difference) <= EPS:
        return UNCLEAR  # no change is never a worsening, whatever the interval
    if low is None or high is None:
        return UNKNOWN
    if low > 0 or high < 0:
        up = low > 0
        return BETTER if up == higher_is_better else WORSE
    return UNCLEAR


def _z(level: float) -> float:
    """The normal quantile of a two-sided interval at level (1.96 at 95 %)."""
    return float(stats.norm.ppf(0.5 + level / 2))


def t_quantile(p: float, df: float) -> float:
    """The p quantile of Student's t with df degrees of freedom."""
    return float(stats.t.ppf(p, df))


# --- Means ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeanStats:
    """Answers summed: n, sum and (None when a report gave only means) sum of squares."""

    n: float
    total: float
    squares: float | None = None

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None

    @property
    def variance(self) -> float | None:
        """The sample variance; None without squares or with fewer than MIN_N answers."""
        if self.squares is None or self.n < MIN_N:
            return None
        return max(0.0, (self.squares - self.total * self.total / self.n) / (self.n - 1))


def welch_interval(
    before: MeanStats, after: MeanStats, level: float = LEVEL
) -> tuple[float, float] | None:
    """The interval of after.mean - before.mean (Welch-Satterthwaite degrees of freedom)."""
    v1, v2 = before.variance, after.variance
    if v1 is None or v2 is None:
        return None
    a, b = v1 / before.n, v2 / after.n
    se = math.sqrt(a + b)
    difference = after.mean - before.mean
    if se == 0:
        return difference, difference
    df = (a + b) ** 2 / (a * a / (before.n - 1) + b * b / (after.n - 1))
    half = t_quantile(0.5 + level / 2, df) * se
    return difference - half, difference + half


def mean_change(
    before: MeanStats, after: MeanStats, higher_is_better: bool, level: float = LEVEL
) -> Change:
    m1, m2 = before.mean, after.mean
    difference = None if m1 is None or m2 is None else m2 - m1
    interval = welch_interval(before, after, level) if difference is not None else None
    low, high = interval if interval else (None, None)
    judged = verdict(difference, low, high, higher_is_better)
    reason = None
    if judged == UNKNOWN:
        if difference is None:
            reason = NO_FIGURE
        elif before.squares is None or after.squares is None:
            reason = MEANS_ONLY
        else:
            reason = TOO_FEW  # a variance needs MIN_N answers on each side
    return Change(m1, m2, before.n, after.n, difference, low, high, judged, reason)


# --- Shares -----------------------------------------------------------------------------------


def wilson(k: float, n: float, level: float = LEVEL) -> tuple[float, float]:
    """Wilson score interval of the proportion k / n."""
    z = _z(level)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def share_change(
    k_before: float,
    n_before: float,
    k_after: float,
    n_after: float,
    higher_is_better: bool = True,
    level: float = LEVEL,
    scale: float = 100.0,
) -> Change:
    """Shares k / n (shown times scale: percent); Newcombe's hybrid score interval."""
    if not n_before or not n_after:
        before = scale * k_before / n_before if n_before else None
        after = scale * k_after / n_after if n_after else None
        return Change(before, after, n_before, n_after, None, reason=NO_FIGURE)
    p1, p2 = k_before / n_before, k_after / n_after
    if p1 > 1 or p2 > 1:  # more "of" than counted (an occupancy over 100 %): no share to judge
        return Change(scale * p1, scale * p2, n_before, n_after, scale * (p2 - p1))
    l1, u1 = wilson(k_before, n_before, level)
    l2, u2 = wilson(k_after, n_after, level)
    d = p2 - p1
    low = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    high = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return Change(
        scale * p1,
        scale * p2,
        n_before,
        n_after,
        scale * d,
        scale * low,
        scale * high,
        verdict(d, low, high, higher_is_better),
    )


# --- Rates ------------------------------------------------------------------------------------


def rate_change(
    count_before: float,
    exposure_before: float,
    count_after: float,
    exposure_after: float,
    higher_is_better: bool = False,
    factor: float = 1.0,
    level: float = LEVEL,
) -> Change:
    """Rates factor * count / exposure (sick-leave days per FTE-year, leavers per person-year).

    Given the total, the later count is binomial with share e2 / (e1 + e2) when nothing
    changed; the Wilson interval of its observed share gives an interval of the rate ratio, and
    the rate difference's interval is the later rate times (1 - 1 / ratio) at its bounds."""
    if not exposure_before or not exposure_after:
        return Change(None, None, exposure_before, exposure_after, None, reason=NO_FIGURE)
    r1 = factor * count_before / exposure_before
    r2 = factor * count_after / exposure_after
    total = count_before + count_after
    if total <= 0:  # no events at all: no change, and nothing to judge beyond that
        return Change(r1, r2, exposure_before, exposure_after, 0.0, 0.0, 0.0, UNCLEAR)
    lo_p, hi_p = wilson(count_after, total, level)
    odds = exposure_before / exposure_after

    def ratio(p: float) -> float:
        return math.inf if p >= 1 else p / (1 - p) * odds

    # r2 - r1 = r1 * (ratio - 1); the interval of the ratio maps onto the difference.
    low = r1 * (ratio(lo_p) - 1)
    high = r1 * (ratio(hi_p) - 1) if hi_p < 1 else math.inf
    if r1 == 0:  # no events before: the interval of the later rate itself
        low = factor * _poisson_low(count_after, level) / exposure_after
        high = factor * _poisson_high(count_after, level) / exposure_after
    return Change(
        r1,
        r2,
        exposure_before,
        exposure_after,
        r2 - r1,
        low,
        high,
        verdict(r2 - r1, low, high, higher_is_better),
    )


def _poisson_low(k: float, level: float) -> float:
    """Lower bound of a Poisson count (Wilson-Hilferty approximation of the exact interval)."""
    if k <= 0:
        return 0.0
    z = _z(level)
    return k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3


def _poisson_high(k: float, level: float) -> float:
    z = _z(level)
    k1 = k + 1
    return k1 * (1 - 1 / (9 * k1) + z / (3 * math.sqrt(k1))) ** 3


def judge(before, after, higher_is_better: bool) -> Change:
    """The change between two sums (data_model.queries.change_sums.Sums: kind mean, share or
    rate), judged by the interval their kind calls for."""
    if before.kind == "mean":
        return mean_change(
            MeanStats(before.n, before.total, before.squares),
            MeanStats(after.n, after.total, after.squares),
            higher_is_better,
        )
    if before.kind == "share":
        return share_change(before.k, before.n, after.k, after.n, higher_is_better)
    return rate_change(
        before.count,
        before.exposure,
        after.count,
        after.exposure,
        higher_is_better,
        factor=before.factor,
    )
