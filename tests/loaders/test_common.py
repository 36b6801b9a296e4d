"""loaders.common: what counts as a positive answer on each scale, and a file's mean."""

import pandas as pd
import pytest

from loaders.common import positive


@pytest.mark.parametrize(
    ("score", "low", "high", "expected"),
    [
        (4, 1, 5, True),
        (3, 1, 5, False),
        (8, 0, 10, True),
        (7, 0, 10, False),
        (6, 1, 7, True),
        (5, 1, 7, False),
        (4, 1, 4, True),
        (3, 1, 4, False),
    ],
)
def test_positive_is_four_of_five_rescaled(score, low, high, expected):
    result = positive(pd.Series([score]), pd.Series([low]), pd.Series([high]))
    assert bool(result.iloc[0]) is expected
