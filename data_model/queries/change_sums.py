"""What a change needs to be judged against chance, summed over a scope: for means the answers'
n, sum and sum of squares (feedback rescaled to 1-5 like measures' MeanScore), for shares the
positive answers and all answers, for rates the events and the exposure. Codes and numbers only.

The sums follow the indicator's aggregation in the catalog (core.indicators), so they agree
with data_model.queries.measures: mean = total / n, share = 100 k / n, rate = factor * count /
exposure. Feedback sums under the privacy threshold come back `hidden` (queries.privacy).
"""

from dataclasses import dataclass

from sqlalchemy import Float, case, func, select, type_coerce
from sqlalchemy.engine import Engine

from core import periods
from core.indicators import (
    ChangeKind,
    Indicator,
    MeanRating,
    MeanScore,
    OwnRatio,
    PositiveShare,
    YearlyRate,
)
from core.periods import Grain
from core.reading import Reading
from core.scope import Scope
from data_model.models import MentorReport, OwnValue, Unit, WorkforceMonth
from data_model.queries import monthly_rows, privacy, rollup, scoping
from data_model.queries.measures import exposure, feedback_where

M, W = MentorReport, WorkforceMonth


@dataclass(frozen=True)
class Sums:
    """kind "mean": n, total, squares (None: some rows give only a mean); "share": k of n;
    "rate": count over exposure (unit-months of FTE or headcount) times factor. hidden: a
    feedback figure under the privacy threshold, neither shown nor judged."""

    kind: ChangeKind
    n: float = 0.0
    total: float = 0.0
    squares: float | None = None
    k: float = 0.0
    count: float = 0.0
    exposure: float = 0.0
    factor: float = 1.0
    exposure_months: float = 0.0
    hidden: bool = False

    @property
    def value(self) -> float | None:
        if self.kind == "mean":
            return self.total / self.n if self.n else None
        if self.kind == "share":
            return 100 * self.k / self.n if self.n else None
        return self.factor * self.count / self.exposure if self.exposure else None

    @property
    def size(self) -> float:
        """The n shown beside the figure: answers, reports or unit-months."""
        return self.n if self.kind in ("mean", "share") else self.exposure_months


def _where(table, date_column, scope: Scope, monthly: bool = False) -> list:
    return [
        *scoping.unit_filters(table, scope),
        *scoping.date_filters(date_column, scope, monthly=monthly),
    ]


def _one(engine: Engine, table, columns, where) -> tuple:
    query = select(*columns).select_from(table.__table__.join(Unit, Unit.id == table.unit_id))
    with engine.connect() as conn:
        return tuple(conn.execute(query.where(*where)).one())


def feedback_window(grain: Grain, scope: Scope) -> Scope:
    """The whole buckets a window's feedback is counted over. At month grain and coarser: the
    months whose first day falls in the window, so consecutive windows (before, during) share no
    month and cut none (user guide, "Privacy"); at week and day grain: queries.rollup's
    snapping."""
    if grain not in rollup.MONTHLY_GRAINS or scope.start is None or scope.end is None:
        return scope
    start = (
        scope.start
        if scope.start.day == 1
        else periods.shift(scope.start.replace(day=1), "month", steps=1)
    )
    end = periods.bucket_end(scope.end.replace(day=1), "month")
    return scope.between(start, end)


