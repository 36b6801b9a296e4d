"""The privacy rule is written once, data_model.queries.privacy.enough(), and every path that
shows feedback goes through it: with the rule refusing every answer, no query of ui.data, no
page and no export shows a feedback figure, a comment or a question to choose. Every query of
ui.data is listed here as a feedback path or as one that reads no feedback, so a new query
cannot slip past unclassified. (tests/data_model/test_privacy.py checks the rule itself.)"""

import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from core import indicators as catalog
from core.rules import Thresholds
from core.scope import Scope
from data_model.queries import privacy
from tests.data_model.scoped import reading
from tests.views import dashboard as d
from tests.views import helpers as h
from ui import data

FEEDBACK = [i for i in catalog.CATALOG if i.source == "feedback"]
JUDGED = [i for i in FEEDBACK if i.change is not None]
MARCH = Scope(start=dt.date(2023, 1, 1), end=d.LAST_DAY)
# The queries of ui.data that read no feedback at all.
NO_FEEDBACK = {
    "service_areas",
    "units",
    "data_span",
    "mentor_notes",
    "batches",
    "settings",
    "target_for",
    "report_sums",
    "report_stream",
    "effect_units",
    "own_definitions",
    "own_value_counts",
}


@pytest.fixture
def refused(monkeypatch) -> list:
    """privacy.enough() refusing every answer (a threshold no cell reaches); the thresholds it
    was asked about, in order."""
    asked = []
    real = privacy.enough

    def refuse(answers, min_answers):
        asked.append(min_answers)
        return real(answers, 10**9)

    monkeypatch.setattr(privacy, "enough", refuse)
    return asked


def _nothing_shown(frame: pd.DataFrame) -> bool:
    return frame["value"].isna().all()


def _series(engine, r):
    return all(
        _nothing_shown(data.series.query(engine, indicator=i, grain=g, reading=r, scope=MARCH))
        for i in FEEDBACK
        for g in ("day", "week", "month", "year")
    )


def _scorecard(engine, r):
    cards = data.scorecard.query(
        engine, indicators=FEEDBACK, grain="month", reading=r, today=d.LAST_DAY
    )
    return all(c.value is None and c.previous is None and c.year_ago is None for c in cards)


def _unit_table(engine, r):
    table = data.unit_table.query(
        engine, indicators=FEEDBACK, grain="month", reading=r, today=d.LAST_DAY
    )
    return _nothing_shown(table)


def _comments(engine, r):
    found = data.comments.query(engine, reading=r, scope=MARCH)
    return found.rows.empty and found.withheld == len(d.COMMENTS)


def _questions(engine, r):
    return data.surveys_and_questions.query(engine, reading=r) == []


def _change_sums(engine, r):
    return all(
        data.change_sums.query(engine, scope=MARCH, indicator=i, reading=r).hidden for i in JUDGED
    )


def _effect_months(engine, r):
    return all(
        data.effect_months.query(engine, scope=MARCH, indicator=i, reading=r).empty
        for i in FEEDBACK
    )


def _report_figures(engine, r):
    figures = data.report_figures.query(
        engine,
        scope=Scope(),
        grain="month",
        start=dt.date(2023, 3, 1),
        today=d.LAST_DAY,
        reading=r,
        thresholds=Thresholds(),
    )
    cards = [c for c in figures.cards if c.indicator.source == "feedback"]
    units = [u for u in figures.units if catalog.get(u.code).source == "feedback"]
    return all(c.card.value is None and c.change is None for c in cards) and all(
        u.value is None for u in units
    )


FEEDBACK_PATHS = {
    "series": _series,
    "scorecard": _scorecard,
    "unit_table": _unit_table,
    "comments": _comments,
    "surveys_and_questions": _questions,
    "change_sums": _change_sums,
    "effect_months": _effect_months,
    "report_figures": _report_figures,
}


def test_every_query_is_either_a_feedback_path_or_reads_no_feedback():
    queries = {name for name, value in vars(data).items() if hasattr(value, "query")}
    assert queries == set(FEEDBACK_PATHS) | NO_FEEDBACK


