"""The mapping of a file's columns to roles: what a loader detected (ColumnRole per header) and
what the user chose over it (role overrides, scales, fixed unit/date/survey, day-month order).

The same Mapping comes from the Import page's mapping step, a saved source profile or the
CLI's --map/--unit/--date/--survey; loaders apply it and hand back the mapping they used.
"""

import json
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
    *(f"question:{s}" for s in SCALES),
)
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

    def role_of(self, header: str) -> str | None:
        return self.roles.get(header) or self.roles.get(_folded(self.roles).get(v.fold(header)))

    def fixed(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in FIXED if (getattr(self, k) or "").strip()}

    def choices(self) -> dict:
        """What a profile saves: the user's choices, not the detected columns."""
        return {k: getattr(self, k) for k in ("roles", "unit", "date", "survey", "day_first")}

    def to_json(self) -> str:
        return json.dumps(self.choices(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None, **extra) -> "Mapping":
        data = json.loads(text) if text else {}
        known = {k: data[k] for k in ("roles", "unit", "date", "survey", "day_first") if k in data}
        return cls(**known, **extra)

    def merged(self, other: "Mapping") -> "Mapping":
        """These choices with other's on top (a profile, then the user's edits)."""
        roles = {**self.roles, **other.roles}
        values = {k: getattr(other, k) or getattr(self, k) for k in FIXED}
        day_first = other.day_first if other.day_first is not None else self.day_first
        return Mapping(
            roles,
            **values,
            day_first=day_first,
            lang=other.lang,
            profile=other.profile or self.profile,
        )

    def summary(self) -> list[dict]:
        return [asdict(c) for c in self.columns]


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
    if role not in USER_ROLES and not role.replace("_", "").isalpha():
        raise MappingError(f'"{text}": unknown role {role!r}; known: {", ".join(USER_ROLES)}')
    return header.strip(), role


def schema_key(role: str) -> str:
    return ROLE_KEYS.get(role, role)


def apply_to_match(match, mapping: "Mapping | None") -> None:
    """Move columns of a HeaderMatch where the user chose a role: a schema key takes that
    column; any other role takes the column away from the schema. Fixed values fill keys."""
    if mapping is None:
        return
    match.mapping = mapping
    keys = {c.key for c in match.schema.columns}
    for index, header in match.headers.items():
        role = mapping.role_of(header)
        if role is None:
            continue
        for key in list(match.columns):
            if index in match.columns[key]:
                match.columns[key].remove(index)
                if not match.columns[key]:
                    del match.columns[key]
        key = schema_key(role)
        if key == "date" and key not in keys and "month" in keys:
            key = "month"  # a workforce file's time column
        if key in keys:
            match.columns[key] = [index]
            if index in match.unmatched:
                match.unmatched.remove(index)
        elif index not in match.unmatched:
            match.unmatched.append(index)
    for key, value in mapping.fixed().items():
        if key in keys:
            match.fixed[key] = value.strip()
            for index in match.columns.pop(key, []):
                match.unmatched.append(index)
                match.overridden.add(index)
