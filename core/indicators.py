"""The indicator catalog: every indicator defined once (code, names, source, aggregation,
direction, format, default target). Pure Python, so loaders can check target files against it.

`aggregation` names how data_model.queries.measures computes the figure in SQL. Workforce rates
are per year at every grain (12 x sum over unit-months / sum of FTE or headcount over the same
unit-months), so a monthly figure compares with a yearly target.
"""

from dataclasses import dataclass

FORMAT_RANGES: dict[str, tuple[float | None, float | None]] = {
    "score": (1.0, 5.0),
    "percent": (0.0, 100.0),
    "count": (0.0, None),
    "decimal": (0.0, None),
}


@dataclass(frozen=True)
class Indicator:
    code: str
    name_fi: str
    name_en: str
    source: str  # feedback, mentor_reports, workforce
    aggregation: str  # how the query computes it; see data_model.queries.measures
    higher_is_better: bool
    format: str  # score, percent, count, decimal
    default_target: float | None
    description_fi: str = ""
    description_en: str = ""
    # The values the indicator can take, (low, high); None: no bound. Default by format.
    bounds: tuple[float | None, float | None] | None = None
    # Finland-Swedish, as bilingual municipalities' personnel reports write it; blank: Finnish.
    name_sv: str = ""
    description_sv: str = ""

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
        return self.source == "feedback" and self.aggregation != "answers"


CATALOG: tuple[Indicator, ...] = (
    Indicator(
        "feedback_mean",
        "Palautteen keskiarvo",
        "Feedback mean score",
        "feedback",
        "mean_score",
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
        "positive_share",
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
        "answers",
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
        "nps",
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
        "mean:mood",
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
        "mean:workload",
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
        "mean:atmosphere",
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
        "count:concern",
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
        "per_fte_year:sick_leave_days",
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
        "per_fte_year:short_sick_leaves",
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
        "turnover",
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
        "per_person_year:training_days",
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
        "per_fte_year:overtime_hours",
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
        "headcount",
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
