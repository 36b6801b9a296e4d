"""`python -m loaders import` with a file repeating an earlier batch (a cumulative export):
reported with a message and exit 1, the database as it was; with --replace it takes the earlier
batch's place. In-process through main(), as test_commands.py does for variants."""

import json

from cli import main
from data_model.db import open_database
from tests.builders import snapshot, xlsx_bytes
from tests.importing.test_overlap import answers, batch_ids, stored_answers


def _files(tmp_path):
    first, later = tmp_path / "Asiakaskysely.xlsx", tmp_path / "Asiakaskysely (1).xlsx"
    first.write_bytes(xlsx_bytes(answers(1, 100)))
    later.write_bytes(xlsx_bytes(answers(1, 150)))
    return first, later


def test_without_replace_the_overlap_is_reported_and_the_exit_is_one(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first, later = _files(tmp_path)
    assert main(["import", str(first), "--database-url", url]) == 0
    engine = open_database(url)
    before = snapshot(engine)
    capsys.readouterr()

    assert main(["--lang", "fi", "import", str(later), "--database-url", url]) == 1

    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Asiakaskysely (1).xlsx: ei tuotu: toistaa aiemman tuonnin rivejä"
    assert out[1].startswith("Tiedosto Asiakaskysely (1).xlsx: 66 % näistä riveistä on jo ")
    assert "valinnalla --replace" in out[2]
    assert snapshot(engine) == before


def test_json_gives_the_overlap_and_replace_stores_the_file_once(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first, later = _files(tmp_path)
    main(["import", str(first), "--database-url", url])
    capsys.readouterr()

    assert main(["import", str(later), "--database-url", url, "--json"]) == 1
    line = json.loads(capsys.readouterr().out)
    assert line["status"] == "overlap"
    assert line["overlap"] == {
        "batch": 1,
        "file": "Asiakaskysely.xlsx",
        "percent": 66,
        "replaced": False,
    }

    assert main(["import", str(later), "--database-url", url, "--json", "--replace"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert (line["status"], line["rows"], line["answers"]) == ("imported", 150, 150)
    assert line["overlap"]["replaced"] is True
    engine = open_database(url)
    assert batch_ids(engine) == [2]
    assert stored_answers(engine) == (150, 150)


def test_replace_prints_which_batch_it_replaced(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first, later = _files(tmp_path)
    main(["import", str(first), "--database-url", url])
    capsys.readouterr()

    assert main(["import", str(later), "--database-url", url, "--replace"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Asiakaskysely (1).xlsx: imported"
    assert out[1] == "  replaced import 1"


def test_import_anyway_stores_the_file_beside_the_earlier_batch(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first, later = _files(tmp_path)
    main(["import", str(first), "--database-url", url])
    capsys.readouterr()

    assert main(["import", str(later), "--database-url", url, "--json", "--import-anyway"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert (line["status"], line["answers"]) == ("imported", 150)
    engine = open_database(url)
    assert batch_ids(engine) == [1, 2]
    assert stored_answers(engine)[0] == 250  # the user said the rows only look alike
