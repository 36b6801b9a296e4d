"""The dashboard's rules, written once: which indicators the scorecard, the units table and a
unit's trends show, and when the feeling meter raises a unit. Pure (pandas on small frames the
database already aggregated), so pages, the benchmark and tests share them.
"""

import pandas as pd

# The scorecard's cards (Overview and a unit's dashboard), in order.
KEY_INDICATORS = (
    "feedback_mean", "feedback_positive_share", "nps", "feedback_answers",
    "mentor_mood", "mentor_workload", "sick_leave_days_per_fte", "turnover_percent",
)  # fmt: skip
# The Overview's units x indicators table.
TABLE_INDICATORS = (
    "feedback_mean", "feedback_positive_share", "mentor_mood", "mentor_concerns",
    "sick_leave_days_per_fte", "turnover_percent", "headcount",
)  # fmt: skip
# The charts on a unit's dashboard.
UNIT_TREND_INDICATORS = (
    "feedback_mean", "mentor_mood", "sick_leave_days_per_fte", "turnover_percent",
)  # fmt: skip

# --- The feeling meter ---------------------------------------------------------------------

RECENT_MONTHS = 3  # the latest months compared with the three before them
DROP = 0.5  # a fall of at least this much on the 1-5 scale raises the unit
LOW = 3.0  # or a recent mean under this


def falling_units(monthly: pd.DataFrame) -> pd.DataFrame:
    """Units whose mean mood over the latest RECENT_MONTHS months fell by DROP or more from the
    months before, or sits under LOW: unit, series_id, recent, earlier, change; worst first."""
    rows = []
    for (unit, unit_id), frame in monthly.dropna(subset=["value"]).groupby(["series", "series_id"]):
        frame = frame.sort_values("bucket_start")
        recent = frame.tail(RECENT_MONTHS)
        earlier = frame.iloc[:-RECENT_MONTHS].tail(RECENT_MONTHS)
        if recent.empty:
            continue
        now = float(recent["value"].mean())
        before = float(earlier["value"].mean()) if not earlier.empty else None
        change = None if before is None else now - before
        if (change is not None and change <= -DROP) or now < LOW:
            rows.append(
                {"unit": unit, "series_id": unit_id, "recent": now, "earlier": before,
                 "change": change}
            )  # fmt: skip
    columns = ["unit", "series_id", "recent", "earlier", "change"]
    falling = pd.DataFrame(rows, columns=columns)
    return falling.sort_values(["change", "recent"], na_position="last", ignore_index=True)
