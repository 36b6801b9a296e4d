"""Write reconstructions of survey-tool and statistics-publisher exports that no public copy was
found of: each follows the tool's documented export layout (headers, header rows, metadata
columns, rows after the table), with answers made up here. They are labelled as
reconstructions in README.md and are never passed off as real files.

python -m tests.files.reconstructed.make_reconstructions
"""

import csv
import io
from pathlib import Path

from tests.files.make_exports import xlsx

HERE = Path(__file__).resolve().parent


def _csv(rows: list[list], sep: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def _xlsx(rows: list[list], title: str = "Sheet1") -> bytes:
    """A workbook with reproducible bytes (make_exports' writer)."""
    return xlsx([list(row) for row in rows], sheet=title)


LIKERT_PT = ["Discordo totalmente", "Discordo", "Neutro", "Concordo", "Concordo totalmente"]


def limesurvey() -> bytes:
    """LimeSurvey's "Export responses" as CSV with "Question code & question text" headings:
    the id, submitdate, lastpage, startlanguage and seed columns, three "how many times"
    counts (two sharing a header), a checkbox, a coded gender and two 1-5 arrays."""
    header = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "G01Q01. How many times did you visit the library?",
        "G01Q02. How many times did you use the printer?",
        "G01Q02. How many times did you use the printer?",
        "G01Q03[SQ001]. Services used [Loans]",
        "G01Q04. Gender",
        "G02Q05[SQ001]. Rate the service [Staff were helpful]",
        "G02Q05[SQ002]. Rate the service [Opening hours suit me]",
    ]
    rows = [header]
    answers = [
        (3, 1, 2, "Y", "F", 5, 4),
        (0, 0, 0, "", "M", 4, 2),
        (12, 2, 5, "Y", "F", 5, 5),
        (1, 0, 1, "", "F", 3, 3),
        (7, 4, 0, "Y", "M", 4, 4),
        (2, 1, 1, "Y", "-oth-", 2, 1),
        (5, 0, 3, "", "F", 5, 4),
        (4, 2, 2, "Y", "M", 4, 5),
    ]
    for i, (a, b, c, d, e, f, g) in enumerate(answers, start=1):
        day = f"2024-03-{i + 4:02d} 10:{i:02d}:00"
        rows.append([i, day, 1, "fi", 1000 + i * 7, a, b, c, d, e, f, g])
    return _csv(rows)


def typeform() -> bytes:
    """Typeform's "Download responses" as CSV: "#", the questions, "Start Date (UTC)",
    "Submit Date (UTC)", "Network ID"; answer options in Portuguese, one of them mistyped."""
    header = [
        "#",
        "Unidade",
        "O atendimento foi rápido",
        "A equipe foi cordial",
        "Why or why not?",
        "Why or why not?",
        "Start Date (UTC)",
        "Submit Date (UTC)",
        "Network ID",
    ]
    rows = [header]
    picks = [(4, 4), (3, 4), (4, 3), (2, 4), (1, 2), (4, 4), (3, 3), (0, 4), (4, 4), (2, 3)]
    for i, (a, b) in enumerate(picks):
        first = LIKERT_PT[a] if i != 5 else "Concordo totalmnte"  # the form's own typo
        rows.append(
            [
                f"{i:02d}a9f3c{i * 37:04d}e1b2",
                "Loja Centro" if i % 2 else "Loja Norte",
                first,
                LIKERT_PT[b],
                f"Foi tudo bem na visita {i}, obrigado" if i % 3 == 0 else "",
                f"Demorou {i} minutos mas resolveram" if i % 4 == 0 else "",
                f"2024-05-{i + 2:02d} 09:{i:02d}:10",
                f"2024-05-{i + 2:02d} 09:{i + 3:02d}:44",
                f"{i * 1234567:010x}",
            ]
        )
    return _csv(rows)


WEBROPOL_SCALE = {
    1: "Täysin eri mieltä",
    2: "Jokseenkin eri mieltä",
    3: "Ei samaa eikä eri mieltä",
    4: "Jokseenkin samaa mieltä",
    5: "Täysin samaa mieltä",
}


