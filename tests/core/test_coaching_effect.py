"""core.coaching_effect: the event-time alignment worked out by hand, the
difference-in-differences on synthetic units with a planted effect (recovered within its
interval) and without one (the interval covers 0 in at least 90 % of seeds), and what it says
when data are missing."""

import datetime as dt
import random

import pytest

from core import coaching_effect as effect

D = dt.date
M = effect.month_index


def test_month_index_round_trips():
    assert effect.month_start(M(D(2024, 3, 15))) == D(2024, 3, 1)
    assert M(D(2024, 1, 1)) - M(D(2023, 12, 1)) == 1


def test_alignment_by_hand():
    """Unit 1 starts 3/2024: 1/2024 is month -2, 3/2024 month 0, 9/2025 month +18 and 10/2025
    (+19) and 2/2023 (-13) fall outside. Unit 2 starts 6/2024; unit 3 is never coached."""
    values = {
        1: {
            M(D(2023, 2, 1)): 9.0,
            M(D(2024, 1, 1)): 3.0,
            M(D(2024, 3, 1)): 4.0,
            M(D(2025, 9, 1)): 5.0,
            M(D(2025, 10, 1)): 9.0,
        },
        2: {M(D(2024, 4, 1)): 2.0, M(D(2024, 6, 1)): 5.0},
        3: {M(D(2024, 3, 1)): 1.0},
    }
    starts = {1: M(D(2024, 3, 1)), 2: M(D(2024, 6, 1)), 3: None}
    points = effect.align(values, starts)
    assert [(p.unit_id, p.k, p.value) for p in points] == [
        (1, -2, 3.0),
        (1, 0, 4.0),
        (1, 18, 5.0),
        (2, -2, 2.0),
        (2, 0, 5.0),
    ]
    means = {m.k: m for m in effect.event_means(points)}
    assert means[-2].mean == 2.5 and means[-2].n == 2
    assert means[0].mean == 4.5
    assert means[18].n == 1 and means[18].low is None  # one unit: no interval
    # Two values 3 and 2: mean 2.5, s = 0.7071, t(0.975, 1) = 12.706 -> half 6.353
    assert means[-2].low == pytest.approx(2.5 - 6.353, abs=1e-3)


def test_did_by_hand():
    """Coached unit 1 (start month 12) rises by 1 from before to after; comparison unit 2
    (never coached) rises by 0.25 over the same months: the effect is 0.75."""
    values = {
        1: {m: (2.0 if m < 12 else 3.0) for m in range(6, 18)},
        2: {m: (2.0 if m < 12 else 2.25) for m in range(0, 24)},
    }
    estimate = effect.did(values, {1: 12, 2: None}, [1])
    assert estimate.effect == pytest.approx(0.75)
    assert estimate.coached_change == pytest.approx(1.0)
    assert estimate.comparison_change == pytest.approx(0.25)
    assert (estimate.n_coached, estimate.n_comparison) == (1, 1)
    assert not estimate.judged  # one unit of each: no interval


def test_a_later_coached_unit_compares_only_before_its_own_start():
    """Unit 2 starts at month 15: it compares for unit 1 (start 12) over months 12-14 only, so
    its own jump at 15 does not count against unit 1."""
    values = {
        1: {m: (2.0 if m < 12 else 3.0) for m in range(0, 24)},
        2: {m: (2.0 if m < 15 else 9.0) for m in range(0, 24)},
    }
    estimate = effect.did(values, {1: 12, 2: 15}, [1, 2])
    assert estimate.effect == pytest.approx(1.0)
    assert estimate.n_coached == 1  # unit 2 has no unit coached later than it
    assert estimate.left_out == {effect.NO_COMPARISON: 1}


def test_missing_data_is_named():
    values = {1: {10: 2.0, 11: 2.0, 12: 3.0, 13: 3.0, 14: 3.0}, 2: {m: 2.0 for m in range(24)}}
    estimate = effect.did(values, {1: 12, 2: None}, [1])
    assert estimate.effect is None
    assert estimate.left_out == {effect.NO_BEFORE: 1}  # two months before, three needed
    assert effect.did(values, {1: 13, 2: None}, [1]).left_out == {effect.NO_AFTER: 1}
    alone = {1: {m: 2.0 for m in range(24)}}
    assert effect.did(alone, {1: 12}, [1]).left_out == {effect.NO_COMPARISON: 1}


def synthetic(seed: int, planted: float, units: int = 16, months: int = 48):
    """Units with their own level, shocks shared by all in a month, noise, and a start month
    for most (staggered, some never coached): planted is added from a unit's start on."""
    rng = random.Random(seed)
    shocks = [rng.gauss(0, 0.2) for _ in range(months)]
    starts, values = {}, {}
    for u in range(units):
        start = rng.choice([None, None, *range(12, 40)])
        level = rng.gauss(3.5, 0.4)
        starts[u] = start
        values[u] = {
            m: level
            + shocks[m]
            + rng.gauss(0, 0.3)
            + (planted if start is not None and m >= start else 0.0)
            for m in range(months)
        }
    return values, starts


