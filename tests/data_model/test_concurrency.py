"""Eight importers at once, on both backends, on a fresh database and on a filled one: files that
name the same new units all store exactly once, with one unit per name and no traceback."""

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from data_model.db import open_database
from data_model.models import FeedbackScore, ImportBatch, Unit

pytestmark = pytest.mark.slow  # run by `make test`, not by `make check`

ROOT = Path(__file__).resolve().parents[2]
NEW_UNITS = ["Uusi yksikkö A", "Uusi yksikkö B", "Uusi yksikkö C"]
IMPORTER = """
import sys, time
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
from cli import main
sys.exit(main(["import", *sys.argv[3:], "--database-url", sys.argv[2], "--json"]))
"""


def _feedback_file(path: Path, number: int) -> Path:
    """A long feedback file whose 30 answers name all three new units (in another order in
    every file, so two importers never create them in the same order)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaus"])
    units = NEW_UNITS[number % 3 :] + NEW_UNITS[: number % 3]
    for i in range(30):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=i % 28)
        sheet.append([day, units[i % 3], f"Kysely {number}", "Q1", 1 + (i + number) % 5])
    book.save(path)
    return path


def _import_at_once(db_url: str, files: list[Path]) -> list[dict]:
    start = time.time() + 4  # all processes import their modules first, then start together
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(start), db_url, str(f)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    outputs = [p.communicate(timeout=180) for p in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert "Traceback" not in err, err
        assert process.returncode == 0, out + err
    return [json.loads(out) for out, _ in outputs]


@pytest.mark.parametrize("filled", [False, True], ids=["fresh", "filled"])
def test_eight_importers_at_once_each_store_their_file_exactly_once(db_url, tmp_path, filled):
    engine = open_database(db_url) if filled else None
    if engine is not None:  # a database in use: an earlier batch and units already there
        from importing import import_file

        earlier = _feedback_file(tmp_path / "earlier.xlsx", 99)
        result = import_file(engine=engine, file_name="earlier.xlsx", data=earlier.read_bytes())
        assert result.status == "imported"
        engine.dispose()
    files = [_feedback_file(tmp_path / f"kysely_{i}.xlsx", i) for i in range(8)]

    results = _import_at_once(db_url, files)

    assert [r["status"] for r in results] == ["imported"] * 8
    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            batches = conn.execute(select(func.count()).select_from(ImportBatch)).scalar()
            names = sorted(conn.execute(select(Unit.name)).scalars())
            answers = conn.execute(select(func.sum(FeedbackScore.n))).scalar()
        assert batches == 8 + filled
        assert names == NEW_UNITS  # one unit per name, however many files raced to create it
        assert answers == 30 * (8 + filled)
    finally:
        engine.dispose()