@pytest.mark.parametrize("name", FEEDBACK_PATHS)
def test_every_feedback_query_asks_the_one_rule(municipality, app_engine, refused, name):
    shown_before = FEEDBACK_PATHS[name]
    assert shown_before(app_engine, reading(5))
    assert refused, f"{name} showed feedback without asking queries.privacy"
    assert set(refused) == {5}  # the reading's threshold, handed down as it is


@pytest.mark.parametrize("name", FEEDBACK_PATHS)
def test_with_the_real_rule_each_feedback_query_shows_something(municipality, app_engine, name):
    """The other side: the checks above are not true of any data."""
    assert not FEEDBACK_PATHS[name](app_engine, reading(1))


# --- Pages and exports ----------------------------------------------------------------------


def _xlsx(downloads, name: str):
    return load_workbook(io.BytesIO(downloads.press(name)))


def _rows(sheet) -> list[tuple]:
    return [tuple(c for c in row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.slow
def test_no_page_or_export_shows_feedback_the_rule_refuses(municipality, refused, downloads):
    at = h.new_app().run()  # the Overview
    cards = {m.label: m.value for m in at.metric}
    shown = [cards[i.name("fi")] for i in FEEDBACK if i.name("fi") in cards]
    assert set(shown) == {"piilotettu", "ei tietoja"}  # no 0-10 question: no NPS at all
    pdf = PdfReader(io.BytesIO(downloads.press("tilannekuva_yleiskuva.pdf")))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for name in ("Palautteen keskiarvo 3/2024", "Myönteisten osuus 3/2024"):
        assert f"{name} alle 5 vastausta" in text  # the card's value says why it is missing
    for unit in (d.AURINKO, d.KUU, d.KOIVU):  # the units table's two feedback columns
        assert f"{unit} piilotettu piilotettu " in text

    at.switch_page("views/trends.py").run()
    assert [r[3] for r in at.main.dataframe[-1].value.itertuples(index=False)] == ["piilotettu"] * 3
    trends = _xlsx(downloads, "tilannekuva_kehitys.xlsx").active
    values = [row[4] for row in _rows(trends) if row[0] == "Palautteen keskiarvo"]
    assert values and all(v == "alle 5 vastausta" for v in values)
    assert at.selectbox(key="trend_question").options == ["kaikki"]

    at.query_params["unit"] = str(municipality.units[d.AURINKO])
    at.switch_page("views/units.py").run()
    assert at.header[0].value == d.AURINKO
    unit_book = _xlsx(downloads, "tilannekuva_yksikko_Päiväkoti_Aurinko.xlsx")
    card_rows = _rows(unit_book.worksheets[1])
    value = next(row for row in card_rows if row and "Arvo" in row).index("Arvo")
    cards = {row[0]: row[value] for row in card_rows if row and row[0]}
    shown = {cards[i.name("fi")] for i in FEEDBACK}
    assert shown == {"alle 5 vastausta", None}  # hidden, or an empty cell: no data (NPS)
    assert [r for r in _rows(unit_book.worksheets[5]) if "Lapsi" in str(r)] == []  # no comment
    panel = _rows(unit_book.worksheets[3])
    for indicator in JUDGED:
        [row] = [r for r in panel if r and r[0] == indicator.name("fi")]
        assert "piilotettu" in row, indicator.code

    at.switch_page("views/effectiveness.py").run()
    at.selectbox(key="effect_indicator").set_value("feedback_mean").run()
    effect = _rows(_xlsx(downloads, "tilannekuva_vaikuttavuus.xlsx").active)
    header = next(i for i, row in enumerate(effect) if row and row[0] == "Palvelualue")
    assert all(row[5] is None for row in effect[header + 1 :] if row and row[0])  # no effect

    at.switch_page("views/wellbeing.py").run()
    assert not [m for m in at.main.dataframe], "no point of the scatter rests on feedback"
