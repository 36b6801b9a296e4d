"""The situation report's composition over figures written by hand: changes ranked by how far
beyond chance they lie and the rest said in one sentence, a period with nothing beyond noise or
with no data at all, targets with the units furthest from them, singular and plural, unit names
never inflected, and every sentence's link to the view that shows its figures."""

import datetime as dt
import re

import pytest

from core import change as ch
from core import indicators as catalog
from core import report
from core.reading import Reading
from core.rules import Raised, Reason, Thresholds
from core.texts import LANGUAGES
from data_model.queries import Card

D = dt.date
READING = Reading("term", 5, 0.05, 0)
PERIOD = report.Period(
    "month", D(2026, 10, 1), D(2026, 10, 31), D(2026, 10, 31), D(2026, 12, 6), "term", D(2024, 1, 1)
)
AURINKO, KUU = "Päiväkoti Aurinko", "Päiväkoti Kuu"
LATEST = {
    "feedback": D(2026, 10, 1),
    "mentor_reports": D(2026, 10, 28),
    "workforce": D(2026, 10, 1),
}


OCTOBER = D(2026, 10, 1)


def card(code, value, previous, n=100, target=None, status=None, start=OCTOBER, **extra):
    return Card(
        code,
        start,
        "month",
        value,
        n,
        previous=previous,
        previous_start=D(start.year, start.month - 1, 1),
        target=target,
        status=status,
        as_of=PERIOD.as_of,
        current_start=D(2026, 10, 1),
        period_kind="term",
        **extra,
    )


def judged(before, after, low, high, higher_is_better=True):
    difference = after - before
    return ch.Change(
        before,
        after,
        100,
        100,
        difference,
        low,
        high,
        ch.verdict(difference, low, high, higher_is_better),
    )


def item(code, value, previous, change=None, **extra):
    return report.CardFigures(card(code, value, previous, **extra), catalog.get(code), change)


def figures(cards=(), **extra) -> report.Figures:
    base = {
        "subject": report.Subject("all", units=(AURINKO, KUU)),
        "period": PERIOD,
        "reading": READING,
        "thresholds": Thresholds(),
        "latest": LATEST,
        "attention": (),
        "unit_names": {1: AURINKO, 2: KUU},
    }
    return report.Figures(cards=tuple(cards), **base | extra)


def section(written: report.Report, key: str) -> report.Section:
    return next(s for s in written.sections if s.key == key)


def texts(written: report.Report, key: str) -> list[str]:
    return [s.text for s in section(written, key).sentences]


def test_changes_are_ranked_by_how_far_beyond_chance_and_the_rest_said_once():
    cards = [
        item("feedback_mean", 3.93, 3.71, judged(3.71, 3.93, 0.05, 0.39)),  # 0.22 / 0.17
        item("mentor_mood", 3.2, 3.8, judged(3.8, 3.2, -1.0, -0.5)),  # 0.6 / 0.1: furthest
        item("mentor_workload", 3.4, 3.3, judged(3.3, 3.4, -0.1, 0.3, False)),  # within noise
        item("feedback_positive_share", 80, 79, judged(79, 80, -3, 5)),  # within noise
    ]
    written = report.compose(figures(cards), "fi")

    assert texts(written, "brief") == [
        "Fiilis: selvä heikkeneminen, 3,80 → 3,20 (n = 100).",
        "Palautteen keskiarvo: selvä parannus, 3,71 → 3,93 (n = 100).",
        "Muut mittarit pysyivät ennallaan satunnaisvaihtelun rajoissa: Työkuorma ja Myönteisten "
        "osuus.",
    ]
    first = section(written, "brief").sentences[0]
    assert [(f.kind, f.text) for f in first.figures] == [
        ("previous", "3,80"),
        ("value", "3,20"),
        ("n", "100"),
    ]
    assert first.link.url() == "/?lang=fi&from=2024-01-01&to=2026-10-31&grain=month"


