"""The scale of a question column, read from its answers: Likert words (fi/sv/en) mean their
word scale, 0/1 and yes/no are yes/no questions, 0-4 codes are shifted onto 1-5 (confirmed by
the user), and a header that speaks of recommending picks 0-10 only when the answers allow it.
"""

import re
from dataclasses import dataclass

import pandas as pd

from loaders import values as v

# Scale names a mapping uses, and the scale each one is stored on (0-4 is shifted onto 1-5).
SCALES = {
    "1-4": (1, 4),
    "1-5": (1, 5),
    "1-7": (1, 7),
    "1-10": (1, 10),
    "0-10": (0, 10),
    "0-100": (0, 100),
    "0-4": (1, 5),
    "yes-no": (0, 1),
}
SHIFT = {"0-4": 1}  # added to every answer before storing

RECOMMEND_HINT = re.compile(r"\bnps\b|suosittel|recommend|rekommender", re.IGNORECASE)
EXPLICIT_HINT = re.compile(r"\(?\b([01])\s*[-–]\s*(4|5|7|10)\b\)?")
QUESTION_SHARE = 0.9  # a column whose answers are at least this much scores is a question
WORD_SHARE = 0.5  # known words this much of the answers: the rest are unknown words, reported
CATEGORY_MAX = 12  # a text column with at most this many distinct values ...
CATEGORY_REPEAT = 2.0  # ... each given on average at least this many times is categorical

YES_WORDS = v.YES_WORDS
NO_WORDS = v.NO_WORDS


@dataclass
class Reading:
    """What a column's answers say: a question on a scale (with scores), or what else it is."""

    kind: str  # question, comment, category, number, empty
    scale: str | None = None
    scores: pd.Series | None = None  # parsed answers on the detected scale (before shifting)
    note: str | None = None  # why, for the mapping step and warnings
    unknown: tuple[str, ...] = ()  # repeated words that are not answers we know


def map_unique(cells: pd.Series, function) -> pd.Series:
    """function over each distinct value once (answers repeat thousands of times)."""
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    # The last slot is for missing cells (code -1), which the function sees as None.
    mapped = pd.Series([function(u) for u in uniques] + [function(None)], dtype=object)
    return pd.Series(mapped.to_numpy()[codes], index=cells.index, dtype=object)


def _yes_no(value: object) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float) and value in (0, 1):
        return float(value)
    key = v.fold(str(value))
    if key in YES_WORDS or key == "1":
        return 1.0
    if key in NO_WORDS or key == "0":
        return 0.0
    return None


def _word(value: object) -> float | None:
    if isinstance(value, str):
        return v.LIKERT.get(v.fold(value))
    return None


def _number(value: object) -> float | None:
    if isinstance(value, str) and v.fold(value) in v.LIKERT:
        return None
    try:
        return v.parse_number(value)
    except (ValueError, TypeError):
        return None


def read_answers(header: str, cells: pd.Series, labels=None) -> Reading:
    """Classify one column of a wide survey by its answers (blanks and 'eos' left out).
    labels(answer) gives the score (text) or "skip" the user gave an answer label."""
    labels = labels or (lambda answer: None)
    filled = cells[~map_unique(cells, v.is_blank).astype(bool)]
    skipped = map_unique(filled, lambda x: v.is_cannot_say(x) or labels(x) == "skip")
    answered = filled[~skipped.astype(bool)]
    if answered.empty:
        return Reading("empty") if filled.empty else Reading("question", "1-5", answered)
    given = map_unique(answered, lambda x: _given(labels(x)))
    if given.notna().any():
        # The user's labels for words this column has: words of a scale they named.
        words = map_unique(answered, _word).where(given.isna(), given)
        numbers = map_unique(answered, _number)
        if (words.notna() | numbers.notna()).all():
            return Reading("question", "1-5", words.fillna(numbers), note="labelled")
    yes_no = map_unique(answered, _yes_no)
    words = map_unique(answered, _word)
    numbers = map_unique(answered, _number)
    if yes_no.notna().all() and not (numbers.notna().all() and (numbers == 1).all()):
        return Reading("question", "yes-no", yes_no, note="yes_no")
    if words.notna().mean() >= QUESTION_SHARE or (
        words.notna().mean() >= WORD_SHARE and (words.notna() | numbers.notna()).all()
    ):
        return Reading("question", "1-5", words.fillna(numbers), note="words")
    unknown = answered[words.isna() & numbers.isna()].map(lambda x: v.fold(str(x)))
    known = words.dropna().nunique()  # one known word among others is no scale yet
    if (
        known >= 2
        and words.notna().mean() >= WORD_SHARE
        and (_repeated(unknown) or _short(unknown))
    ):
        # Answer options we do not know (another scale's words): reported, never comments.
        return Reading(
            "question", "1-5", words, note="unknown_words", unknown=tuple(sorted(set(unknown)))
        )
    if numbers.notna().mean() >= QUESTION_SHARE:
        scale, note = number_scale(header, numbers.dropna())
        if scale is None:
            return Reading("number", note=note)
        return Reading("question", scale, numbers, note=note)
    if is_categorical(answered):
        return Reading("category", note="category")
    return Reading("comment")


