"""Demo data: the same Excel exports of every kind, byte for byte, for the fictional municipality
Esimerkkilä's twelve coached units over three years (1.11.2023–31.10.2026); in Swedish
(demo/swedish.py) the same figures for its bilingual twin Exempelby, in Swedish words."""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import os
import random
import threading
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.constants import ARC_CORE
from openpyxl.xml.functions import tostring

from core import indicators
from demo.swedish import SWEDISH
from demo.words import Words

SEED = 2026  # every file draws from random.Random(f"{SEED}/{file name}")
FIRST_DAY = dt.date(2023, 11, 1)
LAST_DAY = dt.date(2026, 10, 31)
DROP_START = dt.date(2026, 7, 1)  # the dropping units' mood starts to slide here...
DROP_DAYS = 60  # ...and reaches DROP_FLOOR this many days later
DROP_FLOOR = 2.3
# The planted coaching effect (README "Demo data"): from a unit's coaching start its mentors'
# mood rises by COACHED_MOOD, its customers' mean score by COACHED_SATISFACTION (staff who feel
# better serve better) and its sick leave falls by COACHED_SICK_LEAVE, each reached over the
# first COACHED_RAMP_DAYS and kept after the coaching ends.
COACHED_MOOD = 0.3
COACHED_SATISFACTION = 0.15
COACHED_SICK_LEAVE = 0.10  # a tenth fewer sick-leave days
COACHED_RAMP_DAYS = 90
# Sources that fall silent or lag, so that the situation report has something to say about
# missing data (user guide, "What the demo plants"): one unit's mentors stop reporting after
# SILENT_AFTER, and one unit's workforce figures end with LAGGING_TO (its HR export lags).
SILENT_UNIT, SILENT_AFTER = "Palvelutalo Lehmuskoti", dt.date(2026, 9, 10)
LAGGING_UNIT, LAGGING_TO = "Kotihoito Pohjoinen", dt.date(2026, 8, 1)
FILE_TIME = dt.datetime(2026, 10, 31, 12, 0)  # workbook properties and zip member times
MUNICIPALITY = "Esimerkkilän kunta"

REGISTER = "yksikkorekisteri.xlsx"
LONG_SURVEY = "asiakaskysely_pitka.xlsx"
FORMS_SURVEY = "huoltajakysely_forms.xlsx"
ARVO_REPORT = "arvo_raportti.xlsx"
SMILEYS = "hymiolaskuri.xlsx"
WORKFORCE = "henkilosto_kuukausittain.xlsx"
MENTOR_REPORTS = "mentoriraportit.xlsx"
TARGETS = "tavoitteet.xlsx"
OWN_INDICATORS = "omat_mittarit.xlsx"

EARLY, BASIC, ELDERLY = "Varhaiskasvatus", "Perusopetus", "Vanhuspalvelut"

FINNISH = Words(
    lang="fi",
    municipality=MUNICIPALITY,
    register_title=f"{MUNICIPALITY} – työyhteisövalmennuksen yksiköt",
    updated="Päivitetty 31.10.2026",
    respondent="Vastaaja",
)
WORDS = {"fi": FINNISH, "sv": SWEDISH}  # the languages the demo can be written in
REGISTERS = frozenset(words.file(REGISTER) for words in WORDS.values())


@dataclass(frozen=True)
class DemoUnit:
    """A coached unit as the register lists it, and the knobs of its story."""

    name: str
    area: str
    staff: int  # headcount at the start
    satisfaction: float  # customers' mean score (1-5) at the start
    mood: float  # mentors' mood (1-5) at the start
    trend: float  # change a year, in both satisfaction and mood
    manager: str
    coaches: tuple[str, str]
    mentors: tuple[str, ...]
    coaching: tuple[dt.date, dt.date]
    goal: str
    dropping: bool = False  # mood falls over the last four months


