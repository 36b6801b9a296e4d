"""The role of each column of a wide survey: metadata and personal data (never stored),
background (kept out), questions with their scale, free-text comments. The user's mapping
wins over detection, except that personal data never becomes an answer or a comment."""

import pandas as pd

from loaders import column_kinds, personal_data
from loaders import values as v
from loaders.mapping import ColumnRole, Mapping
from loaders.scales import Reading, map_unique, read_answers
from loaders.schema import HeaderMatch, normalise_header

# Form metadata: never questions, never comments.
METADATA = {
    normalise_header(h)
    for h in (
        "ID",
        "Tunnus",
        "Start time",
        "Aloitusaika",
        "Completion time",
        "Valmistumisaika",
        "Last modified time",
        "Viimeksi muokattu",
        "Vastaajatunnus",
        "Respondent ID",
        "Vastaaja",
        "Respondent",
        "Henkilö",
        "Language",
        "Kieli",
        "IP",
        "IP-osoite",
        "Vastausaika",
        "Response time",
        "Timestamp",
        "Aikaleima",
        "Tidsstämpel",
        "Submitted at",
        "Submission date",
        "Created",
        "Created at",
        "Network ID",
        "Response ID",
        "Starttid",
        "Sluttid",
        "End time",
        "Lopetusaika",
        "Duration",
        "Kesto",
        "Kyselyn kesto",
        "User agent",
        "Referer",
        "Status",
    )
}
SAMPLE_VALUES = 4


def sample(cells: pd.Series) -> str:
    """A few distinct values of a column, for the mapping table (shown as plain text, with
    e-mail addresses and phone numbers masked like stored comments)."""
    seen: list[str] = []
    for value in v.first_values(cells):  # a long file repeats a few values 100 000 times
        if v.is_blank(value):
            continue
        text = personal_data.mask(" ".join(str(value).split()))[:40]
        if text not in seen:
            seen.append(text)
        if len(seen) == SAMPLE_VALUES:
            break
    return "; ".join(seen)


def column_role(
    header: str,
    cells: pd.Series,
    mapping: Mapping | None,
    background: set[str] = frozenset(),
    index: int | None = None,
    parts=(),
) -> tuple[ColumnRole, Reading | None]:
    """What an unmatched column of a wide survey is, and the reading of its answers."""
    key = normalise_header(header)
    chosen = mapping.role_of(header, index) if mapping else None
    if personal_data.is_personal_header(header):
        return ColumnRole(header, "personal", "personal_header"), None
    if personal_data.is_personal_content(cells):
        return ColumnRole(header, "personal", "personal_content"), None
    shown = sample(cells)  # not of personal data, which the mapping table shows no values of
    if chosen in ("ignore", "background"):
        return ColumnRole(header, chosen, "chosen", sample=shown), None
    labels = _labels(mapping, header)
    if chosen is None:
        detected = _not_answers(header, key, cells, background, parts)
        if detected is not None:
            role, note = detected
            return ColumnRole(header, role, note, sample=shown), None
    reading = read_answers(header, cells, labels)
    if chosen == "comment":
        return ColumnRole(header, "comment", "chosen", sample=shown), Reading("comment")
    if chosen and chosen.startswith("question:"):
        scale = chosen.partition(":")[2]
        return ColumnRole(header, chosen, "chosen", sample=shown), Reading("question", scale)
    numeric = reading.kind == "number" or (
        reading.kind == "question" and reading.note not in ("words", "labelled", "unknown_words")
    )
    if chosen is None and numeric:
        # Numbers (not words): counts, quantities, sliders and checkboxes are not ratings.
        numbers = reading.scores.dropna() if reading.scores is not None else pd.Series()
        if reading.kind == "number":
            numbers = pd.to_numeric(_answered(cells).map(_as_number), errors="coerce").dropna()
        if reading.scale != "yes-no" or _checkbox_yes(cells):
            why = column_kinds.numbers_kind(header, pd.to_numeric(numbers, errors="coerce"))
            if why is not None:
                return ColumnRole(header, "background", why, sample=shown), None
    role = {
        "question": f"question:{reading.scale}",
        "comment": "comment",
        "category": "background",
        "number": "ignore",
        "empty": "ignore",
    }[reading.kind]
    note = reading.note or ("empty" if reading.kind == "empty" else None)
    if reading.kind == "comment" and not column_kinds.is_free_text(_answered(cells)):
        role, note = "background", "not_free_text"
    found = ColumnRole(header, role, note, sample=shown)
    if note in ("category", "unknown_words", "not_free_text"):
        # Answer options no scale knows: listed with their counts, to be given scores.
        found.counts = answer_counts(cells, labels or (lambda answer: None))
    return found, reading


