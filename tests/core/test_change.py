"""core.change: intervals of a change checked by hand and against scipy, and verdicts that
follow the indicator's direction, never call no change a worsening, and say when a change
cannot be judged."""

import math

import pytest
from scipy import stats

from core import change as ch


def test_welch_interval_matches_a_hand_computation_and_scipy():
    before_answers = [4, 5, 3, 4, 4, 5, 3, 4]  # mean 4.0, variance 4/7
    after_answers = [3, 3, 4, 2, 3, 4]  # mean 3.1667, variance 0.5667
    before = ch.MeanStats(8, 32, sum(x * x for x in before_answers))
    after = ch.MeanStats(6, 19, sum(x * x for x in after_answers))
    assert before.mean == 4.0 and before.variance == pytest.approx(4 / 7)

    result = ch.mean_change(before, after, higher_is_better=True)

    a, b = (4 / 7) / 8, (0.5666666666666667) / 6
    se = math.sqrt(a + b)
    df = (a + b) ** 2 / (a * a / 7 + b * b / 5)
    half = stats.t.ppf(0.975, df) * se
    assert result.difference == pytest.approx(19 / 6 - 4)
    assert result.low == pytest.approx(19 / 6 - 4 - half, abs=1e-9)
    assert result.high == pytest.approx(19 / 6 - 4 + half, abs=1e-9)
    # a fall of 0,83 at n = 8 and 6 is within chance, and scipy's Welch test agrees
    assert result.low < 0 < result.high and result.verdict == ch.UNCLEAR
    assert stats.ttest_ind(after_answers, before_answers, equal_var=False).pvalue > 0.05


@pytest.mark.parametrize("df", [1, 2.5, 7, 30, 400])
def test_t_quantile_agrees_with_scipy(df):
    assert ch.t_quantile(0.975, df) == pytest.approx(stats.t.ppf(0.975, df), rel=1e-7)


def test_a_small_change_at_small_n_is_not_a_clear_change_and_direction_decides_the_colour():
    before = ch.MeanStats(4, 14, 14 * 14 / 4 + 3)  # mean 3.5, variance 1
    after = ch.MeanStats(4, 15, 15 * 15 / 4 + 3)  # mean 3.75
    assert ch.mean_change(before, after, True).verdict == ch.UNCLEAR
    # the same clear rise is better for mood, worse for workload
    big = ch.MeanStats(400, 1600, 1600**2 / 400 + 399)  # mean 4, variance 1
    low = ch.MeanStats(400, 1200, 1200**2 / 400 + 399)  # mean 3
    assert ch.mean_change(low, big, True).verdict == ch.BETTER
    assert ch.mean_change(low, big, False).verdict == ch.WORSE


def test_only_a_mean_known_cannot_be_judged_and_zero_change_is_never_worse():
    known = ch.MeanStats(50, 200, 850)
    report_mean = ch.MeanStats(50, 150, None)
    assert ch.mean_change(known, report_mean, True).verdict == ch.UNKNOWN
    same = ch.mean_change(report_mean, report_mean, True)
    assert same.difference == 0 and same.verdict == ch.UNCLEAR


def test_wilson_interval_by_hand():
    low, high = ch.wilson(8, 10)
    z = 1.959963984540054
    centre = (0.8 + z * z / 20) / (1 + z * z / 10)
    half = z / (1 + z * z / 10) * math.sqrt(0.8 * 0.2 / 10 + z * z / 400)
    assert (low, high) == (pytest.approx(centre - half), pytest.approx(centre + half))
    assert low == pytest.approx(0.4902, abs=1e-4) and high == pytest.approx(0.9433, abs=1e-4)


def test_share_change_uses_newcombes_interval():
    result = ch.share_change(56, 70, 48, 80)  # 80 % -> 60 %
    # Newcombe (1998), method 10, computed by hand from the two Wilson intervals
    l1, u1 = ch.wilson(56, 70)
    l2, u2 = ch.wilson(48, 80)
    d = 0.6 - 0.8
    assert result.difference == pytest.approx(-20.0)
    assert result.low == pytest.approx(100 * (d - math.sqrt((0.6 - l2) ** 2 + (u1 - 0.8) ** 2)))
    assert result.high == pytest.approx(100 * (d + math.sqrt((u2 - 0.6) ** 2 + (0.8 - l1) ** 2)))
    assert result.verdict == ch.WORSE
    assert ch.share_change(8, 10, 7, 10).verdict == ch.UNCLEAR
    assert ch.share_change(8, 10, 8, 10).verdict == ch.UNCLEAR


