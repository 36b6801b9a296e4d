"""Real exports of every survey tool and two statistics publishers' workforce tables, each
imported (dry run, through the command line) with its stated choices, and every question's
answers and mean, and every unit-month's figures, compared with what pandas computes from the
original file. tests/files/real/ holds public files nobody here wrote (SOURCES.md);
tests/files/reconstructed/ holds reconstructions of the tools' documented layouts where no
public copy was found (README.md there)."""

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from cli import main
from loaders import Mapping, load_file
from tests.files.reconstructed.make_reconstructions import write_reconstructions

FILES = Path(__file__).resolve().parent.parent / "files"
FAVOURABLY = {
    "Very favorably": 5,
    "Somewhat favorably": 4,
    "Neither favorably nor unfavorably (neutral)": 3,
    "Somewhat unfavorably": 2,
    "Very unfavorably": 1,
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
FREQUENCY = {"Never": 1, "Rarely": 2, "Sometimes": 3, "Often": 4, "Always": 5}
EXPERIENCE = {
    "Complete novice (no experience)": 1,
    "Novice (~1 semester of experience)": 2,
    "Intermediate (a year of experience)": 3,
    "Advanced (2-3 years of experience)": 4,
}
LIMESURVEY = "real/limesurvey_r_export.csv"


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


def _header(path: str, column: int) -> str:
    """A column's header as the file writes it, spaces collapsed (as the import names it)."""
    cells = pd.read_csv(FILES / path, header=None, nrows=1, dtype=str, encoding="utf-8-sig")
    return " ".join(cells.iat[0, column].split())


def _limesurvey_choices() -> list[str]:
    """What the survey's own R syntax file says: the arrays in columns W-AM are 1-7 scales
    (a few answers alone look like 1-5); the upload count and a 1 = yes / 2 = no item are not
    feedback; unfinished responses count too, by their start date."""
    out = ["--unit", "Open Universiteit", "--map", "Date started=date"]
    for column in range(22, 39):
        out += ["--map", f"{_header(LIMESURVEY, column)}=question:1-7"]
    for column in (40, 42):
        out += ["--map", f"{_header(LIMESURVEY, column)}=ignore"]
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
        path=LIMESURVEY,
        args=_limesurvey_choices(),
        tool="LimeSurvey",
        first=1,
        encoding="utf-8-sig",
        questions={
            8: ("yes-no", {"yes": 1, "no": 0}),
            **{i: ("yes-no", None) for i in (12, 13, 14)},
            **{i: ("1-7", None) for i in range(22, 39)},
        },
        comments=1,
    ),
    "typeform": dict(
        path="real/typeform_osmi_2018.csv",
        args=["--unit", "OSMI"] + _labels({}, skip=["Not applicable to me"]),
        tool="Typeform",
        first=1,
        questions={
            **{i: ("yes-no", None) for i in (1, 3, 4, 13, 16, 18, 30, 31, 39, 42, 44, 90)},
            **{i: ("yes-no", None) for i in (100, 101, 111)},
            **{i: ("yes-no", YES_NO) for i in (6, 28)},
            **{i: ("0-10", None) for i in (20, 21, 46, 47, 95, 103)},
            **{i: ("1-5", FREQUENCY) for i in (92, 93)},
            108: ("1-5", None),
        },
        comments=116,
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
        path="real/google_forms_jupyter_education_2016.csv",
        args=[
            "--unit",
            "Jupyter",
            "--map",
            "What are the names of the course instructors?=ignore",
            "--map",
            "What is the minimum level of programming experience that your students are expected "
            "to be at?=question:1-4",
        ]
        + _labels(EXPERIENCE),
        tool="Google Forms",
        first=1,
        questions={9: ("1-4", EXPERIENCE)},
        comments=356,
    ),
    "google_forms_fi": dict(
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


def _read(path: Path, sep: str = ",", encoding: str = "utf-8", sheet=0) -> pd.DataFrame:
    if path.suffix == ".xlsx":
        return pd.read_excel(path, header=None, dtype=object, engine="openpyxl", sheet_name=sheet)
    return pd.read_csv(
        path, header=None, dtype=object, sep=sep, keep_default_na=False, encoding=encoding
    )


def _import(capsys, path: Path, *args) -> dict:
    code = main(["import", str(path), *args, "--dry-run", "--json", "--database-url", "sqlite://"])
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x]
    assert (code, line["status"]) == (0, "dry_run"), line["error"]
    return line