D = dt.date
UNITS = (
    DemoUnit(
        "Päiväkoti Aurinko",
        EARLY,
        22,
        3.95,
        3.6,
        0.2,
        "Maria Lehtonen",
        ("Anu Salminen", "Jari Heikkinen"),
        ("Sanna K", "Eveliina M"),
        (D(2024, 1, 8), D(2025, 1, 31)),
        "Vahvistamme tiimien yhteistä suunnittelua ja lasten osallisuutta arjessa.",
    ),
    DemoUnit(
        "Päiväkoti Satakieli",
        EARLY,
        18,
        4.25,
        4.0,
        0.0,
        "Johanna Niemi",
        ("Kirsi Laaksonen", "Timo Nurmi"),
        ("Riikka P", "Outi H", "Laura V"),
        (D(2025, 8, 11), D(2026, 12, 18)),
        "Tiedonkulku huoltajien kanssa sujuvaksi ja vastuut selkeiksi tiimeissä.",
        dropping=True,
    ),
    DemoUnit(
        "Päiväkoti Metsätähti",
        EARLY,
        26,
        4.15,
        3.85,
        0.03,
        "Katja Räsänen",
        ("Hanna Korhonen", "Petri Mäkinen"),
        ("Minna T", "Jenni A"),
        (D(2024, 9, 2), D(2025, 12, 19)),
        "Vähennämme kiirettä hyvällä työnjaolla ja yhteisillä pelisäännöillä.",
    ),
    DemoUnit(
        "Päiväkoti Vesipisara",
        EARLY,
        15,
        4.3,
        4.1,
        0.0,
        "Tuula Hakala",
        ("Anu Salminen", "Petri Mäkinen"),
        ("Satu L", "Heidi R"),
        (D(2025, 1, 13), D(2026, 3, 31)),
        "Pedagoginen dokumentointi osaksi jokaisen ryhmän arkea.",
    ),
    DemoUnit(
        "Koivukummun koulu",
        BASIC,
        38,
        3.95,
        3.95,
        0.0,
        "Pekka Virtanen",
        ("Timo Nurmi", "Kirsi Laaksonen"),
        ("Antti J", "Marjo S", "Ville K"),
        (D(2025, 8, 4), D(2026, 12, 18)),
        "Yhteisopettajuus tutuksi ja työrauha paremmaksi kaikilla luokilla.",
        dropping=True,
    ),
    DemoUnit(
        "Rantalan koulu",
        BASIC,
        29,
        3.75,
        3.45,
        0.2,
        "Sari Jokinen",
        ("Jari Heikkinen", "Hanna Korhonen"),
        ("Tiina R", "Mikko L"),
        (D(2024, 1, 8), D(2025, 5, 30)),
        "Uusien opettajien perehdytys ja yhteisöllinen oppilashuolto kuntoon.",
    ),
    DemoUnit(
        "Mäntymäen yhtenäiskoulu",
        BASIC,
        64,
        3.85,
        3.7,
        0.05,
        "Jukka Laine",
        ("Petri Mäkinen", "Anu Salminen"),
        ("Elina H", "Janne P", "Kaisa M"),
        (D(2024, 8, 5), D(2025, 12, 19)),
        "Ala- ja yläkoulun opettajat suunnittelevat ja arvioivat opetusta yhdessä.",
    ),
    DemoUnit(
        "Kirkonkylän koulu",
        BASIC,
        21,
        4.15,
        4.0,
        0.0,
        "Anne Salo",
        ("Kirsi Laaksonen", "Jari Heikkinen"),
        ("Päivi N", "Lauri T"),
        (D(2025, 1, 7), D(2026, 5, 29)),
        "Kyläkoulun yhteisöllisyys vahvuudeksi ja huoltajat mukaan koulun arkeen.",
    ),
    DemoUnit(
        "Palvelukeskus Kotikallio",
        ELDERLY,
        58,
        4.0,
        3.9,
        0.0,
        "Merja Karjalainen",
        ("Hanna Korhonen", "Timo Nurmi"),
        ("Anne-Mari K", "Jussi V", "Sirpa L"),
        (D(2025, 9, 1), D(2026, 12, 31)),
        "Asukaslähtöinen arki ja työvuorosuunnittelu, joka tukee jaksamista.",
        dropping=True,
    ),
    DemoUnit(
        "Kotihoito Pohjoinen",
        ELDERLY,
        44,
        3.65,
        3.3,
        0.22,
        "Leena Heinonen",
        ("Anu Salminen", "Jari Heikkinen"),
        ("Tarja M", "Nina S"),
        (D(2024, 2, 1), D(2025, 6, 30)),
        "Kotihoidon reitit sujuviksi ja asiakaskäynnit ennakoitaviksi.",
    ),
    DemoUnit(
        "Hoivakoti Kielo",
        ELDERLY,
        32,
        4.05,
        3.8,
        0.05,
        "Raili Koskinen",
        ("Petri Mäkinen", "Kirsi Laaksonen"),
        ("Maarit H", "Eija P"),
        (D(2024, 10, 1), D(2025, 11, 30)),
        "Omahoitajuus todeksi ja kirjaamiseen yhteinen käytäntö.",
    ),
    DemoUnit(
        "Palvelutalo Lehmuskoti",
        ELDERLY,
        27,
        4.2,
        3.95,
        0.0,
        "Hannu Peltonen",
        ("Timo Nurmi", "Hanna Korhonen"),
        ("Kati J", "Marko R"),
        (D(2025, 3, 3), D(2026, 6, 30)),
        "Yhteisöllistä toimintaa asukkaiden arkeen ja hyvä perehdytys uusille.",
    ),
)
DROPPING_UNITS = tuple(u.name for u in UNITS if u.dropping)
SUMMER_DIP = {6: 0.1, 7: 0.3, 8: 0.1}  # substitutes and merged groups over the holidays


# --- The story: levels that drift over time ---------------------------------------------------


def _years(day: dt.date) -> float:
    return (day - FIRST_DAY).days / 365.25


def _drop(unit: DemoUnit, day: dt.date) -> float:
    """How far a dropping unit has slid: 0 before DROP_START, 1 after DROP_DAYS."""
    if not unit.dropping or day < DROP_START:
        return 0.0
    return min(1.0, (day - DROP_START).days / DROP_DAYS)


def coached(unit: DemoUnit, day: dt.date) -> float:
    """How much of the coaching effect a unit has on a day: 0 before its start, rising to 1
    over COACHED_RAMP_DAYS, then 1 (also after the coaching ends)."""
    start = unit.coaching[0]
    if day < start:
        return 0.0
    return min(1.0, ((day - start).days + 1) / COACHED_RAMP_DAYS)