def _estimate(seed: int, planted: float) -> effect.Estimate:
    values, starts = synthetic(seed, planted)
    return effect.did(values, starts, [u for u, s in starts.items() if s is not None])


def test_a_planted_effect_of_half_a_point_is_recovered_within_its_interval():
    estimate = _estimate(seed=1, planted=0.5)
    assert estimate.judged
    assert estimate.low <= 0.5 <= estimate.high
    assert estimate.low > 0  # and told apart from no effect
    recovered = [_estimate(seed, planted=0.5) for seed in range(2, 42)]
    assert sum(e.low <= 0.5 <= e.high for e in recovered) / len(recovered) >= 0.9


@pytest.mark.slow
def test_with_no_effect_the_interval_covers_zero_in_nine_seeds_of_ten():
    estimates = [_estimate(seed, planted=0.0) for seed in range(100)]
    judged = [e for e in estimates if e.judged]
    assert len(judged) >= 95
    covered = sum(e.low <= 0 <= e.high for e in judged)
    assert covered / len(judged) >= 0.9


def test_weighted_periods_weigh_months_by_their_n():
    rows = [(1, D(2024, 1, 1), 4.0, 10), (1, D(2024, 2, 1), 2.0, 30), (1, D(2024, 8, 1), 3.0, 5)]
    found = effect.weighted_periods(rows, lambda d: D(d.year, 1 if d.month <= 7 else 8, 1))
    assert found[(1, D(2024, 1, 1))] == (pytest.approx(2.5), 40)
    assert found[(1, D(2024, 8, 1))] == (3.0, 5)


@pytest.mark.parametrize("seed", range(5))
def test_correlation_agrees_with_scipy(seed):
    stats = pytest.importorskip("scipy.stats")
    rng = random.Random(seed)
    xs = [rng.gauss(0, 1) for _ in range(30)]
    ys = [x * 0.5 + rng.gauss(0, 1) for x in xs]
    ours = effect.correlation(xs, ys)
    theirs = stats.pearsonr(xs, ys)
    low, high = theirs.confidence_interval(0.95)
    assert ours.r == pytest.approx(theirs.statistic, abs=1e-12)
    assert (ours.low, ours.high) == (pytest.approx(low, abs=1e-9), pytest.approx(high, abs=1e-9))
    assert ours.n == 30


def test_correlation_needs_four_points_for_an_interval():
    assert effect.correlation([1, 2, 3], [1, 2, 4]).low is None
    assert effect.correlation([1, 1, 1, 1], [1, 2, 3, 4]).r is None


# --- The same estimates as the hand-written t distribution and correlation gave ---------------

MEAN_INTERVALS = [
    ([1.0, 2.0, 4.0], (2.3333333333333335, -1.4612497002636826, 6.12791636693035)),
    ([3.2, 3.4, 3.1, 3.8, 4.0], (3.5, 3.0191056013371087, 3.9808943986628913)),
    ([0.5, -0.25], (0.125, -4.639826776064637, 4.889826776064637)),
]
XS = [-0.25588, 0.511432, -0.226096, -0.315068, -0.930018, -0.213302]
XS += [1.111917, 0.424147, 1.036879, 0.248903, 0.39477, 0.185327]
YS = [-1.794003, 1.110967, 0.393337, 0.341284, -2.156374, -1.850539]
YS += [-0.333657, -0.256116, 0.823886, 0.07854, 0.71836, -0.549571]


@pytest.mark.parametrize(("values", "expected"), MEAN_INTERVALS)
def test_mean_intervals_are_as_before(values, expected):
    assert effect.mean_interval(values) == pytest.approx(expected, rel=1e-9)


def test_the_correlation_is_as_before():
    found = effect.correlation(XS, YS)
    assert (found.r, found.n, found.low, found.high) == pytest.approx(
        (0.611315369201705, 12, 0.05763364508305266, 0.8773959014058251), rel=1e-9
    )


def test_the_difference_in_differences_is_as_before():
    rng = random.Random(3)
    values, starts = {}, {}
    for u in range(8):
        start = 2024 * 12 + rng.randrange(0, 6) if u < 5 else None
        starts[u] = start
        values[u] = {
            m: round(3 + rng.gauss(0, 0.3) + (0.5 if start is not None and m >= start else 0), 3)
            for m in range(2023 * 12, 2026 * 12)
        }
    found = effect.did(values, starts, range(5))
    assert (found.effect, found.low, found.high) == pytest.approx(
        (0.6834304093567247, 0.43057889139665345, 0.9362819273167959), rel=1e-9
    )
    assert (found.n_coached, found.n_comparison) == (5, 3)
