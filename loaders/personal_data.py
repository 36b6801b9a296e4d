"""Personal data in exports: columns of names, e-mail addresses, phone numbers and person
identifiers, by header in fi/sv/en or by content (a column of people's names, however it is
headed), are never stored; free text is masked (core.personal_text finds what is inside it).
Each distinct value of a column is read once, and every pattern is linear in a cell's length."""

import functools
import re

import pandas as pd

from core import personal_text
from loaders import values as v

# Headers (folded, without a trailing "(...)" note) that name a person or a way to reach one.
PERSONAL_HEADERS = {
    v.fold(h)
    for h in (
        "Email",
        "E-mail",
        "Email address",
        "E-mail address",
        "Sähköposti",
        "Sähköpostiosoite",
        "E-post",
        "E-postadress",
        "Epost",
        "Name",
        "Nimi",
        "Full name",
        "First name",
        "Last name",
        "Surname",
        "Given name",
        "Family name",
        "Etunimi",
        "Sukunimi",
        "Etunimet",
        "Vastaajan nimi",
        "Respondent name",
        "Your name",
        "Nimesi",
        "Namn",
        "Förnamn",
        "Efternamn",
        "Fullständigt namn",
        "Phone",
        "Phone number",
        "Telephone",
        "Mobile",
        "Puhelin",
        "Puhelinnumero",
        "Matkapuhelin",
        "Gsm",
        "Telefon",
        "Telefonnummer",
        "Mobiltelefon",
        "Henkilötunnus",
        "Hetu",
        "Personnummer",
        "Personbeteckning",
        "Social security number",
        "SSN",
        "Henkilönumero",
        "Employee number",
        "Employee ID",
        "EmployeeNumber",
        "Työntekijänumero",
        "Henkilöstönumero",
        "Osoite",
        "Address",
        "Adress",
        "Katuosoite",
    )
}
# Words that make any header personal, e.g. "Email (optional)", "Vastaajan sähköposti".
PERSONAL_WORDS = re.compile(
    r"e-?mail|sähköposti|e-?post\b|puhelin|phone|henkilötunnus|personnummer|\bhetu\b"
    r"|\bnimi\b|\bnimesi\b|\bname\b|\bnamn\b|etunimi|sukunimi",
    re.IGNORECASE,
)
# Headers naming something other than a person, though they hold the word "nimi" / "name".
NOT_A_PERSON = re.compile(
    r"yksikö|toimipaik|toimipiste|oppilaitok|koulutustoimij|tutkinno|kysely|survey|unit|"
    r"department|team|tiimi|palvelu|service|site|school|workplace|työpaik|course|kurssi|"
    r"toteuttaj|hankinta|koulutu|organi|yritys|company|employer|työnantaj|tuote|product",
    re.IGNORECASE,
)

CONTENT_SHARE = 0.5  # a column whose filled cells are at least this much personal data
# A cell that is a person's name: two to four capitalised words (Anna-Liisa, O'Brien as one).
NAME_WORD = re.compile(r"[A-ZÅÄÖÜÉ][a-zåäöüéßø]{1,30}(?:['’-][A-ZÅÄÖÜÉa-zåäö][a-zåäöüéßø]{1,30})?")


def is_personal_header(header: str) -> bool:
    text = v.fold(header).strip(" :*?")
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    if text in PERSONAL_HEADERS or bare in PERSONAL_HEADERS:
        return True
    return bool(PERSONAL_WORDS.search(text)) and not NOT_A_PERSON.search(text)


def is_name(text: str) -> bool:
    """A cell holding a person's name: a first name alone (Pekka), or two to four capitalised
    words one of which is a first name and another a surname or surname-like (Pekka Virtanen,
    Virtanen Pekka, Anna-Liisa Mäkinen, Erik Johansson). "Päiväkoti Helmi" is not one."""
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(NAME_WORD.fullmatch(w) for w in words):
        return False
    if len(words) == 1:
        return personal_text.is_first_name(words[0]) and words[0] not in personal_text.WORD_NAMES
    first = [i for i, w in enumerate(words) if personal_text.is_first_name(w)]
    return any(
        personal_text.surname_like(w) or personal_text.is_first_name(w)
        for i, w in enumerate(words)
        if first and i != first[0]
    )


def is_personal_value(text: str) -> bool:
    """One cell that is an e-mail address, a phone number, a person id or a person's name."""
    return (
        personal_text.is_email(text)
        or personal_text.is_phone(text)
        or personal_text.is_person_id(text)
        or is_name(text)
    )


def is_personal_content(cells: pd.Series) -> bool:
    """True when most filled cells are e-mail addresses, phone numbers, person ids or names."""
    filled = hits = 0
    for value, count in v.value_counts(cells):  # each distinct value read once
        if v.is_blank(value):
            continue
        filled += count
        if isinstance(value, str) and is_personal_value(value.strip()):
            hits += count
    return bool(filled) and hits / filled >= CONTENT_SHARE


def mask(text: str) -> str:
    """Free text with e-mail addresses (also obfuscated), person ids, phone numbers, street
    addresses and names replaced by a marker, and text direction controls removed."""
    return personal_text.mask(text)


def mask_column(values: pd.Series) -> tuple[pd.Series, int]:
    """A text column masked (each distinct text once), and how many cells changed."""
    texts = values.astype(object)
    masked_of: dict[str, str] = {}

    def masked(x):
        if not isinstance(x, str):
            return x
        if x not in masked_of:
            masked_of[x] = mask(x)
        return masked_of[x]

    result = texts.map(masked)
    changed = int((result.fillna("") != texts.fillna("")).sum())
    return result, changed


def without_direction_controls(frame: pd.DataFrame) -> int:
    """Remove text direction controls from every text cell of frame, in place; how many cells
    changed (an override makes abc\u202eexe.txt show as "abctxt.exe")."""
    changed = 0
    for column in frame.columns:
        if not pd.api.types.is_object_dtype(frame[column]) and not pd.api.types.is_string_dtype(
            frame[column]
        ):
            continue
        texts = frame[column]
        pattern = personal_text.DIRECTION_CONTROLS.pattern
        try:
            has = texts.str.contains(pattern, regex=True, na=False).astype(bool)
        except AttributeError:  # no text in the column at all (dates, say)
            continue
        if has.any():
            frame.loc[has, column] = texts[has].map(personal_text.without_direction_controls)
            changed += int(has.sum())
    return changed


def clean_stored_text(loaded) -> None:
    """Every text a loaded file stores without direction controls (its tables and its name),
    and survey names without personal data: a file without a survey column is named after the
    file (palaute_maija@kunta.fi.xlsx)."""
    for frame in loaded.tables.values():
        without_direction_controls(frame)
        if "survey" in frame and not frame.empty:
            frame["survey"] = frame["survey"].map(_survey_name)
    loaded.file = personal_text.without_direction_controls(loaded.file)


@functools.lru_cache(maxsize=256)
def _cached_file_name(text: str) -> str:
    return personal_text.file_name(text)


def _survey_name(value):
    return _cached_file_name(value) if isinstance(value, str) else value