def satisfaction(unit: DemoUnit, day: dt.date) -> float:
    """Customers' expected mean score (1-5) on a day."""
    level = unit.satisfaction + unit.trend * _years(day) - SUMMER_DIP.get(day.month, 0.0)
    level += COACHED_SATISFACTION * coached(unit, day)
    return min(4.7, level - 0.35 * _drop(unit, day))


def mood(unit: DemoUnit, day: dt.date) -> float:
    """Mentors' expected mood rating (1-5) on a day."""
    level = min(4.5, unit.mood + unit.trend * _years(day)) + COACHED_MOOD * coached(unit, day)
    return level - (level - DROP_FLOOR) * _drop(unit, day)


def _score(
    rng: random.Random, mean: float, spread: float = 0.8, low: int = 1, high: int = 5
) -> int:
    return max(low, min(high, round(rng.gauss(mean, spread))))


def _poisson(rng: random.Random, rate: float) -> int:
    if rate > 30:
        return max(0, round(rng.gauss(rate, math.sqrt(rate))))
    limit, k, p = math.exp(-rate), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _months() -> list[dt.date]:
    months, day = [], FIRST_DAY
    while day <= LAST_DAY:
        months.append(day)
        day = D(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def _days() -> Iterable[dt.date]:
    for offset in range((LAST_DAY - FIRST_DAY).days + 1):
        yield FIRST_DAY + dt.timedelta(days=offset)


def _day_in_month(rng: random.Random, month: dt.date, weekdays_only: bool) -> dt.date:
    while True:
        day = month + dt.timedelta(days=rng.randrange(31))
        if day.month == month.month and (day.weekday() < 5 or not weekdays_only):
            return day


def _school_day(day: dt.date) -> bool:
    """Weekdays outside the summer, Christmas, winter (week 8) and autumn (week 42) holidays."""
    if day.weekday() >= 5 or day.isocalendar().week in (8, 42):
        return False
    if D(day.year, 6, 1) <= day < D(day.year, 8, 12):
        return False
    return not (day >= D(day.year, 12, 21) or day <= D(day.year, 1, 6))


# --- Writing workbooks that are the same bytes on every run -----------------------------------


def _cell(ws, value, number_format: str | None = None):
    if number_format is None:
        if isinstance(value, dt.datetime):
            number_format = "d.m.yyyy h:mm:ss"
        elif isinstance(value, dt.date):
            number_format = "d.m.yyyy"
        else:
            return value
    cell = WriteOnlyCell(ws, value)
    cell.number_format = number_format
    return cell


def _bold(ws, value):
    cell = WriteOnlyCell(ws, value)
    cell.font = Font(bold=True)
    return cell


def workbook_bytes(
    sheet: str,
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    title: Sequence[str] = (),
    formats: dict[int, str] | None = None,
    creator: str = MUNICIPALITY,
) -> bytes:
    """One sheet: optional title lines, a bold header, the rows; fixed times inside."""
    formats = formats or {}
    wb = Workbook(write_only=True)
    wb.properties.creator = creator
    wb.properties.created = wb.properties.modified = FILE_TIME
    ws = wb.create_sheet(sheet)
    for i, name in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(50, len(name) + 4))
    ws.freeze_panes = f"A{len(title) + 2 + bool(title)}"
    for line in title:
        ws.append([_bold(ws, line)])
    if title:
        ws.append([])
    ws.append([_bold(ws, name) for name in header])
    for row in rows:
        ws.append([_cell(ws, value, formats.get(i)) for i, value in enumerate(row)])
    buffer = io.BytesIO()
    wb.save(buffer)
    wb.properties.modified = FILE_TIME  # save() set it to the clock
    return _stable_zip(buffer.getvalue(), {ARC_CORE: tostring(wb.properties.to_tree())})


def _workbook(words: Words, file: str, sheet: str, header: Sequence[str], rows, **options) -> bytes:
    """One demo file's workbook in a language: its sheet, header and creator in words."""
    return workbook_bytes(
        words.sheet(sheet),
        words.header(file, tuple(header)),
        rows,
        creator=words.municipality,
        **options,
    )


