"""Imports from a folder: a pass imports the new files as the folder's user, skips the ones
imported before without reading them again, lets a file still being copied wait, reports a
broken file in every pass without moving it or reading it again until it changes, and replaces
a cumulative export only when told to. The command line prints one JSON line per pass and
exits non-zero when a file could not be imported."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

import importing.folder as folder_module
from data_model import audit
from data_model.models import FeedbackScore, ImportBatch
from importing.folder import FolderImports, watch
from tests.builders import csv_bytes, xlsx_bytes
from tests.importing.test_overlap import answers

ROOT = Path(__file__).resolve().parents[2]
BROKEN = "Päivämäärä;Yksikkö;Kysymys;Vastaus\n5.1.2024;Päiväkoti Aurinko;Viihtyy;paljon\n"


def settled(path: Path, data: bytes) -> Path:
    """Write a file as a system would have left it a minute ago."""
    path.write_bytes(data)
    an_hour_ago = time.time() - 60
    os.utime(path, (an_hour_ago, an_hour_ago))
    return path


@pytest.fixture
def share(tmp_path) -> Path:
    folder = tmp_path / "hr-siirrot"
    folder.mkdir()
    return folder


def stored(engine) -> tuple[int, int]:
    """(batches, answers) in the database."""
    with engine.connect() as conn:
        batches = conn.execute(select(func.count()).select_from(ImportBatch)).scalar_one()
        n = conn.execute(select(func.coalesce(func.sum(FeedbackScore.n), 0))).scalar_one()
    return batches, n


def test_a_pass_imports_every_new_file_as_the_folder(engine, share):
    settled(share / "palaute_tammi.xlsx", xlsx_bytes(answers(1, 30)))
    settled(share / "palaute_helmi.csv", csv_bytes(answers(91, 120)))

    done = FolderImports(engine=engine, folder=share).run_pass()

    assert [o.status for o in done.outcomes] == ["imported", "imported"]
    assert done.ok and done.to_json()["imported"] == 2
    assert stored(engine) == (2, 60)
    imports = audit.events(engine=engine, actions=["import"])
    assert {e["user"] for e in imports} == {"folder:hr-siirrot"}
    assert {e["details"]["file"] for e in imports} == {"palaute_tammi.xlsx", "palaute_helmi.csv"}


def test_a_file_imported_before_is_skipped_without_being_read(engine, share, monkeypatch):
    settled(share / "palaute.xlsx", xlsx_bytes(answers(1, 30)))
    imports = FolderImports(engine=engine, folder=share)
    imports.run_pass()
    loads = []
    monkeypatch.setattr(
        folder_module, "import_file", lambda **kw: loads.append(kw) or pytest.fail("read")
    )

    again = imports.run_pass()

    assert [o.status for o in again.outcomes] == ["unchanged"]
    assert loads == [] and stored(engine) == (1, 30)


def test_a_file_still_being_copied_waits_for_the_next_pass(engine, share):
    (share / "palaute.xlsx").write_bytes(xlsx_bytes(answers(1, 30)))  # changed just now
    imports = FolderImports(engine=engine, folder=share, settle_seconds=30)

    assert [o.status for o in imports.run_pass().outcomes] == ["waiting"]
    assert stored(engine) == (0, 0)
    settled(share / "palaute.xlsx", (share / "palaute.xlsx").read_bytes())
    assert [o.status for o in imports.run_pass().outcomes] == ["imported"]


def test_excel_lock_files_hidden_files_other_types_and_subfolders_are_left_alone(engine, share):
    settled(share / "~$palaute.xlsx", b"lock")
    settled(share / ".palaute.csv", BROKEN.encode())
    settled(share / "lueminut.txt", b"hello")
    (share / "arkisto").mkdir()
    settled(share / "arkisto" / "vanha.xlsx", xlsx_bytes(answers(1, 30)))

    done = FolderImports(engine=engine, folder=share).run_pass()

    assert done.outcomes == [] and done.ok
    assert stored(engine) == (0, 0)


def test_a_broken_file_is_reported_every_pass_and_read_again_only_when_it_changes(
    engine, share, monkeypatch
):
    broken = settled(share / "viallinen.csv", BROKEN.encode("utf-8"))
    settled(share / "palaute.xlsx", xlsx_bytes(answers(1, 30)))
    reads = []
    real = folder_module.import_file
    monkeypatch.setattr(
        folder_module, "import_file", lambda **kw: reads.append(kw["file_name"]) or real(**kw)
    )
    imports = FolderImports(engine=engine, folder=share, lang="fi")

    first, second = imports.run_pass(), imports.run_pass()

    for done in (first, second):
        assert not done.ok
        [failed] = done.failed
        assert failed.file == "viallinen.csv" and "rivi 2" in failed.error
    assert reads == ["palaute.xlsx", "viallinen.csv"]  # not read again in the second pass
    assert broken.exists() and broken.read_bytes() == BROKEN.encode("utf-8")  # never moved

    settled(broken, BROKEN.replace("paljon", "4").encode("utf-8"))  # fixed at the source
    third = imports.run_pass()
    assert third.ok and [o.status for o in third.outcomes] == ["unchanged", "imported"]


def test_a_cumulative_export_replaces_its_earlier_batch_only_when_told(engine, share):
    settled(share / "kysely_1.xlsx", xlsx_bytes(answers(1, 30)))
    FolderImports(engine=engine, folder=share).run_pass()
    settled(share / "kysely_2.xlsx", xlsx_bytes(answers(1, 60)))  # the same form, later

    kept = FolderImports(engine=engine, folder=share).run_pass()
    assert not kept.ok and kept.failed[0].status == "overlap"
    assert stored(engine) == (1, 30)

    replaced = FolderImports(engine=engine, folder=share, replace=True).run_pass()
    assert replaced.ok
    assert [o.status for o in replaced.outcomes] == ["unchanged", "imported"]
    assert replaced.outcomes[1].replaced is not None
    assert stored(engine) == (1, 60)  # the later export in place of the earlier: no answer twice


def test_polling_runs_a_pass_per_interval_and_sees_a_new_file(engine, share):
    reports = []

    def report(done):
        reports.append(done)
        if len(reports) == 1:
            settled(share / "palaute.xlsx", xlsx_bytes(answers(1, 30)))

    watch(FolderImports(engine=engine, folder=share), interval=0, report=report, passes=2)

    assert [len(r.outcomes) for r in reports] == [0, 1]
    assert reports[1].outcomes[0].status == "imported"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.slow
def test_the_command_line_prints_a_json_line_a_pass_and_exits_non_zero_on_a_failure(
    share, tmp_path
):
    url = f"sqlite:///{tmp_path / 'watch.db'}"
    settled(share / "palaute.xlsx", xlsx_bytes(answers(1, 30)))

    good = _cli("watch", str(share), "--once", "--database-url", url)
    assert good.returncode == 0, good.stderr
    line = json.loads(good.stdout)
    assert (line["files"], line["imported"], line["failed"], line["ok"]) == (1, 1, 0, True)

    settled(share / "viallinen.csv", BROKEN.encode("utf-8"))
    bad = _cli("watch", str(share), "--once", "--database-url", url)
    assert bad.returncode == 1
    line = json.loads(bad.stdout)
    assert (line["unchanged"], line["failed"], line["ok"]) == (1, 1, False)
    assert "viallinen.csv" in bad.stderr

    missing = _cli("watch", str(tmp_path / "ei-ole"), "--once", "--database-url", url)
    assert missing.returncode == 2 and "is not a folder" in missing.stderr
