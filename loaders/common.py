"""The columns every kind shares, the Loaded contract loaders hand back (core.loaded), and the
summing of single answers into the feedback store's rows (n, score_sum, positive_n, ...).
"""

import pandas as pd

from core import feedback_figures as figures
from loaders.schema import Column

# The unit column, under every name real exports use; the first filled one wins on each row.
UNIT = Column(
    "unit",
    "Yksikkö",
    "Unit",
    required=True,
    max_length=255,
    aliases=(
        "Toimipiste",
        "Toimipaikka",
        "Toimipaikan nimi",
        "Oppilaitos",
        "Department",
        "Yksikön nimi",
        "Unit name",
        "Tiimi",
        "Team",
        "Enhet",
        "Enhetens namn",
        "Verksamhetsställe",
        "Avdelning",
    ),
)
# Date headers of form and survey tools (Google Forms, Webropol, Typeform, LMS exports).
DATE_EXPORT_ALIASES = (
    "Timestamp",
    "Aikaleima",
    "Tidsstämpel",
    "Submitted at",
    "Submission date",
    "Submitted",
    "Date submitted",
    "Created",
    "Created at",
    "Lähetetty",
    "Lähetysaika",
    "Datum",
    # The response's own date in SurveyMonkey, Qualtrics, Typeform and LimeSurvey exports.
    "End Date",
    "RecordedDate",
    "Recorded Date",
    "Submit Date",
    "submitdate",
    "Svarstid",
    "Sluttid",
    "Vastauspäivä",
)
DATE = Column(
    "date",
    "Päivämäärä",
    "Date",
    type="date",
    required=True,
    aliases=(
        "Pvm",
        "Pvm.",
        "Vastausaika",
        "Response time",
        "Valmistumisaika",
        "Completion time",
        "Aloitusaika",
        "Start time",
        "Starttid",
        "Aika",
        "Time",
        "Day",
        "Päivä",
        *DATE_EXPORT_ALIASES,
    ),
)
SURVEY = Column(
    "survey",
    "Kysely",
    "Survey",
    aliases=("Kyselyn nimi", "Survey name", "Enkät", "Enkätens namn"),
    max_length=255,
)
QUESTION = Column(
    "question",
    "Kysymys",
    "Question",
    aliases=("Kysymyksen teksti", "Item", "Fråga"),
    max_length=1000,
)
GROUP = Column(
    "respondent_group",
    "Vastaajaryhmä",
    "Respondent group",
    aliases=(
        "Vastaajan rooli",
        "Role",
        "Group",
        "Ryhmä",
        "Svarsgrupp",
        "Respondentgrupp",
        "Grupp",
        "Roll",
    ),
    max_length=255,
)
SCALE = Column("scale", "Asteikko", "Scale", type="number", aliases=("Scale max", "Skala"))

FEEDBACK_COLUMNS = [
    "date",
    "unit",
    "survey",
    "question",
    "respondent_group",
    *figures.SCALE,
    *figures.SUMS,
]
COMMENT_COLUMNS = ["date", "unit", "survey", "question", "text"]


POSITIVE_FROM = 0.75  # 4 on 1-5 is three quarters of the way up; other scales rescaled


def positive(score: pd.Series, low: pd.Series, high: pd.Series) -> pd.Series:
    """An answer of at least 4 on a 1-5 scale, rescaled: 8-10 of 0-10, 6-7 of 1-7, 4 of 1-4.
    (Smiley counts say which faces are positive themselves.)"""
    return (score - low) / (high - low) >= POSITIVE_FROM - 1e-9


def sum_answers(answers: pd.DataFrame) -> pd.DataFrame:
    """Single answers (one score per row) -> feedback rows summed per day and question."""
    if answers.empty:
        return pd.DataFrame(columns=FEEDBACK_COLUMNS)
    frame = answers.assign(
        n=1,
        score_sq=answers["score"] ** 2,
        positive_n=positive(answers["score"], answers["scale_min"], answers["scale_max"]),
        promoters_n=answers["score"] >= 9,
        detractors_n=answers["score"] <= 6,
    )
    keys = ["date", "unit", "survey", "question", "respondent_group", "scale_min", "scale_max"]
    summed = (
        frame.groupby(keys, sort=True, dropna=False)
        .agg(
            n=("n", "sum"),
            score_sum=("score", "sum"),
            score_sq_sum=("score_sq", "sum"),
            positive_n=("positive_n", "sum"),
            promoters_n=("promoters_n", "sum"),
            detractors_n=("detractors_n", "sum"),
        )
        .reset_index()
    )
    nps = (summed["scale_min"] == 0) & (summed["scale_max"] == 10)
    summed["promoters_n"] = summed["promoters_n"].where(nps, None)
    summed["detractors_n"] = summed["detractors_n"].where(nps, None)
    return summed[FEEDBACK_COLUMNS]
