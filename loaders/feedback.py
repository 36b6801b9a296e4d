"""Feedback in long form (one answer a row, also ARVO's long export), aggregated form (a question's
mean and n for a period, ARVO report style) and counts form (a smiley terminal's faces)."""

from pathlib import PurePath

import pandas as pd

from core.loaded import Loaded
from core.problems import ProblemList
from loaders import values as v
from loaders.common import (
    COMMENT_COLUMNS,
    DATE,
    FEEDBACK_COLUMNS,
    GROUP,
    QUESTION,
    SCALE,
    SURVEY,
    UNIT,
    sum_answers,
)
from loaders.schema import Column, HeaderMatch, Schema, blank_mask, coerce, data_rows

ANSWER = Column(
    "score",
    "Vastaus",
    "Score",
    type="score",
    required=True,
    aliases=("Arvosana", "Arvio", "Answer", "Rating", "Pisteet", "Value", "Arvo", "Svar", "Poäng"),
)
COMMENT = Column(
    "comment",
    "Kommentti",
    "Comment",
    aliases=(
        "Avoin vastaus",
        "Palaute",
        "Open answer",
        "Comments",
        "Kommentit",
        "Kommentar",
        "Kommentarer",
        "Öppet svar",
    ),
)

LONG = Schema(
    kind="feedback",
    form="long",
    columns=(DATE, UNIT, SURVEY, QUESTION, GROUP, SCALE, ANSWER, COMMENT),
    example=(
        "2024-03-05",
        "Päiväkoti Aurinko",
        "Huoltajakysely",
        "Lapseni viihtyy",
        "Huoltaja",
        5,
        4,
        "Kiitos hyvästä hoidosta",
    ),
)
# ARVO's long answer export: Vastaajatunnus, Vastausaika, ..., Kysymysryhma, Kysymys, Vastaus.
ARVO_LONG = Schema(
    kind="feedback",
    form="arvo_long",
    columns=(
        DATE,
        UNIT,
        Column("survey", "Kyselykerta", "Survey round", aliases=("Kysely",), max_length=255),
        Column("question", "Kysymys", "Question", required=True, max_length=1000),
        GROUP,
        Column("score", "Vastaus", "Answer", type="text", required=True, blank_ok=True),
    ),
    markers=(
        "Vastaajatunnus",
        "Kysymysryhma",
        "Kysymysryhmä",
        "Koulutustoimijan nimi",
        "Tutkinto",
        "Tutkinnon nimi",
    ),
)

AGGREGATED = Schema(
    kind="feedback",
    form="aggregated",
    columns=(
        Column(
            "date",
            "Kausi",
            "Period",
            type="period",
            required=True,
            aliases=("Päivämäärä", "Date", "Jakso", "Ajanjakso", "Vuosi", "Year", "Datum", "År"),
        ),
        UNIT,
        SURVEY,
        Column(
            "question",
            "Kysymys",
            "Question",
            required=True,
            aliases=QUESTION.aliases,
            max_length=1000,
        ),
        GROUP,
        SCALE,
        Column(
            "n",
            "Vastauksia",
            "Responses",
            type="count",
            required=True,
            aliases=(
                "Vastaajia",
                "Vastausten määrä",
                "n",
                "Lkm",
                "Count",
                "Respondents",
                "Antal svar",
                "Antal svarande",
            ),
        ),
        Column(
            "mean",
            "Keskiarvo",
            "Mean",
            type="number",
            required=True,
            blank_ok=True,
            aliases=("ka", "ka.", "Average", "Avg", "Medeltal", "Medelvärde"),
        ),
    ),
    example=(
        "2024-03",
        "Ammattiopisto Keskus",
        "Amispalaute",
        "Opetus oli laadukasta",
        "Opiskelija",
        5,
        42,
        "4,1",
    ),
)

