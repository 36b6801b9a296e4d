"""The organisation's own indicators as definitions: what an admin decides about one (names in
Finnish, Swedish and English, unit of measure, which direction is better, how it aggregates,
decimals, its place on the scorecard, a description), the safe defaults a name first met in a
file gets, the presets that compare with others (the municipal employers' staff report key
figures, vocational education's drop-outs and completed qualifications), and the catalog entry
(core.indicators.Indicator) each becomes. Pure Python: the database keeps the definitions
(data_model.own_indicators), the loaders read their aggregation from here.
"""

import re
import unicodedata
from dataclasses import dataclass, fields, replace
from typing import Literal, get_args

from core.indicators import (
    Aggregation,
    ChangeKind,
    Indicator,
    LatestLevel,
    LeavingTurnover,
    OwnHow,
    OwnLatest,
    OwnMean,
    OwnRatio,
    OwnSum,
    OwnWeightedMean,
    PersonYears,
    YearlyRate,
)

Measure = Literal["", "%", "kpl", "€", "h", "d"]
Better = Literal["higher", "lower", "none"]
MEASURES: tuple[str, ...] = get_args(Measure)
# Each unit of measure's name in the texts (own.measure.<name>).
MEASURE_NAMES = {"": "none", "%": "percent", "kpl": "count", "€": "euro", "h": "hours", "d": "days"}
BETTER: tuple[str, ...] = get_args(Better)
AGGREGATES: tuple[str, ...] = get_args(OwnHow)
MAX_DECIMALS = 4
CODE_PREFIX = "own_"


@dataclass(frozen=True)
class Definition:
    """One own indicator as the database keeps it. formula: a preset computed from workforce
    imports (FORMULAS) instead of imported values; its aggregation is the formula's."""

    id: int
    code: str
    name_fi: str
    name_sv: str = ""
    name_en: str = ""
    description_fi: str = ""
    description_sv: str = ""
    description_en: str = ""
    measure: str = ""
    better: str = "higher"
    aggregate: str = "mean"
    per_year: bool = False
    decimals: int = 1
    scorecard: bool = False
    position: int = 0
    personal: bool = False
    target: float | None = None
    formula: str | None = None
    preset: str | None = None

    def name(self, lang: str) -> str:
        return {"sv": self.name_sv, "en": self.name_en}.get(lang) or self.name_fi

    def indicator(self) -> Indicator:
        """The catalog entry: the same typed path every page and query takes."""
        aggregation = self.aggregation()
        percent = self.measure == "%"
        return Indicator(
            self.code,
            self.name_fi,
            self.name_en,
            aggregation.source,
            aggregation,
            self.better != "lower",
            "percent" if percent else "decimal",
            self.target,
            self.description_fi,
            self.description_en,
            bounds=(0.0, None),
            name_sv=self.name_sv,
            description_sv=self.description_sv,
            decimals=self.decimals,
            measure=self.measure,
            neutral=self.better == "none",
            scorecard_position=self.position if self.scorecard else None,
            own=True,
        )

    def aggregation(self) -> Aggregation:
        if self.formula is not None:
            return FORMULAS[self.formula]
        match self.aggregate:
            case "sum":
                return OwnSum(self.id)
            case "weighted":
                return OwnWeightedMean(self.id, personal=self.personal)
            case "ratio":
                return OwnRatio(
                    self.id,
                    percent=self.measure == "%",
                    per_year=self.per_year,
                    judged=judged(self.measure, self.per_year),
                    personal=self.personal,
                )
            case "latest":
                return OwnLatest(self.id)
        return OwnMean(self.id)


def judged(measure: str, per_year: bool) -> ChangeKind | None:
    """How a change of a ratio is judged against chance: a count per a yearly exposure (per
    year) or per anything counted (no unit, kpl) by a Wilson interval of the rate; a share of a
    count in percent by Newcombe's interval; a sum of euros, hours or days is no count, so its
    change is not judged."""
    if per_year or measure in ("", "kpl"):
        return "rate"
    if measure == "%":
        return "share"
    return None


# --- Checking a change an admin makes -----------------------------------------------------------

EDITABLE = (
    "name_fi",
    "name_sv",
    "name_en",
    "description_fi",
    "description_sv",
    "description_en",
    "measure",
    "better",
    "aggregate",
    "per_year",
    "decimals",
    "scorecard",
    "position",
    "personal",
    "target",
)


