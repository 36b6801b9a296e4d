"""Loaders: an exported file (bytes) in, a validated Loaded (tables + warnings) out.

Pure functions, no Streamlit and no database; the upload page and the CLI share load_file().
"""

from collections.abc import Callable
from dataclasses import replace

from core.loaded import Loaded
from core.problems import LoadError, Problem, ProblemList
from loaders import (
    dates,
    feedback,
    feedback_wide,
    mentor_reports,
    personal_data,
    targets,
    units,
    workforce,
)
from loaders.mapping import Mapping, apply_to_match
from loaders.reading import read_sheets
from loaders.roles import describe
from loaders.schema import (
    HeaderMatch,
    Schema,
    best_header,
    blank_rows_between,
    data_rows,
    ignored_headers,
    match_header,
)

KINDS = ("units", "feedback", "workforce", "mentor_reports", "targets")
SHOWN_HEADERS = 15  # headers a 'not recognised' message lists

# Every form a file can take, most specific first (detection prefers earlier ones on a tie).
FORMS: list[tuple[Schema, Callable[[HeaderMatch, ProblemList], Loaded]]] = [
    (feedback.COUNTS, feedback.load_counts),
    (feedback.AGGREGATED, feedback.load_aggregated),
    (feedback.ARVO_LONG, feedback.load_arvo_long),
    (feedback.LONG, feedback.load_long),
    (mentor_reports.SCHEMA, mentor_reports.load),
    (workforce.SCHEMA, workforce.load),
    (units.SCHEMA, units.load),
    (targets.SCHEMA, targets.load),
    (feedback_wide.ARVO_WIDE, feedback_wide.load_wide),
    (feedback_wide.WIDE, feedback_wide.load_wide),
]
SCHEMAS = {(s.kind, s.form): s for s, _ in FORMS}

__all__ = ["KINDS", "FORMS", "Loaded", "LoadError", "Mapping", "Problem", "load_file", "detect"]


def _usable(match: HeaderMatch) -> bool:
    if match.missing:
        return False
    if match.schema.markers and not match.marker_hits:
        return False  # ARVO forms only where ARVO's own columns say so
    if match.schema.extra_columns_allowed:
        return bool(match.unmatched)  # a wide file needs at least one question column
    return True


def detect(file_name: str, sheets, kind: str | None = None, form: str | None = None, mapping=None):
    """The header match that fits the file best, and the best near miss (for a clearer error
    when the best fit turns out wrong); LoadError when nothing fits (its match names the
    closest form, for the mapping step)."""
    candidates = [
        s for s, _ in FORMS if (kind is None or s.kind == kind) and (form is None or s.form == form)
    ]
    nonempty = [sheet for sheet in sheets if not sheet.cells.dropna(how="all").empty]
    if not nonempty:
        sheet = sheets[0].name if sheets else None
        raise LoadError([Problem("empty_sheet", file_name, sheet)])
    best: HeaderMatch | None = None
    partial: HeaderMatch | None = None
    for sheet in nonempty:
        for schema in candidates:
            match = best_header(schema, sheet)
            if match is None:
                continue
            apply_to_match(match, mapping)
            if _usable(match):
                if best is None or match.score > best.score:
                    best = match
            elif _may_be_meant(match) and (
                partial is None or _partial_key(match) > _partial_key(partial)
            ):
                partial = match
    if best is not None:
        return best, partial
    if partial is not None and (kind or _partial_key(partial)[0]):
        error = _missing_columns(file_name, partial)
    else:
        error, partial = _not_recognised(file_name, nonempty, partial, mapping)
    error.match = partial
    raise error


def _not_recognised(file_name: str, sheets, partial: HeaderMatch | None, mapping):
    """Name the closest form, what it lacks and the headers found; with no near miss at all,
    the closest is a wide survey (the form that takes any columns as questions)."""
    if partial is None:
        sheet = sheets[0]
        filled = sheet.cells.notna().any(axis=1)
        row = int(filled.to_numpy().argmax())
        partial = match_header(feedback_wide.WIDE, sheet, row)
        apply_to_match(partial, mapping)
    headers = list(partial.headers.values())
    shown = ", ".join(f'"{h}"' for h in headers[:SHOWN_HEADERS])
    if len(headers) > SHOWN_HEADERS:
        shown += f" … (+{len(headers) - SHOWN_HEADERS})"
    params = {
        "kind": partial.schema.kind,
        "form": partial.schema.form,
        "columns": ", ".join(f'"{c.fi}" / "{c.en}"' for c in partial.missing) or "–",
        "headers": shown,
        "header_row": partial.header_row + 1,
    }
    problem = Problem("unknown_kind", file_name, partial.sheet.name, params=params)
    return LoadError([problem]), partial


def _missing_columns(file_name: str, partial: HeaderMatch) -> LoadError:
    names = ", ".join(f'"{c.fi}" / "{c.en}"' for c in partial.missing)
    params = {"columns": names, "header_row": partial.header_row + 1}
    return LoadError([Problem("missing_columns", file_name, partial.sheet.name, params=params)])


