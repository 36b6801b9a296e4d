"""The indicator catalog: every indicator defined once (code, names, source, how it aggregates,
direction, format, default target), and which indicators each page shows. Pure Python, so loaders
can check target files against it.

How an indicator aggregates is a typed specification (MeanScore(), YearlyRate("leavers",
per="headcount", factor=1200), ...), not a string: data_model.queries.measures turns it into the
figure's SQL and data_model.queries.change_sums into the sums a change is judged on, so each
formula is written here once. An organisation's own indicator, defined at run time, is an
Indicator like these and goes through the same queries.

Workforce rates are per year at every grain (factor x sum over unit-months / sum of FTE or
headcount over the same unit-months, factor 12), so a monthly figure compares with a yearly
target.

The organisation's own indicators are definitions in the database (core.own_indicators says
what one holds); whoever opens the database hands their catalog entries to use_own() (the page
layer, the command line), or lends them for a while with own_in_use() (an import), and get(),
find(), every() and on_page() see them beside the built-in ones.
"""

import contextvars
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import ClassVar, Literal

Source = Literal["feedback", "mentor_reports", "workforce", "own"]
Format = Literal["score", "percent", "count", "decimal"]
# How a change of the figure is judged against chance (core.change), if it can be.
ChangeKind = Literal["mean", "share", "rate"]

FORMAT_RANGES: dict[str, tuple[float | None, float | None]] = {
    "score": (1.0, 5.0),
    "percent": (0.0, 100.0),
    "count": (0.0, None),
    "decimal": (0.0, None),
}

# --- How an indicator aggregates ---------------------------------------------------------------
# Each class is one way of computing a figure over the rows of a bucket and scope. `source` says
# which rows; `protected`, whether the figure reveals answers (hidden under the privacy
# threshold); `change`, how a change of it is judged (None: it is not). `kind` names the class
# in data (an own indicator's definition stored as JSON).


@dataclass(frozen=True)
class MeanScore:
    """Feedback answers' mean on 1-5 (other scales rescaled linearly; yes/no questions left
    out)."""

    source: ClassVar[Source] = "feedback"
    protected: ClassVar[bool] = True
    change: ClassVar[ChangeKind | None] = "mean"
    kind: Literal["mean_score"] = field(default="mean_score", init=False)


@dataclass(frozen=True)
class PositiveShare:
    """Percent of feedback answers above the scale's midpoint (4-5 of 5, 8-10 of 10, yes)."""

    source: ClassVar[Source] = "feedback"
    protected: ClassVar[bool] = True
    change: ClassVar[ChangeKind | None] = "share"
    kind: Literal["positive_share"] = field(default="positive_share", init=False)


@dataclass(frozen=True)
class AnswerCount:
    """The number of feedback answers: it says nothing of what was answered."""

    source: ClassVar[Source] = "feedback"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["answers"] = field(default="answers", init=False)


@dataclass(frozen=True)
class NetPromoterScore:
    """Promoters (9-10) minus detractors (0-6), in percent of the answers to 0-10 questions."""

    source: ClassVar[Source] = "feedback"
    protected: ClassVar[bool] = True
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["nps"] = field(default="nps", init=False)


MentorRating = Literal["mood", "workload", "atmosphere", "interaction"]


@dataclass(frozen=True)
class MeanRating:
    """The mean of one rating (1-5) over the mentor reports that give it."""

    rating: MentorRating
    source: ClassVar[Source] = "mentor_reports"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = "mean"
    kind: Literal["mean_rating"] = field(default="mean_rating", init=False)


@dataclass(frozen=True)
class ConcernCount:
    """The mentor reports that raise a concern."""

    source: ClassVar[Source] = "mentor_reports"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["concerns"] = field(default="concerns", init=False)


WorkforceFigure = Literal[
    "sick_leave_days",
    "short_sick_leaves",
    "new_hires",
    "leavers",
    "overtime_hours",
    "training_days",
    "work_accidents",
]
# What a rate is per: "fte" is the FTE where the file gave it, else the headcount.
Exposure = Literal["fte", "headcount"]


