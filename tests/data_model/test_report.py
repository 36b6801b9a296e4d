"""The situation report's figures, gathered from the pages' queries over random municipalities
and the demo: every figure a sentence quotes is the one its link's page shows (tests.data_model
.report_pages asks each page's query with the link's address), a manager's report names only
their units, a month with nothing beyond noise says so in one sentence, a month without data
says where the newest data are, and the privacy cells hidden are counted one by one."""

import datetime as dt
import random

import pytest
from sqlalchemy import update

from core import indicators as catalog
from core import report
from core.reading import Reading
from core.rules import Thresholds
from core.scope import Scope
from core.texts import LANGUAGES
from data_model.models import FeedbackScore, MentorReport, Unit, WorkforceMonth
from data_model.queries.report import hidden_cells, report_figures
from data_model.queries.series import latest_date
from tests.data_model import facts
from tests.data_model.report_pages import check
from tests.data_model.report_pages import hidden_cells as counted

D = dt.date
READING = Reading("term", 5, 0.05, 0)
LIMITS = Thresholds()
MONTHS = [D(2025, m, 1) for m in range(1, 13)] + [D(2026, m, 1) for m in range(1, 11)]
TODAY = D(2026, 12, 6)
SLOW = pytest.mark.slow
NAMES = (
    "Päiväkoti Aurinko",
    "Päiväkoti Kuu",
    "Koivun koulu",
    "Kotihoito Etelä",
    "Palvelutalo Tammi",
)


def municipality(engine, seed: int) -> dict[str, int]:
    """Five units in two areas with a year and ten months of feedback (some cells under the
    privacy threshold), mentor reports, workforce months, coaching periods and targets, all
    drawn from seed."""
    rng = random.Random(seed)
    early, elderly = facts.area(engine, "Varhaiskasvatus"), facts.area(engine, "Vanhuspalvelut")
    ids = {}
    for i, name in enumerate(NAMES):
        ids[name] = facts.unit(engine, name, early if i < 3 else elderly)
    coached = rng.sample(list(ids.values()), 3)
    with engine.begin() as conn:
        for unit_id in coached:
            start = rng.choice(MONTHS[3:18])
            end = D(start.year + 1, start.month, 1) - dt.timedelta(days=1)
            conn.execute(
                update(Unit)
                .where(Unit.id == unit_id)
                .values(coaching_start=start, coaching_end=end)
            )
    answers, months, reports = [], [], []
    for unit_id in ids.values():
        level = rng.uniform(3.2, 4.4)
        for month in MONTHS:
            if rng.random() < 0.1:
                continue  # a month without feedback
            for question in ("Q1", "Q2"):
                n = rng.choice([2, 3, 8, 15, 30, 60]) if rng.random() < 0.3 else rng.randint(5, 40)
                scores = [max(1, min(5, round(rng.gauss(level, 0.9)))) for _ in range(n)]
                day = month + dt.timedelta(days=rng.randrange(27))
                answers.append(
                    {
                        "unit_id": unit_id,
                        **facts.dated(day),
                        "survey": "Asiakaskysely",
                        "question": question,
                        "n": n,
                        "score_sum": sum(scores),
                        "score_sq_sum": sum(s * s for s in scores),
                        "positive_n": sum(s >= 4 for s in scores),
                    }
                )
            if rng.random() < 0.9:
                months.append(
                    {
                        "unit_id": unit_id,
                        "month": month,
                        "year": month.year,
                        "headcount": rng.randint(8, 60),
                        "fte": rng.uniform(8, 50),
                        "sick_leave_days": rng.randint(0, 80),
                        "leavers": rng.randint(0, 3),
                    }
                )
            for week in range(rng.randint(0, 3)):
                day = month + dt.timedelta(days=7 * week + rng.randrange(5))
                reports.append(
                    {
                        "unit_id": unit_id,
                        **facts.dated(day),
                        "mood": rng.randint(1, 5),
                        "workload": rng.randint(1, 5),
                        "atmosphere": rng.randint(1, 5),
                        "concern": rng.random() < 0.2,
                        "mentor": rng.choice(["Sanna K", "Jari H", ""]),
                    }
                )
    facts.many(engine, FeedbackScore, answers)
    facts.many(engine, WorkforceMonth, months, "workforce")
    facts.many(engine, MentorReport, reports, "mentor_reports")
    for code in ("feedback_mean", "mentor_mood", "sick_leave_days_per_fte", "turnover_percent"):
        low, high = catalog.get(code).range
        facts.target(engine, code, round(rng.uniform(low, high if high else 20), 1))
    return ids


@pytest.fixture(scope="module")
def random_municipality(tmp_path_factory):
    from data_model.db import open_database

    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('random') / 'r.db'}")
    ids = municipality(engine, 2026)
    yield engine, ids
    engine.dispose()


OCTOBER = D(2026, 10, 1)