def _expected(case: dict) -> list[tuple[str, int, float]]:
    """Each question's scale, answers and mean, computed by pandas from the original."""
    cells = _read(FILES / case["path"], case.get("sep", ","), case.get("encoding", "utf-8"))
    rows = cells.iloc[case["first"] : case.get("last")]
    out = []
    for column, (scale, words) in sorted(case["questions"].items()):
        values = rows[column].replace("", None).dropna()
        values = values.map(words) if words else pd.to_numeric(values, errors="coerce")
        values = values.dropna().astype(float)
        if values.empty:
            continue  # a question nobody answered (an array's unused half) has no figures
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


NHS_MONTHS = {"2017-SEP": "2017-09", "2018-JUN": "2018-06"}


def _nhs_trusts(cells: pd.DataFrame) -> list[dict]:
    """The organisations' rows, their name in column B: England and the regions, written in
    column A, count a person working in two trusts once, so they are not the sum of their
    trusts and only their place says they are subtotals."""
    table = cells.iloc[5:467]
    trusts = table[table[1].notna()]
    return [
        {"unit": row[1], "month": "2016-09", "headcount": float(row[3] + row[7])}
        for _, row in trusts.iterrows()
    ]


def _nhs_fte(cells: pd.DataFrame) -> list[dict]:
    """Every organisation's FTE in each month, summed over its staff groups and nationalities."""
    data = cells.iloc[1:].set_axis(list(cells.iloc[0]), axis=1)
    summed = data.groupby(["Month", "Organisation name"])["FTE"].sum()
    return [
        {"unit": unit, "month": NHS_MONTHS[month], "fte": round(float(fte), 6)}
        for (month, unit), fte in summed.items()
    ]


WORKFORCE = {
    "nhs_eu_uk": dict(
        path="real/nhs_eu_uk_staff_2016.xlsx",
        args=[
            "--kind",
            "workforce",
            "--header-rows",
            "4-5",
            "--map",
            "[B]=unit",
            "--map",
            "EU: All staff=headcount",
            "--map",
            "UK: All staff=headcount",
            "--date",
            "2016-09",
        ],
        expected=_nhs_trusts,
    ),
    "nhs_fte": dict(
        path="real/nhs_staff_by_nationality_fte_2017_2018.xlsx",
        sheet="Data",
        args=["--kind", "workforce", "--map", "Organisation name=unit"],
        expected=_nhs_fte,
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
    expected = case["expected"](_read(FILES / case["path"], sheet=case.get("sheet", 0)))
    stored = [
        {k: round(x, 6) if isinstance(x, float) else x for k, x in m.items()}
        for m in line["unit_months"]
    ]
    by_unit = sorted(stored, key=lambda m: (m["month"], m["unit"]))
    assert by_unit == sorted(expected, key=lambda m: (m["month"], m["unit"]))


def test_unfinished_limesurvey_responses_are_left_out_and_named_with_how_to_count_them():
    data = (FILES / LIMESURVEY).read_bytes()
    loaded = load_file("results.csv", data, mapping=Mapping(unit="Open Universiteit"))
    assert loaded.tool == "LimeSurvey"
    answered = set(loaded.tables["feedback"]["date"])
    assert answered == {date(2021, 9, 24), date(2022, 3, 15)}  # the two submitted responses
    (note,) = [w for w in loaded.warnings if w.code == "unfinished_left_out"]
    assert note.message("en").endswith(
        '5 responses left unfinished ("Date submitted" blank) were not counted (rows 3–7). To '
        'count their answers too, choose "Date started" as the date in the column mapping (on '
        'the command line --map "Date started=date").'
    )
    counted = load_file(
        "results.csv",
        data,
        mapping=Mapping(unit="Open Universiteit", roles={"Date started": "date"}),
    )
    # The unfinished responses of November 2021 count, by the day they were started.
    assert set(counted.tables["feedback"]["date"]) == answered | {
        date(2021, 11, 11),
        date(2021, 11, 12),
    }
    assert not [w for w in counted.warnings if w.code == "unfinished_left_out"]


def test_question_texts_are_read_without_the_formatting_and_entities_tools_write_in_them():
    typeform = load_file(
        "osmi.csv",
        (FILES / "real/typeform_osmi_2018.csv").read_bytes(),
        mapping=Mapping(unit="OSMI"),
    )
    questions = set(typeform.tables["feedback"]["question"])
    assert "Are you self-employed?" in questions
    assert (
        "If you have a mental health disorder, how often do you feel that it interferes with "
        "your work when NOT being treated effectively (i.e., when you are experiencing "
        "symptoms)?"
    ) in questions
    assert not [q for q in questions if "<" in q]
    limesurvey = load_file(
        "results.csv", (FILES / LIMESURVEY).read_bytes(), mapping=Mapping(unit="Test")
    )
    headers = {c.header for c in limesurvey.mapping.columns}
    assert '{if((age.NAOK > 65) && (gender.NAOK == "man"), 1,0)}' in headers