@dataclass(frozen=True)
class YearlyRate:
    """factor x sum(figure) / sum(exposure) over the unit-months that give the figure. With
    factor 12 the monthly figures become a yearly rate per FTE or person (one month of 10 FTE
    and 10 sick days: 12 days per FTE); turnover is leavers per mean headcount, factor 1200
    for percent."""

    figure: WorkforceFigure
    per: Exposure
    factor: float
    source: ClassVar[Source] = "workforce"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = "rate"
    kind: Literal["yearly_rate"] = field(default="yearly_rate", init=False)


@dataclass(frozen=True)
class MeanHeadcount:
    """The mean monthly headcount: sum(headcount) over the months that give one / months."""

    source: ClassVar[Source] = "workforce"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["mean_headcount"] = field(default="mean_headcount", init=False)


@dataclass(frozen=True)
class LatestLevel:
    """A level at the end of the bucket, such as the headcount on 31 December: each unit's
    figure in its newest month of the bucket, summed over the units."""

    figure: Literal["headcount", "fte"]
    source: ClassVar[Source] = "workforce"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["latest_level"] = field(default="latest_level", init=False)


@dataclass(frozen=True)
class PersonYears:
    """Person-years (htv) worked in the bucket: sum(FTE) / 12 over the unit-months that give an
    FTE (a month of 10 FTE is 10/12 person-years)."""

    source: ClassVar[Source] = "workforce"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["person_years"] = field(default="person_years", init=False)


@dataclass(frozen=True)
class LeavingTurnover:
    """Leavers in percent of the headcount at the end of the bucket (the municipal staff
    report's lähtövaihtuvuus): 100 sum(leavers) / LatestLevel("headcount"), annualised by 12 /
    the months with a leavers figure, so a year is exactly the report's figure and a month
    compares with it."""

    source: ClassVar[Source] = "workforce"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["leaving_turnover"] = field(default="leaving_turnover", init=False)


# --- The organisation's own indicators' values --------------------------------------------------
# Each reads the values imported for one definition (its id): a unit-month's value and, for a
# rate, its numerator and denominator, and for a weighted mean its weight. Whatever the
# definition says today, the stored values stay as they were imported.

OwnHow = Literal["sum", "mean", "weighted", "ratio", "latest"]


@dataclass(frozen=True)
class OwnSum:
    """The values summed (customers served, substitute hours)."""

    definition: int
    how: ClassVar[OwnHow] = "sum"
    source: ClassVar[Source] = "own"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["own_sum"] = field(default="own_sum", init=False)


@dataclass(frozen=True)
class OwnMean:
    """The mean of the unit-months' values (a queue time reported as a mean per month)."""

    definition: int
    how: ClassVar[OwnHow] = "mean"
    source: ClassVar[Source] = "own"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["own_mean"] = field(default="own_mean", init=False)


@dataclass(frozen=True)
class OwnWeightedMean:
    """sum(value x weight) / sum(weight), the weight being the file's weight column, else its
    denominator (a mean queue time weighted by the customers queueing). personal: the weight
    counts people, and a unit-month with fewer than the privacy threshold counts nowhere."""

    definition: int
    personal: bool = False
    how: ClassVar[OwnHow] = "weighted"
    source: ClassVar[Source] = "own"
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["own_weighted"] = field(default="own_weighted", init=False)

    @property
    def protected(self) -> bool:
        return self.personal


@dataclass(frozen=True)
class OwnRatio:
    """factor x sum(numerator) / sum(denominator) over the unit-months, never a mean of monthly
    ratios (3 drop-outs of 120 students and 1 of 20 are 4 of 140). percent: factor 100;
    per_year: the numerator is counted per month and the denominator is a level (students,
    places), so the figure is per year at every grain, as workforce rates are (factor 12).
    judged: how a change is judged (a share of a count: Newcombe; a count per exposure: Wilson),
    None when the numerator is no count (euros, hours). personal: the denominator counts
    people, and a unit-month with fewer than the privacy threshold counts nowhere."""

    definition: int
    percent: bool = False
    per_year: bool = False
    judged: ChangeKind | None = None
    personal: bool = False
    how: ClassVar[OwnHow] = "ratio"
    source: ClassVar[Source] = "own"
    kind: Literal["own_ratio"] = field(default="own_ratio", init=False)

    @property
    def factor(self) -> float:
        return (100.0 if self.percent else 1.0) * (12.0 if self.per_year else 1.0)

    @property
    def protected(self) -> bool:
        return self.personal

    @property
    def change(self) -> ChangeKind | None:
        return self.judged


