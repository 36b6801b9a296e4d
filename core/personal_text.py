"""Personal data inside a text, found and masked: e-mail addresses (also written `pekka(at)kunta.fi`
or `pekka at kunta dot fi`), phone numbers in any national or international form, Finnish
henkilötunnus and Swedish personnummer (also glued to a word), street addresses and people's
names; and the invisible controls that turn text around (`abc‮exe.txt` shown as "abctxt.exe").

Every pattern is linear in the text's length: each starts only where a run of its characters
starts and repeats a bounded number of times, so a 60 000-letter comment costs what its letters
cost. Loaders mask comments and group names with it; the store and the audit trail mask file
names with it (pure Python, no pandas)."""

import re

from core.person_names import (
    FIRST_NAMES,
    SURNAME_ENDINGS,
    SURNAMES,
    TITLES,
    WORD_NAMES,
    WORD_SURNAMES,
)

EMAIL_MARK, PHONE_MARK, ID_MARK = "[e-mail]", "[tel.]", "[id]"
ADDRESS_MARK, NAME_MARK = "[osoite]", "[nimi]"

# Right-to-left and left-to-right marks, embeddings, overrides and isolates.
DIRECTION_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_LOCAL = r"(?<![\w.+'-])[\w.+'-]{1,64}"
EMAIL = re.compile(_LOCAL + r"@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# An address written so that harvesters miss it: pekka.p(at)kunta.fi, pekka [at] kunta dot fi,
# pekka at kunta.fi. The domain ends in letters (checked in _obfuscated).
OBFUSCATED_EMAIL = re.compile(
    _LOCAL
    + r"\s{0,2}(?:[(\[{<]\s{0,2}(?:at|ät|a|@)\s{0,2}[)\]}>]|(?<=\s)(?:at|ät)(?=\s))\s{0,2}"
    + r"[\w-]{1,63}(?:\s{0,2}(?:\.|[(\[{<]\s{0,2}(?:dot|piste|punkt)\s{0,2}[)\]}>]"
    + r"|(?<=\s)(?:dot|piste|punkt)(?=\s))\s{0,2}[\w-]{1,63}){1,6}",
    re.IGNORECASE,
)
# Phone numbers: national (040 123 4567, 040.555.1234, 040/1112223, (09) 123 4567),
# international (+358 40 123 4567, 00358 40 ..., +1 (555) 123-4567) and a bare country code
# (358409998877). One separator at most between digits, so two numbers side by side stay two.
_SEP = r"[ .\-/]?"
PHONE = re.compile(
    r"(?<![\d+])(?:"
    + r"(?:\+|00)\d{1,3}(?:"
    + _SEP
    + r"\(?\d\)?){6,13}"
    + r"|358(?:"
    + _SEP
    + r"\d){8,10}"
    + r"|\(?0\d{1,3}\)?(?:"
    + _SEP
    + r"\d){5,10}"
    + r")(?!\d)"
)
# What a phone pattern also matches but is not one: dates and times of day (5.10.2016,
# 09.15-10.30).
NOT_A_PHONE = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[.:]\d{2}\s?[-–]\s?\d{1,2}[.:]\d{2}"
)
# Henkilötunnus DDMMYY, century sign, individual number, check character; anywhere in a word
# (hetu131052-308T). Swedish personnummer (YY)YYMMDD-NNNN.
PERSON_ID = re.compile(
    r"(?<!\d)(?P<day>\d{2})(?P<month>\d{2})\d{2}[-+ABCDEFUVWXYabcdefuvwxy]\d{3}[0-9A-Ya-y](?!\d)"
)
PERSONNUMMER = re.compile(r"(?<!\d)(?:19|20)?\d{2}(?P<month>\d{2})(?P<day>\d{2})[-+]\d{4}(?!\d)")
_STREETS = (
    "katu|tie|kuja|polku|väylä|kaari|rinne|ranta|raitti|tori|aukio|penger|piha|"
    "gatan|vägen|gränd|stigen|backen|torget|allén|gata|väg"
)
_STREET_WORDS = "|".join(word.capitalize() for word in _STREETS.split("|"))
# Koivukuja 3 B 12, Mannerheimintie 12 as. 5, Storgatan 5, 00100 Helsinki.
STREET_ADDRESS = re.compile(
    r"(?<![\w-])(?:[A-ZÅÄÖ][a-zåäöé-]{0,40}(?:" + _STREETS + r")|(?:" + _STREET_WORDS + r"))"
    r"\s{1,2}\d{1,4}[a-zA-Z]?(?:\s{0,2}[-–]\s{0,2}\d{1,4})?"
    r"(?:\s{1,2}[A-Za-z](?![\w])(?:\s{0,2}\d{1,4})?)?"
    r"(?:\s{1,2}(?:as\.?|asunto|lh\.?|bst\.?|lgh\.?)\s{0,2}\d{1,4})?"
    r"(?:,?\s{1,2}\d{5}(?:\s{1,2}[A-ZÅÄÖ][a-zåäö]{1,30})?)?"
)
# A word of letters (Anna-Liisa, O'Brien as one), for finding names.
WORD = re.compile(r"[^\W\d_]{1,40}(?:['’-][^\W\d_]{1,40}){0,3}")
SENTENCE_END = frozenset(".!?:;\n\r\t\"'”»([")