def webropol() -> bytes:
    """Webropol's raw-data export (Excel, Finnish): two header rows, the question group written
    once over the statements below it, answers as codes 1-5, and after a blank row the
    value-label codebook of the codes."""
    groups = ["Vastaaja", "Vastausaika", "Toimipiste"]
    groups += ["Palvelun laatu", None, None, "Tilat", None, "Avoin palaute"]
    statements = [None, None, None]
    statements += [
        "Sain palvelua nopeasti",
        "Henkilökunta oli ystävällistä",
        "Asiani hoitui",
        "Tilat olivat siistit",
        "Tiloihin oli helppo tulla",
        "Mitä haluat sanoa meille?",
    ]
    codes = [
        (5, 4, 5, 4, 3),
        (4, 4, None, 3, 3),
        (2, 3, 2, 4, 5),
        (5, 5, 5, 5, 4),
        (3, 4, 4, None, 2),
        (1, 2, 1, 3, 3),
        (4, 5, 4, 4, 4),
    ]
    rows = [["Asiakaskysely 2024 – Raakadata"], [], groups, statements]
    for i, answer in enumerate(codes, start=1):
        comment = {1: "Kiitos hyvästä palvelusta", 4: "Asia hoitui nopeasti, kiitos"}.get(i)
        rows.append(
            [i, f"{i + 2}.9.2024 klo 1{i}.0{i}", "Kirjasto Kallio" if i < 4 else "Kirjasto Pasila"]
            + list(answer)
            + [comment]
        )
    rows.append([])
    rows.append(["Vastausvaihtoehdot"])
    rows += [[f"{code} = {label}"] for code, label in WEBROPOL_SCALE.items()]
    return _xlsx(rows, "Raakadata")


def google_forms_fi() -> bytes:
    """Google Forms' responses sheet downloaded as CSV in Finnish: "Aikaleima", the e-mail the
    form collected, the questions, answers as the form's option texts."""
    header = [
        "Aikaleima",
        "Sähköpostiosoite",
        "Päiväkoti",
        "Lapseni viihtyy päiväkodissa",
        "Saan riittävästi tietoa lapseni päivästä",
        "Terveisiä henkilökunnalle",
    ]
    rows = [header]
    answers = [
        ("Täysin samaa mieltä", "Jokseenkin samaa mieltä", "Kiitos kaikesta!"),
        ("Jokseenkin samaa mieltä", "Jokseenkin eri mieltä", ""),
        ("Täysin samaa mieltä", "Täysin samaa mieltä", "Ihanat hoitajat, lapsi lähtee mielellään"),
        ("Ei samaa eikä eri mieltä", "Jokseenkin samaa mieltä", ""),
        ("Täysin samaa mieltä", "En osaa sanoa", "Enemmän ulkoilua toivoisimme"),
        ("Jokseenkin samaa mieltä", "Täysin samaa mieltä", ""),
    ]
    for i, (a, b, c) in enumerate(answers, start=1):
        rows.append(
            [
                f"{i + 10}.3.2024 {8 + i}.1{i}.05",
                f"huoltaja{i}@example.fi",
                "Päiväkoti Vaahtera" if i % 2 else "Päiväkoti Kuusi",
                a,
                b,
                c,
            ]
        )
    return _csv(rows)


def microsoft_forms_sv() -> bytes:
    """Microsoft Forms' Excel download in Swedish: ID, Starttid, Sluttid, E-post, Namn, then the
    questions; a Likert question in Swedish and a 1-10 rating."""
    header = ["ID", "Starttid", "Sluttid", "E-post", "Namn", "Enhet"]
    header += ["Personalen bemötte mig väl", "Hur nöjd är du med tjänsten? (1-10)"]
    rows = [header]
    answers = [
        ("Instämmer helt", 9),
        ("Instämmer delvis", 7),
        ("Instämmer helt", 10),
        ("Instämmer inte", 4),
        ("Instämmer delvis", 8),
    ]
    for i, (a, b) in enumerate(answers, start=1):
        rows.append(
            [
                i,
                f"2024-10-0{i} 10:00:00",
                f"2024-10-0{i} 10:04:00",
                "anonymous",
                "",
                "Hemvården Öst",
                a,
                b,
            ]
        )
    return _xlsx(rows, "Sheet1")