def _stable_zip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """The workbook re-zipped with fixed member times (zipfile stamps the clock on each) and the
    members named in replace swapped in."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FILE_TIME.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, replace.get(info.filename) or source.read(info.filename))
    return out.getvalue()


# --- The units register -----------------------------------------------------------------------


def _register(_rng: random.Random, words: Words) -> bytes:
    header = (
        "Yksikkö",
        "Palvelualue",
        "Esihenkilö",
        "Valmentajat",
        "Mentorit",
        "Valmennus alkaa",
        "Valmennus päättyy",
        "Tavoite",
    )
    say = words.say
    rows = [
        (
            say(u.name),
            say(u.area),
            say(u.manager),
            "; ".join(map(say, u.coaches)),
            "; ".join(map(say, u.mentors)),
            *u.coaching,
            say(u.goal),
        )
        for u in UNITS
    ]
    title = (words.register_title, words.updated)
    return _workbook(words, REGISTER, "Yksiköt", header, rows, title=title)


# --- Feedback: a long customer survey ---------------------------------------------------------

LONG_QUESTIONS = (
    ("Saan ystävällistä ja asiallista palvelua", 0.15),
    ("Saan tarvitsemani tiedon helposti", -0.25),
    ("Palvelu vastaa tarpeitani", -0.05),
    ("Olen kokonaisuutena tyytyväinen palveluun", 0.0),
)
RESPONDENT_GROUPS = {  # group, share of respondents, offset to the unit's level
    EARLY: (("Huoltaja", 1.0, 0.0),),
    BASIC: (("Huoltaja", 0.6, 0.0), ("Oppilas", 0.4, -0.15)),
    ELDERLY: (("Asiakas", 0.55, 0.05), ("Omainen", 0.45, -0.15)),
}
MONTHLY_RESPONDENTS = {EARLY: 3.0, BASIC: 4.0, ELDERLY: 3.5}
COMMENTS = {
    EARLY: {
        "good": (
            "Lapsi lähtee aamuisin mielellään päiväkotiin.",
            "Kiitos ihanasta henkilökunnasta, arki on turvallista.",
            "Hienoa, että ulkoillaan paljon säästä riippumatta.",
            "Varhaiskasvatussuunnitelman keskustelu oli tosi hyödyllinen.",
        ),
        "mixed": (
            "Tietoa päivän tapahtumista saisi tulla enemmän.",
            "Henkilökunta vaihtuu usein, lapsen on vaikea kiintyä.",
            "Kesän päivystysjärjestelyistä kerrottiin liian myöhään.",
        ),
        "bad": (
            "Ryhmässä on liikaa lapsia aikuisten määrään nähden.",
            "Viesteihin vastataan hitaasti, eikä kukaan tunnu tietävän mitään.",
            "Sijaisia on niin paljon, ettei lasta tunneta.",
        ),
    },
    BASIC: {
        "good": (
            "Opettaja vastaa Wilma-viesteihin nopeasti ja ystävällisesti.",
            "Lapsi kertoo viihtyvänsä koulussa ja saavansa apua.",
            "Koulun tapahtumat ovat olleet upeita.",
            "Kiitos joustavasta tuesta läksyjen kanssa.",
        ),
        "mixed": (
            "Kiusaamiseen voisi puuttua nopeammin.",
            "Tiedotus on pirstaleista, välillä tietoa tulee monesta paikasta.",
            "Välitunneilla on liian vähän valvontaa.",
        ),
        "bad": (
            "Luokassa on jatkuvasti levotonta, opiskelu ei onnistu.",
            "Yhteydenottoihin ei ole vastattu viikkoihin.",
            "Ruokala on ahdas ja meluisa, ruokailuun ei ehdi.",
        ),
    },
    ELDERLY: {
        "good": (
            "Hoitajat ovat kiireestä huolimatta aina ystävällisiä.",
            "Äiti on viihtynyt hyvin ja saa apua, kun tarvitsee.",
            "Viriketoiminta on monipuolista, kiitos!",
            "Omahoitaja pitää meihin omaisiin hyvin yhteyttä.",
        ),
        "mixed": (
            "Käyntiajat vaihtelevat paljon, olisi hyvä tietää etukäteen.",
            "Ruoka on hyvää, mutta annokset ovat joskus kylmiä.",
            "Omaisille voisi kertoa muutoksista aiemmin.",
        ),
        "bad": (
            "Hoitajilla ei ole aikaa jutella, kaikki tehdään kiireellä.",
            "Lääkkeet ovat unohtuneet useamman kerran.",
            "Kotihoidon käynnit myöhästyvät tunteja, eikä siitä ilmoiteta.",
        ),
    },
}


def _tone(score: float) -> str:
    return "good" if score >= 4 else ("bad" if score <= 2.5 else "mixed")


def _pick_group(rng: random.Random, area: str) -> tuple[str, float]:
    draw = rng.random()
    for name, share, offset in RESPONDENT_GROUPS[area]:
        draw -= share
        if draw <= 0:
            return name, offset
    return RESPONDENT_GROUPS[area][-1][0], RESPONDENT_GROUPS[area][-1][2]


def _long_answers(rng: random.Random, unit: DemoUnit, month: dt.date, say) -> list[tuple]:
    rate = MONTHLY_RESPONDENTS[unit.area]
    if month.month == 7:  # daycare runs a summer duty unit and schools are closed
        rate *= 0.9 if unit.area == ELDERLY else 0.25
    rows = []
    for _ in range(_poisson(rng, rate)):
        day = _day_in_month(rng, month, weekdays_only=unit.area != ELDERLY)
        group, offset = _pick_group(rng, unit.area)
        level = satisfaction(unit, day) + offset + rng.gauss(0, 0.45)
        comment = rng.choice(COMMENTS[unit.area][_tone(level)]) if rng.random() < 0.12 else None
        for i, (question, bias) in enumerate(LONG_QUESTIONS):
            score = _score(rng, level + bias, 0.6)
            last = i == len(LONG_QUESTIONS) - 1
            rows.append(
                (
                    day,
                    say(unit.name),
                    say("Asiakaskysely"),
                    say(question),
                    say(group),
                    5,
                    score,
                    say(comment) if last else None,
                )
            )
    return rows


def _long_survey(rng: random.Random, words: Words) -> bytes:
    header = (
        "Päivämäärä",
        "Yksikkö",
        "Kysely",
        "Kysymys",
        "Vastaajaryhmä",
        "Asteikko",
        "Vastaus",
        "Kommentti",
    )
    rows = [
        row
        for unit in UNITS
        for month in _months()
        for row in _long_answers(rng, unit, month, words.say)
    ]
    rows.sort(key=lambda r: (r[0], r[1]))
    return _workbook(words, LONG_SURVEY, "Vastaukset", header, rows)


# --- Feedback: a Microsoft Forms export, one guardian a row -----------------------------------

LIKERT_WORDS = (
    "Täysin eri mieltä",
    "Jokseenkin eri mieltä",
    "Ei samaa eikä eri mieltä",
    "Jokseenkin samaa mieltä",
    "Täysin samaa mieltä",
)
FORMS_QUESTIONS = (
    ("Lapseni viihtyy päiväkodissa tai koulussa", 0.1),
    ("Saan riittävästi tietoa lapseni päivästä ja oppimisesta", -0.3),
    ("Yhteistyö henkilöstön kanssa sujuu hyvin", 0.0),
    ("Lapseni on turvassa", 0.2),
)
NPS_QUESTION = "Kuinka todennäköisesti suosittelisit yksikköä muille perheille? (0–10)"
FREE_TEXT_QUESTION = "Terveisiä ja kehittämisideoita henkilöstölle"
CAMPAIGNS = (
    D(2023, 11, 6),
    D(2024, 3, 4),
    D(2024, 10, 7),
    D(2025, 3, 3),
    D(2025, 10, 5),
    D(2026, 3, 2),
    D(2026, 10, 5),
)
CAMPAIGN_DAYS = 19


def _forms_respondent(rng: random.Random, unit: DemoUnit, start: dt.date, say) -> list:
    day = start + dt.timedelta(days=rng.randrange(CAMPAIGN_DAYS))
    began = dt.datetime.combine(day, dt.time(rng.randint(6, 22), rng.randrange(60), 0))
    began += dt.timedelta(seconds=rng.randrange(60))
    done = began + dt.timedelta(seconds=rng.randint(70, 600))
    level = satisfaction(unit, day) + rng.gauss(0, 0.45)
    answers = [
        "En osaa sanoa" if rng.random() < 0.02 else LIKERT_WORDS[_score(rng, level + b, 0.6) - 1]
        for _, b in FORMS_QUESTIONS
    ]
    recommend = _score(rng, 2 * level + 0.3, 1.4, 0, 10)
    comment = rng.choice(COMMENTS[unit.area][_tone(level)]) if rng.random() < 0.2 else None
    return [began, done, say(unit.name), *map(say, answers), recommend, say(comment)]


def _forms_survey(rng: random.Random, words: Words) -> bytes:
    say = words.say
    units = [u for u in UNITS if u.area in (EARLY, BASIC)]
    respondents = [
        _forms_respondent(rng, unit, start, say)
        for start in CAMPAIGNS
        for unit in units
        for _ in range(max(5, round(rng.gauss(unit.staff * 1.1, 4))))
    ]
    respondents.sort(key=lambda r: r[1])
    who = words.respondent
    rows = [
        (i, began, done, f"{who.lower()}{i}@example.invalid", f"{who} {i}", *rest)
        for i, (began, done, *rest) in enumerate(respondents, start=1)
    ]
    metadata = ("ID", "Start time", "Completion time", "Email", "Name", "Toimipiste")
    header = (
        *words.header(FORMS_SURVEY, metadata),
        *(say(q) for q, _ in FORMS_QUESTIONS),
        say(NPS_QUESTION),
        say(FREE_TEXT_QUESTION),
    )
    return workbook_bytes(words.sheet("Sheet1"), header, rows, creator=words.municipality)


# --- Feedback: a national report's term means (ARVO style) -----------------------------------

ARVO_SURVEYS = {  # survey, respondent group, respondents per staff member, questions
    EARLY: (
        "Varhaiskasvatuksen huoltajakysely",
        "Huoltaja",
        1.3,
        (
            ("Lapseni saa yksilöllistä huomiota", -0.1),
            ("Lapseni oppii uusia asioita", 0.1),
            ("Minua kuunnellaan lastani koskevissa asioissa", -0.05),
            ("Yhteistyö kodin kanssa on toimivaa", 0.0),
        ),
    ),
    BASIC: (
        "Oppilaskysely",
        "Oppilas",
        3.0,
        (
            ("Viihdyn koulussa", -0.2),
            ("Luokassani on työrauha", -0.45),
            ("Opettajat kannustavat minua", 0.1),
            ("Tunnen oloni turvalliseksi koulussa", 0.05),
        ),
    ),
    ELDERLY: (
        "Asiakastyytyväisyyskysely",
        "Asiakas",
        0.6,
        (
            ("Minua kohdellaan arvostavasti", 0.15),
            ("Saan apua silloin, kun tarvitsen", -0.2),
            ("Voin vaikuttaa arkeeni", -0.3),
            ("Olen tyytyväinen palveluun", 0.0),
        ),
    ),
}
TERMS = tuple(  # the term's word, its year, and a day in it
    (term, year, D(year, month, 15))
    for year in (2024, 2025, 2026)
    for term, month in (("kevät", 3), ("syksy", 10))
)


def _arvo_report(rng: random.Random, words: Words) -> bytes:
    say = words.say
    rows = []
    for term, year, day in TERMS:
        for unit in UNITS:
            survey, group, per_staff, questions = ARVO_SURVEYS[unit.area]
            n = max(8, round(rng.gauss(unit.staff * per_staff, unit.staff * per_staff * 0.15)))
            for question, bias in questions:
                mean = satisfaction(unit, day) + bias + rng.gauss(0, 1.2 / math.sqrt(n))
                rows.append(
                    (
                        f"{say(term)} {year}",
                        say(unit.name),
                        say(survey),
                        say(question),
                        say(group),
                        5,
                        n,
                        round(min(5.0, max(1.0, mean)), 2),
                    )
                )
    header = (
        "Kausi",
        "Yksikkö",
        "Kysely",
        "Kysymys",
        "Vastaajaryhmä",
        "Asteikko",
        "Vastauksia",
        "Keskiarvo",
    )
    return _workbook(words, ARVO_REPORT, "Raportti", header, rows)


# --- Feedback: a smiley terminal's daily counts ----------------------------------------------

SMILEY_POINTS = (  # unit, question, presses on an open day, offset to the unit's level
    ("Mäntymäen yhtenäiskoulu", "Miten kouluruoka maistui tänään?", 55, -0.5),
    ("Palvelukeskus Kotikallio", "Miten onnistuimme tänään?", 16, 0.0),
)


def _smiley_day(rng: random.Random, unit: DemoUnit, question, presses, offset, day, say) -> tuple:
    if unit.area == BASIC:
        total = _poisson(rng, presses) if _school_day(day) else 0
    else:
        total = _poisson(rng, presses * (0.5 if day.weekday() >= 5 else 1.0))
    mean = 1 + (satisfaction(unit, day) + offset - 1) * 0.75  # 1-5 onto the faces' 1-4
    faces = [0, 0, 0, 0]
    for _ in range(total):
        faces[_score(rng, mean, 0.75, 1, 4) - 1] += 1
    return (day, say(unit.name), say(question), *reversed(faces))


def _smileys(rng: random.Random, words: Words) -> bytes:
    units = {u.name: u for u in UNITS}
    rows = [
        _smiley_day(rng, units[name], question, presses, offset, day, words.say)
        for day in _days()
        for name, question, presses, offset in SMILEY_POINTS
    ]
    header = (
        "Päivämäärä",
        "Yksikkö",
        "Kysymys",
        "Erittäin tyytyväinen",
        "Tyytyväinen",
        "Tyytymätön",
        "Erittäin tyytymätön",
    )
    return _workbook(words, SMILEYS, "Laskurit", header, [r for r in rows if sum(r[3:]) > 0])


# --- Workforce by month -----------------------------------------------------------------------

TURNOVER = {EARLY: 0.14, BASIC: 0.08, ELDERLY: 0.16}  # leavers a year per person
FTE_SHARE = {EARLY: 0.9, BASIC: 0.95, ELDERLY: 0.86}  # part-time work
SICK_DAYS = {EARLY: 17.0, BASIC: 9.0, ELDERLY: 22.0}  # a year per FTE
SHORT_LEAVES = {EARLY: 5.0, BASIC: 3.0, ELDERLY: 5.0}  # a year per FTE
OVERTIME = {EARLY: 8.0, BASIC: 14.0, ELDERLY: 32.0}  # hours a year per FTE
ACCIDENTS = {EARLY: 0.04, BASIC: 0.02, ELDERLY: 0.07}  # a year per person
SICK_SEASON = {
    1: 1.35,
    2: 1.4,
    3: 1.2,
    4: 1.0,
    5: 0.9,
    6: 0.75,
    7: 0.45,
    8: 0.8,
    9: 1.0,
    10: 1.1,
    11: 1.2,
    12: 1.15,
}


def _season(area: str, month: int) -> dict[str, float]:
    """Monthly factors: winter flu, summer holidays, term ends and August's training days."""
    school = area in (EARLY, BASIC)
    return {
        "sick": 0.15 if (area == BASIC and month == 7) else SICK_SEASON[month],
        "leave": 2.5 if (school and month in (6, 7)) else 1.0,
        "overtime": {6: 1.6, 7: 1.9, 8: 1.5}.get(month, 1.0)
        if area == ELDERLY
        else (0.0 if month == 7 else 1.0),
        "training": {6: 0.5, 7: 0.0, 8: 1.8}.get(month, 1.0),
    }


