"""The command line as a user runs it: `python -m loaders ...` in a subprocess against a SQLite
file, checking the JSON lines field by field and the exit codes. Variants of the same path
(language, --kind, every bad input, usage errors) call main() in-process, as each subprocess
costs a second or two of imports."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli import main
from core.texts import t
from tests.builders import BAD_INPUTS, long_feedback, xlsx_bytes

ROOT = Path(__file__).resolve().parents[2]
JSON_KEYS = [
    "file",
    "kind",
    "form",
    "status",
    "rows",
    "answers",
    "mean",
    "units",
    "first_date",
    "last_date",
    "warnings",
    "error",
    "overlap",
    "tool",
    "questions",
    "comments",
    "unit_months",
]
# What a file that stores no feedback or workforce figures reports of them.
NO_FIGURES = {"tool": None, "questions": [], "comments": None, "unit_months": None}
# The wording of this warning is the texts' own; its place and its units are checked here.
CREATED = "File palaute.xlsx: " + t("problem.unit_created", "en", units="Kotihoito Itä")
BAD_CELL = 'File virhe.xlsx, sheet Taulukko1, row 3, column "Vastaus": 7 is outside the scale 1–5.'


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _write_files(folder: Path) -> dict[str, Path]:
    """A register, a feedback file naming an unknown unit, and a file with a bad cell."""
    register = [["Yksikkö", "Palvelualue"], ["Päiväkoti Aurinko", "Varhaiskasvatus"]]
    feedback = long_feedback(3, unit="päiväkoti aurinko") + [
        ["2024-03-07", "Kotihoito Itä", "Viihtyy", 5]
    ]
    bad = long_feedback(2)
    bad[2][3] = 7
    contents = {
        "rekisteri.xlsx": xlsx_bytes(register),
        "palaute.xlsx": xlsx_bytes(feedback),
        "virhe.xlsx": xlsx_bytes(bad),
    }
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in contents}


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    return _write_files(tmp_path)


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def _lines(stdout: str) -> list[dict]:
    lines = [json.loads(line) for line in stdout.splitlines()]
    for line in lines:
        assert list(line) == JSON_KEYS
    return lines


@pytest.fixture(scope="module")
def first_import(tmp_path_factory):
    """One run importing a register, a feedback file, a bad file and a missing one; then the
    feedback file again."""
    folder = tmp_path_factory.mktemp("cli")
    files = _write_files(folder)
    url = f"sqlite:///{folder / 'cli.db'}"
    paths = [
        files["rekisteri.xlsx"],
        files["palaute.xlsx"],
        files["virhe.xlsx"],
        folder / "ei_ole.xlsx",
    ]
    first = run("import", *map(str, paths), "--database-url", url, "--json")
    again = run("import", str(files["palaute.xlsx"]), "--database-url", url, "--json")
    return first, again


@pytest.mark.slow  # a process of its own
def test_import_json_prints_the_documented_object_per_file(first_import):
    first, _ = first_import
    register, feedback, _, _ = _lines(first.stdout)
    assert register == {
        "file": "rekisteri.xlsx",
        "kind": "units",
        "form": "register",
        "status": "imported",
        "rows": 1,
        "answers": None,
        "mean": None,
        "units": ["Päiväkoti Aurinko"],
        "first_date": None,
        "last_date": None,
        "warnings": [],
        "error": None,
        "overlap": None,
        **NO_FIGURES,
    }
    assert feedback == {
        "file": "palaute.xlsx",
        "kind": "feedback",
        "form": "long",
        "status": "imported",
        "rows": 4,
        "answers": 4,
        "mean": 4.25,
        "units": ["Kotihoito Itä", "Päiväkoti Aurinko"],
        "first_date": "2024-03-04",
        "last_date": "2024-03-07",
        "warnings": [CREATED],
        "error": None,
        "overlap": None,
        "tool": None,
        # Every rated question as stored, on its own scale; the number of comments.
        "questions": [
            {"question": "Lapseni viihtyy", "scale": "1-5", "answers": 3, "mean": 4.0},
            {"question": "Viihtyy", "scale": "1-5", "answers": 1, "mean": 5.0},
        ],
        "comments": 0,
        "unit_months": None,
    }


@pytest.mark.slow  # a process of its own
def test_import_json_reports_bad_and_missing_files_and_exits_one(first_import):
    first, _ = first_import
    assert first.returncode == 1
    _, _, bad, missing = _lines(first.stdout)
    assert bad == {
        "file": "virhe.xlsx",
        "kind": None,
        "form": None,
        "status": "error",
        "rows": 0,
        "answers": None,
        "mean": None,
        "units": [],
        "first_date": None,
        "last_date": None,
        "warnings": [],
        "error": BAD_CELL,
        "overlap": None,
        **NO_FIGURES,
    }
    assert missing == {
        "file": "ei_ole.xlsx",
        "kind": None,
        "form": None,
        "status": "error",
        "rows": 0,
        "answers": None,
        "mean": None,
        "units": [],
        "first_date": None,
        "last_date": None,
        "warnings": [],
        "error": "File ei_ole.xlsx: The file cannot be read (No such file or directory).",
        "overlap": None,
        **NO_FIGURES,
    }


@pytest.mark.slow  # a process of its own
def test_import_of_a_file_imported_before_is_unchanged_and_exits_zero(first_import):
    _, again = first_import
    assert again.returncode == 0, again.stdout
    (line,) = _lines(again.stdout)
    assert line == {
        "file": "palaute.xlsx",
        "kind": "feedback",
        "form": "long",
        "status": "unchanged",
        "rows": 4,
        "answers": 4,
        "mean": 4.25,
        "units": ["Kotihoito Itä", "Päiväkoti Aurinko"],
        "first_date": "2024-03-04",
        "last_date": "2024-03-07",
        "warnings": [],
        "error": None,
        "overlap": None,
        **NO_FIGURES,
    }


@pytest.mark.slow  # a process of its own
def test_import_summary_then_batches_and_remove(files, url, capsys):
    args = ["import", str(files["rekisteri.xlsx"]), str(files["palaute.xlsx"])]
    assert main([*args, "--database-url", url]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "rekisteri.xlsx: imported",
        "  Unit register (register), rows 1, answers None, mean None, None – None",
        "  units: Päiväkoti Aurinko",
        "palaute.xlsx: imported",
        "  Feedback (long (one answer per row)), rows 4, answers 4, mean 4.25, "
        "2024-03-04 – 2024-03-07",
        "  units: Kotihoito Itä, Päiväkoti Aurinko",
        f"  ! {CREATED}",
    ]
    listed = run("batches", "--database-url", url, "--json")
    assert listed.returncode == 0
    batches = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(b["file"], b["kind"], b["form"], b["rows"], b["imported_by"]) for b in batches] == [
        ("palaute.xlsx", "feedback", "long", 4, "cli"),
        ("rekisteri.xlsx", "units", "register", 1, "cli"),
    ]
    feedback_id = batches[0]["id"]
    removed = run("remove", str(feedback_id), "--database-url", url)
    assert (removed.returncode, removed.stdout.strip()) == (0, f"removed batch {feedback_id}")
    assert main(["batches", "--database-url", url]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.split()[-1] == "rekisteri.xlsx"
    assert main(["remove", str(feedback_id), "--database-url", url]) == 1
    assert capsys.readouterr().err.strip() == f"no batch {feedback_id}"


@pytest.mark.slow  # a process of its own
def test_template_writes_a_file_that_imports_as_its_kind(tmp_path, url, capsys):
    path = tmp_path / "mentorit.xlsx"
    done = run("template", "mentor_reports", str(path))
    assert (done.returncode, done.stdout.strip()) == (0, f"{path}: mentor_reports")
    assert main(["import", str(path), "--database-url", url, "--json"]) == 0
    (line,) = _lines(capsys.readouterr().out)
    assert (line["kind"], line["form"], line["status"], line["mean"]) == (
        "mentor_reports",
        "reports",
        "imported",
        4.0,
    )


# The same code in-process: main() returns what `python -m loaders` exits with.


def test_messages_in_finnish(files, url, capsys):
    code = main(
        ["--lang", "fi", "import", str(files["virhe.xlsx"]), "--database-url", url, "--json"]
    )
    assert code == 1
    (line,) = _lines(capsys.readouterr().out)
    assert line["error"] == (
        'Tiedosto virhe.xlsx, taulukko Taulukko1, rivi 3, sarake "Vastaus": '
        "7 on asteikon 1–5 ulkopuolella."
    )


def test_summary_in_finnish_names_the_error(files, url, capsys):
    assert main(["--lang", "fi", "import", str(files["virhe.xlsx"]), "--database-url", url]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "virhe.xlsx: virhe",
        'Tiedosto virhe.xlsx, taulukko Taulukko1, rivi 3, sarake "Vastaus": '
        "7 on asteikon 1–5 ulkopuolella.",
    ]


def test_every_bad_input_is_an_error_line(url, tmp_path, capsys):
    paths = []
    for bad in BAD_INPUTS:
        path = tmp_path / bad.id / bad.file_name
        path.parent.mkdir()
        path.write_bytes(bad.build())
        paths.append(str(path))
    assert main(["import", *paths, "--database-url", url, "--json"]) == 1
    lines = _lines(capsys.readouterr().out)
    assert [line["status"] for line in lines] == ["error"] * len(BAD_INPUTS)
    for bad, line in zip(BAD_INPUTS, lines, strict=True):
        assert line["file"] == bad.file_name
        assert all(part in line["error"] for part in bad.en), (bad.id, line["error"])


def test_kind_option_skips_detection(files, url, capsys):
    args = ["import", str(files["palaute.xlsx"]), "--kind", "workforce", "--database-url", url]
    assert main([*args, "--json"]) == 1
    (line,) = _lines(capsys.readouterr().out)
    assert (line["kind"], line["status"]) == ("workforce", "error")
    assert 'A required column is missing: "Headcount"' in line["error"]


@pytest.mark.parametrize(
    "args", [["template", "palkat", "x.xlsx"], ["import"], ["remove", "viimeisin"], []]
)
def test_usage_errors_exit_two(args, capsys):
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    assert "usage: python -m loaders" in capsys.readouterr().err