@dataclass(frozen=True)
class OwnLatest:
    """A level at the end of the bucket (places, students enrolled): each unit's value in its
    newest month of the bucket, summed over the units."""

    definition: int
    how: ClassVar[OwnHow] = "latest"
    source: ClassVar[Source] = "own"
    protected: ClassVar[bool] = False
    change: ClassVar[ChangeKind | None] = None
    kind: Literal["own_latest"] = field(default="own_latest", init=False)


OwnAggregation = OwnSum | OwnMean | OwnWeightedMean | OwnRatio | OwnLatest

Aggregation = (
    MeanScore
    | PositiveShare
    | AnswerCount
    | NetPromoterScore
    | MeanRating
    | ConcernCount
    | YearlyRate
    | MeanHeadcount
    | LatestLevel
    | PersonYears
    | LeavingTurnover
    | OwnAggregation
)


@dataclass(frozen=True)
class Indicator:
    code: str
    name_fi: str
    name_en: str
    source: Source
    aggregation: Aggregation
    higher_is_better: bool
    format: Format
    default_target: float | None
    description_fi: str = ""
    description_en: str = ""
    # The values the indicator can take, (low, high); None: no bound. Default by format.
    bounds: tuple[float | None, float | None] | None = None
    # Finland-Swedish, as bilingual municipalities' personnel reports write it; blank: Finnish.
    name_sv: str = ""
    description_sv: str = ""
    # An own indicator's: the decimals shown (None: by format), its unit of measure shown after
    # the figure (core.formats.with_measure: "€", "h", ...), whether neither direction is
    # better (no traffic light, no better or worse), and its place on the scorecard (None: not
    # on it; else its position among the own indicators there).
    decimals: int | None = None
    measure: str = ""
    neutral: bool = False
    scorecard_position: int | None = None
    # One of the organisation's own indicators (a definition in the database), whether it reads
    # its own imported values (source "own") or a preset's formula over workforce imports.
    own: bool = False

    def __post_init__(self) -> None:
        if self.aggregation.source != self.source:
            kind = type(self.aggregation).__name__
            raise ValueError(
                f"{self.code}: {kind} reads {self.aggregation.source}, not {self.source}"
            )

    @property
    def range(self) -> tuple[float | None, float | None]:
        """What a value or a target of this indicator may be: a mean score 1–5, a share
        0–100 %, a count or a rate at least 0."""
        return self.bounds if self.bounds is not None else FORMAT_RANGES[self.format]

    def name(self, lang: str) -> str:
        """The name in the user's language (Finnish for an unknown one or a missing name)."""
        names = {"sv": self.name_sv, "en": self.name_en}
        return names.get(lang) or self.name_fi

    def description(self, lang: str) -> str:
        descriptions = {"sv": self.description_sv, "en": self.description_en}
        return descriptions.get(lang) or self.description_fi

    @property
    def protected(self) -> bool:
        """True when the figure reveals what respondents answered, so it is hidden below the
        privacy threshold. A count of answers says nothing about the answers themselves."""
        return self.aggregation.protected

    @property
    def change(self) -> ChangeKind | None:
        """How a change of the figure is judged against chance (None: it is not judged)."""
        return self.aggregation.change

    @property
    def monthly(self) -> bool:
        """Its figures are per month (workforce, own values): day and week grains read months."""
        return self.aggregation.source in ("workforce", "own")


