"""The feeling meter's rules, written once: when it raises a unit, with every reason's numbers,
and the thresholds the Settings page can change (their defaults are the settings' defaults).
Pure (pandas on small frames the database already aggregated), so pages and tests share them.
"""

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from core import change as ch

# --- The feeling meter's attention list: every rule that holds, with its numbers ---------------

RECENT_MONTHS = 3  # the latest months compared with the months before them
DROP = 0.5  # a fall (or workload rise) of at least this much on the 1-5 scale raises the unit
LOW = 3.0  # or a mean mood under this
REPORT_WEEKS = 6  # a coached unit is expected to get a mentor report at least this often


@dataclass(frozen=True)
class Thresholds:
    """The attention rules' settings (Settings page, stored as feeling_<field>; these defaults
    are the settings' defaults, data_model.app_settings.DEFAULTS)."""

    months: int = RECENT_MONTHS
    drop: float = DROP
    low: float = LOW
    report_weeks: int = REPORT_WEEKS


@dataclass(frozen=True)
class Reason:
    """One rule that holds: its code (mood_fall, low_mood, concerns, no_report, workload_rise)
    and the numbers its sentence shows."""

    rule: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Raised:
    unit_id: int
    reasons: tuple[Reason, ...]
    mood_change: float | None = None  # the latest months against the months before

    def rules(self) -> list[str]:
        return [r.rule for r in self.reasons]


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _window(months: pd.DataFrame, first: int, last: int, column: str) -> ch.MeanStats:
    rows = months[(months["index"] >= first) & (months["index"] <= last)]
    squares = rows[f"{column}_sq"]
    return ch.MeanStats(
        float(rows[f"{column}_n"].sum()),
        float(rows[f"{column}_sum"].fillna(0).sum()),
        float(squares.fillna(0).sum()),
    )


def _fall_or_rise(
    months, now: int, rule: str, column: str, limits: Thresholds, higher_is_better: bool
) -> tuple[Reason | None, float | None]:
    """Mean over the latest `months` months against the `months` before (pooled over reports)."""
    n = limits.months
    recent = _window(months, now - n + 1, now, column)
    earlier = _window(months, now - 2 * n + 1, now - n, column)
    if not recent.n or not earlier.n:
        return None, None
    judged = ch.mean_change(earlier, recent, higher_is_better)
    moved = judged.difference if rule == "workload_rise" else -judged.difference
    if not ch.at_least(moved, limits.drop):
        return None, judged.difference
    values = {
        "months": n,
        "recent": recent.mean,
        "earlier": earlier.mean,
        "change": judged.difference,
        "n_recent": int(recent.n),
        "n_earlier": int(earlier.n),
        "verdict": judged.verdict,
    }
    return Reason(rule, values), judged.difference


def attention(
    sums: pd.DataFrame,
    as_of: dt.date,
    limits: Thresholds = Thresholds(),
    expected: tuple[int, ...] = (),
) -> list[Raised]:
    """Every unit for which a rule holds, with each reason's numbers; most reasons first, then
    the steepest fall of mood.

    sums: data_model.queries.mentoring.report_sums (per unit, week, month and mentor). as_of:
    the day the picture is read (the scope's end); its month is the latest month. expected:
    units that should have reports (in coaching) even if none are in sums.

    - mood_fall: mood over the latest `months` months at least `drop` below the months before;
    - low_mood: mood under `low` in the unit's two latest report months, consecutive;
    - concerns: concerns raised in the unit's latest report month (how many, by whom);
    - no_report: no report for more than `report_weeks` weeks before as_of;
    - workload_rise: workload over the latest months at least `drop` above the months before.
    Comparisons forgive floating-point rounding (4,1 -> 3,6 is a fall of 0,5).
    """
    now = _month_index(as_of)
    raised = []
    unit_ids = sorted(set(sums["unit_id"]) | set(expected)) if not sums.empty else list(expected)
    for unit_id in unit_ids:
        rows = sums[sums["unit_id"] == unit_id] if not sums.empty else sums
        reasons = []
        mood_change = None
        if not rows.empty:
            months = (
                rows.groupby("month", as_index=False)
                .agg(
                    {
                        c: "sum"
                        for c in rows.columns
                        if c.endswith(("_n", "_sum", "_sq")) or c in ("reports", "concerns")
                    }
                )
                .sort_values("month")
            )
            months["index"] = [_month_index(m) for m in months["month"]]
            fall, mood_change = _fall_or_rise(months, now, "mood_fall", "mood", limits, True)
            if fall:
                reasons.append(fall)
            with_mood = months[months["mood_n"] > 0]
            if len(with_mood) >= 2:
                last_two = with_mood.tail(2)
                means = (last_two["mood_sum"] / last_two["mood_n"]).tolist()
                indexes = last_two["index"].tolist()
                if indexes[1] - indexes[0] == 1 and all(m < limits.low - ch.EPS for m in means):
                    reasons.append(
                        Reason(
                            "low_mood",
                            {
                                "low": limits.low,
                                "months": last_two["month"].tolist(),
                                "means": means,
                            },
                        )
                    )
            latest = months["month"].max()
            in_latest = rows[(rows["month"] == latest) & (rows["concerns"] > 0)]
            if not in_latest.empty:
                mentors = sorted({m for m in in_latest["mentor"] if m})
                reasons.append(
                    Reason(
                        "concerns",
                        {
                            "month": latest,
                            "count": int(in_latest["concerns"].sum()),
                            "mentors": mentors,
                            "reports": int(rows.loc[rows["month"] == latest, "reports"].sum()),
                        },
                    )
                )
            last = max(rows["last_date"])
        else:
            last = None
        if last is None or (as_of - last).days > 7 * limits.report_weeks:
            reasons.append(
                Reason(
                    "no_report",
                    {
                        "last": last,
                        "weeks": limits.report_weeks,
                        "days": None if last is None else (as_of - last).days,
                    },
                )
            )
        if not rows.empty:
            rise, _ = _fall_or_rise(months, now, "workload_rise", "workload", limits, False)
            if rise:
                reasons.append(rise)
        if reasons:
            raised.append(Raised(int(unit_id), tuple(reasons), mood_change))
    raised.sort(
        key=lambda r: (
            -len(r.reasons),
            r.mood_change if r.mood_change is not None else 0.0,
            r.unit_id,
        )
    )
    return raised
