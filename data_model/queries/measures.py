"""How each catalog aggregation becomes SQL: the table it reads, the rows that count, and the
aggregate value and answer/report/unit-month count behind it. Portable Core expressions only.

Definitions (all sums run over the rows in the bucket and scope that pass `where`):
- mean_score: every row's score sum rescaled linearly to 1–5, 1 + 4 (s - min) / (max - min) per
  answer, i.e. n + 4 (score_sum - min n) / (max - min) per row; divided by sum(n). Yes/no
  questions (scale 0–1) are left out; they count in positive_share (yes is positive).
- positive_share: 100 sum(positive_n) / sum(n), over rows that know positive_n.
- answers: sum(n).  nps: 100 (sum(promoters_n) - sum(detractors_n)) / sum(n) on 0–10 rows.
- mean:X: mean of X over mentor reports that give X.  count:concern: reports raising a concern.
- per_fte_year:X: 12 sum(X) / sum(FTE) over unit-months giving X (FTE: headcount where the
  file gave none). sum(FTE) / 12 is the person-years (htv) worked, so this is X per htv, per
  year, whatever the grain: one month with 10 FTE and 10 sick days gives 12 days per FTE.
- per_person_year:X: 12 sum(X) / sum(headcount), likewise per person and year.
- turnover: 1200 sum(leavers) / sum(headcount) = leavers / mean headcount * 12 / months * 100
  with months the unit-months in the bucket.
- headcount: sum(headcount) / number of distinct months, the mean monthly headcount.
"""

from dataclasses import dataclass

from sqlalchemy import Float, and_, case, cast, distinct, func, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from core.indicators import Indicator
from data_model.models import FeedbackScore, MentorReport, WorkforceMonth

F, M, W = FeedbackScore, MentorReport, WorkforceMonth


@dataclass(frozen=True)
class Measure:
    """One indicator's SQL: aggregate `value` and `n` over `table` rows matching `where`.
    withheld (feedback read with privacy, see queries.rollup): rows the figure may not count,
    so a bucket with only those reads as hidden rather than empty."""

    table: type
    value: ColumnElement
    n: ColumnElement
    where: tuple[ColumnElement, ...] = ()
    withheld: ColumnElement | None = None


def ratio(numerator, denominator, factor: float = 1.0) -> ColumnElement:
    """factor * numerator / denominator as a float, NULL when the denominator is 0."""
    return factor * cast(numerator, Float) / type_coerce(func.nullif(denominator, 0), Float)


def _feedback_where(kind: str, T) -> tuple:
    if kind == "mean_score":
        # A yes/no question (0-1) has a share of yes, not a score: it stays out of the mean.
        return (T.scale_max - T.scale_min > 1,)
    if kind == "positive_share":
        return (T.positive_n.is_not(None),)
    if kind == "nps":
        return (
            and_(T.scale_min == 0, T.scale_max == 10),
            T.promoters_n.is_not(None),
            T.detractors_n.is_not(None),
        )
    return ()


def _feedback(kind: str, T=F, fold: bool = False) -> Measure:
    """T: the day table, the monthly rollup or queries.rollup's rows (same column names; the
    latter with `shown`, which every sum honours). fold: the rows that count are chosen inside
    the sums (CASE) instead of by WHERE, so measures of several indicators can share one
    statement; a bucket no row counts in then has n NULL."""
    where = _feedback_where(kind, T)
    private = hasattr(T, "shown")
    inside = [*(where if fold else ()), *((T.shown == 1,) if private else ())]
    total = func.sum
    if inside:
        chosen = and_(*inside)

        def total(x):
            return func.sum(case((chosen, x)))

    withheld = None
    if private:
        hidden = and_(*(where if fold else ()), T.shown == 0)
        withheld = func.sum(case((hidden, 1), else_=0))
    if fold:
        where = ()
    answers = total(T.n)
    if kind == "mean_score":
        span = type_coerce(func.nullif(T.scale_max - T.scale_min, 0), Float)
        rescaled = T.n + 4 * (T.score_sum - T.scale_min * T.n) / span
        value = ratio(total(rescaled), answers)
    elif kind == "positive_share":
        value = ratio(total(T.positive_n), answers, 100)
    elif kind == "answers":
        value = cast(answers, Float)
    elif kind == "nps":
        value = ratio(total(T.promoters_n) - total(T.detractors_n), answers, 100)
    else:
        raise ValueError(f"unknown feedback aggregation {kind!r}")
    return Measure(T, value, answers, where, withheld)


def folded_feedback(indicator: Indicator, feedback_rows=None) -> Measure:
    """A feedback indicator's measure with its row choice inside the sums (see _feedback)."""
    kind = indicator.aggregation.partition(":")[0]
    return _feedback(kind, F if feedback_rows is None else feedback_rows, fold=True)


def _mentor(kind: str, column: str) -> Measure:
    if kind == "mean":
        field = getattr(M, column)
        return Measure(M, ratio(func.sum(field), func.count(field)), func.count(field))
    if kind == "count" and column == "concern":
        raised = func.sum(case((M.concern.is_(True), 1), else_=0))
        return Measure(M, cast(raised, Float), func.count(M.id))
    raise ValueError(f"unknown mentor aggregation {kind}:{column}")


def _workforce(kind: str, column: str | None) -> Measure:
    units = func.count(W.id)
    if kind == "headcount":
        # Months of an absence log (no headcount) do not count as months of zero people.
        where = (W.headcount.is_not(None),)
        months = func.count(distinct(W.month))
        return Measure(W, ratio(func.sum(W.headcount), months), units, where)
    if kind == "turnover":
        where = (W.leavers.is_not(None),)
        return Measure(W, ratio(func.sum(W.leavers), func.sum(W.headcount), 1200), units, where)
    field = getattr(W, column)
    where = (field.is_not(None),)
    if kind == "per_fte_year":
        fte = func.coalesce(W.fte, W.headcount)
        return Measure(W, ratio(func.sum(field), func.sum(fte), 12), units, where)
    if kind == "per_person_year":
        return Measure(W, ratio(func.sum(field), func.sum(W.headcount), 12), units, where)
    raise ValueError(f"unknown workforce aggregation {kind!r}")


def measure(indicator: Indicator, feedback_rows=None) -> Measure:
    """The SQL of a catalog indicator, chosen by its source and aggregation. Feedback reads
    feedback_rows when given (see queries.rollup), else the day table."""
    kind, _, column = indicator.aggregation.partition(":")
    if indicator.source == "feedback":
        return _feedback(kind, F if feedback_rows is None else feedback_rows)
    if indicator.source == "mentor_reports":
        return _mentor(kind, column)
    if indicator.source == "workforce":
        return _workforce(kind, column or None)
    raise ValueError(f"unknown source {indicator.source!r}")
