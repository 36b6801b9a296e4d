"""ui.coaching: the before/during/after panel's table and sentences from sums, with the change
judged as core.change judges it (hand-computed figures), and the timeline in words."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import change as ch
from core import coaching_period
from data_model.queries.change_sums import Sums
from ui import coaching as cui

D = dt.date
WINDOWS = coaching_period.windows(D(2025, 1, 1), D(2025, 12, 31), D(2026, 6, 30))


def row(code: str, before: Sums, during: Sums, after: Sums) -> cui.PanelRow:
    r = cui.PanelRow(code, {"before": before, "during": during, "after": after})
    r.judged = ch.judge(before, after, code != "mentor_workload")
    r.compared = "after"
    return r


def test_panel_table_and_sentences():
    mood = row(
        "mentor_mood",
        Sums("mean", 4, 16, 64.0 + 3),
        Sums("mean", 4, 14, 49.0 + 3),
        Sums("mean", 4, 15, 56.25 + 3),
    )  # means 4,00 / 3,50 / 3,75; variance 1
    share = row(
        "feedback_positive_share",
        Sums("share", n=100, k=60),
        Sums("share", n=100, k=70),
        Sums("share", n=100, k=80),
    )
    report_means = row(
        "feedback_mean",
        Sums("mean", 50, 200, None),
        Sums("mean", 50, 205, None),
        Sums("mean", 50, 210, None),
    )

    table = cui.panel_frame([mood, share, report_means], WINDOWS, "fi")
    sentences = cui.panel_sentences([mood, share, report_means], "fi")

    assert list(table.columns)[:3] == ["Mittari", "Ennen (1.1.2024 – 31.12.2024)", "Ennen: n"]
    assert table["Ero ennen-jaksoon"].tolist() == ["−0,25", "+20\u00a0%-yks.", "+0,20"]
    assert table["Arvio"].tolist() == [
        "ei merkittävä muutos",
        "selvä parannus",
        "muutosta ei voi arvioida",
    ]
    assert sentences[0] == (
        "Fiilis: jälkeen 3,75, ennen 4,00 (ero −0,25). Ero mahtuu satunnaisvaihtelun rajoihin, "
        "joten se ei ole merkittävä muutos."
    )
    assert sentences[1].startswith("Myönteisten osuus: jälkeen 80\u00a0%, ennen 60\u00a0%")
    assert sentences[2].endswith("joten vastausten hajontaa ei tunneta.")  # means, n = 50


def test_timeline_in_words():
    assert (
        cui.timeline_text(
            coaching_period.timeline(D(2025, 1, 1), D(2025, 12, 31), D(2025, 6, 30)), "fi"
        )
        == "Valmennusta on kulunut 6 / 12 kk."
    )
    assert (
        cui.timeline_text(
            coaching_period.timeline(D(2025, 1, 1), D(2025, 12, 31), D(2026, 4, 2)), "en"
        )
        == "Coaching ended 3 months ago (2025-12-31)."
    )
    assert cui.timeline_text(
        coaching_period.timeline(D(2026, 9, 1), None, D(2026, 6, 1)), "fi"
    ) == ("Valmennus ei ole vielä alkanut; se alkaa 1.9.2026.")


TOO_FEW = {
    "fi": "liian vähän",
    "sv": "för få",
    "en": "too few",
}


def _sums(kind: str, n: int, mean: float, spread: bool) -> Sums:
    if kind == "share":
        return Sums("share", n=n, k=round(n * mean / 5))
    if kind == "rate":
        return Sums("rate", count=round(n * mean), exposure=n, factor=12.0, exposure_months=n)
    total = n * mean
    squares = total * mean + (n - 1 if spread else 0) if spread is not None else None
    return Sums("mean", n, total, squares)


CODES = {"mean": "feedback_mean", "share": "feedback_positive_share", "rate": "turnover_percent"}


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["mean", "share", "rate"]),
    n_before=st.integers(min_value=0, max_value=10_000),
    n_after=st.integers(min_value=0, max_value=10_000),
    means=st.tuples(st.floats(1, 5), st.floats(1, 5)),
    squares_known=st.sampled_from([True, False, None]),
    lang=st.sampled_from(["fi", "sv", "en"]),
)
def test_no_sentence_says_too_few_above_the_rules_own_limit(
    kind, n_before, n_after, means, squares_known, lang
):
    before = _sums(kind, n_before, means[0], squares_known)
    after = _sums(kind, n_after, means[1], squares_known)
    r = cui.PanelRow(CODES[kind], {"before": before, "after": after})
    r.judged, r.compared = ch.judge(before, after, True), "after"

    (sentence,) = cui.panel_sentences([r], lang)

    if min(n_before, n_after) >= ch.MIN_N:
        assert TOO_FEW[lang] not in sentence, (n_before, n_after, sentence)
    if r.judged.verdict == ch.UNKNOWN:  # an unknown verdict always says its own reason
        assert r.judged.reason is not None


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_means_only_at_large_n_says_so_not_too_few(lang):
    before, after = Sums("mean", 184, 184 * 3.9, None), Sums("mean", 244, 244 * 4.0, None)
    r = cui.PanelRow("feedback_mean", {"before": before, "after": after})
    r.judged, r.compared = ch.judge(before, after, True), "after"
    sentence = cui.panel_sentences([r], lang)[0]
    assert TOO_FEW[lang] not in sentence
    assert {"fi": "keskiarvoja", "sv": "medelvärden", "en": "means"}[lang] in sentence


def test_one_answer_on_a_side_is_too_few():
    before, after = Sums("mean", 1, 3.0, 9.0), Sums("mean", 30, 120.0, 500.0)
    r = cui.PanelRow("feedback_mean", {"before": before, "after": after})
    r.judged, r.compared = ch.judge(before, after, True), "after"
    assert "liian vähän (alle 2" in cui.panel_sentences([r], "fi")[0]