CATALOG: tuple[Indicator, ...] = (
    Indicator(
        "feedback_mean",
        "Palautteen keskiarvo",
        "Feedback mean score",
        "feedback",
        MeanScore(),
        True,
        "score",
        4.0,
        "Vastausten keskiarvo asteikolla 1–5 (muut asteikot skaalattu 1–5:een).",
        "Mean of the answers on a 1–5 scale (other scales rescaled to 1–5).",
        name_sv="Responsens medeltal",
        description_sv="Svarens medeltal på skalan 1–5 (andra skalor omräknade till 1–5).",
    ),
    Indicator(
        "feedback_positive_share",
        "Myönteisten osuus",
        "Share of positive answers",
        "feedback",
        PositiveShare(),
        True,
        "percent",
        80.0,
        "Vastaukset 4 tai 5 asteikolla 1–5; muut asteikot skaalattuina (0–10: 8–10).",
        "Answers of 4 or 5 on a 1–5 scale; other scales rescaled (0–10: 8–10).",
        name_sv="Andel positiva svar",
        description_sv="Svar 4 eller 5 på skalan 1–5; andra skalor omräknade (0–10: 8–10).",
    ),
    Indicator(
        "feedback_answers",
        "Vastausten määrä",
        "Number of answers",
        "feedback",
        AnswerCount(),
        True,
        "count",
        None,
        "Annettujen vastausten määrä.",
        "Number of answers given.",
        name_sv="Antal svar",
        description_sv="Antalet givna svar.",
    ),
    Indicator(
        "nps",
        "Suositteluindeksi (NPS)",
        "Net promoter score (NPS)",
        "feedback",
        NetPromoterScore(),
        True,
        "decimal",
        30.0,
        "Suosittelijoiden (9–10) osuus miinus arvostelijoiden (0–6) osuus 0–10-kysymyksissä.",
        "Promoters (9–10) minus detractors (0–6), in percent, on 0–10 questions.",
        bounds=(-100.0, 100.0),
        name_sv="Rekommendationsindex (NPS)",
        description_sv="Promotorernas (9–10) andel minus kritikernas (0–6) andel i 0–10-frågor.",
    ),
    Indicator(
        "mentor_mood",
        "Fiilis",
        "Mood",
        "mentor_reports",
        MeanRating("mood"),
        True,
        "score",
        3.5,
        "Mentorien arvio tiimin fiiliksestä (1–5), raporttien keskiarvo.",
        "Mentors' rating of the team's mood (1–5), mean over reports.",
        name_sv="Stämning",
        description_sv="Mentorernas bedömning av stämningen i teamet (1–5), rapporternas medeltal.",
    ),
    Indicator(
        "mentor_workload",
        "Työkuorma",
        "Workload",
        "mentor_reports",
        MeanRating("workload"),
        False,
        "score",
        3.5,
        "Mentorien arvio työkuormasta (1–5, pienempi on parempi).",
        "Mentors' rating of the workload (1–5, lower is better).",
        name_sv="Arbetsbelastning",
        description_sv="Mentorernas bedömning av arbetsbelastningen (1–5, lägre är bättre).",
    ),
    Indicator(
        "mentor_atmosphere",
        "Ilmapiiri",
        "Atmosphere",
        "mentor_reports",
        MeanRating("atmosphere"),
        True,
        "score",
        3.5,
        "Mentorien arvio työyhteisön ilmapiiristä (1–5).",
        "Mentors' rating of the work community's atmosphere (1–5).",
        name_sv="Arbetsklimat",
        description_sv="Mentorernas bedömning av arbetsklimatet i arbetsgemenskapen (1–5).",
    ),
    Indicator(
        "mentor_concerns",
        "Huolet",
        "Concerns raised",
        "mentor_reports",
        ConcernCount(),
        False,
        "count",
        0.0,
        "Raportit, joissa mentori nosti huolen.",
        "Reports in which the mentor raised a concern.",
        name_sv="Rapporter med oro",
        description_sv="Rapporter där mentorn uttryckte oro.",
    ),
    Indicator(
        "sick_leave_days_per_fte",
        "Sairauspoissaolopäivät / htv",
        "Sick leave days per FTE",
        "workforce",
        YearlyRate("sick_leave_days", per="fte", factor=12),
        False,
        "decimal",
        12.0,
        "Sairauspoissaolopäivät henkilötyövuotta kohden, vuositasolle muunnettuna.",
        "Sick leave days per full-time equivalent, annualised.",
        name_sv="Sjukfrånvarodagar / årsverke",
        description_sv="Sjukfrånvarodagar per årsverke, omräknat till årsnivå.",
    ),
    Indicator(
        "short_sick_leaves_per_fte",
        "Lyhyet sairauspoissaolot / htv",
        "Short sick leaves per FTE",
        "workforce",
        YearlyRate("short_sick_leaves", per="fte", factor=12),
        False,
        "decimal",
        3.0,
        "Lyhyet sairauspoissaolot henkilötyövuotta kohden, vuositasolle muunnettuna.",
        "Short sick leaves per full-time equivalent, annualised.",
        name_sv="Korta sjukfrånvaroperioder / årsverke",
        description_sv="Korta sjukfrånvaroperioder per årsverke, omräknat till årsnivå.",
    ),
    Indicator(
        "turnover_percent",
        "Vaihtuvuus %",
        "Turnover %",
        "workforce",
        YearlyRate("leavers", per="headcount", factor=1200),
        False,
        "percent",
        10.0,
        "Lopettaneet / keskimääräinen henkilöstö, vuositasolla.",
        "Leavers / mean headcount, annualised.",
        name_sv="Personalomsättning %",
        description_sv="Anställda som slutat / genomsnittligt antal anställda, på årsnivå.",
    ),
    Indicator(
        "training_days_per_person",
        "Koulutuspäivät / henkilö",
        "Training days per person",
        "workforce",
        YearlyRate("training_days", per="headcount", factor=12),
        True,
        "decimal",
        3.0,
        "Koulutuspäivät henkilöä kohden, vuositasolle muunnettuna.",
        "Training days per person, annualised.",
        name_sv="Utbildningsdagar / person",
        description_sv="Utbildningsdagar per person, omräknat till årsnivå.",
    ),
    Indicator(
        "overtime_hours_per_fte",
        "Ylityötunnit / htv",
        "Overtime hours per FTE",
        "workforce",
        YearlyRate("overtime_hours", per="fte", factor=12),
        False,
        "decimal",
        40.0,
        "Ylityötunnit henkilötyövuotta kohden, vuositasolle muunnettuna.",
        "Overtime hours per full-time equivalent, annualised.",
        name_sv="Övertidstimmar / årsverke",
        description_sv="Övertidstimmar per årsverke, omräknat till årsnivå.",
    ),
    Indicator(
        "headcount",
        "Henkilöstö",
        "Headcount",
        "workforce",
        MeanHeadcount(),
        True,
        "count",
        None,
        "Henkilöstön määrä, kuukausien keskiarvo.",
        "Number of staff, mean over the months.",
        name_sv="Antal anställda",
        description_sv="Antalet anställda, månadernas medeltal.",
    ),
)

