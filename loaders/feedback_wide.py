"""Feedback in wide form, one respondent a row: Microsoft Forms / Webropol exports and ARVO's
wide answer export. Columns of numbers or Likert words are questions; free text is comments;
identifiers, names, e-mails and ARVO background columns are never read as either.
"""

from dataclasses import replace

import pandas as pd

from core.loaded import Loaded
from core.problems import ProblemList
from loaders import values as v
from loaders.column_kinds import folded
from loaders.common import (
    COMMENT_COLUMNS,
    DATE,
    DATE_EXPORT_ALIASES,
    GROUP,
    SURVEY,
    UNIT,
    sum_answers,
)
from loaders.feedback import default_survey
from loaders.mapping import Mapping
from loaders.roles import answer_counts, describe
from loaders.scales import SCALES, SHIFT, convert, map_unique
from loaders.schema import (
    Column,
    HeaderMatch,
    Schema,
    blank_mask,
    coerce,
    data_rows,
    normalise_header,
)
from loaders.table_shape import row_ranges
from loaders.tools import START_DATES, SUBMIT_DATES

# ARVO's background columns: facts about the respondent's studies, not answers.
ARVO_BACKGROUND = {
    normalise_header(h)
    for h in (
        "Tutkinto",
        "Tutkinnon nimi",
        "Tutkinnon osa",
        "Tutkinnon osan nimi",
        "Toimipaikka",
        "Toimipaikan nimi",
        "Koulutustoimija",
        "Koulutustoimijan nimi",
        "Oppilaitos",
        "Oppilaitoksen nimi",
        "Hankintakoulutuksen toteuttaja",
        "Hankintakoulutuksen toteuttajan nimi",
        "Koulutusala",
        "Asuinkunta",
        "Asuinkunta selite",
        "Opiskelupaikkakunta",
        "Opiskelupaikkakunta selite",
        "Koulutusmuoto",
        "Kyselykerta",
        "Kysely",
        "Kieli",
        "Sukupuoli",
        "Ikä",
        "Ikäryhmä",
        "Tutkintotyyppi",
        "Suorituskieli",
        "Järjestämismuoto",
        "Rahoitusryhmä",
        "Työpaikan nimi",
        "Työpaikan y-tunnus",
    )
}
WIDE = Schema(
    kind="feedback",
    form="wide",
    columns=(
        # A date or a period (a wide survey may carry Kausi instead of a date).
        Column(
            "date",
            DATE.fi,
            DATE.en,
            type="period",
            required=True,
            aliases=(
                "Pvm",
                "Valmistumisaika",
                "Completion time",
                "Vastausaika",
                "Response time",
                "Aloitusaika",
                "Start time",
                "Aika",
                "Time",
                *DATE_EXPORT_ALIASES,
                "Kausi",
                "Period",
                "Jakso",
                "Ajanjakso",
            ),
        ),
        UNIT,
        SURVEY,
        GROUP,
    ),
    example=(
        "2024-03-05",
        "Päiväkoti Aurinko",
        "Huoltajakysely",
        "Huoltaja",
        5,
        4,
        "täysin samaa mieltä",
        "Kiitos!",
    ),
    extra_columns_allowed=True,
)
ARVO_WIDE = Schema(
    kind="feedback",
    form="arvo_wide",
    columns=WIDE.columns[:2]
    + (
        Column(
            "survey", "Kyselykerta", "Survey round", aliases=("Kysely", "Survey"), max_length=255
        ),
        GROUP,
    ),
    markers=(
        "Vastaajatunnus",
        "Koulutustoimijan nimi",
        "Tutkinto",
        "Tutkinnon nimi",
        "Hankintakoulutuksen toteuttajan nimi",
        "Koulutusmuoto",
    ),
    extra_columns_allowed=True,
)
TEMPLATE_QUESTIONS = (
    "Lapseni viihtyy",
    "Saan tietoa lapseni päivästä",
    "Lapseni on turvassa",
    "Terveisiä henkilökunnalle",
)


