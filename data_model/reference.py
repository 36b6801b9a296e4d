"""Small look-ups the sidebar and pages share: service areas, units and the span of the data."""

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from core.scope import EVERYTHING, Scope
from data_model.models import (
    FeedbackMonth,
    FeedbackScore,
    MentorReport,
    ServiceArea,
    Unit,
    WorkforceMonth,
)
from data_model.queries import scoping


def service_areas(*, engine: Engine) -> list[tuple[int, str]]:
    with engine.connect() as conn:
        rows = conn.execute(select(ServiceArea.id, ServiceArea.name).order_by(ServiceArea.name))
        return [tuple(r) for r in rows]


def units(*, engine: Engine) -> list[dict]:
    """Every unit with its service area, ordered by name."""
    query = (
        select(Unit, ServiceArea.name.label("service_area"))
        .join(ServiceArea, ServiceArea.id == Unit.service_area_id, isouter=True)
        .order_by(Unit.name)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def data_span(*, engine: Engine) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day any indicator has data for."""
    # One min() or max() per statement: each is then a single look-up in the column's index.
    columns = (FeedbackScore.date, MentorReport.date, WorkforceMonth.month)
    with engine.connect() as conn:
        found = [conn.execute(select(f(c))).scalar() for c in columns for f in (func.min, func.max)]
    lows = [scoping.as_date(v) for v in found[0::2] if v is not None]
    highs = [scoping.as_date(v) for v in found[1::2] if v is not None]
    lo, hi = (min(lows), max(highs)) if lows else (None, None)
    return scoping.as_date(lo), scoping.as_date(hi)


def surveys_and_questions(*, engine: Engine) -> list[tuple[str, str]]:
    """Every (survey, question) pair with answers, for the survey and question filters."""
    rows = FeedbackMonth  # the rollup holds every pair in far fewer rows
    query = (
        select(rows.survey, rows.question)
        .group_by(rows.survey, rows.question)
        .order_by(rows.survey, rows.question)
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(query)]


def mentor_notes(*, engine: Engine, scope: Scope = EVERYTHING, limit: int = 30) -> list[dict]:
    """The newest mentor reports that say something (observations, wishes or a concern)."""
    query = (
        select(
            MentorReport.date, Unit.name.label("unit"), MentorReport.mentor, MentorReport.mood,
            MentorReport.concern, MentorReport.observations, MentorReport.wishes,
        )
        .join(Unit, Unit.id == MentorReport.unit_id)
        .where(
            (MentorReport.observations.is_not(None))
            | (MentorReport.wishes.is_not(None))
            | MentorReport.concern.is_(True)
        )
        .order_by(MentorReport.date.desc(), Unit.name)
        .limit(limit)
    )  # fmt: skip
    where = scoping.unit_filters(MentorReport, scope)
    query = query.where(*where, *scoping.date_filters(MentorReport.date, scope))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