def test_a_month_with_nothing_beyond_noise_says_so_in_one_sentence():
    cards = [
        item("feedback_mean", 3.93, 3.90, judged(3.90, 3.93, -0.1, 0.16)),
        item("mentor_mood", 3.5, 3.6, judged(3.6, 3.5, -0.4, 0.2)),
    ]
    for lang, expected in (
        (
            "fi",
            "Mikään mittari ei muuttunut edellisestä kuukaudesta satunnaisvaihtelua enempää: "
            "Palautteen keskiarvo ja Fiilis.",
        ),
        (
            "sv",
            "Ingen indikator förändrades mer än den slumpmässiga variationen jämfört med "
            "föregående månad: Responsens medeltal och Stämning.",
        ),
        (
            "en",
            "No indicator changed from the previous month by more than chance variation: "
            "Feedback mean score and Mood.",
        ),
    ):
        assert texts(report.compose(figures(cards), lang), "brief") == [expected]


def test_more_than_five_changes_end_in_one_sentence_with_the_rest_in_number():
    codes = [
        "feedback_mean",
        "feedback_positive_share",
        "mentor_mood",
        "mentor_workload",
        "sick_leave_days_per_fte",
        "turnover_percent",
    ]
    cards = [item(c, 3.0 + i, 2.0, judged(2.0, 3.0 + i, 0.5, 1.5 + i)) for i, c in enumerate(codes)]
    brief = texts(report.compose(figures(cards), "fi"), "brief")

    assert len(brief) == 6
    assert brief[-1] == "Selvästi muuttui myös 1 muu mittari: Vaihtuvuus %."


def test_a_month_without_data_says_where_the_newest_figures_are():
    written = report.compose(
        figures(latest={"feedback": D(2026, 9, 1), "mentor_reports": None, "workforce": None}),
        "fi",
    )

    assert texts(written, "brief") == [
        "Ajalta 10/2026 ei ole vielä lukuja. Uusimmat luvut ovat ajalta 9/2026."
    ]
    assert texts(written, "targets") == texts(written, "brief")
    assert "Mentoriraportit: valitulta rajaukselta ei ole tietoja." in texts(written, "data")


def test_targets_name_the_units_furthest_from_them_with_their_own_target():
    cards = [
        item("mentor_mood", 3.4, 3.5, target=3.6, status="yellow"),
        item("feedback_mean", 4.2, 4.1, target=4.0, status="green"),
    ]
    units = (
        report.UnitFigure(1, AURINKO, "mentor_mood", 3.0, 3.6, "red", False),
        report.UnitFigure(2, KUU, "mentor_mood", 2.9, 3.2, "red", False),
        report.UnitFigure(2, KUU, "feedback_mean", 3.7, 4.0, "red", False),
    )
    written = report.compose(figures(cards, units=units), "fi")

    assert texts(written, "targets") == [
        "Fiilis: 3,40, tavoite 3,60 (lähellä tavoitetta). Kauimpana tavoitteesta: Päiväkoti "
        "Aurinko 3,00 ja Päiväkoti Kuu 2,90 (oma tavoite 3,20).",
        "Palautteen keskiarvo: 4,20, tavoite 4,00 (tavoitteessa), mutta 1 yksikkö jää siitä: "
        "Päiväkoti Kuu 3,70.",
    ]
    assert section(written, "targets").table.rows[0][:5] == (
        "Fiilis",
        "3,40",
        "3,60",
        "lähellä tavoitetta",
        "2",
    )