def _unit_months(rng: random.Random, unit: DemoUnit, say) -> list[tuple]:
    rows, headcount = [], unit.staff
    for month in _months():
        season, strain = _season(unit.area, month.month), 1 + 0.4 * _drop(unit, month)
        leavers = _poisson(rng, headcount * TURNOVER[unit.area] / 12 * season["leave"] * strain)
        gap = max(0, unit.staff - headcount + leavers)
        hires = _poisson(rng, gap * (0.9 if month.month == 8 else 0.5))
        headcount = max(5, headcount + hires - leavers)
        fte = round(headcount * FTE_SHARE[unit.area] * rng.uniform(0.96, 1.01), 1)
        sick = fte * SICK_DAYS[unit.area] / 12 * season["sick"] * strain
        sick *= 1 - COACHED_SICK_LEAVE * coached(unit, month + dt.timedelta(days=14))
        rows.append(
            (
                month,
                say(unit.name),
                headcount,
                fte,
                round(sick * rng.lognormvariate(0, 0.25)),
                _poisson(rng, fte * SHORT_LEAVES[unit.area] / 12 * season["sick"] * strain),
                hires,
                leavers,
                round(fte * OVERTIME[unit.area] / 12 * season["overtime"] * rng.uniform(0.6, 1.4)),
                _poisson(rng, headcount * 3 / 11.5 * season["training"]),
                _poisson(rng, headcount * ACCIDENTS[unit.area] / 12),
            )
        )
    return rows


