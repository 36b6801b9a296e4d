"""Builders of small fact tables for query tests: plain Core inserts of units, feedback rows,
mentor reports, workforce months and targets, with the derived columns the store would add.
"""

import datetime as dt
import itertools

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from data_model import feedback_cells
from data_model.models import (
    FeedbackComment,
    FeedbackScore,
    ImportBatch,
    MentorReport,
    OwnIndicator,
    OwnValue,
    ServiceArea,
    Target,
    Unit,
    WorkforceMonth,
)

_digests = itertools.count(1)


def _insert(engine: Engine, table, **values) -> int:
    with engine.begin() as conn:
        return conn.execute(insert(table).values(**values)).inserted_primary_key[0]


def batch(engine: Engine, kind: str = "feedback") -> int:
    digest = f"{next(_digests):064x}"
    return _insert(engine, ImportBatch, file_name="x.xlsx", sha256=digest, kind=kind)


def area(engine: Engine, name: str) -> int:
    return _insert(engine, ServiceArea, name=name)


def unit(engine: Engine, name: str, area_id: int | None = None) -> int:
    return _insert(
        engine,
        Unit,
        name=name,
        name_key=name.casefold(),
        service_area_id=area_id,
        in_register=True,
    )


def dated(day: dt.date) -> dict:
    return {
        "date": day,
        "year": day.year,
        "month": day.month,
        "week_start": day - dt.timedelta(days=day.weekday()),
    }


def feedback(engine: Engine, unit_id: int, day: dt.date, n: int, score_sum: float, **extra):
    """One feedback row; extra: survey, question, scale_min, scale_max, positive_n, ..."""
    values = {"survey": "Asiakaskysely", "question": "Q1", **extra}
    batch_id = batch(engine)
    _insert(
        engine,
        FeedbackScore,
        batch_id=batch_id,
        unit_id=unit_id,
        n=n,
        score_sum=score_sum,
        **dated(day),
        **values,
    )
    with engine.begin() as conn:  # as the store does with every batch
        feedback_cells.refresh(conn, feedback_cells.touched(conn, batch_id))


def many(engine: Engine, table, rows: list[dict], kind: str = "feedback") -> None:
    """Rows of one fact table as one batch, the privacy cells recounted once for feedback."""
    batch_id = batch(engine, kind)
    with engine.begin() as conn:
        conn.execute(insert(table), [{"batch_id": batch_id, **row} for row in rows])
        if table is FeedbackScore:
            feedback_cells.refresh(conn, feedback_cells.touched(conn, batch_id))


def comment(engine: Engine, unit_id: int, day: dt.date, text: str, **extra):
    values = {"survey": "Asiakaskysely", "question": "Q1", **extra}
    _insert(
        engine,
        FeedbackComment,
        batch_id=batch(engine),
        unit_id=unit_id,
        date=day,
        text=text,
        **values,
    )


def mentor(engine: Engine, unit_id: int, day: dt.date, mood: float, **extra):
    _insert(
        engine,
        MentorReport,
        batch_id=batch(engine, "mentor_reports"),
        unit_id=unit_id,
        mood=mood,
        **dated(day),
        **extra,
    )


def workforce(engine: Engine, unit_id: int, month: dt.date, headcount: float, **extra):
    _insert(
        engine,
        WorkforceMonth,
        batch_id=batch(engine, "workforce"),
        unit_id=unit_id,
        month=month,
        year=month.year,
        headcount=headcount,
        **extra,
    )


def target(engine: Engine, indicator: str, value: float, unit_id=None, year=None, manual=False):
    batch_id = None if manual else batch(engine, "targets")
    return _insert(
        engine,
        Target,
        batch_id=batch_id,
        indicator=indicator,
        unit_id=unit_id,
        year=year,
        target=value,
    )


def own_indicator(engine: Engine, name: str, **definition) -> int:
    """An own indicator's definition (core.own_indicators.Definition's fields), stored as the
    Indicators page stores one."""
    from core.names import fold
    from core.own_indicators import code_for

    values = {"code": code_for(name), "name_fi": name, "name_key": fold(name), **definition}
    return _insert(engine, OwnIndicator, **values)


def own_value(engine: Engine, indicator_id: int, unit_id: int, month: dt.date, **figures) -> int:
    """An own indicator's unit-month: value, numerator, denominator, weight."""
    return _insert(
        engine,
        OwnValue,
        batch_id=batch(engine, "indicator_values"),
        indicator_id=indicator_id,
        unit_id=unit_id,
        month=month,
        year=month.year,
        **figures,
    )