def _may_be_meant(match: HeaderMatch) -> bool:
    """A near miss worth naming: a form missing required columns, and not an ARVO form where
    no ARVO column is present."""
    return bool(match.missing) and not (match.schema.markers and not match.marker_hits)


def _partial_key(match: HeaderMatch) -> tuple[bool, int, int, float]:
    """Rank near misses: two or more required columns found (else the file is unknown), then
    the fewest missing, so 'date, unit, question' is named a long file without its answers
    rather than a report missing two columns."""
    have = match.columns.keys() | match.fixed.keys()
    required = sum(1 for c in match.schema.required if c.key in have)
    return required >= 2, -len(match.missing), required, match.score


def load_file(
    file_name: str,
    data: bytes,
    kind: str | None = None,
    form: str | None = None,
    mapping: Mapping | None = None,
) -> Loaded:
    """Read, detect, parse and validate one file; raise LoadError listing every problem.

    mapping holds the user's choices (roles, scales, fixed unit/date/survey); the mapping used,
    with every column's role, comes back as loaded.mapping, or as error.mapping on failure."""
    mapping = mapping or Mapping()
    sheets = read_sheets(file_name, data)
    try:
        match, near_miss = detect(file_name, sheets, kind, form, mapping)
    except LoadError as error:
        match = getattr(error, "match", None)
        if match is not None:
            error.mapping = _described(match, mapping)
        raise
    try:
        loaded = _load(file_name, match, near_miss, mapping)
    except LoadError as error:
        error.mapping = _described(match, mapping)
        raise
    return loaded


def _described(match: HeaderMatch, mapping: Mapping) -> Mapping:
    described = replace(mapping)
    if data_rows(match).empty:
        described.columns = []
    else:
        described.columns = describe(match, mapping, feedback_wide.ARVO_BACKGROUND)
    return described


def _load(file_name: str, match: HeaderMatch, near_miss, mapping: Mapping) -> Loaded:
    loader = dict((s.form, fn) for s, fn in FORMS)[match.schema.form]
    problems = ProblemList(file_name, match.sheet.name)
    rows = data_rows(match)
    if rows.empty:
        raise LoadError([Problem("no_data", file_name, match.sheet.name)])
    _order_dates(match, mapping, problems)
    loaded = loader(match, problems)
    if near_miss and [p.code for p in problems.items] == ["no_questions"]:
        # "Date, unit, question" without answers is a long file missing its answer column.
        if _partial_key(near_miss)[0]:
            raise _missing_columns(file_name, near_miss)
    problems.raise_if_any()
    if not match.schema.extra_columns_allowed:
        ignored = ignored_headers(match)
        if ignored:
            problems.warn("ignored_columns", columns=", ".join(ignored))
    blanks = blank_rows_between(match, rows)
    if blanks:
        problems.warn("blank_rows_skipped", n=blanks)
    _mask_free_text(loaded, problems)
    loaded.file = file_name
    personal_data.clean_stored_text(loaded)  # no text direction controls in anything stored
    loaded.sheet = match.sheet.name
    loaded.header_row = match.header_row + 1
    loaded.warnings = problems.warnings
    loaded.mapping = replace(mapping)
    loaded.mapping.columns = loaded.columns or describe(match, mapping)
    return loaded


DATE_TYPES = ("date", "datetime", "period")


def _order_dates(match: HeaderMatch, mapping: Mapping, problems: ProblemList) -> None:
    """Rewrite slash dates (3/14/2024) as ISO text in the file's own day/month order: a part
    above 12 settles it; an ambiguous file follows the user's choice, else their language."""
    rows = data_rows(match)
    for column in match.schema.columns:
        if column.type not in DATE_TYPES or column.key not in match.columns:
            continue
        index = match.columns[column.key][0]
        order = dates.slash_order(rows[index])
        if order is None:
            continue
        if mapping.day_first is not None:
            order = "dmy" if mapping.day_first else "mdy"
        elif order == "ambiguous":
            order = "mdy" if mapping.lang == "en" else "dmy"
            problems.warn(
                "date_order_assumed",
                column=match.headers[index],
                order="M/D/YYYY" if order == "mdy" else "D/M/YYYY",
            )
        rows[index] = dates.to_iso(rows[index], order)


FREE_TEXT = {
    "comments": ("text",),
    "mentor_reports": ("observations", "wishes"),
    "feedback": ("respondent_group",),  # a group column may hold a name
}


def _mask_free_text(loaded: Loaded, problems: ProblemList) -> None:
    """E-mail addresses, phone numbers and person ids inside free text are never stored."""
    masked = 0
    for table, columns in FREE_TEXT.items():
        frame = loaded.tables.get(table)
        for column in columns:
            if frame is not None and column in frame and not frame.empty:
                frame[column], changed = personal_data.mask_column(frame[column])
                masked += changed
    if masked:
        problems.warn("contacts_masked", n=masked)