def _workforce(rng: random.Random, words: Words) -> bytes:
    lagging = words.say(LAGGING_UNIT)
    rows = sorted(
        (
            row
            for unit in UNITS
            for row in _unit_months(rng, unit, words.say)
            if not (row[1] == lagging and row[0] > LAGGING_TO)  # drawn, then left out
        ),
        key=lambda r: (r[0], r[1]),
    )
    header = (
        "Kuukausi",
        "Yksikkö",
        "Henkilöstö",
        "HTV",
        "Sairauspoissaolopäivät",
        "Lyhyet sairauspoissaolot",
        "Aloittaneet",
        "Lopettaneet",
        "Ylityötunnit",
        "Koulutuspäivät",
        "Työtapaturmat",
    )
    return _workbook(words, WORKFORCE, "Henkilöstö", header, rows, formats={0: "mm/yyyy"})


# --- Mentor reports every fortnight -----------------------------------------------------------

OBSERVATIONS = {
    "good": (
        "Tiimi on löytänyt yhteisen rytmin, palavereissa on hyvä henki.",
        "Työnjako on selkeytynyt ja uudet työntekijät ovat päässeet hyvin mukaan.",
        "Onnistumisia jaetaan aiempaa enemmän, esihenkilö on läsnä arjessa.",
        "Valmennuksen harjoitukset on otettu käyttöön omissa tiimeissä.",
        "Porukka auttaa toisiaan kiireisinäkin päivinä.",
    ),
    "mixed": (
        "Arki sujuu, mutta kiirettä on paljon ja tauot jäävät välillä pitämättä.",
        "Sijaisjärjestelyt kuormittavat, muuten tunnelma on ollut kohtalainen.",
        "Tiimien välillä on eroja, yksi tiimi kaipaa tukea työnjakoon.",
        "Muutoksista on puhuttu, mutta kaikki eivät vielä tiedä, mitä ne tarkoittavat.",
    ),
    "bad": (
        "Sijaisia ei ole saatu ja työt kasautuvat samoille ihmisille.",
        "Tiimissä on useita pitkiä sairauspoissaoloja, jaksaminen on koetuksella.",
        "Palavereissa on hiljaista ja osa kokee, ettei heitä kuulla.",
        "Ristiriitoja työnjaosta, osa kokee kantavansa muiden kuorman.",
        "Muutokset ovat tulleet nopeasti ilman yhteistä keskustelua, väki on väsynyttä.",
    ),
}
WISHES = (
    "Lisää yhteistä suunnitteluaikaa tiimeille.",
    "Selkeämmät pelisäännöt sijaisten perehdytykseen.",
    "Esihenkilöltä säännöllisiä kahdenkeskisiä keskusteluja.",
    "Työnohjausta tai tukea kuormittaviin tilanteisiin.",
    "Yhteinen virkistyspäivä koko henkilöstölle.",
    "Vähemmän päällekkäisiä palavereja.",
)
CONCERN_CHANCE = {1: 0.85, 2: 0.6, 3: 0.15, 4: 0.04, 5: 0.02}


