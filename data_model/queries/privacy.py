"""Privacy of feedback figures (DESIGN "Privacy", issue 4 item 6): a figure resting on fewer
answers than the threshold is hidden, and hiding one series in a bucket hides a second one too,
so the hidden figure cannot be worked out from a shown total of the wider group.
"""

import pandas as pd


def suppress_small(frame: pd.DataFrame, min_answers: int) -> pd.DataFrame:
    """Hide every value whose n is below min_answers (value NaN, suppressed True)."""
    small = frame["n"] < min_answers
    return frame.assign(value=frame["value"].where(~small), suppressed=frame["suppressed"] | small)


def suppress_complementary(frame: pd.DataFrame) -> pd.DataFrame:
    """Complementary suppression over the series of one grouping (units or areas, no total).

    In a bucket where exactly one series is hidden, a total of the group shown in the same view
    minus the shown series would reveal it. So the shown series with the fewest answers in that
    bucket (ties: by series name) is hidden as well; the two hidden ones then only reveal their
    combined figure, which rests on enough answers. With two or more hidden there is no single
    hidden figure to derive.
    """
    frame = frame.copy()
    for _, rows in frame.groupby("bucket_start", sort=False):
        hidden = rows["suppressed"]
        if hidden.sum() != 1:
            continue
        shown = rows[~hidden].sort_values(["n", "series"])
        if not shown.empty:
            second = shown.index[0]
            frame.loc[second, "value"] = float("nan")
            frame.loc[second, "suppressed"] = True
    return frame