def test_rate_change_conditions_on_the_total():
    # 120 sick-leave days over 100 FTE-months, then 60 over 100: 14.4 -> 7.2 days per FTE-year
    result = ch.rate_change(120, 100, 60, 100, higher_is_better=False, factor=12)
    assert result.before == pytest.approx(14.4) and result.after == pytest.approx(7.2)
    lo_p, hi_p = ch.wilson(60, 180)
    assert result.low == pytest.approx(14.4 * (lo_p / (1 - lo_p) - 1))
    assert result.high == pytest.approx(14.4 * (hi_p / (1 - hi_p) - 1))
    assert result.high < 0 and result.verdict == ch.BETTER
    # the exact conditional test agrees the ratio differs from 1
    assert stats.binomtest(60, 180, 0.5).pvalue < 0.05
    assert ch.rate_change(3, 100, 4, 100, factor=12).verdict == ch.UNCLEAR
    assert ch.rate_change(0, 100, 0, 100, factor=12).verdict == ch.UNCLEAR
    assert ch.rate_change(3, 0, 4, 100).verdict == ch.UNKNOWN


def test_at_least_forgives_rounding():
    assert 4.1 - 3.6 < 0.5  # what floating point gives
    assert ch.at_least(4.1 - 3.6, 0.5)
    assert not ch.at_least(4.1 - 3.61, 0.5)


# --- The same judgements as the hand-written t distribution gave (before scipy.stats) -----------
# Results of the release that computed Student's t from a continued fraction of the incomplete
# beta function, to the digits it gave them.

MEANS = [
    (
        (8, 32.0, 140.0),
        (6, 19.0, 67.0),
        (-0.8333333333333335, -2.2884311516503604, 0.6217644849836934, "unclear"),
    ),
    (
        (30, 120, 500),
        (25, 105, 460),
        (0.20000000000000018, -0.2696208901717373, 0.6696208901717376, "unclear"),
    ),
    ((3, 12, 50), (2, 7, 25), (-0.5, -2.987733798205714, 1.987733798205714, "unclear")),
    (
        (200, 800, 3300),
        (180, 760, 3300),
        (0.22222222222222232, 0.0785267746521047, 0.36591766979234, "better"),
    ),
]
SHARES = [
    ((60, 100, 80, 100), (20.000000000000007, 7.311915999619892, 31.850509933903453, "better")),
    ((3, 10, 5, 12), (11.66666666666667, -25.996828978505427, 44.30809058409332, "unclear")),
    ((0, 7, 2, 9), (22.22222222222222, -16.614633961828257, 54.7411030893011, "unclear")),
    ((45, 50, 40, 50), (-9.999999999999998, -24.20971578140872, 4.343178591209204, "unclear")),
]
RATES = [
    (
        (40.0, 120.0, 30.0, 118.0, 12),
        (-0.9491525423728815, -2.091428329884986, 0.8767726962797004, "unclear"),
    ),
    (
        (0.0, 50.0, 6.0, 55.0, 12),
        (1.309090909090909, 0.47803326777642097, 2.849400187331951, "worse"),
    ),
    (
        (3.0, 200.0, 9.0, 190.0, 1200),
        (38.8421052631579, -1.3524435206336638, 176.0840347802748, "unclear"),
    ),
    ((5.5, 30.0, 5.5, 30.0, 12), (0.0, -1.4836907082439035, 4.5568577647992035, "unclear")),
]
QUANTILES = [
    ((0.975, 1), 12.706204736172367),
    ((0.975, 2.5), 3.574654842003838),
    ((0.975, 7), 2.3646242515924314),
    ((0.975, 30), 2.042272456300452),
    ((0.975, 1000.0), 1.9623390808255863),
    ((0.9, 4), 1.533206274058557),
]


def _same(found, expected):
    *numbers, verdict = expected
    assert (found.difference, found.low, found.high) == pytest.approx(numbers, rel=1e-9, abs=1e-12)
    assert found.verdict == verdict


@pytest.mark.parametrize(("before", "after", "expected"), MEANS)
def test_mean_changes_are_judged_as_before(before, after, expected):
    _same(ch.mean_change(ch.MeanStats(*before), ch.MeanStats(*after), True), expected)


@pytest.mark.parametrize(("counts", "expected"), SHARES)
def test_share_changes_are_judged_as_before(counts, expected):
    _same(ch.share_change(*counts), expected)


@pytest.mark.parametrize(("args", "expected"), RATES)
def test_rate_changes_are_judged_as_before(args, expected):
    *counts, factor = args
    _same(ch.rate_change(*counts, factor=factor), expected)


@pytest.mark.parametrize(("args", "expected"), QUANTILES)
def test_t_quantiles_are_as_before(args, expected):
    assert ch.t_quantile(*args) == pytest.approx(expected, rel=1e-9)