BY_CODE = {i.code: i for i in CATALOG}

# --- Which indicators each page shows, in order -------------------------------------------------

Page = Literal[
    "scorecard",  # the cards of the Overview and of a unit's dashboard
    "units_table",  # the Overview's units x indicators table
    "unit_trends",  # the charts on a unit's dashboard
    "coaching_panel",  # a unit's before / during / after panel and its context table
    "effectiveness",  # the indicators the coaching effect is estimated for
    "wellbeing_staff",  # the staff side of the wellbeing scatter
    "wellbeing_feedback",  # its customer side
]
PAGES: dict[Page, tuple[str, ...]] = {
    "scorecard": (
        "feedback_mean",
        "feedback_positive_share",
        "nps",
        "feedback_answers",
        "mentor_mood",
        "mentor_workload",
        "sick_leave_days_per_fte",
        "turnover_percent",
    ),
    "units_table": (
        "feedback_mean",
        "feedback_positive_share",
        "mentor_mood",
        "mentor_concerns",
        "sick_leave_days_per_fte",
        "turnover_percent",
        "headcount",
    ),
    "unit_trends": (
        "feedback_mean",
        "mentor_mood",
        "sick_leave_days_per_fte",
        "turnover_percent",
    ),
    "coaching_panel": (
        "mentor_mood",
        "mentor_workload",
        "feedback_mean",
        "feedback_positive_share",
        "sick_leave_days_per_fte",
        "turnover_percent",
    ),
    "effectiveness": (
        "mentor_mood",
        "mentor_workload",
        "feedback_mean",
        "feedback_positive_share",
        "sick_leave_days_per_fte",
        "turnover_percent",
    ),
    "wellbeing_staff": ("mentor_mood", "sick_leave_days_per_fte", "turnover_percent"),
    "wellbeing_feedback": ("feedback_mean", "feedback_positive_share"),
}


