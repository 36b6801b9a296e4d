"""Small look-ups the sidebar and pages share: service areas, units, the span of the data, the
surveys and questions with figures to show, and the mentors' notes.

Each takes a Scope, whose allowed units are the ones the signed-in user may see (ui.data narrows
every Scope to them), so a manager's sidebar offers only their own units and areas."""

import datetime as dt

from sqlalchemy import func, select, union_all
from sqlalchemy.engine import Engine

from core.config import get_settings
from core.reading import Reading
from core.scope import EVERYTHING, Scope
from data_model.models import (
    FeedbackDayTotal,
    FeedbackMonthTotal,
    MentorReport,
    ServiceArea,
    Unit,
    WorkforceMonth,
)
from data_model.queries import privacy, scoping


def service_areas(engine: Engine, *, scope: Scope = EVERYTHING) -> list[tuple[int, str]]:
    """Service areas by name; with a unit filter or allowed units, only the areas those units
    belong to."""
    query = select(ServiceArea.id, ServiceArea.name).order_by(ServiceArea.name)
    filters = scoping.unit_filters(Unit, scope)
    if filters:
        query = query.where(ServiceArea.id.in_(select(Unit.service_area_id).where(*filters)))
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(query)]


def units(engine: Engine, *, scope: Scope = EVERYTHING) -> list[dict]:
    """Every unit of the scope (its units or service area, within the allowed ones) with its
    service area, ordered by name."""
    query = (
        select(Unit, ServiceArea.name.label("service_area"))
        .join(ServiceArea, ServiceArea.id == Unit.service_area_id, isouter=True)
        .where(*scoping.unit_filters(Unit, scope))
        .order_by(Unit.name)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def data_span(
    engine: Engine, *, scope: Scope = EVERYTHING, window: tuple[dt.date, dt.date] | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day any indicator has data for in the scope's units (its dates do not
    narrow it), counting only days inside window (default: the settings' plausible dates), so
    one mistyped date cannot stretch the range."""
    lo, hi = window or get_settings().plausible_dates()
    # min() and max() in statements of their own: each is then one probe of the date index,
    # where both in one statement scan every row in the window.
    parts = union_all(
        *(
            select(aggregate(day).label("day")).where(
                day.between(lo, hi), *scoping.unit_filters_unjoined(table, scope)
            )
            for table, day in (
                (FeedbackDayTotal, FeedbackDayTotal.date),
                (MentorReport, MentorReport.date),
                (WorkforceMonth, WorkforceMonth.month),
            )
            for aggregate in (func.min, func.max)
        )
    ).subquery()
    with engine.connect() as conn:
        first, last = conn.execute(select(func.min(parts.c.day), func.max(parts.c.day))).one()
    return scoping.as_date(first), scoping.as_date(last)


def surveys_and_questions(
    engine: Engine, *, reading: Reading, scope: Scope = EVERYTHING
) -> list[tuple[str, str]]:
    """Every (survey, question) pair with a figure to show in the scope's units, for the
    filters: a question whose every privacy cell is under the reading's threshold is not
    offered, since choosing it could only show that it was answered."""
    rows = FeedbackMonthTotal  # the monthly totals hold every pair in far fewer rows
    # Every pair from the (survey, question) index, then one probe each for a cell in scope that
    # reaches the threshold: as quick as the pairs alone.
    pairs = select(rows.survey, rows.question).group_by(rows.survey, rows.question).subquery()
    shown = select(rows.id).where(
        rows.survey == pairs.c.survey,
        rows.question == pairs.c.question,
        *scoping.unit_filters_unjoined(rows, scope),
        privacy.enough(rows.cell_n, reading.min_answers),
    )
    query = (
        select(pairs.c.survey, pairs.c.question)
        .where(shown.exists())
        .order_by(pairs.c.survey, pairs.c.question)
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(query)]


def mentor_notes(engine: Engine, *, scope: Scope = EVERYTHING, limit: int = 30) -> list[dict]:
    """The newest mentor reports that say something (observations, wishes or a concern)."""
    query = (
        select(
            MentorReport.date,
            Unit.name.label("unit"),
            MentorReport.mentor,
            MentorReport.mood,
            MentorReport.concern,
            MentorReport.observations,
            MentorReport.wishes,
        )
        .join(Unit, Unit.id == MentorReport.unit_id)
        .where(
            (MentorReport.observations.is_not(None))
            | (MentorReport.wishes.is_not(None))
            | MentorReport.concern.is_(True)
        )
        .order_by(MentorReport.date.desc(), Unit.name)
        .limit(limit)
    )
    where = scoping.unit_filters(MentorReport, scope)
    query = query.where(*where, *scoping.date_filters(MentorReport.date, scope))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
