"""Benchmark: import speed against the bare calamine read (and the import's own read and
validation, its floor), and every page's queries on a large database against the naive approach
(every row into pandas, grouped in memory), side by side.

    .venv/bin/python -m bench.benchmark    # imports: 100k, 500k, 50k wide; queries: 2M; SQLite
    .venv/bin/python -m bench.benchmark --database-url postgresql+psycopg://.../empty_db
    .venv/bin/python -m bench.benchmark --answers 20000000 --synthetic --no-naive \
        --import-sizes "" --wide 0 --database-url postgresql+psycopg://.../empty_db
    .venv/bin/python -m bench.benchmark --import-server postgresql+psycopg://user@host:port/ \
        --answers 0    # the imports on PostgreSQL only

Files and databases are generated deterministically (seeded) into --work and reused by later
runs. Prints one Markdown table of medians and ratios; the README's figures come from here,
never from timed tests. Product and naive figures are checked equal before anything is printed.
"""

import argparse
import datetime as dt
import logging
import os
import platform
import random
import resource
import statistics
import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import psycopg
import xlsxwriter
from sqlalchemy import func, insert, make_url, select, text

from core import indicators as catalog
from core.names import fold
from core.periods import GRAINS
from core.reading import Reading
from core.scope import Scope
from data_model import fast_insert, feedback_cells, reference
from data_model.db import is_empty, open_database
from data_model.models import FeedbackScore, ImportBatch, Unit
from data_model.queries import comments, indicator_series, scorecard, unit_table
from data_model.store import sha256, store_loaded
from demo.generate import write_demo_files
from demo.seed import import_demo
from importing import import_file
from loaders import load_file
from ui.export import hidden_reason, xlsx_bytes
from ui.labels import with_labels

UNITS = [f"Yksikkö {i:02d}" for i in range(60)]
QUESTIONS = [f"Kysymys {i}" for i in range(10)]
WIDE_QUESTIONS = [
    "Lapseni viihtyy",
    "Saan tietoa lapseni päivästä",
    "Lapseni on turvassa",
    "Yhteistyö sujuu",
    "Kuinka todennäköisesti suosittelisit yksikköä? (0–10)",
]
FIRST_DAY = dt.date(2021, 11, 1)
YEARS = 5
PART = 500_000  # answers per file of the query database (a larger one unpacks over 300 MB)
LONG_HEADER = ["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaajaryhmä", "Vastaus"]


# --- deterministic files ----------------------------------------------------------------------


def write_long(path: Path, answers: int, seed: int = 0) -> None:
    """One answer per row over five years, 60 units, 10 questions, two respondent groups."""
    rng = np.random.default_rng([answers, seed])
    days = rng.integers(0, 365 * YEARS, answers)
    units, questions = rng.integers(0, len(UNITS), answers), rng.integers(0, 10, answers)
    groups = rng.integers(0, 2, answers)
    scores = rng.choice([2, 3, 4, 4, 5, 5], answers)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Vastaukset")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, LONG_HEADER)
    start = dt.datetime.combine(FIRST_DAY, dt.time())
    for r in range(answers):
        sheet.write_datetime(r + 1, 0, start + dt.timedelta(days=int(days[r])), dates)
        sheet.write_string(r + 1, 1, UNITS[units[r]])
        sheet.write_string(r + 1, 2, "Asiakaskysely")
        sheet.write_string(r + 1, 3, QUESTIONS[questions[r]])
        sheet.write_string(r + 1, 4, ("Asiakas", "Omainen")[groups[r]])
        sheet.write_number(r + 1, 5, int(scores[r]))
    book.close()


