"""Feedback in wide form, one respondent a row: Microsoft Forms / Webropol exports and ARVO's
wide answer export. Columns of numbers or Likert words are questions; free text is comments;
identifiers, names, e-mails and ARVO background columns are never read as either.
"""

import re

import pandas as pd

from core.loaded import Loaded
from core.problems import ProblemList
from loaders import values as v
from loaders.common import COMMENT_COLUMNS, DATE, GROUP, SURVEY, UNIT, sum_answers
from loaders.feedback import default_survey
from loaders.schema import Column, HeaderMatch, Schema, coerce, data_rows, normalise_header

# Form metadata: never questions, never comments, and names and e-mails are never stored.
METADATA = {
    normalise_header(h)
    for h in (
        "ID", "Tunnus", "Start time", "Aloitusaika", "Completion time", "Valmistumisaika",
        "Email", "Sähköposti", "Sähköpostiosoite", "Name", "Nimi", "Last modified time",
        "Viimeksi muokattu", "Vastaajatunnus", "Respondent ID", "Vastaaja", "Respondent",
        "Henkilö", "Language", "Kieli", "IP", "IP-osoite", "Vastausaika", "Response time",
    )
}  # fmt: skip
# ARVO's background columns: facts about the respondent's studies, not answers.
ARVO_BACKGROUND = {
    normalise_header(h)
    for h in (
        "Tutkinto", "Tutkinnon nimi", "Tutkinnon osa", "Tutkinnon osan nimi", "Toimipaikka",
        "Toimipaikan nimi", "Koulutustoimija", "Koulutustoimijan nimi", "Oppilaitos",
        "Oppilaitoksen nimi", "Hankintakoulutuksen toteuttaja",
        "Hankintakoulutuksen toteuttajan nimi", "Koulutusala", "Asuinkunta", "Asuinkunta selite",
        "Opiskelupaikkakunta", "Opiskelupaikkakunta selite", "Koulutusmuoto", "Kyselykerta",
        "Kysely", "Kieli", "Sukupuoli", "Ikä", "Ikäryhmä", "Tutkintotyyppi", "Suorituskieli",
        "Järjestämismuoto", "Rahoitusryhmä", "Työpaikan nimi", "Työpaikan y-tunnus",
    )
}  # fmt: skip
ZERO_TO_TEN_HINT = re.compile(r"0\s*[-–]\s*10|\bnps\b|suosittel|recommend", re.IGNORECASE)
QUESTION_SHARE = 0.9  # a column whose filled cells are at least this much scores is a question

WIDE = Schema(
    kind="feedback", form="wide",
    columns=(
        Column("date", DATE.fi, DATE.en, type="date", required=True,
               aliases=("Pvm", "Valmistumisaika", "Completion time", "Vastausaika",
                        "Response time", "Aloitusaika", "Start time", "Aika", "Time")),
        UNIT, SURVEY, GROUP,
    ),
    example=("2024-03-05", "Päiväkoti Aurinko", "Huoltajakysely", "Huoltaja", 5, 4,
             "täysin samaa mieltä", "Kiitos!"),
    extra_columns_allowed=True,
)  # fmt: skip
ARVO_WIDE = Schema(
    kind="feedback", form="arvo_wide",
    columns=WIDE.columns[:2]
    + (Column("survey", "Kyselykerta", "Survey round", aliases=("Kysely", "Survey"),
              max_length=255), GROUP),
    markers=("Vastaajatunnus", "Koulutustoimijan nimi", "Tutkinto", "Tutkinnon nimi",
             "Hankintakoulutuksen toteuttajan nimi", "Koulutusmuoto"),
    extra_columns_allowed=True,
)  # fmt: skip
TEMPLATE_QUESTIONS = ("Lapseni viihtyy", "Saan tietoa lapseni päivästä", "Lapseni on turvassa",
                      "Terveisiä henkilökunnalle")  # fmt: skip


def question_scale(header: str, scores: pd.Series) -> tuple[int, int] | None:
    """The scale of a column of numbers, or None when the numbers are not answers (e.g. ages)."""
    if ZERO_TO_TEN_HINT.search(header):
        return 0, 10
    numbers = scores.dropna()
    if numbers.empty:
        return 1, 5
    if (numbers.between(1, 5)).mean() >= QUESTION_SHARE and numbers.max() <= 5:
        return 1, 5
    if numbers.between(0, 10).mean() >= QUESTION_SHARE:
        return (1, 5) if numbers.between(1, 5).mean() >= QUESTION_SHARE else (0, 10)
    return None


def _classify(cells: pd.Series) -> tuple[str, pd.Series]:
    """'question' with parsed scores, 'comment', or 'empty', for one column's cells."""
    filled = cells[~cells.map(v.is_blank)]
    if filled.empty:
        return "empty", filled
    eos = filled.map(v.is_cannot_say)
    answered = filled[~eos]
    parsed = answered.map(_try_score)
    if answered.empty or parsed.notna().mean() >= QUESTION_SHARE:
        return "question", parsed
    return "comment", answered


def _try_score(value: object):
    try:
        return v.parse_score(value)
    except (ValueError, TypeError):
        return None


def load_wide(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    survey = default_survey(problems.file)
    base = pd.DataFrame(
        {
            "date": frame["date"],
            "unit": frame["unit"],
            "survey": frame["survey"].fillna(survey) if "survey" in frame else survey,
            "respondent_group": (
                frame["respondent_group"].fillna("") if "respondent_group" in frame else ""
            ),
        },
        index=frame.index,
    )
    answers, comments, ignored, cannot_say = [], [], [], 0
    for i in match.unmatched:
        header = match.headers[i]
        key = normalise_header(header)
        if key in METADATA or key in ARVO_BACKGROUND:
            continue
        kind, parsed = _classify(rows[i])
        if kind == "empty":
            continue
        if kind == "comment":
            comments.append(base.loc[parsed.index].assign(question=header, text=parsed))
            continue
        cannot_say += int(rows[i].map(v.is_cannot_say).sum())
        scale = question_scale(header, parsed)
        if scale is None:
            ignored.append(header)
            continue
        low, high = scale
        for row in parsed.index[parsed.isna()]:
            raw = rows.at[row, i]
            if not v.is_blank(raw) and not v.is_cannot_say(raw):
                problems.add("not_a_number", row=row, column=header, value=raw)
        scores = parsed.dropna().astype(float)
        for row, score in scores[(scores < low) | (scores > high)].items():
            problems.add(
                "out_of_scale",
                row=row,
                column=header,
                value=v.plain_number(score),
                low=low,
                high=high,
            )
        scores = scores[(scores >= low) & (scores <= high)]
        answers.append(
            base.loc[scores.index].assign(
                question=header, score=scores, scale_min=low, scale_max=high
            )
        )
    if not answers:
        problems.add("no_questions")
    if cannot_say:
        problems.warn("cannot_say_skipped", n=cannot_say)
    if ignored:
        problems.warn("ignored_columns", columns=", ".join(ignored))
    all_answers = pd.concat(answers) if answers else pd.DataFrame()
    all_answers = all_answers.dropna(subset=["date", "unit"]) if answers else all_answers
    all_comments = (
        pd.concat(comments)[COMMENT_COLUMNS].dropna(subset=["date", "unit"]).reset_index(drop=True)
        if comments
        else pd.DataFrame(columns=COMMENT_COLUMNS)
    )
    return Loaded(
        problems.file, "feedback", match.schema.form, len(rows),
        {"feedback": sum_answers(all_answers), "comments": all_comments},
    )  # fmt: skip