def without_direction_controls(text: str) -> str:
    return DIRECTION_CONTROLS.sub("", text)


def is_email(text: str) -> bool:
    text = text.strip()
    return bool(EMAIL.fullmatch(text) or _is_obfuscated_email(text))


def is_phone(text: str) -> bool:
    text = text.strip()
    return bool(PHONE.fullmatch(text)) and not NOT_A_PHONE.fullmatch(text)


def is_person_id(text: str) -> bool:
    text = text.strip()
    found = PERSON_ID.fullmatch(text) or PERSONNUMMER.fullmatch(text)
    return bool(found) and _plausible_id(found)


def _is_obfuscated_email(text: str) -> bool:
    found = OBFUSCATED_EMAIL.fullmatch(text)
    return bool(found) and _obfuscated(found) != found.group(0)


def _obfuscated(found: re.Match) -> str:
    tld = re.split(r"[\s.()\[\]{}<>]+", found.group(0))[-1]
    return EMAIL_MARK if tld.isalpha() and 2 <= len(tld) <= 24 else found.group(0)


def _phone(found: re.Match) -> str:
    return found.group(0) if NOT_A_PHONE.fullmatch(found.group(0)) else PHONE_MARK


def _plausible_id(found: re.Match) -> bool:
    return 1 <= int(found.group("day")) <= 31 and 1 <= int(found.group("month")) <= 12


def _person_id(found: re.Match) -> str:
    return ID_MARK if _plausible_id(found) else found.group(0)


def mask_contacts(text: str) -> str:
    """E-mail addresses, person ids, phone numbers and street addresses replaced by a marker."""
    text = EMAIL.sub(EMAIL_MARK, text)
    text = OBFUSCATED_EMAIL.sub(_obfuscated, text)
    text = PERSON_ID.sub(_person_id, text)
    text = PERSONNUMMER.sub(_person_id, text)
    text = PHONE.sub(_phone, text)
    return STREET_ADDRESS.sub(ADDRESS_MARK, text)


def surname_like(word: str) -> bool:
    """A known surname, or a capitalised word with a surname's ending (Meikäläinen)."""
    if word in SURNAMES:
        return True
    return word[:1].isupper() and len(word) > 3 and word.lower().endswith(SURNAME_ENDINGS)


def is_first_name(word: str) -> bool:
    return word in FIRST_NAMES or (
        "-" in word and all(part in FIRST_NAMES for part in word.split("-"))
    )


def name_spans(text: str) -> list[tuple[int, int]]:
    """Where people's names are in a text: a first name with the capitalised word next to it
    (Pekka Virtanen, Virtanen Pekka), a lone first name or known surname (but a name that is
    also a word, at the start of a sentence, is taken as the word), and the word after a title
    (rouva Virtanen). Each word is looked at once."""
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    spans: list[tuple[int, int]] = []
    for i, (start, end, word) in enumerate(words):
        if not word[:1].isupper():
            continue
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        next_capital = after is not None and _gap(text, end, after[0]) and after[2][:1].isupper()
        starts_sentence = _starts_sentence(text, start)
        if is_first_name(word):
            if word in WORD_NAMES and starts_sentence and not next_capital:
                continue
            spans.append((start, end))
            if next_capital:
                spans.append((after[0], after[1]))
        elif (
            (next_capital and surname_like(word) and is_first_name(after[2]))
            or (word in SURNAMES and not (word in WORD_SURNAMES and starts_sentence))
            or (before is not None and before[2].lower() in TITLES and _gap(text, before[1], start))
        ):
            spans.append((start, end))
    return _merged(spans)


def _gap(text: str, end: int, start: int) -> bool:
    """True when one or two spaces, and nothing else, lie between two words."""
    gap = text[end:start]
    return 0 < len(gap) <= 2 and gap.isspace()


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i < 0 or text[i] in SENTENCE_END


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(set(spans)):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def mask_names(text: str) -> str:
    spans = name_spans(text)
    if not spans:
        return text
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], NAME_MARK]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def mask(text: str) -> str:
    """Free text with every kind of personal data masked and direction controls removed."""
    return mask_names(mask_contacts(without_direction_controls(text)))


def file_name(name: str) -> str:
    """A file's name as the import history and the audit trail keep it: contacts, ids and
    names masked (palaute_[e-mail]_[id].xlsx), direction controls removed. An underscore is
    read as the space it stands for, so an address does not swallow the rest of the name."""
    return "_".join(mask(part) for part in without_direction_controls(name).split("_"))