def write_wide(path: Path, respondents: int) -> None:
    """A Microsoft Forms export: one respondent per row, four 1-5 questions and one 0-10."""
    rng = random.Random(respondents)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Sheet1")
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Toimipiste", *WIDE_QUESTIONS]
    sheet.write_row(0, 0, header)
    start = dt.datetime.combine(FIRST_DAY, dt.time(8))
    for r in range(1, respondents + 1):
        began = start + dt.timedelta(minutes=rng.randrange(365 * YEARS * 24 * 60))
        sheet.write_number(r, 0, r)
        sheet.write_datetime(r, 1, began, stamp)
        sheet.write_datetime(r, 2, began + dt.timedelta(seconds=rng.randint(60, 600)), stamp)
        sheet.write_string(r, 3, f"vastaaja{r}@example.invalid")
        sheet.write_string(r, 4, f"Vastaaja {r}")
        sheet.write_string(r, 5, rng.choice(UNITS))
        for c in range(4):
            sheet.write_number(r, 6 + c, rng.choice((2, 3, 4, 4, 5, 5)))
        sheet.write_number(r, 10, rng.randint(0, 10))
    book.close()


def workbook(work: Path, kind: str, size: int, part: int = 0) -> Path:
    path = work / f"{kind}-{size}{f'-part{part}' if part else ''}.xlsx"
    if not path.exists():
        if kind == "long":
            write_long(path, size, part)
        else:
            write_wide(path, size)
    return path


# --- measuring ----------------------------------------------------------------------------------


def quiet_streamlit() -> None:
    """ui.export's helpers run here without a Streamlit server, and each st call warns that it
    has no script run: thousands of lines burying the table."""
    for name in ("scriptrunner_utils.script_run_context", "caching.cache_data_api"):
        logging.getLogger(f"streamlit.runtime.{name}").setLevel(logging.ERROR)


