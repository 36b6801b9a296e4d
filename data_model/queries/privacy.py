"""The privacy rule of feedback, in one place (user guide, "Privacy"): answers count only where
their privacy cell (one unit's answers to one question in one calendar month) reaches the
threshold, and at week or day grain only where the cell's smallest week or day does too. A
figure, a comment, a question in a list, a unit-month of the effectiveness pages, a panel's sums:
each is shown only where `enough()` says so, and nothing else in the code decides it.

Rows under the threshold count in no figure at all (queries.rollup reads the totals with
`shown`), so there is no total to subtract them from; suppress_small() is the last check on a
figure that counts only part of its cells (the share of positive answers over the few answers
given one by one).
"""

import numpy as np
import pandas as pd
from sqlalchemy import case


def enough(answers, min_answers: int):
    """Whether answers reach the threshold: a SQL condition for a column, an array of booleans
    for an array, a bool for a number (so the same rule serves SQL, pandas and Python)."""
    return answers >= min_answers


def shown(cell_n, week_min_n, day_min_n, grain: str, min_answers: int):
    """1 when a row may count in a figure at this grain, else 0: its privacy cell's answers
    reach the threshold and, at week or day grain, so do those of the cell's smallest week or
    day (which then implies the first: a cell holds at least its smallest week or day)."""
    smallest = {"week": week_min_n, "day": day_min_n}.get(grain, cell_n)
    return case((enough(smallest, min_answers), 1), else_=0)


def hidden(answers: float, min_answers: int) -> bool:
    """True when a figure resting on `answers` answers may not be shown."""
    return not enough(answers, min_answers)


def suppress_small(frame: pd.DataFrame, min_answers: int) -> pd.DataFrame:
    """Hide every value whose n is below min_answers (value NaN, n 0, suppressed True)."""
    n = frame["n"].to_numpy()
    hidden_rows = frame["suppressed"].to_numpy(dtype=bool) | (~enough(n, min_answers) & (n > 0))
    if not hidden_rows.any():
        return frame
    value = np.where(hidden_rows, np.nan, frame["value"].to_numpy(dtype=float))
    return frame.assign(value=value, n=np.where(hidden_rows, 0, n), suppressed=hidden_rows)
