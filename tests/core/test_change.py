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
