"""Free-text comments, shown only where enough people answered (DESIGN "Privacy"): a comment
is shown when its unit, survey, question and month hold at least the threshold of answers.
"""

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Integer, and_, cast, extract, func, select
from sqlalchemy.engine import Engine

from core.scope import EVERYTHING, Scope
from data_model.models import FeedbackComment, FeedbackMonthTotal, Unit
from data_model.queries import scoping

C, F = FeedbackComment, FeedbackMonthTotal  # answers per month: the monthly totals hold them
COLUMNS = ["date", "unit", "survey", "question", "text"]


@dataclass
class Comments:
    """The comments that may be shown, newest first, and how many were withheld."""

    rows: pd.DataFrame
    withheld: int


def _answer_counts(unit_filters: list, survey: str | None):
    """Answers per unit, survey, month: for each question, and the largest over questions
    (the respondents of a free-text question, which has no scores of its own)."""
    where = [*unit_filters] + ([F.survey == survey] if survey is not None else [])
    keys = (F.unit_id, F.survey, F.year, F.month)
    per_question = (
        select(*keys, F.question, func.sum(F.n).label("n"))
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
    *, engine: Engine, scope: Scope = EVERYTHING, min_answers: int = 5, limit: int = 500
) -> Comments:
    """Comments in scope whose (unit, survey, question, month) has at least min_answers answers.

    A comment on a scored question counts that question's answers; a comment on a free-text
    question (wide exports) counts the most-answered question of its unit, survey and month.
    Nothing of a withheld comment leaves the database but the number of them.
    """
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
    answers = func.coalesce(q.n, s.n, 0)
    shown = (
        select(C.date, Unit.name.label("unit"), C.survey, C.question, C.text)
        .select_from(joined)
        .where(*where, answers >= min_answers)
        .order_by(C.date.desc(), C.id.desc())
        .limit(limit)
    )
    withheld = select(func.count(C.id)).select_from(joined).where(*where, answers < min_answers)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(shown)]
        hidden = conn.execute(withheld).scalar() or 0
    return Comments(pd.DataFrame.from_records(rows, columns=COLUMNS), int(hidden))