def figures_of(engine, scope=None, start=OCTOBER, grain="month", today=TODAY, reading=READING):
    return report_figures(
        engine,
        scope=scope or Scope(),
        grain=grain,
        start=start,
        today=today,
        reading=reading,
        thresholds=LIMITS,
    )


def texts(written, key: str) -> list[str]:
    return [s.text for s in next(x for x in written.sections if x.key == key).sentences]


@pytest.mark.parametrize(
    ("scope", "start", "grain", "today", "languages"),
    [
        (Scope(), D(2026, 10, 1), "month", TODAY, ("fi",)),
        pytest.param(Scope(), D(2026, 10, 1), "month", TODAY, ("sv", "en"), marks=SLOW),
        pytest.param(
            Scope(service_area_id=1), D(2026, 9, 1), "month", TODAY, LANGUAGES, marks=SLOW
        ),
        pytest.param(Scope(unit_ids=(2,)), D(2026, 8, 1), "period", TODAY, ("fi",), marks=SLOW),
        # a running month: compared with the same part of the month before
        pytest.param(Scope(), D(2026, 10, 1), "month", D(2026, 10, 17), ("fi",), marks=SLOW),
        pytest.param(
            Scope(allowed_unit_ids=(1, 4)), D(2026, 6, 1), "month", TODAY, ("fi",), marks=SLOW
        ),
    ],
)
def test_every_figure_quoted_is_the_one_its_page_shows(
    random_municipality, scope, start, grain, today, languages
):
    engine, _ = random_municipality
    gathered = figures_of(engine, scope, start, grain, today)
    for lang in languages:
        written = report.compose(gathered, lang)
        allowed = scope.allowed_unit_ids
        assert check(written, engine, allowed=allowed, reading=READING, limits=LIMITS) > 5


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_figure_quoted_is_the_one_its_page_shows_over_other_municipalities(engine, seed):
    municipality(engine, seed)
    for start in (D(2026, 10, 1), D(2026, 3, 1)):
        written = report.compose(figures_of(engine, start=start), "fi")
        assert check(written, engine, allowed=None, reading=READING, limits=LIMITS) > 5


def test_the_newest_data_and_the_hidden_cells_are_the_queries_and_the_cells(random_municipality):
    engine, _ = random_municipality
    gathered = figures_of(engine)

    for source, code in (("feedback", "feedback_answers"), ("workforce", "headcount")):
        day = latest_date(engine, indicator=catalog.get(code), scope=Scope(), today=D(2026, 10, 31))
        assert gathered.latest[source] == day.replace(day=1)
    october = counted(engine, Scope(), D(2026, 10, 1), D(2026, 10, 31), READING.min_answers)
    assert gathered.hidden_cells == october > 0
    year = hidden_cells(
        engine, scope=Scope(start=D(2025, 1, 1), end=D(2025, 12, 31)), reading=READING
    )
    assert year == counted(engine, Scope(), D(2025, 1, 1), D(2025, 12, 31), READING.min_answers)


def test_a_managers_report_names_only_their_units(random_municipality):
    engine, ids = random_municipality
    own = (ids["Päiväkoti Aurinko"], ids["Kotihoito Etelä"])
    written = report.compose(figures_of(engine, Scope(allowed_unit_ids=own)), "fi")

    every = " ".join(s.text for sec in written.sections for s in sec.sentences)
    every += " ".join(
        " ".join(row) for sec in written.sections if sec.table for row in sec.table.rows
    )
    every += " ".join(value for _, value in written.meta)
    assert "Päiväkoti Aurinko" in every and "Kotihoito Etelä" in every
    for other in set(NAMES) - {"Päiväkoti Aurinko", "Kotihoito Etelä"}:
        assert other not in every
    assert ("Yksiköt tai palvelualue", "2 yksikköä") in written.meta


def test_a_month_with_nothing_beyond_noise_says_so_in_one_sentence(engine):
    """Two months of the same answers, reports and staff: no change is news."""
    unit = facts.unit(engine, "Päiväkoti Aurinko")
    for month in (D(2026, 9, 1), D(2026, 10, 1)):
        facts.feedback(
            engine, unit, month + dt.timedelta(days=3), 20, 80, score_sq_sum=340, positive_n=16
        )
        facts.mentor(engine, unit, month + dt.timedelta(days=5), mood=4, workload=3)
        facts.mentor(engine, unit, month + dt.timedelta(days=12), mood=3, workload=3)
        facts.workforce(engine, unit, month, headcount=20, fte=18, sick_leave_days=15, leavers=1)
    written = report.compose(figures_of(engine), "fi")

    assert texts(written, "brief") == [
        "Mikään mittari ei muuttunut edellisestä kuukaudesta satunnaisvaihtelua enempää: "
        "Palautteen keskiarvo, Myönteisten osuus, Fiilis, Työkuorma, Sairauspoissaolopäivät / htv "
        "ja Vaihtuvuus %."
    ]


