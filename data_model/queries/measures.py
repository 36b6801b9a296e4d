"""How each catalog aggregation (core.indicators: MeanScore, YearlyRate, ...) becomes SQL: the
table it reads, the rows that count, and the aggregate value and answer/report/unit-month count
behind it. Portable Core expressions only.

Definitions (all sums run over the rows in the bucket and scope that pass `where`):
- MeanScore: every row's score sum rescaled linearly to 1–5, 1 + 4 (s - min) / (max - min) per
  answer, i.e. n + 4 (score_sum - min n) / (max - min) per row; divided by sum(n). Yes/no
  questions (scale 0–1) are left out; they count in PositiveShare (yes is positive).
- PositiveShare: 100 sum(positive_n) / sum(n), over rows that know positive_n.
- AnswerCount: sum(n).  NetPromoterScore: 100 (sum(promoters_n) - sum(detractors_n)) / sum(n)
  on 0–10 rows.
- MeanRating: the mean of one rating over mentor reports that give it.  ConcernCount: reports
  raising a concern.
- YearlyRate(figure, per, factor): factor sum(figure) / sum(exposure) over unit-months giving the
  figure, the exposure being FTE (headcount where the file gave none) or headcount. sum(FTE) / 12
  is the person-years (htv) worked, so with factor 12 this is the figure per htv per year,
  whatever the grain; turnover is 1200 sum(leavers) / sum(headcount) = leavers / mean headcount
  * 12 / months * 100 with months the unit-months in the bucket.
- MeanHeadcount: sum(headcount) / number of distinct months, the mean monthly headcount.
"""

from dataclasses import dataclass

from sqlalchemy import Float, and_, case, cast, distinct, func, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from core.indicators import (
    AnswerCount,
    ConcernCount,
    Exposure,
    Indicator,
    MeanHeadcount,
    MeanRating,
    MeanScore,
    NetPromoterScore,
    PositiveShare,
    YearlyRate,
)
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


def feedback_where(aggregation, T) -> tuple:
    """The feedback rows an aggregation counts (T: a table or queries.rollup's rows)."""
    if isinstance(aggregation, MeanScore):
        # A yes/no question (0-1) has a share of yes, not a score: it stays out of the mean.
        return (T.scale_max - T.scale_min > 1,)
    if isinstance(aggregation, PositiveShare):
        return (T.positive_n.is_not(None),)
    if isinstance(aggregation, NetPromoterScore):
        return (
            and_(T.scale_min == 0, T.scale_max == 10),
            T.promoters_n.is_not(None),
            T.detractors_n.is_not(None),
        )
    return ()


def rescaled_scores(T) -> ColumnElement:
    """Each row's score sum on 1-5: n + 4 (score_sum - min n) / (max - min)."""
    span = type_coerce(func.nullif(T.scale_max - T.scale_min, 0), Float)
    return T.n + 4 * (T.score_sum - T.scale_min * T.n) / span


def _feedback(aggregation, T=F, fold: bool = False) -> Measure:
    """T: the day table, the monthly rollup or queries.rollup's rows (same column names; the
    latter with `shown`, which every sum honours). fold: the rows that count are chosen inside
    the sums (CASE) instead of by WHERE, so measures of several indicators can share one
    statement; a bucket no row counts in then has n NULL."""
    where = feedback_where(aggregation, T)
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
    match aggregation:
        case MeanScore():
            value = ratio(total(rescaled_scores(T)), answers)
        case PositiveShare():
            value = ratio(total(T.positive_n), answers, 100)
        case AnswerCount():
            value = cast(answers, Float)
        case NetPromoterScore():
            value = ratio(total(T.promoters_n) - total(T.detractors_n), answers, 100)
        case _:
            raise ValueError(f"not a feedback aggregation: {aggregation!r}")
    return Measure(T, value, answers, where, withheld)


def folded_feedback(indicator: Indicator, feedback_rows=None) -> Measure:
    """A feedback indicator's measure with its row choice inside the sums (see _feedback)."""
    return _feedback(indicator.aggregation, F if feedback_rows is None else feedback_rows, True)


def exposure(per: Exposure) -> ColumnElement:
    """What a yearly rate is per: FTE (headcount where the file gave none) or headcount."""
    return func.coalesce(W.fte, W.headcount) if per == "fte" else W.headcount


def measure(indicator: Indicator, feedback_rows=None) -> Measure:
    """The SQL of a catalog indicator, chosen by its aggregation. Feedback reads feedback_rows
    when given (see queries.rollup), else the day table."""
    aggregation = indicator.aggregation
    match aggregation:
        case MeanScore() | PositiveShare() | AnswerCount() | NetPromoterScore():
            return _feedback(aggregation, F if feedback_rows is None else feedback_rows)
        case MeanRating(rating=rating):
            field = getattr(M, rating)
            return Measure(M, ratio(func.sum(field), func.count(field)), func.count(field))
        case ConcernCount():
            raised = func.sum(case((M.concern.is_(True), 1), else_=0))
            return Measure(M, cast(raised, Float), func.count(M.id))
        case YearlyRate(figure=figure, per=per, factor=factor):
            field = getattr(W, figure)
            value = ratio(func.sum(field), func.sum(exposure(per)), factor)
            return Measure(W, value, func.count(W.id), (field.is_not(None),))
        case MeanHeadcount():
            # Months of an absence log (no headcount) do not count as months of zero people.
            months = func.count(distinct(W.month))
            value = ratio(func.sum(W.headcount), months)
            return Measure(W, value, func.count(W.id), (W.headcount.is_not(None),))
    raise ValueError(f"unknown aggregation {aggregation!r}")
