"""Benchmark: how long a large export takes to read, store and query, on SQLite or PostgreSQL.

.venv/bin/python -m bench.benchmark [--answers 200000] [--database-url URL_OF_AN_EMPTY_DATABASE]
Prints a Markdown table; the README's figures come from here, never from timed tests.
"""

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from core.periods import GRAINS
from core.rules import KEY_INDICATORS
from data_model.db import is_empty, open_database
from data_model.queries import indicator_series, scorecard, unit_table
from data_model.store import sha256, store_loaded
from demo.generate import write_demo_files
from demo.seed import import_demo
from loaders import load_file

UNITS = [f"Yksikkö {i:02d}" for i in range(40)]
QUESTIONS = [f"Kysymys {i}" for i in range(10)]


def write_long_workbook(path: Path, answers: int) -> None:
    """A long-form feedback export: one answer per row over three years and 40 units."""
    rng = random.Random(answers)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Vastaukset")
    sheet.append(["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaajaryhmä", "Vastaus"])
    first = dt.date(2023, 11, 1)
    for _ in range(answers):
        day = first + dt.timedelta(days=rng.randrange(1096))
        group = rng.choice(("Asiakas", "Omainen"))
        score = rng.choice((2, 3, 4, 4, 5, 5))
        sheet.append([day, rng.choice(UNITS), "Asiakaskysely", rng.choice(QUESTIONS), group, score])
    book.save(path)


def timed(fn, repeat: int = 1):
    """(result of the last call, median seconds)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200_000)
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temp folder")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="tk-bench-"))
    workbook = Path(tempfile.gettempdir()) / f"tk-bench-{args.answers}.xlsx"
    if not workbook.exists():
        write_long_workbook(workbook, args.answers)
    data = workbook.read_bytes()
    engine = open_database(args.database_url or f"sqlite:///{work / 'bench.db'}")
    if not is_empty(engine):
        raise SystemExit("The benchmark needs an empty database (it would measure nothing else).")
    rows = []

    import_demo(engine=engine, paths=write_demo_files(work / "demo"))
    loaded, seconds = timed(lambda: load_file(workbook.name, data))
    rows.append(
        (f"read + validate {args.answers:,} answers (.xlsx, {len(data) >> 20} MB)", seconds)
    )
    result, seconds = timed(lambda: store_loaded(engine=engine, loaded=loaded, digest=sha256(data)))
    assert result.status == "imported", result.status
    rows.append((f"store as one batch ({len(loaded.main):,} summed rows)", seconds))

    today = dt.date(2026, 10, 31)
    for grain in GRAINS:
        _, seconds = timed(
            lambda g=grain: indicator_series(engine=engine, indicator="feedback_mean", grain=g),
            args.repeat,
        )
        rows.append((f"feedback mean, all units, per {grain}", seconds))
    _, seconds = timed(
        lambda: indicator_series(engine=engine, indicator="feedback_mean", grain="month",
                                 by="unit", with_total=True), args.repeat,
    )  # fmt: skip
    rows.append(("feedback mean per unit and month, with total (privacy rules)", seconds))
    _, seconds = timed(
        lambda: scorecard(engine=engine, indicators=KEY_INDICATORS, grain="month", today=today),
        args.repeat,
    )
    rows.append(("scorecard, 8 indicators with sparklines", seconds))
    _, seconds = timed(
        lambda: unit_table(engine=engine, indicators=KEY_INDICATORS, grain="month", today=today),
        args.repeat,
    )
    rows.append(("units x indicators table, 8 indicators", seconds))

    backend = engine.dialect.name
    print(f"\n| step ({backend}) | seconds |\n|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
