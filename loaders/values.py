"""Cell values as people type them: numbers with decimal commas, Finnish and ISO dates, periods,
Likert words and yes/no. Each parser returns the value or raises ValueError.
"""

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterator

import pandas as pd

from core.formats import plain_number  # noqa: F401  (messages quote numbers as formats writes them)
from core.names import fold  # noqa: F401  (headers and answer words fold like unit names)

EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if value is pd.NaT:
        return True
    return isinstance(value, str) and not value.strip()


# A column's distinct values, read in C: a column of 50 000 answers holds a handful of values,
# and a cell at a time in Python cost a wide import half a second. The type is part of a value
# (1 and 1.0 are equal in Python but are shown apart); an unhashable cell is a value of its own.


def _typed(cells) -> list:
    return cells.tolist() if isinstance(cells, pd.Series) else list(cells)


def _counted(values: list) -> dict[tuple, list]:
    """The slow way, for a part with an unhashable cell: key -> [value, count]."""
    counted: dict[tuple, list] = {}
    for x in values:
        try:
            key = (type(x), x)
            hash(key)
        except TypeError:
            key = (type(x), id(x))
        counted.setdefault(key, [x, 0])[1] += 1
    return counted


def value_counts(cells) -> Iterator[tuple[object, int]]:
    """Each distinct value with how often it occurs, in order of first appearance."""
    values = _typed(cells)
    try:
        counted = Counter(zip(map(type, values), values, strict=True))
    except TypeError:
        return (tuple(pair) for pair in _counted(values).values())
    return ((value, count) for (_, value), count in counted.items())


def first_values(cells, chunk: int = 4096) -> Iterator[object]:
    """The distinct values in order of first appearance, lazily, a chunk at a time: a caller
    that wants a few stops early, without reading a long column to its end."""
    column = cells if isinstance(cells, pd.Series) else pd.Series(list(cells), dtype=object)
    met: set = set()
    for start in range(0, len(column), chunk):
        part = column.iloc[start : start + chunk].tolist()  # not the whole column at once
        try:  # the part's distinct values only, so the loops below are short
            found = [
                (key, key[1]) for key in dict.fromkeys(zip(map(type, part), part, strict=True))
            ]
        except TypeError:
            found = [(key, value) for key, (value, _) in _counted(part).items()]
        for key, value in found:
            if key not in met:
                met.add(key)
                yield value


def clean_text(value: object) -> str | None:
    """A text cell with surrounding and repeated spaces removed; blanks become None."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_number(value: object) -> float:
    """4,2 / 4.2 / '1 234,5' / 1234 -> float; raises ValueError for text."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            raise ValueError(value)
        return float(value)
    text = _NUMBER_SPACES.sub("", str(value)).replace("\u2212", "-")
    if text.endswith("%"):
        raise ValueError(value)
    if "," in text and "." in text:  # 1.234,5 or 1,234.5
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    number = float(text)
    if math.isnan(number) or math.isinf(number):
        raise ValueError(value)
    return number


_FI_DATE = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?(?:\s+(?:klo\s+)?(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?)?$",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?$"
)
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def parse_datetime(value: object) -> dt.datetime:
    """A real Excel date, an Excel serial number, ISO text or Finnish text -> datetime."""
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise ValueError(value)
        return value.to_pydatetime().replace(tzinfo=None)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A date cell that lost its format: Excel's serial day number (1982..2100 is plausible).
        if 30000 <= value <= 73000:
            return EXCEL_EPOCH + dt.timedelta(days=float(value))
        raise ValueError(value)
    text = " ".join(str(value).split())
    for pattern, order in ((_FI_DATE, "dmy"), (_ISO_DATE, "ymd"), (_SLASH_DATE, "dmy")):
        match = pattern.match(text)
        if match:
            parts = match.groups()
            if order == "dmy":
                day, month, year = (int(p) for p in parts[:3])
            else:
                year, month, day = (int(p) for p in parts[:3])
            hour, minute, second = (int(p) if p else 0 for p in parts[3:6])
            return dt.datetime(year, month, day, hour, minute, second)
    raise ValueError(value)


def parse_date(value: object) -> dt.date:
    return parse_datetime(value).date()