def test_a_hidden_figure_is_never_quoted_and_is_named_as_hidden():
    hidden = card("feedback_mean", None, None, target=4.0, status=None, suppressed=True)
    units = (report.UnitFigure(1, AURINKO, "feedback_mean", None, 4.0, None, True),)
    written = report.compose(
        figures([report.CardFigures(hidden, catalog.get("feedback_mean"))], units=units), "fi"
    )

    assert section(written, "targets").table.rows[0][1] == "piilotettu"
    data = texts(written, "data")
    assert "Piilotettu, koska vastauksia on alle 5: Palautteen keskiarvo." in data
    assert "Yleiskuvan yksikkötaulukossa 1 luku on piilotettu, koska vastauksia on alle 5." in data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unit_names_are_never_inflected(lang):
    """A unit's name stands before a colon, a comma, a bracket, a figure or at a list's end;
    never with an ending glued to it ("Päiväkoti Aurinkossa")."""
    reasons = (Reason("no_report", {"last": D(2026, 9, 3), "weeks": 6, "days": 58}),)
    units = (report.UnitFigure(1, AURINKO, "mentor_mood", 3.0, 3.6, "red", False),)
    written = report.compose(
        figures(
            [item("mentor_mood", 3.4, 3.5, target=3.6, status="red")],
            units=units,
            attention=(Raised(1, reasons),),
            missing={"workforce": (AURINKO, KUU)},
        ),
        lang,
    )
    sentences = [s.text for sec in written.sections for s in sec.sentences]
    named = [text for text in sentences if AURINKO in text]
    assert len(named) >= 3
    assert not any(re.search(re.escape(AURINKO) + r"\w", text) for text in named)


def test_singular_and_plural_agree():
    one = report.compose(figures(missing={"workforce": (AURINKO,)}), "fi")
    two = report.compose(figures(missing={"workforce": (AURINKO, KUU)}), "fi")

    assert "Henkilöstötiedot: ajalta 10/2026 ei ole lukuja 1 yksiköltä: Päiväkoti Aurinko." in (
        texts(one, "data")
    )
    assert (
        "Henkilöstötiedot: ajalta 10/2026 ei ole lukuja 2 yksiköltä: Päiväkoti Aurinko ja "
        "Päiväkoti Kuu." in texts(two, "data")
    )
    english = texts(report.compose(figures(missing={"workforce": (AURINKO,)}), "en"), "data")
    assert "Workforce figures: no figures for 10/2026 from 1 unit: Päiväkoti Aurinko." in english


def test_a_running_month_says_so_and_how_it_is_compared():
    running = report.Period(
        "month",
        D(2026, 10, 1),
        D(2026, 10, 31),
        D(2026, 10, 24),
        D(2026, 10, 24),
        "term",
        D(2024, 1, 1),
    )
    written = report.compose(figures(period=running), "fi")

    assert ("Ajanjakso", "10/2026, kesken: kulunut 24/31 päivää") in written.meta
    assert written.notes[-1].startswith("Jakso on kesken")


def test_links_carry_the_scope_and_open_the_view_that_shows_the_sentence():
    area = report.Subject("area", 3, "Varhaiskasvatus", (AURINKO, KUU))
    raised = (Raised(2, (Reason("no_report", {"last": None, "weeks": 6, "days": None}),)),)
    written = report.compose(figures(subject=area, attention=raised), "fi")

    link = section(written, "attention").sentences[0].link
    assert link.url("https://tilannekuva.example.fi/") == (
        "https://tilannekuva.example.fi/feeling_meter?lang=fi&from=2024-01-01&to=2026-10-31"
        "&area=3&notes=2"
    )
    assert link.script == "views/feeling_meter.py"
    assert ("Yksiköt tai palvelualue", "Palvelualue Varhaiskasvatus") in written.meta


def test_the_periods_a_report_can_be_of():
    assert report.starts(D(2026, 8, 15), D(2026, 10, 3), "month", "term") == [
        D(2026, 10, 1),
        D(2026, 9, 1),
        D(2026, 8, 1),
    ]
    assert report.starts(None, D(2026, 10, 3), "period", "term") == [D(2026, 8, 1)]
    assert report.latest_start(D(2026, 10, 31), D(2026, 12, 6), "month", "term") == D(2026, 10, 1)
    assert report.latest_start(None, D(2026, 12, 6), "period", "quarter") == D(2026, 10, 1)