def timed(fn, repeat: int = 1):
    """(result of the last call, median seconds)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def measure_import(path: Path, fresh_database, label: str, repeat: int = 1) -> list[tuple]:
    """(step, median seconds, ratio to the bare read's median) for a file read bare and
    imported repeat times; fresh_database() gives the URL of an empty database for each import
    (a second import into the same one would find the file already there)."""
    data = path.read_bytes()
    _, bare = timed(lambda: pd.read_excel(path, engine="calamine"), repeat)
    # What every import does before it stores anything: the contained read, the header match
    # and the checks of every value. The ratio targets are measured against this floor.
    _, floor = timed(lambda: load_file(path.name, data), repeat)
    times = []
    for _ in range(repeat):
        with fresh_database() as url:
            engine = open_database(url)
            try:  # the one import path the page and the command line take, overlap check too
                start = time.perf_counter()
                result = import_file(engine=engine, file_name=path.name, data=data)
                times.append(time.perf_counter() - start)
                assert result.status == "imported", result.status
                with engine.connect() as conn:
                    day_rows = conn.execute(
                        select(func.count()).select_from(FeedbackScore)
                    ).scalar_one()
            finally:
                engine.dispose()
    seconds = statistics.median(times)
    return [
        (f"{label}: bare `pandas.read_excel(engine='calamine')`", bare, None),
        (f"{label}: the import's read and validation alone (nothing stored)", floor, floor / bare),
        (
            f"{label}: import (read, validate, check for overlap, store; {day_rows:,} day rows)",
            seconds,
            seconds / bare,
        ),
    ]


@contextmanager
def fresh_sqlite(work: Path, name: str):
    """The URL of a new SQLite file in work (an earlier run's removed)."""
    path = work / name
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    yield sqlite_url(path)


@contextmanager
def fresh_postgres(server: str, name: str):
    """The URL of a new, empty database on the server (dropped afterwards)."""
    database = "tk_bench_" + name.replace("-", "_")
    admin = make_url(server).set(drivername="postgresql", database="postgres")
    conninfo = admin.render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
        conn.execute(f'CREATE DATABASE "{database}"')
    try:
        yield make_url(server).set(database=database).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def synthetic_fill(engine, answers: int) -> None:
    """The query database without files, for sizes whose files would take hours to write and
    import (20 M): the day rows a long file's import stores, made from answers drawn as
    write_long draws them, UNITS_PER_2M units for every 2 M answers (so a unit's answers per
    day stay those of the file-built database), then the cells and totals recounted as an
    import recounts them."""
    blocks = max(1, -(-answers // 2_000_000))
    with engine.begin() as conn:
        batch = conn.execute(
            insert(ImportBatch).values(
                file_name="synthetic", sha256=f"synthetic-{answers}", kind="feedback", form="long"
            )
        ).inserted_primary_key[0]
    for block in range(blocks):
        size = min(2_000_000, answers - block * 2_000_000)
        names = [f"{name} / {block:02d}" if block else name for name in UNITS]
        with engine.begin() as conn:
            conn.execute(insert(Unit), [{"name": n, "name_key": fold(n)} for n in names])
            ids = dict(conn.execute(select(Unit.name, Unit.id).where(Unit.name.in_(names))).all())
            rng = np.random.default_rng([answers, block])
            drawn = pd.DataFrame(
                {
                    "day": rng.integers(0, 365 * YEARS, size),
                    "unit": rng.integers(0, len(UNITS), size),
                    "question": rng.integers(0, 10, size),
                    "group": rng.integers(0, 2, size),
                    "score": rng.choice([2, 3, 4, 4, 5, 5], size),
                }
            )
            drawn["square"] = drawn["score"] ** 2
            drawn["positive"] = (drawn["score"] > 3).astype(int)
            rows = drawn.groupby(["day", "unit", "question", "group"], as_index=False).agg(
                n=("score", "size"),
                score_sum=("score", "sum"),
                score_sq_sum=("square", "sum"),
                positive_n=("positive", "sum"),
            )
            days = pd.Timestamp(FIRST_DAY) + pd.to_timedelta(rows["day"], unit="D")
            frame = pd.DataFrame(
                {
                    "batch_id": batch,
                    "unit_id": [ids[names[u]] for u in rows["unit"]],
                    "date": days,
                    "year": days.dt.year,
                    "month": days.dt.month,
                    "week_start": days - pd.to_timedelta(days.dt.day_of_week, unit="D"),
                    "survey": "Asiakaskysely",
                    "question": [QUESTIONS[q] for q in rows["question"]],
                    "respondent_group": [("Asiakas", "Omainen")[g] for g in rows["group"]],
                    "scale_min": 1,
                    "scale_max": 5,
                    "n": rows["n"],
                    "score_sum": rows["score_sum"].astype(float),
                    "score_sq_sum": rows["score_sq_sum"].astype(float),
                    "positive_n": rows["positive_n"],
                }
            )
            fast_insert.insert_frame(conn, FeedbackScore.__table__, frame)
        print(
            f"(synthetic: {(block + 1) * 2_000_000 if block + 1 < blocks else answers:,} "
            f"answers stored)",
            flush=True,
        )
    with engine.begin() as conn:
        feedback_cells.rebuild_all(conn)


def query_database(work: Path, answers: int, database_url: str | None, synthetic: bool = False):
    """An engine on a database holding the long file of `answers` (imported once, reused)."""
    url = database_url or sqlite_url(work / f"queries-{answers}{'-synthetic' * synthetic}.db")
    engine = open_database(url)
    if is_empty(engine) and synthetic:
        import_demo(engine=engine, paths=write_demo_files(work / "demo"))  # mentors, workforce
        started = time.perf_counter()
        synthetic_fill(engine, answers)
        print(f"(filled {answers:,} answers in {time.perf_counter() - started:.0f} s)")
    elif is_empty(engine):
        import_demo(engine=engine, paths=write_demo_files(work / "demo"))  # mentors, workforce
        # In files of PART answers, as the import page takes them.
        parts = -(-answers // PART)
        started = time.perf_counter()
        for part in range(1, parts + 1):
            size = min(PART, answers - (part - 1) * PART)
            path = workbook(work, "long", size, part)
            data = path.read_bytes()
            store_loaded(engine=engine, loaded=load_file(path.name, data), digest=sha256(data))
        print(f"(imported {answers:,} answers in {time.perf_counter() - started:.0f} s)")
    if engine.dialect.name == "postgresql":  # statistics, as autovacuum gathers them soon after
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return engine


# The settings' defaults, with no rates over a rolling 12 months (the figures as first measured).
READING = Reading(period_kind="term", min_answers=5, margin=0.05, rolling_under=0)
EVERY_CELL = Reading(period_kind="term", min_answers=1, margin=0.05, rolling_under=0)
MEAN, MOOD = catalog.get("feedback_mean"), catalog.get("mentor_mood")


def page_queries(engine, scope: Scope, today: dt.date, unit_id: int) -> dict:
    """Every query a page runs, by page, as the pages call them."""
    reading = READING
    unit = scope.for_units([unit_id])
    cards, columns = catalog.on_page("scorecard"), catalog.on_page("units_table")
    pages = {}
    for grain in ("month", "period", "year", "week"):
        common = {"reading": reading, "grain": grain, "scope": scope, "today": today}
        pages[f"Overview at {grain}: scorecard"] = lambda c=common: scorecard(
            engine, indicators=cards, **c
        )
        pages[f"Overview at {grain}: units table"] = lambda c=common: unit_table(
            engine, indicators=columns, **c
        )
    for grain in GRAINS:
        pages[f"Trends: feedback mean per {grain}"] = lambda g=grain: indicator_series(
            engine, indicator=MEAN, grain=g, scope=scope, reading=reading
        )
    for grain in ("month", "week", "day"):
        pages[f"Trends: feedback mean by units per {grain}"] = lambda g=grain: indicator_series(
            engine, indicator=MEAN, grain=g, scope=scope, by="unit", reading=reading
        )
    pages["Trends: survey and question lists"] = lambda: reference.surveys_and_questions(
        engine, reading=reading
    )
    pages["Sidebar: data span and units"] = lambda: (
        reference.data_span(engine),
        reference.units(engine),
    )
    pages["Units page: scorecard of one unit"] = lambda: scorecard(
        engine, indicators=cards, grain="month", scope=unit, today=today, reading=reading
    )
    pages["Units page: monthly series of one unit"] = lambda: [
        indicator_series(engine, indicator=c, grain="month", scope=unit, reading=reading)
        for c in cards
    ]
    pages["Units page: comments"] = lambda: comments(engine, scope=unit, reading=reading)
    pages["Feeling meter: mood by units per month, notes"] = lambda: (
        indicator_series(
            engine, indicator=MOOD, grain="month", scope=scope, by="unit", reading=reading
        ),
        reference.mentor_notes(engine, scope=scope),
    )
    return pages


def export_frame(engine, scope: Scope) -> pd.DataFrame:
    """Trends "by units" per day as its download holds it (views/trends.py): a row per unit and
    day, seven columns (indicator, period start, period, unit, value or why it is hidden,
    answers, target). At a threshold of one answer, so every day with answers is a row (at five
    the days of hidden cells are not listed)."""
    frame = indicator_series(
        engine,
        indicator=MEAN,
        grain="day",
        scope=scope,
        by="unit",
        with_total=True,
        reading=EVERY_CELL,
    )
    shown = with_labels(frame, "day", "term", "fi")
    hidden = hidden_reason("fi", 5)
    return pd.DataFrame(
        {
            "Indikaattori": "Palautteen keskiarvo",
            "Jakson alku": shown["bucket_start"],
            "Jakso": shown["label"],
            "Sarja": shown["series"],
            "Arvo": [
                hidden if s else round(v, 3)
                for v, s in zip(shown["value"], shown["suppressed"], strict=True)
            ],
            "Vastauksia": shown["n"].where(~shown["suppressed"], None),
            "Tavoite": 4.0,
        }
    )


def measure_export(engine, scope: Scope, repeat: int, target_rows: int) -> list[tuple]:
    """The .xlsx of a large Trends view, built as its download button builds it; and of its
    first target_rows rows, the size the performance targets name, when the view is larger."""
    frame = export_frame(engine, scope)
    top = [("Tilannekuva", "Kehitys"), ("Valinta", "Kaikki yksiköt"), ("Viejä", "benchmark")]
    measured = []
    for rows, label in (
        (frame, "Trends by units per day"),
        (frame.head(target_rows), "the same view's first rows"),
    ):
        if rows is not frame and len(rows) == len(frame):
            continue
        data, seconds = timed(lambda r=rows: xlsx_bytes(r, "Taulukko", lang="fi", top=top), repeat)
        size = len(data) / 1024 / 1024
        measured.append(
            (f"Export: {label}, {len(rows):,} rows to .xlsx ({size:.1f} MB)", seconds, None)
        )
    return measured


# --- the naive approach -------------------------------------------------------------------------

NAIVE_SQL = (
    "SELECT f.date, f.week_start, f.year, f.month, f.unit_id, u.name AS unit, f.survey, "
    "f.question, f.scale_min, f.scale_max, f.n, f.score_sum, f.positive_n "
    "FROM feedback_score f JOIN unit u ON u.id = f.unit_id"
)


def naive_load(engine) -> pd.DataFrame:
    with engine.connect() as conn:
        frame = pd.read_sql(text(NAIVE_SQL), conn)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["week_start"] = pd.to_datetime(frame["week_start"])
    span = (frame["scale_max"] - frame["scale_min"]).replace(0, np.nan)
    frame["rescaled"] = (
        frame["n"] + 4 * (frame["score_sum"] - frame["scale_min"] * frame["n"]) / span
    )
    return frame


def naive_mean(frame: pd.DataFrame, scope: Scope, keys: list[str]) -> pd.DataFrame:
    """feedback mean per keys over the scope's rows, grouped in memory."""
    rows = frame[
        (frame["date"] >= pd.Timestamp(scope.start)) & (frame["date"] <= pd.Timestamp(scope.end))
    ]
    sums = rows.groupby(keys)[["rescaled", "n"]].sum()
    return (sums["rescaled"] / sums["n"]).rename("value").reset_index().assign(n=sums["n"].values)


def check_agree(product: pd.DataFrame, naive: pd.DataFrame, naive_key: str, by_unit: bool):
    """Every figure the product shows equals the naive one (hidden ones are skipped)."""
    shown = product[~product["suppressed"]]
    if by_unit:
        shown = shown[shown["series"] != ""]
        naive = naive.rename(columns={"unit": "series"})
    key = ["bucket_start", "series"] if by_unit else ["bucket_start"]
    naive = naive.assign(bucket_start=pd.to_datetime(naive[naive_key]).dt.date)
    merged = shown.merge(naive, on=key, suffixes=("", "_naive"), how="left")
    assert len(merged) == len(shown) and merged["value_naive"].notna().all(), "missing buckets"
    assert np.allclose(merged["value"], merged["value_naive"], rtol=1e-9), "values differ"
    assert (merged["n"] == merged["n_naive"]).all(), "answer counts differ"


def naive_side(engine, scope: Scope, product_times: dict) -> list[tuple]:
    """The naive approach: every row into pandas, grouped in memory. The figures must agree
    with the product's; returns the product rows with their ratios, then the naive rows."""
    frame, load = timed(lambda: naive_load(engine))
    monthly, group_m = timed(lambda: naive_mean(frame, scope, ["year", "month"]))
    weekly, group_w = timed(lambda: naive_mean(frame, scope, ["week_start", "unit"]))
    daily, group_d = timed(lambda: naive_mean(frame, scope, ["date", "unit"]))
    monthly["month_start"] = [
        dt.date(int(y), int(m), 1) for y, m in zip(monthly["year"], monthly["month"], strict=True)
    ]
    # With a threshold of 1 no privacy cell is left out, so the product must equal the naive
    # sums exactly (with 5 its totals leave out small cells, which the naive approach keeps).
    kw = {"engine": engine, "indicator": MEAN, "scope": scope, "reading": EVERY_CELL}
    check_agree(indicator_series(grain="month", **kw), monthly, "month_start", by_unit=False)
    check_agree(indicator_series(grain="week", by="unit", **kw), weekly, "week_start", True)
    check_agree(indicator_series(grain="day", by="unit", **kw), daily, "date", True)
    naive = {"month": load + group_m, "week": load + group_w, "day": load + group_d}
    rows = []
    for name, seconds in product_times.items():
        grain = "day" if "by units per day" in name else "week" if "week" in name else "month"
        rows.append((name, seconds, naive[grain] / seconds))
    rows.append((f"naive: load {len(frame):,} day rows into pandas", load, None))
    rows.append(("naive: + group feedback mean per month", load + group_m, None))
    rows.append(("naive: + group feedback mean per unit and week", load + group_w, None))
    rows.append(("naive: + group feedback mean per unit and day", load + group_d, None))
    return rows


# --- main -----------------------------------------------------------------------------------------


def main(argv=None) -> list[tuple]:
    quiet_streamlit()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import-sizes", default="100000,500000", help="long files to import")
    parser.add_argument("--wide", type=int, default=50_000, help="respondents of the wide file")
    parser.add_argument(
        "--answers", type=int, default=2_000_000, help="answers to query (0: the imports only)"
    )
    parser.add_argument(
        "--database-url",
        help="an EMPTY database for the queries (default: a SQLite file in --work, reused)",
    )
    parser.add_argument(
        "--import-server",
        help="measure the imports on this PostgreSQL server (postgresql+psycopg://user@host:port/),"
        " each into a database of its own; default: SQLite files in --work",
    )
    parser.add_argument(
        "--synthetic",
        action="store_true",
        help="fill the query database without files (see synthetic_fill)",
    )
    parser.add_argument(
        "--no-naive",
        action="store_true",
        help="skip the naive full load (it needs ~1 GB per million day rows)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument(
        "--import-repeat", type=int, default=3, help="runs per import and per bare read (median)"
    )
    parser.add_argument(
        "--export-rows",
        type=int,
        default=50_000,
        help="rows of the export timed at the target's size",
    )
    parser.add_argument("--work", default="/tmp/tk-bench", help="generated files and databases")
    args = parser.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple] = []

    # Imports: each into a fresh SQLite file, or a fresh database on the PostgreSQL server.
    server = args.import_server
    sizes = [int(s) for s in args.import_sizes.split(",") if s]
    files = [
        (workbook(work, "long", size), f"long file, {size:,} answers", f"import-{size}")
        for size in sizes
    ]
    if args.wide:
        files.append(
            (
                workbook(work, "wide", args.wide),
                f"wide file, {args.wide:,} respondents",
                "import-wide",
            )
        )
    for path, label, name in files:
        if server is None:
            fresh = partial(fresh_sqlite, work, f"{name}.db")
        else:
            fresh, label = partial(fresh_postgres, server, name), f"{label}, PostgreSQL"
        rows += measure_import(path, fresh, label, args.import_repeat)

    for name, seconds, ratio in rows:
        print(f"{name}: {seconds:.2f} s" + ("" if ratio is None else f", {ratio:.2f}x"))
    if not args.answers:
        return rows

    # Queries on the large database.
    engine = query_database(work, args.answers, args.database_url, args.synthetic)
    with engine.connect() as conn:
        day_rows = conn.execute(text("SELECT count(*) FROM feedback_score")).scalar()
        month_rows = conn.execute(text("SELECT count(*) FROM feedback_month_total")).scalar()
    first, last = reference.data_span(engine)
    scope = Scope(start=max(first, dt.date(last.year - 2, 1, 1)), end=last)  # the sidebar's
    unit_id = reference.units(engine)[0]["id"]
    product_times = {}
    for name, query in page_queries(engine, scope, last, unit_id).items():
        query()  # warm the database's page cache, as a running app has
        _, seconds = timed(query, args.repeat)
        product_times[name] = seconds

    backend = engine.dialect.name
    exported = measure_export(engine, scope, args.repeat, args.export_rows)
    if args.no_naive:
        engine.dispose()
        rows += [(name, seconds, None) for name, seconds in product_times.items()]
        agreed = "naive approach not run"
    else:
        rows += naive_side(engine, scope, product_times)
        engine.dispose()
        agreed = "product and naive figures agree"
    rows += exported

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\n{dt.date.today():%Y-%m-%d}, {platform.system()} {os.cpu_count()} cores, "
        f"{backend}, {args.answers:,} answers ({day_rows:,} day rows, {month_rows:,} month "
        f"rows); {agreed}; peak memory {peak:,.0f} MiB\n"
    )
    print("| step | median s | ratio |\n|---|---:|---:|")
    for name, seconds, ratio in rows:
        shown = (
            ""
            if ratio is None
            else (f"{ratio:.1f}×" if "import" in name else f"{ratio:,.0f}× faster than naive")
        )
        print(f"| {name} | {seconds:.3f} | {shown} |")
    return rows


if __name__ == "__main__":
    main()
