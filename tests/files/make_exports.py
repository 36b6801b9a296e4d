"""Write realistic exports of every shape a manager brings into tests/files/.

Run `python -m tests.files.make_exports [OUT_DIR]`. The output is byte-for-byte the same on
every run (fixed workbook and zip timestamps), and tests/loaders/test_exports.py checks that
the committed files are what this script writes, so the files are never hand-edited.
"""

import csv
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 1, 1)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def xlsx(rows: list[list], title: list[str] = (), sheet: str = "Sheet1") -> bytes:
    """A workbook as Excel writes it, with reproducible bytes."""
    book = Workbook()
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "tests/files/make_exports.py"
    data = book.active
    data.title = sheet
    for line in title:
        data.append([line])
    for row in rows:
        data.append(row)
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member dated FIXED_TIME (openpyxl stamps 'now')."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(member.filename)
            if member.filename == "docProps/core.xml":
                content = _fixed_core(content)
            target.writestr(info, content)
    return out.getvalue()


def _fixed_core(xml: bytes) -> bytes:
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, xml)


def csv_text(rows: list[list], sep: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def forms_without_unit() -> bytes:
    """Microsoft Forms: metadata, e-mail and name columns, no unit column (one file a unit)."""
    q1 = "Lapseni viihtyy päiväkodissa"
    q2 = "Saan riittävästi tietoa lapseni päivästä"
    q3 = "Kuinka todennäköisesti suosittelisit päiväkotia ystävällesi?"
    q4 = "Terveisiä henkilökunnalle"
    header = ["ID", "Start time", "Completion time", "Email", "Name", q1, q2, q3, q4]
    answers = [
        (5, "Täysin samaa mieltä", 10, "Kiitos kaikille!"),
        (4, "Jokseenkin samaa mieltä", 9, None),
        (4, "En osaa sanoa", 7, "Soittakaa minulle 040 123 4567"),
        (5, "Jokseenkin eri mieltä", 8, None),
        (3, "Täysin samaa mieltä", 10, "Ihana syksy"),
        (5, "Jokseenkin samaa mieltä", 6, None),
    ]
    people = [
        "maija.m@example.fi",
        "pekka.p@example.fi",
        "anna.a@example.fi",
        "ville.v@example.fi",
        "liisa.l@example.fi",
        "olli.o@example.fi",
    ]
    rows = [header]
    for i, (a, b, c, d) in enumerate(answers):
        done = dt.datetime(2024, 9, 2 + i, 8, 30)
        name = people[i].split("@")[0].replace(".", " ").title()
        rows.append([i + 1, done - dt.timedelta(minutes=4), done, people[i], name, a, b, c, d])
    return xlsx(rows)


def google_forms_csv() -> bytes:
    """Google Forms: Timestamp in US order, an e-mail column, commas inside quoted answers."""
    return csv_text(
        [
            [
                "Timestamp",
                "Email Address",
                "Toimipiste",
                "How satisfied were you with the service?",
                "How likely are you to recommend us to a friend?",
                "Anything else?",
            ],
            [
                "3/14/2024 10:15:32",
                "a@example.com",
                "Pääkirjasto",
                "5",
                "9",
                "Great, thanks, see you",
            ],
            ["3/15/2024 9:01:10", "b@example.com", "Pääkirjasto", "4", "10", ""],
            [
                "4/2/2024 16:45:00",
                "c@example.com",
                "Lähikirjasto",
                "3",
                "6",
                "Call me at +358 40 765 4321, please",
            ],
            ["4/2/2024 17:00:00", "d@example.com", "Lähikirjasto", "4", "8", ""],
        ]
    )


def webropol_swedish() -> bytes:
    """Webropol in Swedish: title rows, Finnish date text, a name column, gender, Likert words."""
    header = [
        "Vastausaika",
        "Toimipiste",
        "Vastaajan nimi",
        "Kön",
        "Personalen var vänlig",
        "Hur nöjd var du med servicen?",
        "Övriga kommentarer",
    ]
    answers = [
        ("Man", "Helt av samma åsikt", "Mycket nöjd", "Tack!"),
        ("Kvinna", "Delvis av samma åsikt", "Nöjd", None),
        ("Kvinna", "Helt av samma åsikt", "Nöjd", None),
        ("Man", "Varken av samma eller annan åsikt", "Missnöjd", "Ring mig: 050 111 2222"),
        ("Kvinna", "Delvis av annan åsikt", "Mycket nöjd", None),
        ("Annat", "Vet inte", "Nöjd", None),
    ]
    rows = [header]
    for i, (gender, a, b, comment) in enumerate(answers):
        rows.append(
            [
                f"{5 + i}.3.2024 klo 10.{15 + i}",
                "Hemvården Väst",
                f"Person {i + 1}",
                gender,
                a,
                b,
                comment,
            ]
        )
    return xlsx(rows, title=["Kundenkät 2024", "Webropol"], sheet="Rapport")


def engagement_survey() -> bytes:
    """An engagement survey: a 0-4 coded question, a 'recommend' question answered 1-5, a 0/1
    question, a gender column and free text."""
    header = [
        "Date",
        "Department",
        "Gender",
        "I know what is expected of me at work",
        "Would you recommend this organisation as a place to work?",
        "Have you had a development discussion this year?",
        "What should we improve?",
    ]
    answers = [
        ("Kotihoito Itä", "Female", 0, 4, 1, "More time for planning"),
        ("Kotihoito Itä", "Male", 2, 5, 1, None),
        ("Kotihoito Itä", "Female", 3, 3, 0, "Less overtime"),
        ("Kotihoito Itä", "Female", 4, 4, 1, None),
        ("Kotihoito Länsi", "Male", 4, 2, 0, None),
        ("Kotihoito Länsi", "Female", 3, 5, 1, "Better tools"),
        ("Kotihoito Länsi", "Other", 2, 4, 1, None),
        ("Kotihoito Länsi", "Female", 2, 4, 1, None),
    ]
    rows = [header]
    for i, (unit, gender, code, recommend, yes, text) in enumerate(answers):
        rows.append([dt.date(2024, 5, 6 + i % 5), unit, gender, code, recommend, yes, text])
    return xlsx(rows)


def customer_recommend_words() -> bytes:
    """A customer survey whose 'Suosittelisin…' question is answered with Likert words."""
    header = [
        "Päivämäärä",
        "Yksikkö",
        "Palvelu oli ystävällistä",
        "Suosittelisin palvelua muille",
        "Vapaa palaute",
    ]
    answers = [
        (5, "Täysin samaa mieltä", "Hyvää hoitoa"),
        (4, "Jokseenkin samaa mieltä", None),
        (5, "Täysin samaa mieltä", None),
        (4, "Täysin samaa mieltä", "Kiitos, sähköpostini on tyyne@example.fi"),
        (3, "Ei samaa eikä eri mieltä", None),
        (5, "Jokseenkin samaa mieltä", None),
    ]
    rows = [header]
    for i, (a, b, text) in enumerate(answers):
        rows.append([dt.date(2024, 10, 1 + i), "Palvelutalo Koivu", a, b, text])
    return xlsx(rows)


def hr_person_rows() -> bytes:
    """HR person rows where the unit's headcount and FTE are typed on every person's row."""
    header = [
        "Kuukausi",
        "Yksikkö",
        "Henkilönumero",
        "Nimi",
        "Henkilöstö",
        "HTV",
        "Sairauspoissaolopäivät",
        "Lopettaneet",
    ]
    people = [
        ("2024-01", "Päiväkoti Aurinko", 18, "16,5", (2, 0, 5, 1), (0, 0, 1, 0)),
        ("2024-02", "Päiväkoti Aurinko", 18, "16,5", (0, 3, 0, 0), (0, 0, 0, 0)),
        ("2024-01", "Päiväkoti Kuu", 10, "9,2", (1, 1, 0), (0, 0, 0)),
    ]
    rows = [header]
    number = 1000
    for month, unit, headcount, fte, sick, leavers in people:
        for days, left in zip(sick, leavers, strict=True):
            number += 1
            rows.append([month, unit, number, f"Työntekijä {number}", headcount, fte, days, left])
    return xlsx(rows, sheet="Henkilöt")


def absence_log() -> bytes:
    """An absence log: a day, a unit, a person and days; no headcount at all."""
    return csv_text(
        [
            ["Päivämäärä", "Yksikkö", "Henkilö", "Poissaolopäivät"],
            ["8.1.2024", "Päiväkoti Aurinko", "Maija M", "2"],
            ["22.1.2024", "Päiväkoti Aurinko", "Pekka P", "3"],
            ["5.2.2024", "Päiväkoti Aurinko", "Maija M", "1"],
            ["15.1.2024", "Päiväkoti Kuu", "Anna A", "4"],
        ],
        sep=";",
        bom=True,
    )


def hr_yearly() -> bytes:
    """A yearly HR snapshot: a year where a month should be."""
    return xlsx(
        [
            ["Vuosi", "Yksikkö", "Henkilöstö", "HTV", "Lopettaneet", "Sairauspoissaolopäivät"],
            [2023, "Päiväkoti Aurinko", 18, 16.5, 3, 240],
            [2023, "Päiväkoti Kuu", 10, 9.2, 2, 120],
        ],
        sheet="Vuosi 2023",
    )


def hr_overtime_yes_no() -> bytes:
    """An HR sheet whose OverTime column says Yes/No (not hours), one row a person."""
    header = ["Month", "Department", "EmployeeNumber", "Headcount", "OverTime"]
    rows = [header]
    flags = ["Yes", "No", "No", "Yes", "No", "No", "Yes", "No"]
    for i, flag in enumerate(flags):
        unit = "Kotihoito Itä" if i < 5 else "Kotihoito Länsi"
        rows.append(["2024-03", unit, 2001 + i, 1, flag])
    return xlsx(rows)


EXPORTS = {
    "forms_huoltajakysely.xlsx": forms_without_unit,
    "google_forms_asiakaspalaute.csv": google_forms_csv,
    "webropol_kundenkat.xlsx": webropol_swedish,
    "engagement_survey.xlsx": engagement_survey,
    "asiakaskysely_suosittelisin.xlsx": customer_recommend_words,
    "hr_henkilorivit.xlsx": hr_person_rows,
    "poissaololoki.csv": absence_log,
    "hr_vuosiraportti.xlsx": hr_yearly,
    "hr_overtime.xlsx": hr_overtime_yes_no,
}


def write_exports(out: Path = HERE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, build in EXPORTS.items():
        path = out / name
        path.write_bytes(build())
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_exports(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(written)
