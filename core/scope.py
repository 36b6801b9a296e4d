"""The one scope type: which rows a figure is computed over, from the sidebar's filters to the
SQL. Every query takes a Scope; none takes loose unit and date arguments.
"""

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Literal, get_args

# How a figure is split into series: one for the whole scope, one per unit or per service area.
Grouping = Literal["total", "unit", "service_area"]
GROUPINGS: tuple[Grouping, ...] = get_args(Grouping)


@dataclasses.dataclass(frozen=True)
class Scope:
    """Units (or a service area's units), a date range, and for feedback a survey and a question.

    unit_ids is None for every unit (of the service area, if one is given); a filter that
    names no unit means the same, so an empty selection is normalised to None here, once.

    allowed_unit_ids is what the signed-in user may see, on top of every other filter: None
    for everything, an empty tuple for nothing. It is kept by between(), for_units() and
    for_questions(), so no page can widen a scope it was given.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    unit_ids: tuple[int, ...] | None = None
    service_area_id: int | None = None
    survey: str | None = None
    question: str | None = None
    allowed_unit_ids: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        ids = self.unit_ids
        if ids is not None:
            ids = tuple(sorted({int(u) for u in ids})) or None
        object.__setattr__(self, "unit_ids", ids)
        allowed = self.allowed_unit_ids
        if allowed is not None:  # empty stays empty: nothing is allowed
            object.__setattr__(self, "allowed_unit_ids", tuple(sorted({int(u) for u in allowed})))

    def allows(self, unit_id: int) -> bool:
        return self.allowed_unit_ids is None or unit_id in self.allowed_unit_ids

    def between(self, start: dt.date | None, end: dt.date | None) -> "Scope":
        return dataclasses.replace(self, start=start, end=end)

    def for_units(self, unit_ids: Iterable[int] | None) -> "Scope":
        """The same dates and questions for other units (None: every unit, no area)."""
        ids = None if unit_ids is None else tuple(unit_ids)
        return dataclasses.replace(self, unit_ids=ids, service_area_id=None)

    def for_questions(self, survey: str | None, question: str | None) -> "Scope":
        return dataclasses.replace(self, survey=survey, question=question)

    @property
    def single_unit(self) -> int | None:
        """The unit when the scope is exactly one unit (its targets apply), else None."""
        return self.unit_ids[0] if self.unit_ids is not None and len(self.unit_ids) == 1 else None


EVERYTHING = Scope()  # every unit, every date, every survey