FACES = (
    (
        "very_negative",
        "Erittäin tyytymätön",
        "Very negative",
        ("Very dissatisfied", "Mycket missnöjd"),
    ),
    ("negative", "Tyytymätön", "Negative", ("Dissatisfied", "Missnöjd")),
    ("positive", "Tyytyväinen", "Positive", ("Satisfied", "Nöjd")),
    ("very_positive", "Erittäin tyytyväinen", "Very positive", ("Very satisfied", "Mycket nöjd")),
)
COUNTS = Schema(
    kind="feedback",
    form="counts",
    columns=(
        Column("date", DATE.fi, DATE.en, type="datetime", required=True, aliases=DATE.aliases),
        UNIT,
        SURVEY,
        QUESTION,
        *(
            Column(key, fi, en, type="count", required=True, aliases=aliases)
            for key, fi, en, aliases in FACES
        ),
    ),
    # Faces in column order, very negative first: a good day is mostly smiles.
    example=("2024-03-05", "Pääkirjasto", "Hymiöpääte", "Miten onnistuimme tänään?", 1, 4, 25, 40),
)


def default_survey(file_name: str) -> str:
    return PurePath(file_name).stem


def _texts(frame: pd.DataFrame, key: str, default: str = "") -> pd.Series:
    if key in frame:  # object first: an all-blank column arrives as float NaN
        return frame[key].astype(object).fillna(default)
    return pd.Series(default, index=frame.index, dtype=object)


VALID_SCALES = (4, 5, 6, 7, 10)


def _set_scale(frame: pd.DataFrame, match: HeaderMatch, problems: ProblemList) -> None:
    """scale_min/scale_max from the Asteikko column (its maximum; 10 means 0-10), default 1-5."""
    high = frame["scale"] if "scale" in frame else pd.Series(None, index=frame.index)
    high = pd.to_numeric(high, errors="coerce")
    bad = high.notna() & ~high.isin(VALID_SCALES)
    for row in frame.index[bad]:
        problems.add(
            "bad_scale",
            row=row,
            column=match.header_of("scale"),
            value=v.plain_number(high[row]),
            allowed=", ".join(map(str, VALID_SCALES)),
        )
    high = high.where(~bad).fillna(5).astype(int)
    frame["scale_max"] = high
    frame["scale_min"] = (high != 10).astype(int)


