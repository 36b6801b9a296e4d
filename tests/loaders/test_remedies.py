"""Every refusal says what is missing, in the user's language, with the choice that supplies
it; applying the suggested choice on the command line imports the file."""

import json
import re
import shlex
from pathlib import Path

import pytest

from cli import main
from tests.builders import csv_bytes, xlsx_bytes

FILES = Path(__file__).resolve().parent.parent / "files"
UNIT = "Yksikkö A"  # what a user types where the message says UNIT


def _learning_platform() -> bytes:
    """Only question columns: no date, no unit, nothing we know by name."""
    rows = [["Kurssi", "Opetus oli selkeää", "Materiaali oli hyödyllistä"]]
    rows += [["Kurssi 1", 4, 5], ["Kurssi 1", 3, 4], ["Kurssi 2", 5, 5]]
    return xlsx_bytes(rows)


def _counts_only() -> bytes:
    rows = [["Päivämäärä", "Yksikkö", "How many times did you visit?"]]
    rows += [["2024-03-05", "A", 3], ["2024-03-06", "A", 1], ["2024-03-07", "B", 2]]
    return xlsx_bytes(rows)


def _workforce_without_month() -> bytes:
    rows = [["Organisation", "Headcount", "FTE"], ["Trust A", 100, 95.5], ["Trust B", 50, 48.0]]
    rows += [["Trust A", 1, 1.0]]
    return xlsx_bytes(rows)


def _surveymonkey_end_date_without_unit() -> bytes:
    rows = [
        ["Respondent ID", "Collector ID", "End Date", "Rate us"],
        [None, None, None, "Response"],
    ]
    rows += [[1, 9, "2024-03-05", 4], [2, 9, "2024-03-06", 5]]
    return csv_bytes(rows, sep=",")


CASES = {
    "forms without a unit": ("forms.xlsx", (FILES / "forms_huoltajakysely.xlsx").read_bytes(), []),
    "a table of only question columns": ("kurssit.xlsx", _learning_platform(), []),
    "counts that are no questions": ("kaynnit.xlsx", _counts_only(), []),
    "a workforce file of one month": (
        "hr.xlsx",
        _workforce_without_month(),
        ["--kind", "workforce"],
    ),
    "SurveyMonkey without a unit": ("sm.csv", _surveymonkey_end_date_without_unit(), []),
    "a real export without date or unit": (
        "star_wars.csv",
        (FILES / "real" / "surveymonkey_star_wars.csv").read_bytes(),
        [],
    ),
}


def _run(capsys, path: Path, url: str, *args: str, lang: str = "en") -> dict:
    main(["--lang", lang, "import", str(path), *args, "--json", "--database-url", url])
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x]
    return line


def _remedies(message: str) -> list[str]:
    """The first choice the message offers for each thing missing, as command-line words."""
    found = re.search(r"(?:on the command line(?: e\.g\.)?:?) (.+?)(?:\.$|\. The kind)", message)
    assert found, message
    words = []
    for need in found[1].split("; "):
        first = need.split(" / ")[0]
        words += shlex.split(first.replace('"UNIT"', f'"{UNIT}"'))
    return words


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES))
def test_each_suggested_remedy_imports_the_file(case, tmp_path, capsys):
    name, data, args = CASES[case]
    path = tmp_path / name
    path.write_bytes(data)
    url = f"sqlite:///{tmp_path / 'r.db'}"
    refused = _run(capsys, path, url, *args)
    assert refused["status"] == "error"
    message = refused["error"]
    assert "lacks –" not in message and "puuttuu –" not in message
    assert "HEADER=" not in message  # a column of this file is named, not a placeholder
    remedy = _remedies(message)
    assert remedy, message
    imported = _run(capsys, path, url, *args, *remedy)
    assert imported["status"] == "imported", imported["error"]
    finnish = _run(capsys, path, f"sqlite:///{tmp_path / 'fi.db'}", *args, lang="fi")
    assert "komentorivillä" in (finnish["error"] or "")


def test_every_refusal_in_finnish_names_what_is_missing(tmp_path, capsys):
    path = tmp_path / "kurssit.xlsx"
    path.write_bytes(_learning_platform())
    main(["--lang", "fi", "import", str(path), "--json", "--database-url", "sqlite://"])
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x]
    assert 'puuttuu vielä "Päivämäärä", "Yksikkö"' in line["error"]
    assert '--map "Kurssi=unit"' in line["error"]