def _report_days(unit_index: int, mentor_index: int) -> list[dt.date]:
    """Every other week on the mentor's own weekday; none in July or over Christmas."""
    first_monday = FIRST_DAY + dt.timedelta(days=-FIRST_DAY.weekday() % 7)
    offset = (unit_index + 2 * mentor_index) % 5 + 7 * (unit_index % 2)
    days = []
    day = first_monday + dt.timedelta(days=offset)
    while day <= LAST_DAY:
        if day.month != 7 and not (day.month == 12 and day.day >= 22):
            days.append(day)
        day += dt.timedelta(days=14)
    return days


def _report(rng: random.Random, unit: DemoUnit, mentor: str, day: dt.date, say) -> tuple:
    seen = mood(unit, day) + rng.gauss(0, 0.35)  # one mentor's reading moves all four ratings
    fiilis = _score(rng, seen, 0.45)
    workload = _score(rng, 3.3 + 0.6 * (3.9 - seen), 0.5)
    atmosphere = _score(rng, seen + 0.1, 0.5)
    interaction = _score(rng, seen + 0.25, 0.45)
    concern = rng.random() < CONCERN_CHANCE[fiilis]
    tone = "bad" if concern or fiilis <= 2 else _tone(fiilis)
    observation = rng.choice(OBSERVATIONS[tone]) if tone != "good" or rng.random() < 0.6 else None
    wish = rng.choice(WISHES) if rng.random() < (0.7 if tone == "bad" else 0.35) else None
    return (
        day,
        say(unit.name),
        say(mentor),
        fiilis,
        workload,
        atmosphere,
        interaction,
        say("kyllä" if concern else "ei"),
        say(observation),
        say(wish),
    )


