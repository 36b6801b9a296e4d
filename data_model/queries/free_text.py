"""Free-text comments, shown only where enough people answered (user guide, "Privacy"): a comment
follows the privacy cell of its question and month, as the figures do, and the dates widen to
whole months as the figures' do, so neither the comments shown nor the number withheld tell on
which days answers came.
"""

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Integer, and_, cast, extract, func, select
from sqlalchemy.engine import Engine

from core.reading import Reading
from core.scope import EVERYTHING, Scope
from data_model.models import FeedbackComment, FeedbackMonthTotal, Unit
from data_model.queries import privacy, rollup, scoping

C, F = FeedbackComment, FeedbackMonthTotal  # the monthly totals carry each cell's answers
COLUMNS = ["date", "unit", "survey", "question", "text"]


@dataclass
class Comments:
    """The comments that may be shown, newest first, and how many were withheld."""

    rows: pd.DataFrame
    withheld: int


def _answer_counts(unit_filters: list, survey: str | None):
    """The answers of the privacy cells per unit, survey and month: for each question its
    largest cell, and the largest over the survey's questions (the respondents of a free-text
    question, which has no scores of its own)."""
    where = [*unit_filters] + ([F.survey == survey] if survey is not None else [])
    keys = (F.unit_id, F.survey, F.year, F.month)
    per_question = (
        select(*keys, F.question, func.max(F.cell_n).label("n"))
        .select_from(F.__table__.join(Unit, F.unit_id == Unit.id))
        .where(*where)
        .group_by(*keys, F.question)
        .subquery("per_question")
    )
    q = per_question.c
    per_survey = (
        select(q.unit_id, q.survey, q.year, q.month, func.max(q.n).label("n"))
        .group_by(q.unit_id, q.survey, q.year, q.month)
        .subquery("per_survey")
    )
    return per_question, per_survey


def comments(
    engine: Engine, *, reading: Reading, scope: Scope = EVERYTHING, limit: int = 500
) -> Comments:
    """Comments in scope (its dates widened to whole months) whose privacy cell reaches the
    reading's threshold.

    A comment on a scored question follows that question's cell in its month; a comment on a
    free-text question (wide exports) follows the largest cell of its unit, survey and month.
    Nothing of a withheld comment leaves the database but the number of them.
    """
    scope = rollup.feedback_scope("month", scope)
    per_question, per_survey = _answer_counts(scoping.unit_filters(F, scope), scope.survey)
    year, month = cast(extract("year", C.date), Integer), cast(extract("month", C.date), Integer)
    q, s = per_question.c, per_survey.c
    joined = (
        C.__table__.join(Unit, C.unit_id == Unit.id)
        .outerjoin(
            per_question,
            and_(
                q.unit_id == C.unit_id,
                q.survey == C.survey,
                q.question == C.question,
                q.year == year,
                q.month == month,
            ),
        )
        .outerjoin(
            per_survey,
            and_(s.unit_id == C.unit_id, s.survey == C.survey, s.year == year, s.month == month),
        )
    )
    where = scoping.unit_filters(C, scope) + scoping.date_filters(C.date, scope)
    where += scoping.question_filters(C, scope)
    allowed = privacy.enough(func.coalesce(q.n, s.n, 0), reading.min_answers)
    shown = (
        select(C.date, Unit.name.label("unit"), C.survey, C.question, C.text)
        .select_from(joined)
        .where(*where, allowed)
        .order_by(C.date.desc(), C.id.desc())
        .limit(limit)
    )
    withheld = select(func.count(C.id)).select_from(joined).where(*where, ~allowed)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(shown)]
        hidden = conn.execute(withheld).scalar() or 0
    return Comments(pd.DataFrame.from_records(rows, columns=COLUMNS), int(hidden))
