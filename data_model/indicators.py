"""The indicator catalog: every indicator defined once (code, names, source, aggregation,
direction, format, default target). Pure Python, so loaders can check target files against it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    code: str
    name_fi: str
    name_en: str
    source: str  # feedback, mentor_reports, workforce
    aggregation: str  # how the query computes it; see data_model.queries
    higher_is_better: bool
    format: str  # score, percent, count, decimal
    default_target: float | None
    description_fi: str = ""
    description_en: str = ""

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_fi

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_fi


CATALOG: tuple[Indicator, ...] = (
    Indicator("feedback_mean", "Palautteen keskiarvo", "Feedback mean score", "feedback",
              "mean_score", True, "score", 4.0,
              "Vastausten keskiarvo asteikolla 1–5 (muut asteikot skaalattu).",
              "Mean of the answers on a 1–5 scale (other scales rescaled)."),
    Indicator("feedback_positive_share", "Myönteisten osuus", "Share of positive answers",
              "feedback", "positive_share", True, "percent", 80.0,
              "Osuus vastauksista, jotka ovat asteikon keskikohdan yläpuolella (1–5: 4 tai 5).",
              "Share of answers above the scale's midpoint (1–5: 4 or 5)."),
    Indicator("feedback_answers", "Vastausten määrä", "Number of answers", "feedback",
              "answers", True, "count", None),
    Indicator("nps", "Suositteluindeksi (NPS)", "Net promoter score (NPS)", "feedback", "nps",
              True, "decimal", 30.0,
              "Suosittelijoiden (9–10) osuus miinus arvostelijoiden (0–6) osuus 0–10-kysymyksissä.",
              "Promoters (9–10) minus detractors (0–6), in percent, on 0–10 questions."),
    Indicator("mentor_mood", "Fiilis", "Mood", "mentor_reports", "mean:mood", True, "score", 3.5,
              "Mentorien arvio tiimin fiiliksestä (1–5).",
              "Mentors' rating of the team's mood (1–5)."),
    Indicator("mentor_workload", "Työkuorma", "Workload", "mentor_reports", "mean:workload",
              False, "score", 3.5, "Mentorien arvio työkuormasta (1–5, pienempi on parempi).",
              "Mentors' rating of the workload (1–5, lower is better)."),
    Indicator("mentor_atmosphere", "Ilmapiiri", "Atmosphere", "mentor_reports",
              "mean:atmosphere", True, "score", 3.5),
    Indicator("mentor_concerns", "Huolet", "Concerns raised", "mentor_reports", "count:concern",
              False, "count", 0.0, "Raportit, joissa mentori nosti huolen.",
              "Reports in which the mentor raised a concern."),
    Indicator("sick_leave_days_per_fte", "Sairauspoissaolopäivät / htv",
              "Sick leave days per FTE", "workforce", "annualised:sick_leave_days", False,
              "decimal", 12.0, "Vuositasolle muunnettuna.", "Annualised."),
    Indicator("short_sick_leaves_per_fte", "Lyhyet sairauspoissaolot / htv",
              "Short sick leaves per FTE", "workforce", "annualised:short_sick_leaves", False,
              "decimal", 3.0, "Vuositasolle muunnettuna.", "Annualised."),
    Indicator("turnover_percent", "Vaihtuvuus %", "Turnover %", "workforce", "turnover", False,
              "percent", 10.0, "Lopettaneet / keskimääräinen henkilöstö, vuositasolla.",
              "Leavers / mean headcount, annualised."),
    Indicator("training_days_per_person", "Koulutuspäivät / henkilö", "Training days per person",
              "workforce", "per_person:training_days", True, "decimal", 3.0),
    Indicator("overtime_hours_per_fte", "Ylityötunnit / htv", "Overtime hours per FTE",
              "workforce", "annualised:overtime_hours", False, "decimal", 40.0),
    Indicator("headcount", "Henkilöstö", "Headcount", "workforce", "headcount", True, "count",
              None),
)  # fmt: skip

BY_CODE = {i.code: i for i in CATALOG}


def find(name: str) -> Indicator | None:
    """The indicator a target file names, by code or by its Finnish or English name."""
    key = " ".join(str(name).split()).casefold()
    for indicator in CATALOG:
        if key in (indicator.code, indicator.name_fi.casefold(), indicator.name_en.casefold()):
            return indicator
    return None