def _mentor_reports(rng: random.Random, words: Words) -> bytes:
    rows = [
        _report(rng, unit, mentor, day, words.say)
        for u, unit in enumerate(UNITS)
        for m, mentor in enumerate(unit.mentors)
        for day in _report_days(u, m)
        if rng.random() > 0.08  # a report now and then is missed
    ]
    silent = words.say(SILENT_UNIT)  # drawn like the others, then left out
    rows = [r for r in rows if not (r[1] == silent and r[0] > SILENT_AFTER)]
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    header = (
        "Päivämäärä",
        "Yksikkö",
        "Mentori",
        "Fiilis",
        "Työkuorma",
        "Ilmapiiri",
        "Vuorovaikutus",
        "Huoli",
        "Havainnot",
        "Toiveet",
    )
    return _workbook(words, MENTOR_REPORTS, "Raportit", header, rows)


# --- Targets ----------------------------------------------------------------------------------


def _targets(_rng: random.Random, words: Words) -> bytes:
    rows = [
        ("Palautteen keskiarvo", 3.9, None, None),
        ("Palautteen keskiarvo", 4.0, None, 2026),
        ("Myönteisten osuus", 75, None, None),
        ("Suositteluindeksi (NPS)", 25, None, None),
        ("Fiilis", 3.6, None, None),
        ("Fiilis", 4.0, "Päiväkoti Aurinko", 2025),
        ("Työkuorma", 3.6, None, None),
        ("Sairauspoissaolopäivät / htv", 18, None, None),
        *(("Sairauspoissaolopäivät / htv", 24, u.name, None) for u in UNITS if u.area == ELDERLY),
        ("Lyhyet sairauspoissaolot / htv", 4, None, None),
        ("Vaihtuvuus %", 15, None, None),
        ("Koulutuspäivät / henkilö", 2.5, None, None),
        ("Ylityötunnit / htv", 40, None, None),
    ]
    # Indicators by their names in the file's language, as a manager would type them.
    rows = [
        (indicators.find(name).name(words.lang), target, words.say(unit), year)
        for name, target, unit, year in rows
    ]
    header = ("Mittari", "Tavoite", "Yksikkö", "Vuosi")
    return _workbook(words, TARGETS, "Tavoitteet", header, rows)


# --- The organisation's own indicators ----------------------------------------------------------
# From the client systems: each day-care centre's and service home's places and how many were
# taken (an occupancy rate, numerator and denominator), and every unit's customers served.

OCCUPANCY, CUSTOMERS = "Käyttöaste %", "Asiakkaat"
PLACES_PER_STAFF = {EARLY: 3.5, ELDERLY: 1.1}  # places a unit has per employee
CUSTOMERS_PER_STAFF = {EARLY: 3.4, BASIC: 11.0, ELDERLY: 2.6}  # customers a month per employee


def _own_indicators(rng: random.Random, words: Words) -> bytes:
    rows = []
    for month in _months():
        summer = month.month in (6, 7)
        for unit in UNITS:
            name = words.say(unit.name)
            if unit.area in PLACES_PER_STAFF:
                places = round(unit.staff * PLACES_PER_STAFF[unit.area])
                share = rng.uniform(0.86, 0.99) * (0.7 if summer and unit.area == EARLY else 1)
                taken = round(places * share * (1 - 0.1 * _drop(unit, month)))
                rows.append((month, name, words.say(OCCUPANCY), None, taken, places))
            served = unit.staff * CUSTOMERS_PER_STAFF[unit.area] * (0.6 if summer else 1)
            customers = _poisson(rng, served)
            rows.append((month, name, words.say(CUSTOMERS), customers, None, None))
    header = ("Kuukausi", "Yksikkö", "Mittari", "Arvo", "Osoittaja", "Nimittäjä")
    return _workbook(words, OWN_INDICATORS, "Mittarit", header, rows, formats={0: "mm/yyyy"})


# --- Writing and importing the set ------------------------------------------------------------

BUILDERS = (
    (REGISTER, _register),
    (LONG_SURVEY, _long_survey),
    (FORMS_SURVEY, _forms_survey),
    (ARVO_REPORT, _arvo_report),
    (SMILEYS, _smileys),
    (WORKFORCE, _workforce),
    (MENTOR_REPORTS, _mentor_reports),
    (TARGETS, _targets),
    (OWN_INDICATORS, _own_indicators),
)


def _write_atomically(path: Path, data: bytes) -> None:
    """Readers (another process seeding at the same moment) see the old file or the new one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def build_demo_files(lang: str = "fi") -> dict[str, bytes]:
    """Every demo file's name and bytes in a language ("fi" or "sv"), the register first. Each
    file draws from its own seed, named by its Finnish file, so every language tells the same
    story in the same figures."""
    words = WORDS[lang]
    return {
        words.file(name): build(random.Random(f"{SEED}/{name}"), words) for name, build in BUILDERS
    }


@functools.cache
def _built(lang: str) -> dict[str, bytes]:
    return build_demo_files(lang)  # the same bytes every time, so build them once a process


def write_demo_files(out: Path, lang: str = "fi") -> list[Path]:
    """Write every demo file in a language into out (created if missing); the register comes
    first."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in _built(lang).items():
        _write_atomically(out / name, data)
        paths.append(out / name)
    return paths
