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
"""

from dataclasses import dataclass, field
from typing import ClassVar, Literal

Source = Literal["feedback", "mentor_reports", "workforce"]
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


Aggregation = (
    MeanScore
    | PositiveShare
    | AnswerCount
    | NetPromoterScore
    | MeanRating
    | ConcernCount
    | YearlyRate
    | MeanHeadcount
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


def on_page(page: Page) -> tuple[Indicator, ...]:
    """The indicators a page shows, in the order it shows them."""
    return tuple(get(code) for code in PAGES[page])


def find(name: str) -> Indicator | None:
    """The indicator a target file names, by code or by its name in any language."""
    key = " ".join(str(name).split()).casefold()
    for indicator in CATALOG:
        names = (indicator.name_fi, indicator.name_sv, indicator.name_en)
        if key == indicator.code or key in (n.casefold() for n in names if n):
            return indicator
    return None


def get(code: str) -> Indicator:
    """The catalog entry for code; ValueError naming the known codes otherwise."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown indicator {code!r}; known: {', '.join(BY_CODE)}") from None
