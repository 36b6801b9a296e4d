"""The query scope a page derives from the sidebar filters and the Settings: which units,
which dates, which period kind and privacy threshold. Pure enough to be read in one place."""

from dataclasses import dataclass

from ui import data
from ui import formatting as fmt
from ui.state import Filters
from ui.texts import t


@dataclass(frozen=True)
class Scope:
    start: object
    end: object
    unit_ids: tuple[int, ...] | None  # None: every unit (of the service area, if one)
    service_area_id: int | None
    period_kind: str
    min_answers: int
    margin: float

    def query_args(self) -> dict:
        """The keyword arguments every data_model.queries function shares."""
        return {
            "unit_ids": self.unit_ids,
            "service_area_id": self.service_area_id,
            "period_kind": self.period_kind,
            "min_answers": self.min_answers,
        }


def from_filters(filters: Filters) -> Scope:
    settings = data.settings()
    return Scope(
        start=filters.start,
        end=filters.end,
        unit_ids=tuple(filters.unit_ids) or None,
        service_area_id=filters.service_area_id,
        period_kind=settings["period_kind"],
        min_answers=int(settings["min_answers"]),
        margin=float(settings["target_margin"]),
    )


def caption(scope: Scope, lang: str) -> str:
    """'Palvelualue Varhaiskasvatus · 1.1.2025 – 31.10.2026' for a page's subtitle."""
    if scope.unit_ids:
        names = {u["id"]: u["name"] for u in data.units()}
        chosen = [names.get(u, str(u)) for u in scope.unit_ids]
        what = ", ".join(chosen) if len(chosen) <= 3 else t("scope.units", lang, n=len(chosen))
    elif scope.service_area_id is not None:
        areas = dict(data.service_areas())
        what = t("scope.area", lang, area=areas.get(scope.service_area_id, ""))
    else:
        what = t("scope.all", lang)
    return t(
        "scope.caption", lang, scope=what, start=fmt.date(scope.start, lang),
        end=fmt.date(scope.end, lang),
    )  # fmt: skip