def load_long(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    frame["survey"] = _texts(frame, "survey", default_survey(problems.file))
    frame["question"] = _texts(frame, "question")
    frame["respondent_group"] = _texts(frame, "respondent_group")
    _set_scale(frame, match, problems)
    header = match.header_of("score")
    scored = frame["score"].notna()
    out = scored & ((frame["score"] < frame["scale_min"]) | (frame["score"] > frame["scale_max"]))
    for row in frame.index[out]:
        problems.add(
            "out_of_scale",
            row=row,
            column=header,
            value=v.plain_number(frame.at[row, "score"]),
            low=frame.at[row, "scale_min"],
            high=frame.at[row, "scale_max"],
        )
    raw = rows[match.columns["score"][0]]
    cannot_say = int(raw.map(v.is_cannot_say).sum())
    if cannot_say:
        problems.warn("cannot_say_skipped", n=cannot_say)
    answers = frame[scored & ~out]
    comments = _comments(frame, "comment")
    return Loaded(
        problems.file,
        "feedback",
        "long",
        len(rows),
        {"feedback": sum_answers(answers), "comments": comments},
    )


def load_arvo_long(match: HeaderMatch, problems: ProblemList) -> Loaded:
    """ARVO long: numbers are answers, 'eos' is skipped, other text is a free-text comment."""
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    frame["survey"] = _texts(frame, "survey", default_survey(problems.file))
    frame["respondent_group"] = _texts(frame, "respondent_group")
    scores, texts, cannot_say = [], [], 0
    for text in frame["score"]:
        if text is None or v.is_cannot_say(text):
            cannot_say += text is not None
            scores.append(None)
            texts.append(None)
            continue
        try:
            scores.append(v.parse_score(text))
            texts.append(None)
        except ValueError:
            scores.append(None)
            texts.append(text)
    frame["score"] = pd.Series(scores, index=frame.index, dtype=float)
    frame["comment"] = texts
    # A question answered on 0-10 anywhere in the file is an NPS-style question.
    top = frame.groupby("question")["score"].transform("max")
    low = frame.groupby("question")["score"].transform("min")
    frame["scale_min"] = ((top > 5) | (low == 0)).map({True: 0, False: 1})
    frame["scale_max"] = (top > 5).map({True: 10, False: 5})
    header = match.header_of("score")
    bad = frame["score"].notna() & (frame["score"] > 10)
    for row in frame.index[bad]:
        problems.add(
            "out_of_scale",
            row=row,
            column=header,
            value=v.plain_number(frame.at[row, "score"]),
            low=0,
            high=10,
        )
    if cannot_say:
        problems.warn("cannot_say_skipped", n=cannot_say)
    answers = frame[frame["score"].notna() & ~bad]
    return Loaded(
        problems.file,
        "feedback",
        "arvo_long",
        len(rows),
        {"feedback": sum_answers(answers), "comments": _comments(frame, "comment")},
    )


def load_aggregated(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    frame["survey"] = _texts(frame, "survey", default_survey(problems.file))
    frame["respondent_group"] = _texts(frame, "respondent_group")
    _set_scale(frame, match, problems)
    # A question nobody answered has no mean; any other row without one is missing a value.
    no_mean = blank_mask(rows[match.columns["mean"][0]]) & ~(frame["n"] == 0)
    for row in frame.index[no_mean]:
        problems.add("required_value", row=row, column=match.header_of("mean"))
    ok = frame["mean"].notna() & frame["n"].notna()
    bad = ok & ((frame["mean"] < frame["scale_min"]) | (frame["mean"] > frame["scale_max"]))
    for row in frame.index[bad]:
        problems.add(
            "mean_above_scale",
            row=row,
            column=match.header_of("mean"),
            value=v.plain_number(frame.at[row, "mean"]),
            low=frame.at[row, "scale_min"],
            high=frame.at[row, "scale_max"],
        )
    frame = frame[ok & ~bad & (frame["n"] > 0)]
    frame = frame.assign(
        score_sum=frame["mean"] * frame["n"],
        score_sq_sum=None,
        positive_n=None,
        promoters_n=None,
        detractors_n=None,
    )
    frame["n"] = frame["n"].astype(int)
    return Loaded(
        problems.file,
        "feedback",
        "aggregated",
        len(rows),
        {
            "feedback": frame[FEEDBACK_COLUMNS].reset_index(drop=True),
            "comments": pd.DataFrame(columns=COMMENT_COLUMNS),
        },
    )


def load_counts(match: HeaderMatch, problems: ProblemList) -> Loaded:
    """Smiley faces score 1 (very negative) to 4 (very positive); hours are summed per day."""
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    frame = frame.dropna(subset=["date", "unit"])
    frame["date"] = [d.date() for d in frame["date"]]
    frame["survey"] = _texts(frame, "survey", default_survey(problems.file))
    frame["question"] = _texts(frame, "question")
    counts = frame[[key for key, *_ in FACES]].fillna(0).astype(int)
    frame = frame.assign(
        respondent_group="",
        scale_min=1,
        scale_max=4,
        n=counts.sum(axis=1),
        score_sum=sum(counts[key] * (i + 1) for i, (key, *_) in enumerate(FACES)).astype(float),
        score_sq_sum=sum(counts[key] * (i + 1) ** 2 for i, (key, *_) in enumerate(FACES)).astype(
            float
        ),
        positive_n=counts["positive"] + counts["very_positive"],
        promoters_n=0,
        detractors_n=0,
    )
    keys = ["date", "unit", "survey", "question", "respondent_group", "scale_min", "scale_max"]
    summed = (
        frame[frame["n"] > 0]
        .groupby(keys, sort=True)[["n", "score_sum", "score_sq_sum", "positive_n"]]
        .sum()
        .reset_index()
        .assign(promoters_n=None, detractors_n=None)
    )
    return Loaded(
        problems.file,
        "feedback",
        "counts",
        len(rows),
        {"feedback": summed[FEEDBACK_COLUMNS], "comments": pd.DataFrame(columns=COMMENT_COLUMNS)},
    )


def _comments(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    if key not in frame:
        return pd.DataFrame(columns=COMMENT_COLUMNS)
    texts = frame[frame[key].notna() & frame["date"].notna() & frame["unit"].notna()]
    return texts.assign(text=texts[key].astype(str), question=_texts(texts, "question"))[
        COMMENT_COLUMNS
    ].reset_index(drop=True)