def _given(value: str | None) -> float | None:
    try:
        return None if value in (None, "skip") else v.parse_number(value)
    except ValueError:
        return None


def _short(values: pd.Series) -> bool:
    """Answer options, not sentences: a few words each, and few of them."""
    distinct = set(values)
    return len(distinct) <= CATEGORY_MAX and all(len(str(x).split()) <= 4 for x in distinct)


def _repeated(values: pd.Series) -> bool:
    """Every value given at least twice, and few of them: options, not free text."""
    counts = values.value_counts()
    return len(counts) <= CATEGORY_MAX and bool((counts >= 2).all())


def is_categorical(answered: pd.Series) -> bool:
    """Few distinct values, each repeated: gender, role, a multiple-choice background."""
    distinct = answered.map(lambda x: v.fold(str(x))).nunique()
    return distinct <= CATEGORY_MAX and len(answered) >= CATEGORY_REPEAT * distinct


def number_scale(header: str, numbers: pd.Series) -> tuple[str | None, str | None]:
    """The scale of a column of numbers and a note on how it was chosen; (None, note) when
    the numbers are not answers (ages, years, euros)."""
    low, high = numbers.min(), numbers.max()
    explicit = EXPLICIT_HINT.search(header)
    if explicit:
        name = f"{explicit[1]}-{explicit[2]}"
        if name in SCALES and name != "0-4":
            return name, "header"
    whole = (numbers % 1 == 0).mean() >= QUESTION_SHARE
    if numbers.between(0, 100).all() and high > 10 and whole:
        return None, "slider"  # a 0-100 slider: a scale only when the user says so
    if numbers.between(0, 10).mean() < QUESTION_SHARE or not whole:
        return None, "not_answers"
    if RECOMMEND_HINT.search(header):
        if low == 0 or high > 5:
            return "0-10", "recommend"
        return "1-5", "recommend_but_1_5"
    if low == 0 and high <= 4:
        return "0-4", "codes_0_4"
    # Mostly 1-5 is a 1-5 question; the rest are reported as outside its scale.
    if numbers.between(1, 5).mean() >= QUESTION_SHARE:
        return "1-5", "numbers"
    if low >= 1 and high <= 7:
        return "1-7", "numbers"
    return "0-10", "numbers"


def convert(cells: pd.Series, scale: str, labels=None) -> pd.Series:
    """Answers as stored for a chosen scale: yes/no as 0/1, 0-4 shifted onto 1-5, else the
    number or Likert word; a label the user gave a score takes that score (on the chosen
    scale, shifted like the numbers); unreadable answers become NaN (reported by the caller)."""
    labels = labels or (lambda answer: None)
    read = _yes_no if scale == "yes-no" else _score

    def one(x):
        if v.is_blank(x):
            return None
        given = labels(x)
        return _given(given) if given is not None else read(x)

    parsed = map_unique(cells, one)
    return pd.to_numeric(parsed, errors="coerce") + SHIFT.get(scale, 0)


def _score(value: object) -> float | None:
    try:
        return v.parse_score(value)
    except (ValueError, TypeError):
        return None


def closest_known(word: str) -> tuple[str, str] | None:
    """The known answer word a label is most likely a typo of ("Disgree" -> disagree, 2),
    with its score, or None: shown as a hint beside the label, never applied by itself."""
    import difflib

    found = difflib.get_close_matches(v.fold(word), list(v.LIKERT), n=1, cutoff=0.85)
    return (found[0], v.plain_number(v.LIKERT[found[0]])) if found else None
