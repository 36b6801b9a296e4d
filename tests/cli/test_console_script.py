"""The console script `tilannekuva`, declared in pyproject.toml and installed by `make`, is the
same command line as `python -m loaders`: run from any folder, it writes a template and lists
the import history of a SQLite file."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

SCRIPT = Path(sys.executable).parent / "tilannekuva"

pytestmark = pytest.mark.slow  # processes of their own


def test_the_console_script_runs_the_command_line_from_any_folder(tmp_path):
    assert SCRIPT.exists(), "make installs the project in editable mode (pyproject.toml)"
    database = f"sqlite:///{tmp_path / 'kanta.db'}"

    usage = subprocess.run([SCRIPT, "--help"], cwd=tmp_path, capture_output=True, text=True)
    assert usage.returncode == 0
    assert usage.stdout.startswith("usage: tilannekuva ")

    template = subprocess.run(
        [SCRIPT, "template", "units", "yksikot.xlsx"], cwd=tmp_path, capture_output=True
    )
    assert template.returncode == 0, template.stderr
    header = next(load_workbook(tmp_path / "yksikot.xlsx").active.iter_rows(values_only=True))
    assert header[:2] == ("Yksikkö", "Palvelualue")

    history = subprocess.run(
        [SCRIPT, "batches", "--json", "--database-url", database],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert history.returncode == 0, history.stderr
    assert [json.loads(line) for line in history.stdout.splitlines()] == []