def _feedback(engine: Engine, aggregation, scope: Scope, grain: Grain, min_answers: int) -> Sums:
    """Feedback sums over the rows queries.rollup lets count, in the window's whole buckets."""
    # by unit: _one joins the rows to their units, so not the organisation's totals (no unit)
    F = rollup.feedback_rows(grain, feedback_window(grain, scope), min_answers, by="unit")
    where = [*scoping.unit_filters(F, scope), F.shown == 1, *feedback_where(aggregation, F)]
    if isinstance(aggregation, PositiveShare):
        k, n = _one(engine, F, [func.sum(F.positive_n), func.sum(F.n)], where)
        n = float(n or 0)
        return Sums("share", n=n, k=float(k or 0), hidden=privacy.hidden(n, min_answers))
    # Each answer x becomes a + b x on 1-5, with b = 4 / (max - min), a = 1 - b min.
    span = type_coerce(func.nullif(F.scale_max - F.scale_min, 0), Float)
    b = 4.0 / span
    a = 1.0 - b * F.scale_min
    rescaled = a * F.n + b * F.score_sum
    squared = a * a * F.n + 2 * a * b * F.score_sum + b * b * F.score_sq_sum
    missing = func.sum(case((F.score_sq_sum.is_(None), 1), else_=0))
    columns = [func.sum(F.n), func.sum(rescaled), func.sum(squared), missing]
    n, total, squares, unknown = _one(engine, F, columns, where)
    n = float(n or 0)
    squares = None if unknown else float(squares or 0)
    return Sums("mean", n, float(total or 0), squares, hidden=privacy.hidden(n, min_answers))


def sums(
    engine: Engine, *, scope: Scope, indicator: Indicator, reading: Reading, grain: Grain = "month"
) -> Sums:
    """The sums behind indicator over scope (its units and dates), as its aggregation defines
    the figure. Feedback counts only the privacy cells that reach the reading's threshold, over
    whole buckets of grain (feedback_window)."""
    match indicator.aggregation:
        case MeanRating(rating=rating):
            field = getattr(M, rating)
            columns = [func.count(field), func.sum(field), func.sum(field * field)]
            n, total, squares = _one(engine, M, columns, _where(M, M.date, scope))
            return Sums("mean", float(n or 0), float(total or 0), float(squares or 0))
        case MeanScore() | PositiveShare():
            return _feedback(engine, indicator.aggregation, scope, grain, reading.min_answers)
        case YearlyRate(figure=figure, per=per, factor=factor):
            field = getattr(W, figure)
            columns = [func.sum(field), func.sum(exposure(per)), func.count(W.id)]
            where = [*_where(W, W.month, scope, monthly=True), field.is_not(None)]
            count, exposed, months = _one(engine, W, columns, where)
            return Sums(
                "rate",
                count=float(count or 0),
                exposure=float(exposed or 0),
                factor=factor,
                exposure_months=float(months or 0),
            )
        case OwnRatio(judged=judged) if judged is not None:
            return _own_ratio(engine, indicator, scope, reading)
    raise ValueError(f"no sums for {indicator.code!r}: a change of it is not judged")


def _own_ratio(engine: Engine, indicator: Indicator, scope: Scope, reading: Reading) -> Sums:
    """An own rate's numerator and denominator summed over the scope: a share of a count (k of
    n) or a count over an exposure; a personal one over the unit-months that reach the
    threshold only, and hidden when its people are fewer."""
    aggregation = indicator.aggregation
    if aggregation.personal:
        rows = monthly_rows.rows(indicator, scope, None, None, reading.min_answers)
        shown = rows.shown == 1
        columns = [
            func.sum(case((shown, rows.numerator))),
            func.sum(case((shown, rows.denominator))),
            func.sum(case((shown, 1), else_=0)),
        ]
        query = select(*columns).select_from(rows.__table__)
        query = query.join(Unit, Unit.id == rows.unit_id).where(*scoping.unit_filters(rows, scope))
        with engine.connect() as conn:
            k, n, months = conn.execute(query).one()
    else:
        T = OwnValue
        columns = [func.sum(T.numerator), func.sum(T.denominator), func.count(T.id)]
        where = [*_where(T, T.month, scope, monthly=True), *monthly_rows.own_filters(aggregation)]
        k, n, months = _one(engine, T, columns, where)
    k, n = float(k or 0), float(n or 0)
    hidden = aggregation.personal and privacy.hidden(n, reading.min_answers)
    if aggregation.change == "share":
        return Sums("share", n=n, k=k, factor=aggregation.factor, hidden=hidden)
    return Sums(
        "rate",
        count=k,
        exposure=n,
        factor=aggregation.factor,
        exposure_months=float(months or 0),
        hidden=hidden,
    )