# --- The organisation's own indicators beside the built-in ones ---------------------------------

OwnSource = Callable[[], Sequence[Indicator]]
_source: OwnSource | None = None
_lent: contextvars.ContextVar[tuple[Indicator, ...] | None] = contextvars.ContextVar(
    "own_indicators", default=None
)


def use_own(source: OwnSource | None) -> None:
    """Where the own indicators come from from now on: a function returning their catalog
    entries (the pages' cached query, the command line's database), None for none. The one
    place the catalog learns of the database."""
    global _source
    _source = source


@contextmanager
def own_in_use(entries: Sequence[Indicator]) -> Iterator[None]:
    """These own indicators, in this context only (an import reads its database's, whatever
    the process uses otherwise)."""
    token = _lent.set(tuple(entries))
    try:
        yield
    finally:
        _lent.reset(token)


def own() -> tuple[Indicator, ...]:
    """The own indicators now in use, in their scorecard order, then by name."""
    lent = _lent.get()
    if lent is not None:
        return lent
    return tuple(_source()) if _source is not None else ()


def every() -> tuple[Indicator, ...]:
    """Every indicator: the built-in ones, then the organisation's own."""
    return CATALOG + own()


def _placed(page: Page, indicator: Indicator) -> bool:
    """Whether an own indicator shows on a page: on the scorecard and what follows it where
    the admin put it there (a judged one also on the coaching panel); every one on the
    effectiveness page as an outcome; on the wellbeing page's staff side when it is about
    staff (a personal figure, a workforce preset), else on its service side."""
    staff = indicator.aggregation.protected or indicator.source == "workforce"
    match page:
        case "scorecard" | "units_table" | "unit_trends":
            return indicator.scorecard_position is not None
        case "coaching_panel":
            return indicator.scorecard_position is not None and indicator.change is not None
        case "effectiveness":
            return True
        case "wellbeing_staff":
            return staff
        case "wellbeing_feedback":
            return not staff
    return False


def on_page(page: Page) -> tuple[Indicator, ...]:
    """The indicators a page shows, in the order it shows them: the built-in ones, then the
    own indicators placed there in the order the admin chose."""
    placed = [i for i in own() if _placed(page, i)]
    placed.sort(key=lambda i: (i.scorecard_position is None, i.scorecard_position or 0))
    return tuple(BY_CODE[code] for code in PAGES[page]) + tuple(placed)


def find(name: str) -> Indicator | None:
    """The indicator a file names, by code or by its name in any language."""
    key = " ".join(str(name).split()).casefold()
    for indicator in every():
        names = (indicator.name_fi, indicator.name_sv, indicator.name_en)
        if key == indicator.code or key in (" ".join(n.split()).casefold() for n in names if n):
            return indicator
    return None


def get(code: str) -> Indicator:
    """The catalog entry for code (built-in or own); ValueError naming the known codes
    otherwise."""
    found = BY_CODE.get(code)
    if found is not None:
        return found
    for indicator in own():
        if indicator.code == code:
            return indicator
    known = ", ".join(i.code for i in every())
    raise ValueError(f"unknown indicator {code!r}; known: {known}")
