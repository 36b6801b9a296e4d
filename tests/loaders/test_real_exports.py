"""Real exports of every survey tool and two statistics publishers' workforce tables, each
imported (dry run, through the command line) with its stated choices, and every question's
answers and mean, and every unit-month's figures, compared with what pandas computes from the
original file. tests/files/real/ holds public files nobody here wrote (SOURCES.md);
tests/files/reconstructed/ holds reconstructions of the tools' documented layouts where no
public copy was found (README.md there)."""

import json
from pathlib import Path

import pandas as pd
import pytest

from cli import main
from tests.files.reconstructed.make_reconstructions import write_reconstructions

FILES = Path(__file__).resolve().parent.parent / "files"
FAVOURABLY = {
    "Very favorably": 5,
    "Somewhat favorably": 4,
    "Neither favorably nor unfavorably (neutral)": 3,
    "Somewhat unfavorably": 2,
    "Very unfavorably": 1,
}
PORTUGUESE = {
    "Discordo totalmente": 1,
    "Discordo": 2,
    "Neutro": 3,
    "Concordo": 4,
    "Concordo totalmente": 5,
    "Concordo totalmnte": 5,  # the form's own typo, labelled like the word it means
}
FINNISH = {
    "Täysin eri mieltä": 1,
    "Jokseenkin eri mieltä": 2,
    "Ei samaa eikä eri mieltä": 3,
    "Jokseenkin samaa mieltä": 4,
    "Täysin samaa mieltä": 5,
}
SWEDISH = {"Instämmer inte": 2, "Instämmer delvis": 4, "Instämmer helt": 5}
YES_NO = {"Yes": 1, "No": 0}


def test_the_committed_reconstructions_are_what_their_script_writes(tmp_path):
    for path in write_reconstructions(tmp_path):
        committed = FILES / "reconstructed" / path.name
        assert path.read_bytes() == committed.read_bytes(), (
            f"{path.name} differs: run python -m tests.files.reconstructed.make_reconstructions"
        )


def _labels(words: dict, skip=()) -> list[str]:
    out = []
    for word, score in words.items():
        out += ["--label", f"{word}={score}"]
    for word in skip:
        out += ["--label", f"{word}=skip"]
    return out


# Each file: where it is, the choices a user states for it, how pandas reads the original
# (header=None), the first data row (0-based), and each question's column, scale and values.
CASES = {
    "surveymonkey": dict(
        path="real/surveymonkey_star_wars.csv",
        args=["--unit", "FiveThirtyEight", "--date", "2014-06-01"]
        + _labels(FAVOURABLY, skip=["Unfamiliar (N/A)"]),
        tool="SurveyMonkey",
        first=2,
        questions={
            **{i: ("yes-no", YES_NO) for i in (1, 2, 30, 31, 32)},
            **{i: ("1-5", FAVOURABLY) for i in range(15, 29)},
        },
    ),
    "qualtrics": dict(
        path="real/qualtrics_sample.csv",
        args=[
            "--unit",
            "Qualtrics",
            "--map",
            "Q1: This is a multiple choice question.=question:1-5",
        ],
        tool="Qualtrics",
        first=3,
        questions={17: ("1-5", None)},
        comments=1,
    ),
    "limesurvey": dict(
        path="reconstructed/limesurvey_responses.csv",
        args=["--unit", "Kirjasto"],
        tool="LimeSurvey",
        first=1,
        questions={10: ("1-5", None), 11: ("1-5", None)},
    ),
    "typeform": dict(
        path="reconstructed/typeform_responses.csv",
        args=["--map", "Unidade=unit"] + _labels(PORTUGUESE),
        tool="Typeform",
        first=1,
        questions={2: ("1-5", PORTUGUESE), 3: ("1-5", PORTUGUESE)},
        comments=7,
    ),
    "webropol": dict(
        path="reconstructed/webropol_raakadata.xlsx",
        args=["--header-rows", "3-4"],
        tool="Webropol",
        first=4,
        last=11,
        questions={i: ("1-5", None) for i in range(3, 8)},
        comments=2,
    ),
    "google_forms": dict(
        path="reconstructed/google_forms_vastaukset.csv",
        args=["--map", "Päiväkoti=unit"],
        tool="Google Forms",
        first=1,
        questions={3: ("1-5", FINNISH), 4: ("1-5", FINNISH)},
        comments=3,
    ),
    "microsoft_forms": dict(
        path="reconstructed/microsoft_forms_svar.xlsx",
        args=[],
        tool="Microsoft Forms",
        first=1,
        questions={6: ("1-5", SWEDISH), 7: ("1-10", None)},
    ),
    "arvo": dict(
        path="reconstructed/arvo_amispalaute.csv",
        args=[],
        tool="ARVO",
        first=1,
        sep=";",
        questions={6: ("1-5", None), 7: ("1-5", None)},
    ),
}


