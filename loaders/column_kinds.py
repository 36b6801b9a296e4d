"""What a column of a survey export is when it is not an answer: identifiers, IP addresses,
URLs, timestamps and page numbers (the form's metadata), counts, quantities, sliders, checkboxes
and coded background (gender, country, age). Each detector gives a role and the reason shown.

Only answers become figures: a column is a rated question only when its answers look like
ratings on a scale; these detectors run first, by header and by content.
"""

import datetime as dt
import re

import pandas as pd

from loaders import values as v

# Headers of the form's own data (fi/sv/en and the survey tools' field names), folded.
META_HEADER = re.compile(
    r"^(#|id|token|seed|tunnus|vastaajatunnus|respondent ?id|response ?id|responseid|"
    r"collector ?id|network ?id|_?record ?id|external ?(data )?reference|externalreference|"
    r"ip|ip[- ]?address|ipaddress|ip-osoite|ip-adress|user ?agent|referr?er|browser|selain|"
    r"version|operating system|resolution|device|platform|startlanguage|start language|"
    r"user ?language|userlanguage|language|kieli|språk|status|progress|finished|"
    r"distribution ?channel|distributionchannel|location ?(latitude|longitude)|"
    r"locationlatitude|locationlongitude|duration.*|kesto|vastaamiseen käytetty aika|"
    r"interview ?time|total ?time|time ?taken|date ?last ?action|datestamp|startdate|"
    r"start ?date.*|end ?date.*|stage ?date.*|date ?started|recorded ?date|recordeddate|"
    r"custom ?data.*|q_.*|lastpage|last ?page|sivu|viimeinen sivu|sista sidan|page)$"
)
# Headers of background facts about the respondent: kept out of the figures.
BACKGROUND_HEADER = re.compile(
    r"\b(gender|sex|sukupuoli|kön|age|ikä|ikäryhmä|ålder|åldersgrupp|country|maa|land|"
    r"region|alue|kotikunta|asuinkunta|hemkommun|postinumero|postnummer|postal|zip|"
    r"location|sijainti|education|koulutus|koulutustaso|utbildning|income|tulot|inkomst|"
    r"household|kotitalous|hushåll|ethnicity|race|occupation|ammatti|yrke|employment|"
    r"province|census region)\b"
)
# A ranking (1 = first choice): an order, not a rating.
RANK_HEADER = re.compile(r"\brank|ranking|järjest|rangordna|in order of preference")
# Numbers that count or measure something: never a rating.
COUNT_HEADER = re.compile(
    r"how many|how often in|number of|\btimes\b|kuinka monta|montako|kuinka monesti|"
    r"kertaa|lukumäärä|\bmäärä\b|hur många|hur ofta|antal|\bcount\b|\bkpl\b"
)
QUANTITY_HEADER = re.compile(
    r"time spent|\bhours?\b|\bminutes?\b|\btunnit?\b|\btuntia\b|minuutit|käytetty aika|"
    r"\btimmar\b|\bminuter\b|workload|work load|difficulty|\bage\b|\bikä\b|\byears?\b|"
    r"\bvuosi\b|\bvuotta\b|\bprice\b|\bhinta\b|€|\beur\b|euro|percent|prosentti|procent|%|"
    r"\bkm\b|distance|matka|weight|paino|height|pituus|salary|palkka|lön"
)
# Headers that say their numbers are ratings (a 0-4 column is then a scale, not a quantity).
RATING_HEADER = re.compile(
    r"satisf|tyytyv|nöjd|agree|samaa mieltä|instämmer|rate|rating|arvio|arvosana|betyg|"
    r"how well|kuinka hyvin|hur bra|scale|asteikko|skala|recommend|suosittel|rekommender"
)
IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
IPV6 = re.compile(r"^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$", re.IGNORECASE)
URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
CODE = re.compile(r"^[A-Za-z0-9_-]{5,}$")
SHARE = 0.8  # of a column's filled cells, for a content detector to speak
FREE_TEXT_WORDS = 2.5  # free text: answers of this many words on average ...
FREE_TEXT_DISTINCT = 0.6  # ... or this share of distinct answers ...
REPEATED_OPTIONS = 0.2  # ... with fewer repeats than this share (free text rarely repeats)
FREE_TEXT_LENGTH = 10  # ... and this many characters on average


