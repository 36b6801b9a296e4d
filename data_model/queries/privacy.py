"""Privacy of feedback figures (README "Privacy"): a figure resting on fewer answers than the
threshold is hidden together with its count.

The guarantee across pages rests on queries.rollup: answers in a privacy cell under the
threshold count in no figure at all, so there is no total to subtract them from. This module is
the last check on each figure, for a figure that counts only part of its cells (e.g. the share
of positive answers over the few answers given one by one).
"""

import numpy as np
import pandas as pd


def suppress_small(frame: pd.DataFrame, min_answers: int) -> pd.DataFrame:
    """Hide every value whose n is below min_answers (value NaN, n 0, suppressed True)."""
    n = frame["n"].to_numpy()
    hidden = frame["suppressed"].to_numpy(dtype=bool) | ((n < min_answers) & (n > 0))
    if not hidden.any():
        return frame
    value = np.where(hidden, np.nan, frame["value"].to_numpy(dtype=float))
    return frame.assign(value=value, n=np.where(hidden, 0, n), suppressed=hidden)
