"""The benchmark runs end to end on tiny sizes: files are generated, imported, every page query
runs and product and naive figures agree (the real run is a README command, not a test)."""

from bench import benchmark


def test_benchmark_runs_and_checks_product_against_naive(tmp_path, capsys):
    rows = benchmark.main(
        ["--import-sizes", "300", "--wide", "40", "--answers", "3000", "--repeat", "1",
         "--work", str(tmp_path)]
    )  # fmt: skip

    names = [name for name, _, _ in rows]
    assert "long file, 300 answers: import (read, validate, store; " in names[1]
    assert any(n.startswith("Trends: feedback mean by units per week") for n in names)
    assert any(n.startswith("Overview at year: scorecard") for n in names)
    imports = [r for r in rows if "import (" in r[0]]
    assert all(ratio > 0 for _, _, ratio in imports)
    out = capsys.readouterr().out
    assert "product and naive figures agree" in out
    assert out.count("\n| ") == len(rows) + 1  # header and one line per step
