"""Privacy of feedback figures (README "Privacy"): a figure resting on fewer answers than the
threshold is hidden together with its count.

The guarantee across pages rests on queries.rollup: answers in a privacy cell under the
threshold count in no figure at all, so there is no total to subtract them from. This module is
the last check on each figure, for a figure that counts only part of its cells (e.g. the share
of positive answers over the few answers given one by one).
"""

import pandas as pd


def suppress_small(frame: pd.DataFrame, min_answers: int) -> pd.DataFrame:
    """Hide every value whose n is below min_answers (value NaN, n 0, suppressed True)."""
    small = (frame["n"] < min_answers) & (frame["n"] > 0)
    hidden = frame["suppressed"] | small
    return frame.assign(
        value=frame["value"].where(~hidden), n=frame["n"].where(~hidden, 0), suppressed=hidden
    )