def arvo() -> bytes:
    """ARVO's wide answer export (CSV, ';', UTF-8): Vastaajatunnus, Vastausaika, Oppilaitos,
    background columns, then one column per question, 'eos' for cannot say."""
    header = ["Vastaajatunnus", "Vastausaika", "Oppilaitos", "Tutkinto", "Tutkinnon nimi"]
    header += ["Kyselykerta", "Opetus oli laadukasta", "Sain tukea opintoihini"]
    rows = [header]
    answers = [(4, 5), (5, "eos"), (3, 4), (4, 4), (2, 3), (5, 5)]
    for i, (a, b) in enumerate(answers, start=1):
        rows.append(
            [
                f"AB{i:02d}X",
                f"2024-04-{i:02d}",
                "Ammattiopisto Keskus",
                351101,
                "Liiketoiminnan perustutkinto",
                "Amispalaute 2024",
                a,
                b,
            ]
        )
    return _csv(rows, sep=";")


def nhs_workforce() -> bytes:
    """A workforce table in NHS Digital's style: title rows, a header without a name over the
    organisation column, England and region rows over their trusts, staff split over two
    columns (EU / UK nationality), footnotes after a blank row; the month in the title."""
    rows = [
        ["NHS Workforce Statistics - September 2017"],
        ["Table 4: Staff by nationality, headcount, 2017-SEP"],
        [],
        [None, "EU nationality", "UK nationality", "FTE"],
        ["England", 1150, 8850, 9300],
        ["North East", 450, 3550, 3700],
        ["Trust A", 250, 1750, 1880],
        ["Trust B", 200, 1800, 1820],
        ["London", 700, 5300, 5600],
        ["Trust C", 400, 2600, 2750],
        ["Trust D", 300, 2700, 2850],
        [],
        ["Source: ESR data warehouse"],
        ["Notes: headcount counts each person once in each organisation."],
    ]
    return _xlsx(rows, "Table 4")


def statistics_finland_workforce() -> bytes:
    """A municipal personnel table in Statistics Finland's style: a title, a header, one row
    per unit and month ("syyskuu 2017"), a "Yhteensä" row and a source line."""
    rows = [
        ["Kunnan henkilöstö toimialoittain, syyskuu–lokakuu 2017"],
        [],
        ["Kuukausi", "Toimiala", "Henkilöstö", "Henkilötyövuodet", "Sairauspoissaolopäivät"],
        ["syyskuu 2017", "Varhaiskasvatus", 120, 112.5, 140],
        ["syyskuu 2017", "Perusopetus", 210, 201.0, 180],
        ["lokakuu 2017", "Varhaiskasvatus", 122, 114.0, 150],
        ["lokakuu 2017", "Perusopetus", 208, 199.5, 160],
        ["Yhteensä", None, 660, 627.0, 630],
        [],
        ["Lähde: kunnan henkilöstöhallinto"],
    ]
    return _xlsx(rows, "Henkilöstö")


FILES = {
    "limesurvey_responses.csv": limesurvey,
    "typeform_responses.csv": typeform,
    "webropol_raakadata.xlsx": webropol,
    "google_forms_vastaukset.csv": google_forms_fi,
    "microsoft_forms_svar.xlsx": microsoft_forms_sv,
    "arvo_amispalaute.csv": arvo,
    "nhs_workforce_table.xlsx": nhs_workforce,
    "tilastokeskus_henkilosto.xlsx": statistics_finland_workforce,
}


def write_reconstructions(folder: Path = HERE) -> list[Path]:
    paths = []
    for name, make in FILES.items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths


def main() -> None:
    write_reconstructions()


if __name__ == "__main__":
    main()
