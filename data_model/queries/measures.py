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
- LatestLevel(figure): sum over units of each unit's figure in its newest month of the bucket
  (queries.monthly_rows marks it `latest`).  PersonYears: sum(FTE) / 12.
- LeavingTurnover: 1200 sum(leavers) / months with leavers / the latest headcount (as above).
- Own indicators (core.indicators.Own*) read own_value rows of their definition: OwnSum
  sum(value); OwnMean sum(value) / count(value); OwnWeightedMean sum(value w) / sum(w), w the
  weight or else the denominator; OwnRatio factor sum(numerator) / sum(denominator), never a
  mean of monthly ratios; OwnLatest the values of each unit's newest month summed. n is the
  unit-months behind the figure (units for a level), or for a personal figure the people (the
  denominator or weight), whose unit-months under the threshold count nowhere (`shown`).
"""

from dataclasses import dataclass

from sqlalchemy import Float, and_, case, cast, distinct, func, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from core.indicators import (
    AnswerCount,
    ConcernCount,
    Exposure,
    Indicator,
    LatestLevel,
    LeavingTurnover,
    MeanHeadcount,
    MeanRating,
    MeanScore,
    NetPromoterScore,
    OwnLatest,
    OwnMean,
    OwnRatio,
    OwnSum,
    OwnWeightedMean,
    PersonYears,
    PositiveShare,
    YearlyRate,
)
from data_model.models import FeedbackScore, MentorReport, OwnValue, WorkforceMonth
from data_model.queries import monthly_rows

F, M, W, V = FeedbackScore, MentorReport, WorkforceMonth, OwnValue


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
    when given (see queries.rollup), else the day table; a figure that needs marked rows
    (queries.monthly_rows.needs_rows) reads them, given in the same place."""
    aggregation = indicator.aggregation
    if aggregation.source == "own" or isinstance(aggregation, LatestLevel | LeavingTurnover):
        return _monthly(aggregation, feedback_rows)
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
        case PersonYears():
            value = cast(func.sum(W.fte), Float) / 12.0
            return Measure(W, value, func.count(W.id), (W.fte.is_not(None),))
        case MeanHeadcount():
            # Months of an absence log (no headcount) do not count as months of zero people.
            months = func.count(distinct(W.month))
            value = ratio(func.sum(W.headcount), months)
            return Measure(W, value, func.count(W.id), (W.headcount.is_not(None),))
    raise ValueError(f"unknown aggregation {aggregation!r}")


def _monthly(aggregation, rows=None) -> Measure:
    """An own indicator's or a level's measure over its table, or over queries.monthly_rows'
    marked rows (`latest`, `shown`) where its figure needs them."""
    if rows is None and isinstance(aggregation, LatestLevel | LeavingTurnover | OwnLatest):
        raise ValueError(f"{type(aggregation).__name__} reads queries.monthly_rows' rows")
    match aggregation:
        case LatestLevel(figure=figure):
            T = rows
            level = func.sum(case((T.latest == 1, getattr(T, figure))))
            return Measure(T, cast(level, Float), func.sum(T.latest))
        case LeavingTurnover():
            T = rows
            headcount = func.sum(case((T.latest == 1, T.headcount)))
            months = func.count(distinct(case((T.leavers.is_not(None), T.month))))
            value = ratio(func.sum(T.leavers), months * headcount, 1200)
            return Measure(T, value, func.count(T.leavers))
    T = V if rows is None else rows
    where = tuple(monthly_rows.own_filters(aggregation, T)) if rows is None else ()
    private = hasattr(T, "shown") and getattr(aggregation, "personal", False)
    total = func.sum
    withheld = None
    if private:

        def total(x):
            return func.sum(case((T.shown == 1, x)))

        withheld = func.sum(case((T.shown == 0, 1), else_=0))
    unit_months = func.count(T.id) if not private else None
    match aggregation:
        case OwnSum():
            return Measure(T, cast(func.sum(T.value), Float), func.count(T.id), where)
        case OwnMean():
            return Measure(
                T, ratio(func.sum(T.value), func.count(T.value)), func.count(T.id), where
            )
        case OwnWeightedMean():
            w = monthly_rows.weight(T)
            value = ratio(total(T.value * w), total(w))
            return Measure(T, value, unit_months if not private else total(w), where, withheld)
        case OwnRatio():
            value = ratio(total(T.numerator), total(T.denominator), aggregation.factor)
            n = unit_months if not private else total(T.denominator)
            return Measure(T, value, n, where, withheld)
        case OwnLatest():
            level = func.sum(case((T.latest == 1, T.value)))
            return Measure(T, cast(level, Float), func.sum(T.latest))
    raise ValueError(f"unknown aggregation {aggregation!r}")
