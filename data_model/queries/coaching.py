"""What a change needs to be judged against chance, summed over a scope: for means the answers'
n, sum and sum of squares (feedback rescaled to 1-5 like measures.mean_score), for shares the
positive answers and all answers, for rates the events and the exposure. Codes and numbers only.

The figures agree with data_model.queries.measures: mean = total / n, share = 100 k / n,
rate = factor * count / exposure.
"""

from dataclasses import dataclass

from sqlalchemy import Float, case, func, select, type_coerce
from sqlalchemy.engine import Engine

from core import indicators as catalog
from core import periods
from core.scope import Scope
from data_model.models import MentorReport, Unit, WorkforceMonth
from data_model.queries import rollup, scoping

M, W = MentorReport, WorkforceMonth

# The indicators a before/during/after panel judges, and how.
KINDS = {
    "mentor_mood": "mean",
    "mentor_workload": "mean",
    "mentor_atmosphere": "mean",
    "feedback_mean": "mean",
    "feedback_positive_share": "share",
    "sick_leave_days_per_fte": "rate",
    "turnover_percent": "rate",
}


@dataclass(frozen=True)
class Sums:
    """kind "mean": n, total, squares (None: some rows give only a mean); "share": k of n;
    "rate": count over exposure (unit-months of FTE or headcount) times factor."""

    kind: str
    n: float = 0.0
    total: float = 0.0
    squares: float | None = None
    k: float = 0.0
    count: float = 0.0
    exposure: float = 0.0
    factor: float = 1.0

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

    exposure_months: float = 0.0


def _where(table, date_column, scope: Scope, monthly: bool = False) -> list:
    return [
        *scoping.unit_filters(table, scope),
        *scoping.date_filters(date_column, scope, monthly=monthly),
    ]


def _one(engine: Engine, table, columns, where) -> tuple:
    query = select(*columns).select_from(table.__table__.join(Unit, Unit.id == table.unit_id))
    with engine.connect() as conn:
        return tuple(conn.execute(query.where(*where)).one())


def feedback_window(grain: str, scope: Scope) -> Scope:
    """The whole buckets a window's feedback is counted over. At month grain and coarser: the
    months whose first day falls in the window, so consecutive windows (before, during) share no
    month and cut none (README "Privacy"); at week and day grain: queries.rollup's snapping."""
    if grain not in rollup.MONTHLY_GRAINS or scope.start is None or scope.end is None:
        return scope
    start = (
        scope.start
        if scope.start.day == 1
        else periods.shift(scope.start.replace(day=1), "month", "term", 1)
    )
    end = periods.bucket_end(scope.end.replace(day=1), "month", "term")
    return scope.between(start, end)


def _feedback_rows(scope: Scope, grain: str, min_answers: int):
    """Rows that may be counted, as queries.rollup gives them, in the window's whole buckets."""
    # by unit: _one joins the rows to their units, so not the organisation's totals (no unit)
    found = rollup.feedback_rows(grain, feedback_window(grain, scope), min_answers, by="unit")
    return found, [found.shown == 1]


def sums(
    *, engine: Engine, scope: Scope, indicator: str, min_answers: int = 5, grain: str = "month"
) -> Sums:
    """The sums behind indicator over scope (its units and dates). Feedback counts only the
    privacy cells that reach min_answers, over whole buckets of grain (feedback_window)."""
    if indicator not in KINDS:
        raise ValueError(f"no sums for {indicator!r}")
    entry = catalog.get(indicator)
    if entry.source == "mentor_reports":
        field = getattr(M, entry.aggregation.split(":")[1])
        n, total, squares = _one(
            engine,
            M,
            [func.count(field), func.sum(field), func.sum(field * field)],
            _where(M, M.date, scope),
        )
        return Sums("mean", float(n or 0), float(total or 0), float(squares or 0))
    if indicator in ("feedback_mean", "feedback_positive_share"):
        F, shown = _feedback_rows(scope, grain, min_answers)
        where = scoping.unit_filters(F, scope) + shown
    if indicator == "feedback_mean":
        # Each answer x becomes a + b x on 1-5, with b = 4 / (max - min), a = 1 - b min.
        span = type_coerce(func.nullif(F.scale_max - F.scale_min, 0), Float)
        b = 4.0 / span
        a = 1.0 - b * F.scale_min
        rescaled = a * F.n + b * F.score_sum
        squared = a * a * F.n + 2 * a * b * F.score_sum + b * b * F.score_sq_sum
        missing = func.sum(case((F.score_sq_sum.is_(None), 1), else_=0))
        n, total, squares, unknown = _one(
            engine,
            F,
            [func.sum(F.n), func.sum(rescaled), func.sum(squared), missing],
            [*where, F.scale_max - F.scale_min > 1],
        )
        return Sums(
            "mean", float(n or 0), float(total or 0), None if unknown else float(squares or 0)
        )
    if indicator == "feedback_positive_share":
        k, n = _one(
            engine, F, [func.sum(F.positive_n), func.sum(F.n)], [*where, F.positive_n.is_not(None)]
        )
        return Sums("share", n=float(n or 0), k=float(k or 0))
    if indicator == "sick_leave_days_per_fte":
        count, exposure, months = _one(
            engine,
            W,
            [
                func.sum(W.sick_leave_days),
                func.sum(func.coalesce(W.fte, W.headcount)),
                func.count(W.id),
            ],
            [*_where(W, W.month, scope, monthly=True), W.sick_leave_days.is_not(None)],
        )
        return Sums(
            "rate",
            count=float(count or 0),
            exposure=float(exposure or 0),
            factor=12,
            exposure_months=float(months or 0),
        )
    if indicator == "turnover_percent":
        count, exposure, months = _one(
            engine,
            W,
            [func.sum(W.leavers), func.sum(W.headcount), func.count(W.id)],
            [*_where(W, W.month, scope, monthly=True), W.leavers.is_not(None)],
        )
        return Sums(
            "rate",
            count=float(count or 0),
            exposure=float(exposure or 0),
            factor=1200,
            exposure_months=float(months or 0),
        )
    raise ValueError(f"no sums for {indicator!r}")
