"""The mapping of a file's columns to roles: what a loader detected (ColumnRole per header) and
what the user chose over it (role overrides, scales, fixed unit/date/survey, day-month order).

The same Mapping comes from the Import page's mapping step, a saved source profile or the
CLI's --map/--unit/--date/--survey; loaders apply it and hand back the mapping they used.
"""

import json
import re
from dataclasses import asdict, dataclass, field

from loaders import values as v
from loaders.scales import SCALES

# Roles a user may give a column. question:<scale> picks the scale; background is kept out
# of the figures like ignore, but says why (a categorical column such as gender).
USER_ROLES = (
    "date",
    "period",
    "unit",
    "survey",
    "group",
    "comment",
    "background",
    "ignore",
    "indicator",  # a column of values of one of the organisation's own indicators (wide form)
    *(f"question:{s}" for s in SCALES),
)
# A column without a header is named by its letter, as the sheet shows it: [B].
LETTER = re.compile(r"^\[([A-Z]{1,3})\]$")
SKIP = "skip"  # an answer label that is not an answer ("cannot say"): not counted
# Roles only a loader gives: metadata and personal data are never stored.
DETECTED_ROLES = ("metadata", "personal")
# A role named as the user says it -> the key of the schema column it fills.
ROLE_KEYS = {"group": "respondent_group", "period": "date"}
FIXED = ("unit", "date", "survey")


@dataclass
class ColumnRole:
    """One column of a file as a loader took it, with what the mapping step shows about it."""

    header: str
    role: str  # a USER_ROLES / DETECTED_ROLES value, or a schema key such as "headcount"
    note: str | None = None  # why, as a texts key suffix (mapping.note.<note>)
    answers: int | None = None  # questions: answers read
    mean: float | None = None  # questions: mean on the question's own scale
    sample: str = ""  # a few distinct values, for the table
    index: int = -1  # the column's position in the sheet
    # questions: each distinct answer, how many gave it, and what it counts as (a score as
    # text, "skip", or None for a label no scale knows), for the answer-label table
    counts: list = field(default_factory=list)


