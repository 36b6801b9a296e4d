"""ui.coaching: the before/during/after panel's table and sentences from sums, with the change
judged as core.change judges it (hand-computed figures), and the timeline in words."""

import datetime as dt

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
    assert sentences[2].endswith("vain keskiarvo tai havaintoja on liian vähän.")


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