def load_wide(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = _without_unfinished(match, data_rows(match), problems)
    _read_codebook(match)
    frame = coerce(match, rows, problems)
    survey = default_survey(problems.file)
    base = pd.DataFrame(
        {
            "date": frame["date"],
            "unit": frame["unit"],
            "survey": _filled(frame["survey"], survey) if "survey" in frame else survey,
            "respondent_group": (
                _filled(frame["respondent_group"], "") if "respondent_group" in frame else ""
            ),
        },
        index=frame.index,
    )
    columns = describe(match, match.mapping, ARVO_BACKGROUND)
    answers, comments, cannot_say = [], [], 0
    for role in columns:
        i = role.index
        if i not in match.unmatched:
            continue
        _warn_about(role, problems)
        if role.role == "comment":
            texts = rows[i].map(v.clean_text)
            texts = texts[texts.notna() & ~rows[i].map(v.is_cannot_say)]
            comments.append(base.loc[texts.index].assign(question=role.header, text=texts))
            continue
        if not role.role.startswith("question:"):
            continue
        scale = role.role.partition(":")[2]
        labels = _labels(match.mapping, role.header)
        skipped = map_unique(rows[i], _skipped(labels))
        scores = _scores(rows[i], role, scale, problems, labels)
        cannot_say += int(skipped.astype(bool).sum())
        low, high = SCALES[scale]
        role.answers = int(scores.notna().sum())
        role.mean = float(scores.mean()) if role.answers else None
        role.counts = answer_counts(rows[i], labels)
        scores = scores.dropna()
        answers.append(
            base.loc[scores.index].assign(
                question=role.header, score=scores, scale_min=low, scale_max=high
            )
        )
    if not answers:
        problems.add("no_questions")
    if cannot_say:
        problems.warn("cannot_say_skipped", n=cannot_say)
    ignored = [c.header for c in columns if c.role == "ignore" and c.note == "not_answers"]
    if ignored:
        problems.warn("ignored_columns", columns=", ".join(ignored))
    personal = [c.header for c in columns if c.role == "personal"]
    if personal:
        problems.warn("personal_columns", columns=", ".join(personal))
    all_answers = pd.concat(answers) if answers else pd.DataFrame()
    all_answers = all_answers.dropna(subset=["date", "unit"]) if answers else all_answers
    all_comments = (
        pd.concat(comments)[COMMENT_COLUMNS].dropna(subset=["date", "unit"]).reset_index(drop=True)
        if comments
        else pd.DataFrame(columns=COMMENT_COLUMNS)
    )
    loaded = Loaded(
        problems.file,
        "feedback",
        match.schema.form,
        len(rows),
        {"feedback": sum_answers(all_answers), "comments": all_comments},
    )
    loaded.columns = columns
    return loaded


def _without_unfinished(match: HeaderMatch, rows: pd.DataFrame, problems: ProblemList):
    """The rows without the responses left unfinished: a survey tool's submit date taken as
    the date and blank on a row, while the tool's start date is there to count them by. They
    are named in a note, which says how to count them too (the start date as the date)."""
    dates = match.columns.get("date")
    if not dates or rows.empty or folded(match.headers[dates[0]]) not in SUBMIT_DATES:
        return rows
    starts = [h for i, h in match.headers.items() if folded(h) in START_DATES]
    unfinished = blank_mask(rows[dates[0]])
    if not starts or not unfinished.any():
        return rows
    left = [int(r) for r in rows.index[unfinished.to_numpy()]]
    problems.warn(
        "unfinished_left_out",
        rows=row_ranges(left),
        n=len(left),
        submitted=match.headers[dates[0]],
        started=starts[0],
    )
    return rows.drop(index=left)


def _warn_about(role, problems: ProblemList) -> None:
    """Say what was assumed where the assumption changes a figure."""
    if role.note in ("codes_0_4", "recommend_but_1_5", "yes_no", "category"):
        problems.warn(f"column_{role.note}", column=role.header, values=role.sample)
    scale = role.role.partition(":")[2]
    if role.note == "numbers" and scale != "1-5":  # 1-7 or 0-10, read from the answers alone
        problems.warn(
            "column_scale_from_answers",
            column=role.header,
            values=role.sample,
            scale=scale.replace("-", "–"),
        )


def _labels(mapping, header: str):
    """The user's answer labels for a column: answer -> score text, "skip" or None."""
    if mapping is None:
        return lambda answer: None
    return lambda answer: mapping.label_of(header, answer)


def _read_codebook(match: HeaderMatch) -> None:
    """A value-label codebook after the table ("1 = Täysin eri mieltä") says what its labels
    score: answers written as those labels take their codes, unless the user said otherwise."""
    codebook = match.left_out.codebook if match.left_out else {}
    if not codebook:
        return
    mapping = replace(match.mapping) if match.mapping is not None else Mapping()
    mapping.labels = {**{text: str(code) for code, text in codebook.items()}, **mapping.labels}
    match.mapping = mapping


def _skipped(labels):
    return lambda x: v.is_cannot_say(x) or labels(x) == "skip"


UNKNOWN_SHOWN = 8


def _scores(cells: pd.Series, role, scale: str, problems: ProblemList, labels=None) -> pd.Series:
    """A question column's answers on its stored scale; out-of-scale numbers are problems;
    words no scale knows are reported once (with how to give them a score) and left out."""
    labels = labels or (lambda answer: None)
    blank = map_unique(
        cells, lambda x: v.is_blank(x) or v.is_cannot_say(x) or labels(x) == "skip"
    ).astype(bool)
    answered = cells[~blank]
    scores = convert(answered, scale, labels)
    unreadable = scores.isna()
    # In a column of numbers, a word is a bad cell; in a column of words, an unknown label.
    numbers = role.note in ("numbers", "header", "recommend", "recommend_but_1_5", "codes_0_4")
    texts = answered[unreadable].map(
        lambda x: isinstance(x, str) and not _numeric(x) and not numbers
    )
    for row in answered.index[unreadable][~texts.astype(bool).to_numpy()]:
        problems.add("not_a_number", row=row, column=role.header, value=answered[row])
    words = answered[unreadable][texts.astype(bool)]
    if not words.empty:
        counted = words.map(lambda x: " ".join(str(x).split())).value_counts()
        shown = list(counted.index[:UNKNOWN_SHOWN])
        problems.warn(
            "unknown_words",
            column=role.header,
            n=int(counted.sum()),
            words=", ".join(f'"{w}"' for w in shown),
            remedy=" ".join(f'--label "{w}=SCORE"' for w in shown[:2]),
        )
    low, high = SCALES[scale]
    shift = SHIFT.get(scale, 0)
    out = scores.notna() & ((scores < low) | (scores > high))
    for row in scores.index[out]:
        problems.add(
            "out_of_scale",
            row=row,
            column=role.header,
            value=v.plain_number(scores[row] - shift),
            low=low - shift,
            high=high - shift,
        )
    return scores[~out & scores.notna()]


def _numeric(text: str) -> bool:
    try:
        v.parse_number(text)
    except ValueError:
        return False
    return True


def _filled(column: pd.Series, text: str) -> pd.Series:
    """The column's gaps filled with text, whatever its type (a column of numbers and gaps
    cannot take a text in pandas 4)."""
    return column.astype(object).where(column.notna(), text)
