"""The one place a Scope becomes WHERE clauses: which units (a list, or a service area's) and
which dates. Every query that filters by scope builds its clauses here, so an empty or missing
unit list means the same everywhere (core.scope normalises it to None: every unit)."""

import datetime as dt

from sqlalchemy import select

from core.scope import Scope
from data_model.models import Unit


def unit_filters(table, scope: Scope) -> list:
    """Rows of the scope's units, within the units the signed-in user may see; a service area
    needs the Unit table joined in. table is a fact table (unit_id) or Unit itself (id)."""
    column = table.id if table is Unit else table.unit_id
    filters = []
    if scope.unit_ids is not None:
        filters.append(column.in_(scope.unit_ids))
    if scope.allowed_unit_ids is not None:
        filters.append(column.in_(scope.allowed_unit_ids))
    if scope.service_area_id is not None:
        filters.append(Unit.service_area_id == scope.service_area_id)
    return filters


def narrows_units(scope: Scope) -> bool:
    """Whether the scope leaves any unit out (a unit list, a service area or allowed units)."""
    return (
        scope.unit_ids is not None
        or scope.allowed_unit_ids is not None
        or scope.service_area_id is not None
    )


def unit_filters_unjoined(table, scope: Scope) -> list:
    """unit_filters() for a fact table without Unit joined in: a service area's units are
    looked up in a subquery."""
    area = scope.service_area_id
    filters = unit_filters(table, scope.for_units(scope.unit_ids))
    if area is not None:
        filters.append(table.unit_id.in_(select(Unit.id).where(Unit.service_area_id == area)))
    return filters


def date_filters(column, scope: Scope, monthly: bool = False) -> list:
    """Rows dated within the scope. Monthly rows (workforce) are dated by their first day, so a
    range starting mid-month still takes that month."""
    filters = []
    if scope.start is not None:
        start = scope.start.replace(day=1) if monthly else scope.start
        filters.append(column >= start)
    if scope.end is not None:
        filters.append(column <= scope.end)
    return filters


def question_filters(table, scope: Scope) -> list:
    filters = []
    if scope.survey is not None:
        filters.append(table.survey == scope.survey)
    if scope.question is not None:
        filters.append(table.question == scope.question)
    return filters


def as_date(value) -> dt.date | None:
    """A date as the driver hands it back (SQLite: text for aggregates like max)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
