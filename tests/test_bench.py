"""The benchmark runs end to end on tiny sizes: files are generated, imported, every page query
runs and product and naive figures agree (the real run is a README command, not a test)."""

import pytest

from bench import benchmark

pytestmark = pytest.mark.slow  # run by `make test`, not by `make check`


def test_benchmark_runs_and_checks_product_against_naive(tmp_path, capsys):
    rows = benchmark.main(
        [
            "--import-sizes",
            "300",
            "--wide",
            "40",
            "--answers",
            "3000",
            "--repeat",
            "1",
            "--import-repeat",
            "2",
            "--work",
            str(tmp_path),
            "--export-rows",
            "50",
        ]
    )

    names = [name for name, _, _ in rows]
    # Timed as the Import page imports (importing.import_file), overlap check included; each of
    # the two runs into a database of its own (into the same one it would find the file there).
    assert "long file, 300 answers: import (read, validate, check for overlap, store; " in names[2]
    # beside what it cannot do without: reading and checking the file, storing nothing
    assert (
        names[1]
        == "long file, 300 answers: the import's read and validation alone (nothing stored)"
    )
    assert any(n.startswith("Trends: feedback mean by units per week") for n in names)
    assert any(n.startswith("Trends: feedback mean by units per day") for n in names)
    assert "naive: + group feedback mean per unit and day" in names
    assert any(n.startswith("Overview at year: scorecard") for n in names)
    [export] = [n for n in names if n.startswith("Export: Trends by units per day, ")]
    assert int(export.split(", ")[1].split(" rows")[0].replace(",", "")) > 100
    # and its first rows, at the size the export target is set for
    assert "Export: the same view's first rows, 50 rows to .xlsx" in " ".join(names)
    imports = [r for r in rows if "import (" in r[0]]
    assert all(ratio > 0 for _, _, ratio in imports)
    out = capsys.readouterr().out
    assert "product and naive figures agree" in out
    assert out.count("\n| ") == len(rows) + 1  # header and one line per step


@pytest.mark.postgres
def test_imports_measured_on_postgresql_each_into_a_database_of_its_own(tmp_path, postgres_server):
    rows = benchmark.main(
        [
            "--import-sizes",
            "300",
            "--wide",
            "40",
            "--answers",
            "0",
            "--repeat",
            "1",
            "--import-repeat",
            "2",
            "--work",
            str(tmp_path),
            "--import-server",
            postgres_server,
        ]
    )

    assert sum("read and validation alone" in name for name, _, _ in rows) == 2
    imports = [(name, ratio) for name, _, ratio in rows if "import (" in name]
    assert [name.split(":")[0] for name, _ in imports] == [
        "long file, 300 answers, PostgreSQL",
        "wide file, 40 respondents, PostgreSQL",
    ]
    assert all(ratio > 0 for _, ratio in imports)
    assert not any("Overview" in name for name, _, _ in rows)  # --answers 0: imports only


def test_a_synthetic_database_gives_the_figures_the_naive_approach_gives(tmp_path, capsys):
    """--synthetic fills the query database without files (for 20 M answers); the naive check
    still holds on it, and --no-naive skips that check (and its memory) on a later run."""
    common = [
        "--import-sizes",
        "",
        "--wide",
        "0",
        "--answers",
        "3000",
        "--repeat",
        "1",
        "--work",
        str(tmp_path),
        "--synthetic",
    ]
    rows = benchmark.main(common)
    assert any(name.startswith("naive: load ") for name, _, _ in rows)
    assert "product and naive figures agree" in capsys.readouterr().out

    rows = benchmark.main([*common, "--no-naive"])
    assert not any(name.startswith("naive") for name, _, _ in rows)
    assert all(ratio is None for _, _, ratio in rows)
    assert "naive approach not run" in capsys.readouterr().out