@dataclass
class Mapping:
    """The user's choices for one file (all optional); columns is filled in by the loader."""

    roles: dict[str, str] = field(default_factory=dict)  # header as written -> role
    unit: str | None = None
    date: str | None = None  # a date or a period (2023Q2, kevät 2024, 2024)
    survey: str | None = None
    day_first: bool | None = None  # slash dates: None = detect, ambiguous ones follow lang
    lang: str = "fi"
    columns: list[ColumnRole] = field(default_factory=list)
    profile: str | None = None  # the saved profile these choices came from
    sheet: str | None = None  # the sheet to read (None: the one whose table fits best)
    header_rows: tuple[int, int] | None = None  # first and last header row, as the sheet numbers
    rows: tuple[int | None, int | None] | None = None  # first and last data row (None: detect)
    keep_left_out: bool = False  # keep total, subtotal and note rows detection left out
    # Answer labels: text -> a score on the chosen scale, or "skip" (not an answer). For
    # every column where the text appears; question_labels per column (header -> labels).
    labels: dict[str, str] = field(default_factory=dict)
    question_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    tool: str | None = None  # detected: the survey tool whose export this is (not a choice)
    found_header_rows: tuple[int, int] | None = None  # detected: the header rows read
    found_sheet: str | None = None  # detected: the sheet read
    found_roles: tuple[str, ...] = ()  # detected: the roles the form read offers its columns

    def role_of(self, header: str, index: int | None = None) -> str | None:
        """The role the user chose for a column: by its header (any case and spacing) or,
        with index, by its letter ("[B]")."""
        found = self.roles.get(header) or self.roles.get(_folded(self.roles).get(v.fold(header)))
        if found is None and index is not None:
            found = self.roles.get(f"[{column_letter(index)}]")
        return found

    def label_of(self, header: str, answer: object) -> str | None:
        """The score (as text) or "skip" the user gave an answer label, for this column or
        for the whole file; None when the label was not given one."""
        key = v.fold(" ".join(str(answer).split()))
        own = self.question_labels.get(header) or {}
        for labels in (own, self.labels):
            for text, value in labels.items():
                if v.fold(" ".join(text.split())) == key:
                    return value
        return None

    def fixed(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in FIXED if (getattr(self, k) or "").strip()}

    def choices(self) -> dict:
        """What a profile saves: the user's choices, not the detected columns (choices left
        at their default are left out, so an old profile and a new one read alike)."""
        chosen = {k: getattr(self, k) for k in ("roles", "unit", "date", "survey", "day_first")}
        for key in CHOICES_SINCE:
            value = getattr(self, key)
            if value:
                chosen[key] = list(value) if isinstance(value, tuple) else value
        return chosen

    def to_json(self) -> str:
        return json.dumps(self.choices(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None, **extra) -> "Mapping":
        data = json.loads(text) if text else {}
        keys = ("roles", "unit", "date", "survey", "day_first", *CHOICES_SINCE)
        known = {k: data[k] for k in keys if k in data}
        for key in ("header_rows", "rows"):
            if known.get(key) is not None:
                known[key] = tuple(known[key])
        return cls(**known, **extra)

    def merged(self, other: "Mapping") -> "Mapping":
        """These choices with other's on top (a profile, then the user's edits)."""
        roles = {**self.roles, **other.roles}
        values = {k: getattr(other, k) or getattr(self, k) for k in FIXED}
        day_first = other.day_first if other.day_first is not None else self.day_first
        questions = {**self.question_labels}
        for header, labels in other.question_labels.items():
            questions[header] = {**questions.get(header, {}), **labels}
        return Mapping(
            roles,
            **values,
            day_first=day_first,
            lang=other.lang,
            profile=other.profile or self.profile,
            sheet=other.sheet or self.sheet,
            header_rows=other.header_rows or self.header_rows,
            rows=other.rows or self.rows,
            keep_left_out=other.keep_left_out or self.keep_left_out,
            labels={**self.labels, **other.labels},
            question_labels=questions,
        )

    def summary(self) -> list[dict]:
        return [asdict(c) for c in self.columns]


# Choices added after the first profiles were saved; a profile without them reads as before.
CHOICES_SINCE = ("sheet", "header_rows", "rows", "keep_left_out", "labels", "question_labels")


def column_letter(index: int) -> str:
    """The letter a sheet shows over a column: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _folded(roles: dict[str, str]) -> dict[str, str]:
    return {v.fold(h): h for h in roles}


class MappingError(ValueError):
    """A --map choice that cannot be read; the message says what is accepted."""


def parse_choice(text: str) -> tuple[str, str]:
    """'HEADER=ROLE' from the command line -> (header, role); the header may hold '='."""
    header, sep, role = text.rpartition("=")
    role = role.strip().casefold()
    if not sep or not header.strip():
        raise MappingError(f'"{text}": expected HEADER=ROLE')
    if role == "question":
        role = "question:1-5"
    role = role.replace("–", "-")
    if role not in USER_ROLES and not role.replace("_", "").isalpha():
        raise MappingError(f'"{text}": unknown role {role!r}; known: {", ".join(USER_ROLES)}')
    return header.strip(), role


def schema_key(role: str) -> str:
    return ROLE_KEYS.get(role, role)


def apply_to_match(match, mapping: "Mapping | None") -> None:
    """Move columns of a HeaderMatch where the user chose a role: a schema key takes that
    column (several columns chosen for one workforce figure are summed); any other role takes
    the column away from the schema. Fixed values fill keys (a date fills a month)."""
    if mapping is None:
        return
    match.mapping = mapping
    keys = {c.key for c in match.schema.columns}
    taken: dict[str, list[int]] = {}
    for index, header in match.headers.items():
        role = mapping.role_of(header, index)
        if role is None:
            continue
        for key in list(match.columns):
            if index in match.columns[key]:
                match.columns[key].remove(index)
                if not match.columns[key]:
                    del match.columns[key]
        key = _key_in(schema_key(role), keys)
        if key in keys:
            taken.setdefault(key, []).append(index)
            if index in match.unmatched:
                match.unmatched.remove(index)
        elif index not in match.unmatched:
            match.unmatched.append(index)
    for key, indexes in taken.items():
        match.columns[key] = indexes
    match.summed = {key for key, indexes in taken.items() if len(indexes) > 1}
    for key, value in mapping.fixed().items():
        key = _key_in(key, keys)
        if key in keys:
            match.fixed[key] = value.strip()
            for index in match.columns.pop(key, []):
                match.unmatched.append(index)
                match.overridden.add(index)


def _key_in(key: str, keys: set[str]) -> str:
    if key == "date" and key not in keys and "month" in keys:
        return "month"  # a workforce file's time column
    return key


def parse_label(text: str) -> tuple[str, str]:
    """'TEXT=SCORE' or 'TEXT=skip' from the command line -> (text, score or "skip")."""
    label, sep, value = text.rpartition("=")
    value = value.strip().casefold()
    if not sep or not label.strip():
        raise MappingError(f'"{text}": expected TEXT=SCORE or TEXT=skip')
    if value != SKIP:
        try:
            v.parse_number(value)
        except ValueError:
            raise MappingError(f'"{text}": the score must be a number or "skip"') from None
    return " ".join(label.split()), value


def parse_rows(text: str) -> tuple[int | None, int | None]:
    """'3-319', '3-', '-319' or '2' (rows as the sheet numbers them) -> (first, last)."""
    found = re.fullmatch(r"\s*(\d*)\s*(?:[-–:]\s*(\d*))?\s*", text or "")
    if not found or not (found[1] or found[2]):
        raise MappingError(f'"{text}": expected rows as FIRST-LAST, e.g. 3-319')
    first = int(found[1]) if found[1] else None
    last = int(found[2]) if found[2] else (first if found[2] is None else None)
    if first == 0 or (first is not None and last is not None and last < first):
        raise MappingError(f'"{text}": rows are numbered from 1, the first before the last')
    return first, last
