"""An import or a removal recounts only what its rows touch, from its own rows in memory and the
other batches' rows of the same cells. The privacy cells and every table of totals it leaves
behind equal a recount of every stored day row from scratch (feedback_cells.rebuild_all), on
SQLite and PostgreSQL; and every row outside the batch's cells and their sums is left as it was."""

import datetime as dt
import random

import pytest
from sqlalchemy import select

from data_model import feedback_cells
from data_model.models import TOTAL_MODELS, FeedbackCell, Unit
from data_model.store import remove_batch
from importing import import_file
from tests.builders import LONG_HEADER, csv_bytes

TABLES = (FeedbackCell, *TOTAL_MODELS)
UNITS = ("Päiväkoti Aurinko", "Päiväkoti Kuu", "Koulu Tähti")
QUESTIONS = ("Lapseni viihtyy", "Saan tietoa lapseni päivästä", "Lapseni on turvassa")


def _file(seed: int, answers: int, first: dt.date, days: int, units=UNITS) -> bytes:
    """A long feedback file: answers spread over days from first, a few a day per unit and
    question, so some cells are small enough to hide and files share cells and days."""
    rng = random.Random(seed)
    rows = [LONG_HEADER]
    for _ in range(answers):
        day = first + dt.timedelta(days=rng.randrange(days))
        rows.append([day.isoformat(), rng.choice(units), rng.choice(QUESTIONS), rng.randint(1, 5)])
    return csv_bytes(rows)


def _import(engine, name: str, data: bytes) -> int:
    result = import_file(engine=engine, file_name=name, data=data, keep_overlap=True)
    assert result.status == "imported", result
    return result.batch_id


def _rows(conn, table, with_id: bool = False) -> list[tuple]:
    """A table's rows without their ids (a recount numbers them anew), sorted; decimals rounded
    so that sums added in another order compare equal."""
    columns = [c for c in table.__table__.c if with_id or c.name != "id"]
    found = conn.execute(select(*columns)).all()
    rounded = (tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in found)
    return sorted(rounded, key=repr)


def _stored(engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {t.__tablename__: _rows(conn, t) for t in TABLES}


def _from_scratch(engine) -> dict[str, list[tuple]]:
    """Every cell and total recounted from all stored day rows, read, then rolled back."""
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            assert feedback_cells.rebuild_all(conn) > 0
            return {t.__tablename__: _rows(conn, t) for t in TABLES}
        finally:
            transaction.rollback()


@pytest.mark.slow
def test_cells_and_totals_after_imports_and_a_removal_equal_a_recount_from_scratch(engine):
    _import(engine, "kevät.csv", _file(1, 3000, dt.date(2024, 1, 1), 150))
    # Shares cells, days and weeks with the first file in March and April, and adds May-July.
    middle = _import(engine, "kevät-kesä.csv", _file(2, 2000, dt.date(2024, 3, 20), 120))
    _import(engine, "kesä.csv", _file(3, 400, dt.date(2024, 5, 25), 60, UNITS[:2]))
    stored = _stored(engine)
    assert all(stored.values())  # every table holds rows to compare
    assert stored == _from_scratch(engine)

    assert remove_batch(engine=engine, batch_id=middle)
    left = _stored(engine)
    assert left != stored  # the removal changed cells and totals
    assert left == _from_scratch(engine)


@pytest.mark.slow
def test_an_import_leaves_every_row_it_has_no_answers_in_as_it_was(engine):
    """Rows of other units, other questions and the months between the batch's are neither
    deleted nor written again: their ids stay."""
    _import(engine, "tammi-kesä.csv", _file(4, 3000, dt.date(2024, 1, 1), 180))
    with engine.connect() as conn:
        before = {t: _rows(conn, t, with_id=True) for t in TABLES}
        aurinko = conn.execute(select(Unit.id).where(Unit.name == UNITS[0])).scalar_one()
    # One unit's answers to one question, in January and May only.
    days = [dt.date(2024, 1, 10), dt.date(2024, 1, 24), dt.date(2024, 5, 8), dt.date(2024, 5, 9)]
    rows = [LONG_HEADER, *([d.isoformat(), UNITS[0], QUESTIONS[0], 4] for d in days)]
    _import(engine, "tammi-ja-toukokuu.csv", csv_bytes(rows))
    with engine.connect() as conn:
        after = {t: _rows(conn, t, with_id=True) for t in TABLES}
    for table, rows_before in before.items():
        columns = [c.name for c in table.__table__.c]

        def untouched(rows, columns=columns):
            """Rows outside the batch's months, units (where per unit), question (where per
            question)."""
            kept = []
            for row in rows:
                row_of = dict(zip(columns, row, strict=True))
                touched = (
                    (row_of["year"], row_of["month"]) in {(2024, 1), (2024, 5)}
                    and row_of.get("unit_id", aurinko) == aurinko
                    and row_of.get("question", QUESTIONS[0]) == QUESTIONS[0]
                )
                if not touched:
                    kept.append(row)
            return kept

        name = table.__tablename__
        assert len(untouched(rows_before)) < len(rows_before), name  # the batch touched some
        assert untouched(after[table]) == untouched(rows_before), name
        assert after[table] != rows_before, name