def test_a_month_without_data_says_where_the_newest_data_are(random_municipality):
    engine, _ = random_municipality
    for start in (D(2026, 11, 1), D(2027, 1, 1)):  # after the data; after today
        written = report.compose(figures_of(engine, start=start), "fi")
        said = [
            "Ajalta {} ei ole vielä lukuja. Uusimmat luvut ovat ajalta 10/2026.".format(
                f"{start.month}/{start.year}"
            )
        ]
        assert texts(written, "brief") == said
        assert texts(written, "targets") == said


def test_an_empty_database_gives_a_report_that_says_there_is_no_data(engine):
    written = report.compose(figures_of(engine), "en")

    assert texts(written, "brief") == ["There is no data for this selection."]
    assert texts(written, "attention") == ["There are no mentor reports for this selection."]
    assert texts(written, "coaching") == ["None of the chosen units has a coaching period."]


# --- The demo: the slide, the effect and the stale sources it plants ----------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from data_model.db import open_database
    from demo.generate import write_demo_files
    from demo.seed import add_demo_users, import_demo

    folder = tmp_path_factory.mktemp("demo")
    engine = open_database(f"sqlite:///{folder / 'demo.db'}")
    import_demo(engine=engine, paths=write_demo_files(folder / "files"))
    add_demo_users(engine=engine, lang="fi")
    yield engine
    engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_report_quotes_the_pages_figures(demo, lang):
    reading = _demo_reading(demo)  # the demo's settings: small feedback figures rolled over
    written = report.compose(figures_of(demo, reading=reading), lang)
    assert check(written, demo, allowed=None, reading=reading, limits=LIMITS) > 60


def _demo_reading(engine) -> Reading:
    from data_model import app_settings

    return app_settings.reading(app_settings.all_settings(engine))


@pytest.mark.slow
def test_the_demo_report_finds_the_slide_the_effect_and_the_stale_sources(demo):
    from demo.generate import DROPPING_UNITS, LAGGING_UNIT, SILENT_UNIT

    written = report.compose(
        report_figures(
            demo,
            scope=Scope(),
            grain="month",
            start=D(2026, 10, 1),
            today=TODAY,
            reading=_demo_reading(demo),
            thresholds=LIMITS,
        ),
        "fi",
    )

    attention = texts(written, "attention")
    assert {text.split(" (")[0] for text in attention[:3]} == set(DROPPING_UNITS)
    assert all("Fiilis laski " in text and "Selvä heikkeneminen." in text for text in attention[:3])
    coaching = texts(written, "coaching")
    assert any(
        text.startswith("Valmennuksen vaikuttavuus: valmennetut yksiköt erosivat")
        and "Palautteen keskiarvo +" in text
        and "parempaan suuntaan" in text
        for text in coaching
    )
    data = texts(written, "data")
    assert f"Henkilöstötiedot: ajalta 10/2026 ei ole lukuja 1 yksiköltä: {LAGGING_UNIT}." in data
    assert (
        f"Mentoriraporttia ei ole tullut yli 6 viikkoon: {SILENT_UNIT} (viimeisin 3.9.2026)."
        in (data)
    )
    assert texts(written, "brief")[0].startswith("Palautteen keskiarvo: selvä parannus, ")


@pytest.mark.slow
def test_a_demo_units_lagging_workforce_figures_are_named_as_the_overview_names_them(demo):
    from demo.generate import LAGGING_UNIT

    unit = next(u.id for u in _units(demo) if u.name == LAGGING_UNIT)
    reading = _demo_reading(demo)
    written = report.compose(figures_of(demo, Scope(unit_ids=(unit,)), reading=reading), "fi")

    assert "Henkilöstötiedot: viimeisin 8/2026. Ajalta 10/2026 ei ole vielä tietoja." in texts(
        written, "data"
    )
    assert check(written, demo, allowed=None, reading=reading, limits=LIMITS) > 5


@pytest.mark.slow
def test_the_demo_managers_report_is_the_one_their_pages_show(demo):
    from data_model import users

    manager = users.get_user(engine=demo, name="esihenkilo")
    allowed = users.allowed_unit_ids(engine=demo, account=manager)
    reading = _demo_reading(demo)
    written = report.compose(
        figures_of(demo, Scope(allowed_unit_ids=allowed), reading=reading), "fi"
    )

    every = "\n".join(s.text for sec in written.sections for s in sec.sentences)
    mine = {u.name for u in _units(demo) if u.id in allowed}
    assert all(other not in every for other in {u.name for u in _units(demo)} - mine)
    assert check(written, demo, allowed=allowed, reading=reading, limits=LIMITS) > 20


def _units(engine):
    from sqlalchemy import select

    with engine.connect() as conn:
        return conn.execute(select(Unit)).all()
