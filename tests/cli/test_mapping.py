"""The CLI's mapping choices: --unit, --date, --survey, --map "HEADER=ROLE",
--profile, and the profiles command, on the exports of tests/files/."""

import json
from pathlib import Path

import pytest

from cli import main
from data_model.db import open_database
from data_model.profiles import save_profile
from loaders import Mapping

FILES = Path(__file__).resolve().parent.parent / "files"


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def _run(capsys, *args) -> tuple[int, list[dict]]:
    code = main(list(args))
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    return code, lines


def test_a_file_without_a_unit_column_imports_with_unit(url, capsys):
    path = str(FILES / "forms_huoltajakysely.xlsx")
    code, (line,) = _run(capsys, "import", path, "--database-url", url, "--json")
    assert (code, line["status"]) == (1, "error")
    # The message names the closest form, what it lacks and the choice that gives it.
    assert "the closest form (Feedback, wide (one respondent per row)" in line["error"]
    assert '"Unit"' in line["error"]
    assert '--unit "UNIT"' in line["error"]
    code, (line,) = _run(
        capsys,
        "import",
        path,
        "--unit",
        "Päiväkoti Aurinko",
        "--survey",
        "Huoltajakysely",
        "--database-url",
        url,
        "--json",
    )
    assert (code, line["status"], line["answers"], line["mean"]) == (0, "imported", 17, 4.18)
    assert line["units"] == ["Päiväkoti Aurinko"]


def test_map_remaps_a_column_whose_values_do_not_fit(url, capsys):
    path = str(FILES / "hr_overtime.xlsx")
    code, (line,) = _run(capsys, "import", path, "--database-url", url, "--json")
    assert '--map "OverTime=ignore"' in line["error"]
    code, (line,) = _run(
        capsys, "import", path, "--map", "OverTime=ignore", "--database-url", url, "--json"
    )
    assert (code, line["status"], line["rows"]) == (0, "imported", 8)


def test_map_sets_a_scale_and_date_sets_a_period(url, tmp_path, capsys):
    from tests.builders import xlsx_bytes

    path = tmp_path / "kysely.xlsx"
    path.write_bytes(xlsx_bytes([["Yksikkö", "Viihdyn"], ["A", 1], ["A", 3]]))
    code, (line,) = _run(
        capsys,
        "import",
        str(path),
        "--date",
        "2023Q2",
        "--map",
        "Viihdyn=question:0-4",
        "--database-url",
        url,
        "--json",
    )
    # Codes 1 and 3 shifted onto 1-5: 2 and 4.
    assert (line["status"], line["mean"], line["first_date"]) == ("imported", 3.0, "2023-04-01")


def test_a_bad_map_choice_is_a_usage_error(url, capsys):
    path = str(FILES / "hr_overtime.xlsx")
    assert main(["import", path, "--map", "OverTime", "--database-url", url]) == 2
    assert "expected HEADER=ROLE" in capsys.readouterr().err


def test_profile_applies_saved_choices_and_profiles_lists_them(url, capsys):
    engine = open_database(url)
    save_profile(
        engine=engine,
        name="HR ylityöt",
        headers=["x"],
        choices=Mapping(roles={"OverTime": "ignore"}).to_json(),
    )
    path = str(FILES / "hr_overtime.xlsx")
    code, (line,) = _run(
        capsys, "import", path, "--profile", "HR ylityöt", "--database-url", url, "--json"
    )
    assert (code, line["status"]) == (0, "imported")
    assert main(["import", path, "--profile", "nothing", "--database-url", url]) == 2
    assert "no profile 'nothing'" in capsys.readouterr().err
    code, lines = _run(capsys, "profiles", "--database-url", url, "--json")
    (listed,) = [line for line in lines if not line["built_in"]]
    assert (listed["name"], listed["mapping"]["roles"]) == ("HR ylityöt", {"OverTime": "ignore"})
    # The profiles that ship with the product are listed beside the saved ones.
    shipped = {line["name"] for line in lines if line["built_in"]}
    assert {"SurveyMonkey", "Qualtrics", "LimeSurvey", "Typeform", "Webropol"} <= shipped


def test_a_profile_saved_for_the_headers_is_applied_and_said(url, capsys):
    engine = open_database(url)
    headers = ["Month", "Department", "EmployeeNumber", "Headcount", "OverTime"]
    save_profile(
        engine=engine,
        name="HR",
        headers=headers,
        choices=Mapping(roles={"OverTime": "ignore"}).to_json(),
    )
    path = str(FILES / "hr_overtime.xlsx")
    code, (line,) = _run(capsys, "import", path, "--database-url", url, "--json")
    assert (code, line["status"]) == (0, "imported")
    assert line["warnings"][0] == (
        "File hr_overtime.xlsx: The columns were mapped with the saved source profile HR."
    )
