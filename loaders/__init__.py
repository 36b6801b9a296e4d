"""Loaders: an exported file (bytes) in, a validated Loaded (tables + warnings) out.

Pure functions, no Streamlit and no database; the upload page and the CLI share load_file().
"""

from collections.abc import Callable

from core.loaded import Loaded
from core.problems import LoadError, Problem, ProblemList
from loaders import feedback, feedback_wide, mentor_reports, targets, units, workforce
from loaders.reading import read_sheets
from loaders.schema import (
    HeaderMatch,
    Schema,
    best_header,
    blank_rows_between,
    data_rows,
    ignored_headers,
)  # fmt: skip

KINDS = ("units", "feedback", "workforce", "mentor_reports", "targets")

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

__all__ = ["KINDS", "FORMS", "Loaded", "LoadError", "Problem", "load_file", "detect"]


def _usable(match: HeaderMatch) -> bool:
    if match.missing:
        return False
    if match.schema.markers and not match.marker_hits:
        return False  # ARVO forms only where ARVO's own columns say so
    if match.schema.extra_columns_allowed:
        return bool(match.unmatched)  # a wide file needs at least one question column
    return True


def detect(file_name: str, sheets, kind: str | None = None, form: str | None = None):
    """The header match that fits the file best, and the best near miss (for a clearer error
    when the best fit turns out wrong); LoadError when nothing fits."""
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
        raise _missing_columns(file_name, partial)
    raise LoadError([Problem("unknown_kind", file_name)])


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
    required = len(match.schema.required) - len(match.missing)
    return required >= 2, -len(match.missing), required, match.score


def load_file(
    file_name: str, data: bytes, kind: str | None = None, form: str | None = None
) -> Loaded:
    """Read, detect, parse and validate one file; raise LoadError listing every problem."""
    sheets = read_sheets(file_name, data)
    match, near_miss = detect(file_name, sheets, kind, form)
    loader = dict((s.form, fn) for s, fn in FORMS)[match.schema.form]
    problems = ProblemList(file_name, match.sheet.name)
    rows = data_rows(match)
    if rows.empty:
        raise LoadError([Problem("no_data", file_name, match.sheet.name)])
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
    loaded.file = file_name
    loaded.sheet = match.sheet.name
    loaded.header_row = match.header_row + 1
    loaded.warnings = problems.warnings
    return loaded
