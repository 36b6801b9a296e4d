"""A file repeating an earlier batch of the same source (a cumulative export, the same rows
re-exported) is reported before it is stored, and replaces that batch only when asked: no row
ever counts twice. On SQLite and PostgreSQL (the comparison is SQL)."""

import datetime as dt

import pytest
from sqlalchemy import func, select

import importing
from data_model import store as store_module
from data_model.models import AuditEvent, FeedbackMonthTotal, FeedbackScore, ImportBatch, Unit
from tests.builders import LONG_HEADER, csv_bytes, snapshot, xlsx_bytes

FORM_START = dt.date(2024, 1, 1)


def answers(first: int, last: int, unit: str = "Päiväkoti Aurinko") -> list[list]:
    """Answers first..last of a form (three a day from 1.1.2024, scores 1-5 in turn), as a
    Forms export downloaded when `last` answers were in."""
    rows = [
        [FORM_START + dt.timedelta(days=i // 3), unit, "Lapseni viihtyy", i % 5 + 1]
        for i in range(first - 1, last)
    ]
    return [LONG_HEADER, *rows]


def stored_answers(engine) -> tuple[int, int]:
    """(answers in the day table, answers in the monthly totals)."""
    with engine.connect() as conn:
        days = conn.execute(select(func.coalesce(func.sum(FeedbackScore.n), 0))).scalar_one()
        months = conn.execute(select(func.coalesce(func.sum(FeedbackMonthTotal.n), 0))).scalar_one()
    return days, months


def batch_ids(engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(ImportBatch.id).order_by(ImportBatch.id)).scalars())


def load(engine, name: str, data: bytes, replace: bool = False):
    return importing.import_file(engine=engine, file_name=name, data=data, replace=replace)


def test_a_cumulative_export_is_reported_and_nothing_is_stored(engine):
    first = load(engine, "Asiakaskysely.xlsx", xlsx_bytes(answers(1, 100)))
    before = snapshot(engine)

    again = load(engine, "Asiakaskysely (1).xlsx", xlsx_bytes(answers(1, 150)))

    assert again.status == "overlap"
    assert again.overlap.batch_id == first.batch_id
    # 100 answers lie on 34 days, 33 of them whole; the new file has 50 days.
    assert again.to_json("en")["overlap"] == {
        "batch": first.batch_id,
        "file": "Asiakaskysely.xlsx",
        "percent": 66,
        "replaced": False,
    }
    assert again.error.message("fi") == (
        "Tiedosto Asiakaskysely (1).xlsx: 66 % näistä riveistä on jo tallennettu tuonnissa "
        f"{first.batch_id} (Asiakaskysely.xlsx). Tiedostoa ei tuotu, jotta samoja rivejä ei "
        "laskettaisi kahteen kertaan."
    )
    assert again.error.message("en").startswith(
        "File Asiakaskysely (1).xlsx: 66 % of these rows were already imported in import "
    )
    assert snapshot(engine) == before  # cancelling is doing nothing: the database as it was


def test_replacing_stores_the_cumulative_export_once_in_place_of_the_earlier(engine):
    first = load(engine, "Asiakaskysely.xlsx", xlsx_bytes(answers(1, 100)))
    with engine.connect() as conn:
        unit_id = conn.execute(select(Unit.id)).scalar_one()

    result = load(engine, "Asiakaskysely (1).xlsx", xlsx_bytes(answers(1, 150)), replace=True)

    assert result.status == "imported"
    assert result.to_json("en")["overlap"]["replaced"] is True
    assert batch_ids(engine) == [result.batch_id]
    assert result.batch_id != first.batch_id
    assert stored_answers(engine) == (150, 150)
    with engine.connect() as conn:
        # The unit the file named stays the same unit (links to ?unit=ID keep working).
        assert conn.execute(select(Unit.id)).scalars().all() == [unit_id]
        details = (
            conn.execute(
                select(AuditEvent.details)
                .where(AuditEvent.action == "import")
                .order_by(AuditEvent.id.desc())
            )
            .scalars()
            .first()
        )
    assert f'"replaced_batch": {first.batch_id}' in details


def test_the_same_rows_with_an_extra_blank_line_are_detected(engine):
    rows = answers(1, 60)
    first = load(engine, "vastaukset.csv", csv_bytes(rows))

    again = load(engine, "vastaukset.csv", csv_bytes(rows) + b"\r\n")

    assert again.status == "overlap"
    assert again.to_json("en")["overlap"]["percent"] == 100
    assert again.overlap.batch_id == first.batch_id
    assert stored_answers(engine) == (60, 60)


def test_a_file_with_no_overlap_imports_as_before(engine):
    load(engine, "tammikuu.xlsx", xlsx_bytes(answers(1, 60)))

    other_unit = load(engine, "koivu.xlsx", xlsx_bytes(answers(1, 60, unit="Palvelutalo Koivu")))
    later = load(engine, "helmikuu.xlsx", xlsx_bytes(answers(61, 120)))

    assert (other_unit.status, other_unit.overlap) == ("imported", None)
    assert (later.status, later.overlap) == ("imported", None)
    assert other_unit.to_json("en")["overlap"] is None
    assert stored_answers(engine) == (180, 180)


def test_only_a_file_sharing_a_unit_and_day_with_stored_rows_is_compared_row_by_row(
    engine, monkeypatch
):
    """Rows can be shared only on a day a unit already has rows: a file of a new period or of
    new units is not compared row by row (the comparison is the import's slowest check)."""
    from data_model import overlap as overlap_module

    real, compared = overlap_module._query, []

    def query(*args, **kwargs):
        compared.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(overlap_module, "_query", query)
    first = load(engine, "tammikuu.xlsx", xlsx_bytes(answers(1, 60)))  # 1.1.-20.1.2024
    assert compared == []  # nothing stored yet
    other_unit = load(engine, "koivu.xlsx", xlsx_bytes(answers(1, 60, unit="Palvelutalo Koivu")))
    later = load(engine, "helmikuu.xlsx", xlsx_bytes(answers(61, 120)))  # 21.1.-9.2.2024
    assert (other_unit.status, later.status) == ("imported", "imported") and compared == []

    again = load(engine, "Asiakaskysely (1).xlsx", xlsx_bytes(answers(1, 150)))

    assert compared == [True]  # it repeats both earlier files of Aurinko
    assert (again.status, again.overlap.batch_id) == ("overlap", later.batch_id)
    assert first.batch_id < later.batch_id


def test_rows_that_agree_by_chance_are_not_an_overlap(engine):
    """Two honest files of one survey share identical day rows only by chance: each identical
    stored row is matched once, and a few shared rows are far from half of either file."""
    week = [LONG_HEADER] + [
        [FORM_START + dt.timedelta(days=d), "Päiväkoti Aurinko", "Viihtyy", 4] for d in range(2)
    ]
    week += [
        [FORM_START + dt.timedelta(days=d), "Päiväkoti Aurinko", "Viihtyy", 5] for d in range(2, 14)
    ]
    load(engine, "viikot.xlsx", xlsx_bytes(week))
    other = [LONG_HEADER] + [
        [FORM_START + dt.timedelta(days=d), "Päiväkoti Aurinko", "Viihtyy", 4] for d in range(2)
    ]
    other += [
        [FORM_START + dt.timedelta(days=d), "Päiväkoti Aurinko", "Viihtyy", 3]
        for d in range(20, 30)
    ]

    result = load(engine, "viikot2.xlsx", xlsx_bytes(other))

    assert (result.status, result.overlap) == ("imported", None)


def test_a_failed_replace_keeps_the_earlier_batch(engine, monkeypatch):
    """The earlier batch is removed in the same transaction as the new one is stored."""
    load(engine, "Asiakaskysely.xlsx", xlsx_bytes(answers(1, 100)))
    before = snapshot(engine)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_module, "_write_tables", broken)
    result = load(engine, "Asiakaskysely (1).xlsx", xlsx_bytes(answers(1, 150)), replace=True)

    assert result.status == "error"
    assert snapshot(engine) == before


@pytest.mark.parametrize("kind", ["workforce", "mentor_reports"])
def test_other_kinds_are_compared_by_their_figures_blanks_included(engine, kind):
    if kind == "workforce":
        header = ["Kuukausi", "Yksikkö", "Henkilöstö", "Ylityötunnit"]
        rows = [
            [f"2024-{m:02d}", "Päiväkoti Aurinko", 10 + m, None if m % 2 else 3]
            for m in range(1, 13)
        ]
    else:
        header = ["Päivämäärä", "Yksikkö", "Fiilis", "Mentori", "Työkuorma"]
        rows = [
            [
                FORM_START + dt.timedelta(weeks=w),
                "Päiväkoti Aurinko",
                1 + w % 5,
                "Mentori A",
                None if w % 2 else 3,
            ]
            for w in range(12)
        ]
    first = load(engine, "a.xlsx", xlsx_bytes([header, *rows[:8]]))
    assert first.status == "imported", first.error and first.error.message("en")

    again = load(engine, "b.xlsx", xlsx_bytes([header, *rows]))

    assert (again.kind, again.status, again.overlap.batch_id) == (kind, "overlap", first.batch_id)
    assert again.to_json("en")["overlap"]["percent"] == round(100 * 8 / 12)
