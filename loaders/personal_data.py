"""Personal data in exports: columns of names, e-mail addresses, phone numbers and person
identifiers (by header in fi/sv/en, or by content) are never stored; free text is masked."""

import re

import pandas as pd

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

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone number: +358 40 123 4567, 040-123 4567, (09) 123 4567; seven digits or more.
PHONE = re.compile(
    r"(?<![\w.,/:+-])(?:\+\d{1,3}[\s-]?|\(?0)\d{1,3}\)?(?:[\s-]?\d){5,10}(?![\w/:-])"
)
PERSON_ID = re.compile(r"\b\d{6}[-+AaBCDEFUVWXY]\d{3}[0-9A-Ya-y]\b")
CONTENT_SHARE = 0.5  # a column whose filled cells are at least this much e-mails/phones
MASKS = ((EMAIL, "[e-mail]"), (PERSON_ID, "[id]"), (PHONE, "[tel.]"))


def is_personal_header(header: str) -> bool:
    text = v.fold(header).strip(" :*?")
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    if text in PERSONAL_HEADERS or bare in PERSONAL_HEADERS:
        return True
    return bool(PERSONAL_WORDS.search(text)) and not NOT_A_PERSON.search(text)


def is_personal_content(cells: pd.Series) -> bool:
    """True when most filled cells are e-mail addresses, phone numbers or person ids."""
    filled = hits = 0
    for value, count in v.value_counts(cells):  # each distinct value read once
        if v.is_blank(value):
            continue
        filled += count
        x = str(value).strip()
        if EMAIL.fullmatch(x) or PHONE.fullmatch(x) or PERSON_ID.fullmatch(x):
            hits += count
    return bool(filled) and hits / filled >= CONTENT_SHARE


def mask(text: str) -> str:
    """Free text with e-mail addresses, person ids and phone numbers replaced by a marker."""
    for pattern, marker in MASKS:
        text = pattern.sub(marker, text)
    return text


def mask_column(values: pd.Series) -> tuple[pd.Series, int]:
    """A text column masked, and how many cells changed."""
    texts = values.astype(object)
    masked = texts.map(lambda x: mask(x) if isinstance(x, str) else x)
    changed = int((masked.fillna("") != texts.fillna("")).sum())
    return masked, changed
