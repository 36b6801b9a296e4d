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
    "webropol_raakadata.xlsx": webropol,
    "google_forms_vastaukset.csv": google_forms_fi,
    "microsoft_forms_svar.xlsx": microsoft_forms_sv,
    "arvo_amispalaute.csv": arvo,
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
