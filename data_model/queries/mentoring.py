"""Mentor reports for the feeling meter and a unit's dashboard: sums per unit and week/month per
mentor (means, chance variation, concerns and who raised them, the last report), and the
reports themselves as a stream. Codes and numbers only; scope filters from queries.scoping.
"""

import datetime as dt

import pandas as pd
from sqlalchemy import Integer, case, func, select
from sqlalchemy.engine import Engine

from core.scope import EVERYTHING, Scope
from data_model.models import MentorReport, Unit
from data_model.queries import scoping

M = MentorReport

SUM_COLUMNS = [
    "unit_id",
    "service_area_id",
    "week_start",
    "month",
    "mentor",
    "reports",
    "mood_n",
    "mood_sum",
    "mood_sq",
    "workload_n",
    "workload_sum",
    "workload_sq",
    "atmosphere_n",
    "atmosphere_sum",
    "atmosphere_sq",
    "concerns",
    "last_date",
]


def _sums(field):
    return (
        func.count(field),
        func.sum(field),
        func.sum(field * field),
    )


def report_sums(engine: Engine, *, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Reports summed per unit, ISO week and mentor (a week lies in the month of its reports'
    dates; a week split over two months gives a row for each): counts, sums and sums of squares
    of mood, workload and atmosphere, concerns raised and the last report's date."""
    query = (
        select(
            M.unit_id,
            Unit.service_area_id,
            M.week_start,
            M.year,
            M.month,
            M.mentor,
            func.count(M.id),
            *_sums(M.mood),
            *_sums(M.workload),
            *_sums(M.atmosphere),
            func.sum(case((M.concern.is_(True), 1), else_=0)).cast(Integer),
            func.max(M.date),
        )
        .join(Unit, Unit.id == M.unit_id)
        .where(*scoping.unit_filters(M, scope), *scoping.date_filters(M.date, scope))
        .group_by(M.unit_id, Unit.service_area_id, M.week_start, M.year, M.month, M.mentor)
    )
    rows = []
    with engine.connect() as conn:
        for r in conn.execute(query):
            (unit_id, area, week, year, month, mentor, reports, *sums) = r
            values = [float(v) if v is not None else None for v in sums[:9]]
            rows.append(
                [
                    unit_id,
                    area,
                    scoping.as_date(week),
                    dt.date(int(year), int(month), 1),
                    mentor or "",
                    int(reports),
                    *values,
                    int(sums[9] or 0),
                    scoping.as_date(sums[10]),
                ]
            )
    frame = pd.DataFrame(rows, columns=SUM_COLUMNS)
    for column in ("mood_n", "workload_n", "atmosphere_n"):
        frame[column] = frame[column].fillna(0)
    return frame


STREAM_COLUMNS = [
    "date",
    "unit_id",
    "mentor",
    "mood",
    "workload",
    "atmosphere",
    "concern",
    "observations",
    "wishes",
]


def report_stream(engine: Engine, *, scope: Scope = EVERYTHING, limit: int = 200) -> pd.DataFrame:
    """The reports themselves, newest first (texts as the mentors wrote them)."""
    query = (
        select(
            M.date,
            M.unit_id,
            M.mentor,
            M.mood,
            M.workload,
            M.atmosphere,
            M.concern,
            M.observations,
            M.wishes,
        )
        .join(Unit, Unit.id == M.unit_id)
        .where(*scoping.unit_filters(M, scope), *scoping.date_filters(M.date, scope))
        .order_by(M.date.desc(), M.id.desc())
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = [list(r) for r in conn.execute(query)]
    for row in rows:
        row[0] = scoping.as_date(row[0])
    return pd.DataFrame(rows, columns=STREAM_COLUMNS)