class DefinitionError(ValueError):
    """A change that cannot be made: code says which rule (own.error.<code> in the texts)."""

    def __init__(self, code: str, **params) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def changed(definition: Definition, **changes) -> Definition:
    """The definition with changes applied and checked; DefinitionError says what is wrong."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DefinitionError("unknown_field", fields=", ".join(sorted(unknown)))
    if definition.formula is not None and {"aggregate", "per_year", "personal"} & set(changes):
        old = {k: getattr(definition, k) for k in ("aggregate", "per_year", "personal")}
        if any(changes[k] != old[k] for k in changes if k in old):
            raise DefinitionError("formula_fixed")
    texts = {k: " ".join(str(v).split()) for k, v in changes.items() if k.startswith("name_")}
    updated = replace(definition, **{**changes, **texts})
    check(updated)
    return updated


def check(definition: Definition) -> None:
    """The rules every definition keeps."""
    if not definition.name_fi.strip():
        raise DefinitionError("name_missing")
    for name in ("name_fi", "name_sv", "name_en"):
        if len(getattr(definition, name)) > 255:
            raise DefinitionError("name_too_long")
    if definition.measure not in MEASURES:
        raise DefinitionError("measure", choices=", ".join(m or "–" for m in MEASURES))
    if definition.better not in BETTER:
        raise DefinitionError("better", choices=", ".join(BETTER))
    if definition.aggregate not in AGGREGATES:
        raise DefinitionError("aggregate", choices=", ".join(AGGREGATES))
    if not 0 <= int(definition.decimals) <= MAX_DECIMALS:
        raise DefinitionError("decimals", high=MAX_DECIMALS)
    if definition.per_year and definition.aggregate != "ratio" and definition.formula is None:
        raise DefinitionError("per_year_ratio")
    if definition.personal and definition.aggregate not in ("ratio", "weighted"):
        # a count of people is the denominator of a rate or the weight of a mean
        raise DefinitionError("personal_needs_denominator")


# --- A name first met in a file -----------------------------------------------------------------


def new_definition(name: str, *, has_ratio: bool, code: str = "") -> Definition:
    """The safe defaults of an indicator a file names for the first time: a ratio of its
    summed numerator and denominator where the file gives them (never a mean of ratios), else
    the mean of its values, which no number of units or months can inflate; in percent when the
    name says so; higher is better; not on the scorecard until an admin puts it there."""
    written = " ".join(str(name).split())
    percent = "%" in written
    return Definition(
        0,
        code or code_for(written),
        written,
        measure="%" if percent else "",
        aggregate="ratio" if has_ratio else "mean",
        decimals=1,
    )


def code_for(name: str, taken: set[str] = frozenset()) -> str:
    """A code from a name: ascii, lower case, words joined by _, prefixed own_ so it never
    meets a built-in code; made unique against taken."""
    plain = unicodedata.normalize("NFKD", name.replace("%", " percent "))
    plain = plain.encode("ascii", "ignore").decode().casefold()
    slug = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:48] or "indicator"
    code = CODE_PREFIX + slug
    number = 2
    while code in taken:
        code = f"{CODE_PREFIX}{slug}_{number}"
        number += 1
    return code


# --- Presets ------------------------------------------------------------------------------------
# The municipal employers' (KT Kunta- ja hyvinvointialuetyönantajat) recommendation for the annual
# staff report, "Suositus henkilöstökertomuksen laadintaan" (2021), asks every municipality to
# report five key figures computed alike, from 2022 on (docs/user-guide.md, "Own indicators"):
# computed here from the workforce imports, so the figures set beside another municipality's.

FORMULAS: dict[str, Aggregation] = {
    "kt_headcount": LatestLevel("headcount"),
    "kt_person_years": PersonYears(),
    "kt_sick_leave_days": YearlyRate("sick_leave_days", per="fte", factor=12),
    "kt_leaving_turnover": LeavingTurnover(),
    "kt_work_accidents": YearlyRate("work_accidents", per="fte", factor=12_000),
}


def _preset(code: str, names: tuple[str, str, str], texts: tuple[str, str, str], **kw):
    return Definition(0, code, *names, *texts, **kw)


STAFF_REPORT = (
    _preset(
        "kt_headcount",
        (
            "Henkilöstömäärä kauden lopussa",
            "Antal anställda vid periodens slut",
            "Headcount at the end of the period",
        ),
        (
            "Henkilöstön määrä kauden viimeisenä kuukautena (vuodelta 31.12.), yksiköiden "
            "viimeisimmät luvut yhteensä. KT:n henkilöstökertomussuositus 2021.",
            "Antalet anställda den sista månaden av perioden (för ett år 31.12), enheternas "
            "senaste tal sammanlagt. KT:s rekommendation om personalrapporten 2021.",
            "Staff in the period's last month (for a year, 31 December), the units' latest "
            "figures added up. KT's staff report recommendation of 2021.",
        ),
        measure="kpl",
        better="none",
        decimals=0,
        formula="kt_headcount",
        preset="staff_report",
    ),
    _preset(
        "kt_person_years",
        ("Henkilötyövuodet (HTV2)", "Årsverken (HTV2)", "Person-years worked (HTV2)"),
        (
            "Tehty työaika henkilötyövuosina: kuukausien henkilötyövuodet yhteensä / 12. "
            "KT:n henkilöstökertomussuositus 2021.",
            "Arbetad tid i årsverken: månadernas årsverken sammanlagt / 12. KT:s rekommendation "
            "om personalrapporten 2021.",
            "Time worked in person-years: the months' FTE added up / 12. KT's staff report "
            "recommendation of 2021.",
        ),
        better="none",
        decimals=1,
        formula="kt_person_years",
        preset="staff_report",
    ),
    _preset(
        "kt_sick_leave_days",
        (
            "Sairauspoissaolopäivät / HTV2",
            "Sjukfrånvarodagar / årsverke (HTV2)",
            "Sick leave days per person-year (HTV2)",
        ),
        (
            "Sairauspoissaolojen kalenteripäivät henkilötyövuotta kohden, vuositasolla. KT:n "
            "henkilöstökertomussuositus 2021.",
            "Sjukfrånvarons kalenderdagar per årsverke, på årsnivå. KT:s rekommendation om "
            "personalrapporten 2021.",
            "Calendar days of sick leave per person-year, annualised. KT's staff report "
            "recommendation of 2021.",
        ),
        measure="d",
        better="lower",
        decimals=1,
        formula="kt_sick_leave_days",
        preset="staff_report",
    ),
    _preset(
        "kt_leaving_turnover",
        ("Lähtövaihtuvuus %", "Avgångsomsättning %", "Leaving turnover %"),
        (
            "Palveluksesta lähteneet kauden henkilöstömäärään kauden lopussa suhteutettuna, "
            "vuositasolla (vuodelta: lähteneet 1.1.–31.12. / henkilöstö 31.12. × 100). KT:n "
            "henkilöstökertomussuositus 2021 laskee sen vakinaisesta henkilöstöstä.",
            "Anställda som slutat i förhållande till antalet anställda vid periodens slut, på "
            "årsnivå (för ett år: slutat 1.1–31.12 / anställda 31.12 × 100). KT:s rekommendation "
            "om personalrapporten 2021 räknar den för den fast anställda personalen.",
            "Leavers against the headcount at the end of the period, annualised (for a year: "
            "leavers 1 January–31 December / headcount on 31 December × 100). KT's staff report "
            "recommendation of 2021 counts it for permanent staff.",
        ),
        measure="%",
        better="lower",
        decimals=1,
        formula="kt_leaving_turnover",
        preset="staff_report",
    ),
    _preset(
        "kt_work_accidents",
        (
            "Työtapaturmat / 1 000 HTV2",
            "Arbetsolycksfall / 1 000 årsverken",
            "Work accidents per 1,000 person-years",
        ),
        (
            "Työ- ja työmatkatapaturmat tuhatta henkilötyövuotta kohden, vuositasolla. KT:n "
            "henkilöstökertomussuositus 2021.",
            "Olycksfall i arbetet och på arbetsresor per tusen årsverken, på årsnivå. KT:s "
            "rekommendation om personalrapporten 2021.",
            "Accidents at work and on the way to work per thousand person-years, annualised. "
            "KT's staff report recommendation of 2021.",
        ),
        better="lower",
        decimals=1,
        formula="kt_work_accidents",
        preset="staff_report",
    ),
)

# Vocational education (Vipunen's negatiivinen eronneisuus and qualifications completed): drop-
# outs and qualifications are counted per month or year, students are a level, so each is a
# ratio per year at every grain, never a mean of monthly ratios.
VOCATIONAL = (
    _preset(
        "own_dropout_rate",
        ("Keskeyttäneet %", "Avbrott %", "Drop-out rate %"),
        (
            "Koulutuksen keskeyttäneet opiskelijoista vuodessa: keskeyttäneet / opiskelijat "
            "(osoittaja ja nimittäjä tiedostosta).",
            "Studerande som avbrutit utbildningen per år: avbrott / studerande (täljare och "
            "nämnare från filen).",
            "Students who dropped out in a year: drop-outs / students (numerator and "
            "denominator from the file).",
        ),
        measure="%",
        better="lower",
        aggregate="ratio",
        per_year=True,
        decimals=1,
        preset="vocational",
    ),
    _preset(
        "own_qualifications_per_student",
        (
            "Suoritetut tutkinnot / opiskelija",
            "Avlagda examina / studerande",
            "Completed qualifications per student",
        ),
        (
            "Suoritetut tutkinnot opiskelijaa kohden vuodessa: tutkinnot / opiskelijat "
            "(osoittaja ja nimittäjä tiedostosta).",
            "Avlagda examina per studerande och år: examina / studerande (täljare och nämnare "
            "från filen).",
            "Qualifications completed per student a year: qualifications / students "
            "(numerator and denominator from the file).",
        ),
        aggregate="ratio",
        per_year=True,
        decimals=2,
        preset="vocational",
    ),
)

PRESETS: dict[str, tuple[Definition, ...]] = {
    "staff_report": STAFF_REPORT,
    "vocational": VOCATIONAL,
}
FIELDS = tuple(f.name for f in fields(Definition))