def folded(header: str) -> str:
    text = v.fold(header).strip(" :*?")
    return re.sub(r"\s*\((utc|in seconds|sekunteina|i sekunder)\)\s*$", "", text)


def _distinct(cells) -> list[tuple[object, int]]:
    """Each filled value once with how often it occurs: a column of 100 000 answers holds a
    handful of values, and each detector looks at each value once."""
    return [(x, n) for x, n in v.value_counts(cells) if not v.is_blank(x)]


def _share(values: list[tuple[object, int]], test) -> float:
    total = sum(n for _, n in values)
    return sum(n for x, n in values if test(x)) / total if total else 0.0


def _is_timestamp(value: object) -> bool:
    if isinstance(value, dt.datetime | pd.Timestamp):
        return True
    if not isinstance(value, str) or not re.search(r"\d", value):
        return False
    try:
        v.parse_datetime(value)
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def metadata(header: str, cells: pd.Series, parts=()) -> str | None:
    """The reason a column is the form's own data (never stored), or None; parts are the
    texts of its header rows (a tool's field name above its label)."""
    for name in (folded(header), *(folded(p) for p in parts if p)):
        if META_HEADER.match(name):
            return "page_number" if "page" in name or "sivu" in name else "metadata"
    values = _distinct(cells)
    if not values:
        return None
    texts = [(str(x).strip(), n) for x, n in values]
    if _share(texts, lambda x: IPV4.match(x) or IPV6.match(x)) >= SHARE:
        return "ip_address"
    if _share(texts, URL.match) >= SHARE:
        return "url"
    if _share(values, _is_timestamp) >= SHARE:
        return "timestamp"
    if _is_identifier(texts):
        return "identifier"
    return None


def _is_identifier(texts: list[tuple[str, int]]) -> bool:
    """Every row its own code: long numbers or tokens, all different (never words)."""
    if len(texts) < 5 or any(n > 1 for _, n in texts) or len({x for x, _ in texts}) < len(texts):
        return False
    return _share(texts, CODE.match) >= SHARE and _share(texts, lambda x: len(x) >= 6) >= SHARE


def background(header: str) -> str | None:
    """The reason a column is background by its header (gender, country, age), or None."""
    return "background_header" if BACKGROUND_HEADER.search(folded(header)) else None


def numbers_kind(header: str, numbers: pd.Series) -> str | None:
    """The reason a column of numbers is not a rating, or None when it may be one: counts,
    quantities, 0-100 sliders and checkboxes (1 or blank)."""
    name = folded(header)
    if RANK_HEADER.search(name):
        return "ranking"
    if COUNT_HEADER.search(name):
        return "count"
    if QUANTITY_HEADER.search(name) and not RATING_HEADER.search(name):
        return "quantity"
    if numbers.empty:
        return None
    if (numbers == 1).all() and len(numbers) >= 2:
        return "checkbox"
    if numbers.between(0, 100).all() and numbers.max() > 10:
        return "slider"
    return None


def rating_header(header: str) -> bool:
    return bool(RATING_HEADER.search(folded(header)))


def is_checkbox(values: pd.Series, rows: int) -> bool:
    """One option's text (or 1) where ticked and blank elsewhere: a checkbox, not an answer."""
    if not 2 <= len(values) < rows:
        return False
    distinct = {v.fold(str(x)) for x, _ in _distinct(values)}
    return len(distinct) == 1


def is_free_text(answered: pd.Series) -> bool:
    """Answers people wrote: many different ones, or several words each (never a few short
    values repeated, such as a country or a yes/maybe/no)."""
    counted: dict[str, int] = {}
    for x, n in _distinct(answered):
        text = v.fold(" ".join(str(x).split()))
        counted[text] = counted.get(text, 0) + n
    total = sum(counted.values())
    if not total:
        return False
    words = sum(len(t.split()) * n for t, n in counted.items()) / total
    if words >= FREE_TEXT_WORDS:
        return True
    # Options given again and again (a fifth of the answers repeat one given before), or
    # short names each given once (a table's row labels): not what people wrote.
    distinct = len(counted)
    length = sum(len(t) * n for t, n in counted.items()) / total
    return (
        distinct >= FREE_TEXT_DISTINCT * total
        and total - distinct < REPEATED_OPTIONS * total
        and length >= FREE_TEXT_LENGTH
    )