def _read(path: Path, sep: str = ",") -> pd.DataFrame:
    if path.suffix == ".xlsx":
        return pd.read_excel(path, header=None, dtype=object, engine="openpyxl")
    return pd.read_csv(path, header=None, dtype=object, sep=sep, keep_default_na=False)


def _import(capsys, path: Path, *args) -> dict:
    code = main(["import", str(path), *args, "--dry-run", "--json", "--database-url", "sqlite://"])
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x]
    assert (code, line["status"]) == (0, "dry_run"), line["error"]
    return line


def _expected(case: dict) -> list[tuple[str, int, float]]:
    """Each question's scale, answers and mean, computed by pandas from the original."""
    cells = _read(FILES / case["path"], case.get("sep", ","))
    rows = cells.iloc[case["first"] : case.get("last")]
    out = []
    for column, (scale, words) in sorted(case["questions"].items()):
        values = rows[column].replace("", None).dropna()
        values = values.map(words) if words else pd.to_numeric(values, errors="coerce")
        values = values.dropna().astype(float)
        out.append((scale, len(values), round(float(values.mean()), 4)))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_a_real_export_imports_with_its_stated_choices_as_pandas_reads_it(name, capsys):
    case = CASES[name]
    line = _import(capsys, FILES / case["path"], *case["args"])
    stored = [(q["scale"], q["answers"], round(q["mean"], 4)) for q in line["questions"]]
    assert stored == _expected(case)
    assert line["tool"] == case["tool"]
    assert line["comments"] == case.get("comments", 0)


WORKFORCE = {
    "nhs": dict(
        path="reconstructed/nhs_workforce_table.xlsx",
        args=[
            "--kind",
            "workforce",
            "--header-rows",
            "4",
            "--map",
            "[A]=unit",
            "--map",
            "EU nationality=headcount",
            "--map",
            "UK nationality=headcount",
            "--date",
            "2017-SEP",
        ],
        # The trusts' rows (England and the regions are subtotals over them).
        expected=lambda cells: [
            {
                "unit": cells.iat[r, 0],
                "month": "2017-09",
                "headcount": float(cells.iat[r, 1] + cells.iat[r, 2]),
                "fte": float(cells.iat[r, 3]),
            }
            for r in (6, 7, 9, 10)
        ],
    ),
    "statistics_finland": dict(
        path="reconstructed/tilastokeskus_henkilosto.xlsx",
        args=["--kind", "workforce", "--map", "Toimiala=unit"],
        expected=lambda cells: [
            {
                "unit": cells.iat[r, 1],
                "month": {"syyskuu 2017": "2017-09", "lokakuu 2017": "2017-10"}[cells.iat[r, 0]],
                "headcount": float(cells.iat[r, 2]),
                "fte": float(cells.iat[r, 3]),
                "sick_leave_days": float(cells.iat[r, 4]),
            }
            for r in (3, 4, 5, 6)
        ],
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(WORKFORCE))
def test_a_publishers_workforce_table_gives_each_unit_month_as_pandas_reads_it(name, capsys):
    case = WORKFORCE[name]
    line = _import(capsys, FILES / case["path"], *case["args"])
    expected = case["expected"](_read(FILES / case["path"]))
    by_unit = sorted(line["unit_months"], key=lambda m: (m["month"], m["unit"]))
    assert by_unit == sorted(expected, key=lambda m: (m["month"], m["unit"]))
