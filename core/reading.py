"""How figures are read, as the Settings page leaves it: what a period is, the privacy threshold,
the yellow band around targets and the headcount under which rates run over 12 months. Every
query whose figures depend on these takes one Reading; none has a default for them.
"""

from dataclasses import dataclass

from core.periods import PeriodKind


@dataclass(frozen=True)
class Reading:
    """period_kind: what a period is (quarter, school term, operating year); min_answers: the
    privacy threshold of feedback figures and comments; margin: the yellow band under a target,
    as a share of it; rolling_under: units with fewer staff get their rates over a rolling 12
    months (0: never)."""

    period_kind: PeriodKind
    min_answers: int
    margin: float
    rolling_under: int
