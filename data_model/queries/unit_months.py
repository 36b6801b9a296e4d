"""Unit x month figures for the effectiveness and wellbeing pages: one grouped statement per
indicator over the scope, and the units in scope with their coaching start. Codes and numbers.

Feedback reads the monthly totals through queries.rollup, which counts only the privacy cells
that reach the threshold (user guide, "Privacy"), and a unit-month left with fewer answers than
the threshold is left out too (queries.privacy), so no figure built from these rows rests on
anything the app hides.
"""

import datetime as dt

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine

from core.indicators import Indicator
from core.reading import Reading
from core.scope import Scope
from data_model.models import ServiceArea, Unit
from data_model.queries import buckets, monthly_rows, privacy, rollup, scoping
from data_model.queries.measures import measure
from data_model.queries.series import scope_filters

COLUMNS = ["unit_id", "month", "value", "n"]
UNIT_COLUMNS = [
    "unit_id",
    "unit",
    "service_area_id",
    "service_area",
    "coaching_start",
    "coaching_end",
]


def unit_months(
    engine: Engine, *, scope: Scope, indicator: Indicator, reading: Reading
) -> pd.DataFrame:
    """indicator per unit and month in scope: unit_id, month (first day), value, n (answers,
    reports or unit-months). Feedback unit-months under the reading's threshold are left out."""
    min_answers = reading.min_answers
    source = None
    if indicator.source == "feedback":
        scope = rollup.feedback_scope("month", scope)
        source = rollup.feedback_rows("month", scope, min_answers, by="unit")
    elif monthly_rows.needs_rows(indicator):
        source = monthly_rows.rows(indicator, scope, "month", None, min_answers)
    spec = measure(indicator, source)
    keys = buckets.sql_columns(spec.table, "month", None)
    joined = spec.table.__table__.join(Unit, spec.table.unit_id == Unit.id)
    statement = (
        select(
            *keys, spec.table.unit_id.label("unit_id"), spec.value.label("value"), spec.n.label("n")
        )
        .select_from(joined)
        .where(*scope_filters(spec, scope))
        .group_by("b_year", "b_month", "unit_id")
    )
    if indicator.protected:
        statement = statement.having(privacy.enough(spec.n, min_answers))
    with engine.connect() as conn:
        rows = conn.execute(statement).all()
    records = [
        (int(r.unit_id), dt.date(int(r.b_year), int(r.b_month), 1), float(r.value), int(r.n))
        for r in rows
        if r.value is not None
    ]
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    return frame.sort_values(["unit_id", "month"], ignore_index=True)


def units_in_scope(engine: Engine, *, scope: Scope) -> pd.DataFrame:
    """The units of the scope's unit and area filters (within the allowed ones), with their
    service area and coaching period; dates do not narrow it."""
    query = (
        select(
            Unit.id.label("unit_id"),
            Unit.name.label("unit"),
            Unit.service_area_id.label("service_area_id"),
            ServiceArea.name.label("service_area"),
            Unit.coaching_start.label("coaching_start"),
            Unit.coaching_end.label("coaching_end"),
        )
        .select_from(Unit)
        .join(ServiceArea, ServiceArea.id == Unit.service_area_id, isouter=True)
        .where(*scoping.unit_filters(Unit, scope))
        .order_by(Unit.name)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    records = [
        (
            r.unit_id,
            r.unit,
            r.service_area_id,
            r.service_area,
            scoping.as_date(r.coaching_start),
            scoping.as_date(r.coaching_end),
        )
        for r in rows
    ]
    return pd.DataFrame.from_records(records, columns=UNIT_COLUMNS)