def answer_counts(cells: pd.Series, labels) -> list[tuple[str, int, str | None]]:
    """Each distinct answer of a column with its count and what it counts as (the score
    read, "skip" for not an answer, None for unknown), for the mapping step's label table."""
    counts: dict[str, list] = {}
    for value, n in v.value_counts(cells):
        if v.is_blank(value):
            continue
        text = " ".join(str(value).split())
        entry = counts.setdefault(v.fold(text), [text, 0, None])
        entry[1] += n
        given = labels(value)
        if given is not None:
            entry[2] = given
        elif v.is_cannot_say(value):
            entry[2] = "skip"
        else:
            try:
                score = v.parse_score(value)
                entry[2] = None if score is None else v.plain_number(score)
            except (ValueError, TypeError):
                entry[2] = None
    return [tuple(e) for e in counts.values()]


def _not_answers(header: str, key: str, cells: pd.Series, background: set[str], parts=()):
    """(role, note) of a column that holds no answers, by its header or content; or None."""
    if key in METADATA or any(normalise_header(p) in METADATA for p in parts if p):
        return "metadata", "metadata"
    if key in background:
        return "background", "arvo_background"
    why = column_kinds.metadata(header, cells, parts)
    if why is not None:
        return "metadata", why
    if column_kinds.background(header):
        return "background", "background_header"
    answered = _answered(cells)
    if column_kinds.is_checkbox(answered, len(cells)) and not _likert(answered):
        return "background", "checkbox"
    return None


def _as_number(value):
    try:
        return v.parse_number(value)
    except (ValueError, TypeError):
        return None


def _answered(cells: pd.Series) -> pd.Series:
    return cells[~map_unique(cells, lambda x: v.is_blank(x) or v.is_cannot_say(x)).astype(bool)]


def _likert(answered: pd.Series) -> bool:
    return any(isinstance(x, str) and v.fold(x) in v.LIKERT for x in answered)


def _checkbox_yes(cells: pd.Series) -> bool:
    """A column of 1 and blanks (ticked or not), which reads as yes/no but is a checkbox."""
    answered = _answered(cells)
    return bool(len(answered)) and len(answered) < len(cells) and set(answered) <= {1, "1"}


def _labels(mapping: Mapping | None, header: str):
    if mapping is None or not (mapping.labels or mapping.question_labels):
        return None
    return lambda answer: mapping.label_of(header, answer)


def describe(match: HeaderMatch, mapping: Mapping | None, background=frozenset()) -> list:
    """Every column of a header match with its role, for the mapping step (also for a file
    that failed detection, so the user can give what is missing)."""
    from loaders.schema import data_rows

    rows = data_rows(match)
    by_index: dict[int, ColumnRole] = {}
    for key, indexes in match.columns.items():
        role = {"respondent_group": "group"}.get(key, key)
        for n, i in enumerate(indexes):
            # Site columns are coalesced row by row; of several date columns the first counts.
            other = "metadata" if key == "date" else "ignore"
            taken, note = (role, None) if n == 0 or key == "unit" else (other, "duplicate")
            by_index[i] = ColumnRole(match.headers[i], taken, note, sample=sample(rows[i]))
    for i in match.unmatched:
        header = match.headers[i]
        if i in match.overridden:
            by_index[i] = ColumnRole(header, "ignore", "fixed", sample=sample(rows[i]))
        elif match.schema.extra_columns_allowed:
            parts = match.parts.get(i, [])
            by_index[i] = column_role(header, rows[i], mapping, background, i, parts)[0]
        elif personal_data.is_personal_header(header) or personal_data.is_personal_content(rows[i]):
            by_index[i] = ColumnRole(header, "personal", "personal_header")
        else:
            chosen = mapping.role_of(header, i) if mapping else None
            by_index[i] = ColumnRole(header, chosen or "ignore", sample=sample(rows[i]))
    for i, role in by_index.items():
        role.index = i
    return [by_index[i] for i in sorted(by_index)]