_TERM_WORDS = {
    "kevät": 1,
    "kevat": 1,
    "kevätlukukausi": 1,
    "spring": 1,
    "syksy": 8,
    "syyslukukausi": 8,
    "autumn": 8,
    "fall": 8,
    "vår": 1,
    "vårtermin": 1,
    "vårterminen": 1,
    "höst": 8,
    "hösttermin": 8,
    "höstterminen": 8,
}
# Month names as exports write them (fi, sv, en; full, short, and the forms "syyskuussa" and
# "syyskuun"), folded, without a trailing dot: "2017-SEP", "Sep 2017", "syyskuu 2017".
_MONTHS = {}
for _number, _names in enumerate(
    (
        ("tammikuu", "tammi", "januari", "january", "jan"),
        ("helmikuu", "helmi", "februari", "february", "feb"),
        ("maaliskuu", "maalis", "mars", "march", "mar"),
        ("huhtikuu", "huhti", "april", "apr"),
        ("toukokuu", "touko", "maj", "may"),
        ("kesäkuu", "kesä", "juni", "june", "jun"),
        ("heinäkuu", "heinä", "juli", "july", "jul"),
        ("elokuu", "elo", "augusti", "august", "aug"),
        ("syyskuu", "syys", "september", "sept", "sep"),
        ("lokakuu", "loka", "oktober", "october", "okt", "oct"),
        ("marraskuu", "marras", "november", "nov"),
        ("joulukuu", "joulu", "december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number
        if _name.endswith("kuu"):
            _MONTHS[_name + "ssa"] = _MONTHS[_name + "n"] = _number


def _month(word: str) -> int | None:
    return _MONTHS.get(word.strip(". ").casefold())


def parse_period(value: object) -> dt.date:
    """The first day of the period a cell names: 2024, 2024-03, 3/2024, 2023Q2, Q2/2023,
    kevät 2024, syksy 2024, or a date."""
    if isinstance(value, dt.date | pd.Timestamp):
        return parse_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1900 <= value <= 2200:
            return dt.date(int(value), 1, 1)
        return parse_date(value)
    text = " ".join(str(value).split()).casefold()
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1)
    if m := re.fullmatch(r"(\d{4})[-/](\d{1,2})", text):
        return dt.date(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{4})", text):
        return dt.date(int(m[2]), int(m[1]), 1)
    if m := re.fullmatch(r"(\d{4})\s*[-/]?\s*q([1-4])", text):
        return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
    if m := re.fullmatch(r"q([1-4])\s*[-/ ]\s*(\d{4})", text):
        return dt.date(int(m[2]), 3 * int(m[1]) - 2, 1)
    if m := re.fullmatch(r"([a-zäöå]+)\.?\s*[-/ ]?\s*(\d{4})", text):
        if m[1] in _TERM_WORDS:
            return dt.date(int(m[2]), _TERM_WORDS[m[1]], 1)
        if _month(m[1]):
            return dt.date(int(m[2]), _month(m[1]), 1)
    if m := re.fullmatch(r"(\d{4})\s*[-/ ]?\s*([a-zäöå]+)\.?", text):
        if m[2] in _TERM_WORDS:
            return dt.date(int(m[1]), _TERM_WORDS[m[2]], 1)
        if _month(m[2]):
            return dt.date(int(m[1]), _month(m[2]), 1)
    return parse_date(value)


# Likert words (fi, en) on a 1-5 agreement scale, and the smiley words for counts.
LIKERT = {
    "täysin eri mieltä": 1,
    "strongly disagree": 1,
    "jokseenkin eri mieltä": 2,
    "osittain eri mieltä": 2,
    "eri mieltä": 2,
    "somewhat disagree": 2,
    "disagree": 2,
    "ei samaa eikä eri mieltä": 3,
    "en samaa enkä eri mieltä": 3,
    "neither agree nor disagree": 3,
    "neutral": 3,
    "jokseenkin samaa mieltä": 4,
    "osittain samaa mieltä": 4,
    "samaa mieltä": 4,
    "somewhat agree": 4,
    "agree": 4,
    "täysin samaa mieltä": 5,
    "strongly agree": 5,
    "erittäin huono": 1,
    "very poor": 1,
    "huono": 2,
    "poor": 2,
    "kohtalainen": 3,
    "fair": 3,
    "hyvä": 4,
    "good": 4,
    "erittäin hyvä": 5,
    "very good": 5,
    "excellent": 5,
    "erittäin tyytymätön": 1,
    "very dissatisfied": 1,
    "tyytymätön": 2,
    "dissatisfied": 2,
    "tyytyväinen": 4,
    "satisfied": 4,
    "erittäin tyytyväinen": 5,
    "very satisfied": 5,
    "ei tyytyväinen eikä tyytymätön": 3,
    "neither satisfied nor dissatisfied": 3,
    # Swedish agreement and satisfaction scales.
    "helt av annan åsikt": 1,
    "delvis av annan åsikt": 2,
    "av annan åsikt": 2,
    "varken av samma eller annan åsikt": 3,
    "delvis av samma åsikt": 4,
    "av samma åsikt": 4,
    "helt av samma åsikt": 5,
    "instämmer inte alls": 1,
    "instämmer inte": 2,
    "instämmer delvis": 4,
    "instämmer helt": 5,
    "tar helt avstånd": 1,
    "tar delvis avstånd": 2,
    "mycket missnöjd": 1,
    "missnöjd": 2,
    "varken nöjd eller missnöjd": 3,
    "nöjd": 4,
    "mycket nöjd": 5,
    "mycket dålig": 1,
    "dålig": 2,
    "varken bra eller dålig": 3,
    "bra": 4,
    "mycket bra": 5,
    "neutraali": 3,
    "håller helt med": 5,
    "håller med": 4,
    "håller delvis med": 4,
    "varken eller": 3,
    "håller inte med": 2,
    "håller delvis inte med": 2,
    "håller inte alls med": 1,
    "stämmer helt": 5,
    "stämmer ganska bra": 4,
    "stämmer ganska dåligt": 2,
    "stämmer inte alls": 1,
    # Frequency and likelihood scales (fi, sv, en).
    "ei koskaan": 1,
    "harvoin": 2,
    "joskus": 3,
    "usein": 4,
    "aina": 5,
    "aldrig": 1,
    "sällan": 2,
    "ibland": 3,
    "ofta": 4,
    "alltid": 5,
    "never": 1,
    "rarely": 2,
    "sometimes": 3,
    "often": 4,
    "always": 5,
    "very often": 5,
    "very unlikely": 1,
    "unlikely": 2,
    "neither likely nor unlikely": 3,
    "likely": 4,
    "very likely": 5,
    "extremely unlikely": 1,
    "extremely likely": 5,
    "very unsatisfied": 1,
    "unsatisfied": 2,
    "extremely dissatisfied": 1,
    "extremely satisfied": 5,
    "somewhat dissatisfied": 2,
    "somewhat satisfied": 4,
}

CANNOT_SAY = {
    "eos",
    "en osaa sanoa",
    "ei osaa sanoa",
    "cannot say",
    "don't know",
    "n/a",
    "-",
    "vet inte",
    "kan inte säga",
    "ingen åsikt",
    "not applicable",
    "no opinion",
}


def parse_score(value: object) -> float | None:
    """A number or a Likert word -> score; 'eos' and blanks -> None; other text -> ValueError."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        key = fold(value)
        if key in CANNOT_SAY:
            return None
        if key in LIKERT:
            return float(LIKERT[key])
    return parse_number(value)


def is_cannot_say(value: object) -> bool:
    return isinstance(value, str) and fold(value) in CANNOT_SAY


# Yes and no as answers write them (fi, sv, en), folded; a yes/no cell also takes a cross, 1/0
# and a concern column's own word.
YES_WORDS = {"kyllä", "k", "ja", "j", "yes", "y", "true", "tosi", "sant"}
NO_WORDS = {"ei", "e", "nej", "no", "n", "false", "epätosi", "falskt"}
YES = YES_WORDS | {"x", "1", "on", "huoli", "oro"}
NO = NO_WORDS | {"0"}


def parse_yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    key = fold(str(value))
    if key in YES:
        return True
    if key in NO:
        return False
    raise ValueError(value)
