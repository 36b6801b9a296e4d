"""Loaders: an exported file (bytes) in, a validated Loaded (tables + warnings) out.

Pure functions, no Streamlit and no database; the upload page and the CLI share load_file().
"""

from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from core.loaded import Loaded
from core.names import fold
from core.problems import Columns, LoadError, Problem, ProblemList
from loaders import (
    dates,
    feedback,
    feedback_wide,
    indicator_values,
    mentor_reports,
    personal_data,
    targets,
    tools,
    units,
    workforce,
)
from loaders.mapping import Mapping, apply_to_match
from loaders.reading import read_sheets
from loaders.roles import describe
from loaders.schema import (
    HEADER_SEARCH_ROWS,
    HeaderMatch,
    Schema,
    best_header,
    blank_rows_between,
    data_rows,
    header_extent,
    ignored_headers,
    match_header,
)
from loaders.table_shape import likely_header_row, row_ranges

KINDS = ("units", "feedback", "workforce", "mentor_reports", "targets", "indicator_values")
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
    (indicator_values.LONG, indicator_values.load_long),
    (feedback_wide.ARVO_WIDE, feedback_wide.load_wide),
    (feedback_wide.WIDE, feedback_wide.load_wide),
    # After a survey's wide form: a file of a date, a unit and numbers is a survey unless the
    # user gives a column the role "indicator" (or names the kind).
    (indicator_values.WIDE, indicator_values.load_wide),
]
SCHEMAS = {(s.kind, s.form): s for s, _ in FORMS}

__all__ = ["KINDS", "FORMS", "Loaded", "LoadError", "Mapping", "Problem", "load_file", "detect"]


def _usable(match: HeaderMatch) -> bool:
    if match.missing:
        return False
    if match.schema.markers and not match.marker_hits:
        return False  # ARVO forms only where ARVO's own columns say so
    if match.schema is indicator_values.WIDE:
        return indicator_values.usable(match)
    if match.schema.extra_columns_allowed:
        return bool(match.unmatched)  # a wide file needs at least one question column
    return True


def _sheets(file_name: str, sheets, mapping: Mapping | None):
    """The sheets to look at: the one the user chose, else every sheet with cells."""
    chosen = mapping.sheet if mapping else None
    if chosen:
        named = [s for s in sheets if s.name is not None and fold(s.name) == fold(chosen)]
        if not named:
            names = ", ".join(f'"{s.name}"' for s in sheets if s.name is not None)
            problem = Problem("no_such_sheet", file_name, params={"sheet": chosen, "sheets": names})
            raise LoadError([problem])
        sheets = named
    nonempty = [sheet for sheet in sheets if not sheet.cells.dropna(how="all").empty]
    if not nonempty:
        sheet = sheets[0].name if sheets else None
        raise LoadError([Problem("empty_sheet", file_name, sheet)])
    return nonempty


def _header_rows(mapping: Mapping | None):
    if mapping is None or not mapping.header_rows:
        return None
    first, last = mapping.header_rows
    return first - 1, max(1, last - first + 1)


def detect(file_name: str, sheets, kind: str | None = None, form: str | None = None, mapping=None):
    """The header match that fits the file best, and the best near miss (for a clearer error
    when the best fit turns out wrong). Detection proposes, it never refuses a table: when
    nothing fits, LoadError says what is still needed and how to give it, and its match is
    the closest form on the most table-like sheet, for the mapping step."""
    candidates = [
        s for s, _ in FORMS if (kind is None or s.kind == kind) and (form is None or s.form == form)
    ]
    nonempty = _sheets(file_name, sheets, mapping)
    rows = _header_rows(mapping)
    best: HeaderMatch | None = None
    partial: HeaderMatch | None = None
    for sheet in nonempty:
        for schema in candidates:
            match = best_header(schema, sheet, rows)
            if match is None:
                continue
            apply_to_match(match, mapping)
            _prefer_chosen_indicators(match, mapping)
            if _usable(match):
                if best is None or match.score > best.score:
                    best = match
            elif _may_be_meant(match) and (
                partial is None or _partial_key(match) > _partial_key(partial)
            ):
                partial = match
    if best is not None:
        return best, partial
    near = partial is not None and bool(kind or _partial_key(partial)[0])
    if not near:
        closest = candidates[0] if kind and candidates else None
        partial = _closest(nonempty, closest, mapping, rows)
        if _usable(partial):
            return partial, None  # no known header, but the user's choices give what it needs
    error = _still_needed(file_name, partial, known_kind=near)
    error.match = partial
    raise error


def _prefer_chosen_indicators(match: HeaderMatch, mapping) -> None:
    """Columns the user gave the role "indicator" speak for the own indicators' wide form, as
    an ARVO column speaks for ARVO's."""
    if match.schema is not indicator_values.WIDE or mapping is None:
        return
    chosen = [i for i in match.unmatched if mapping.role_of(match.headers[i], i) == "indicator"]
    match.marker_hits += len(chosen)


def _table_like(sheet) -> int:
    """How much of a table a sheet holds: its filled cells (the sheet a mapping step opens)."""
    return int(sheet.cells.notna().to_numpy().sum())


def _closest(sheets, schema, mapping, rows):
    """With no near miss, the closest form (a wide survey, the form that takes any columns as
    questions, unless the user named the kind) on the most table-like sheet, its header the
    first row that looks like one."""
    sheet = max(sheets, key=_table_like)
    schema = schema or feedback_wide.WIDE
    if rows is None:
        rows = header_extent(sheet, likely_header_row(sheet.cells.head(HEADER_SEARCH_ROWS)))
    match = match_header(schema, sheet, *rows)
    apply_to_match(match, mapping)
    return match


def _still_needed(file_name: str, match: HeaderMatch, known_kind: bool) -> LoadError:
    """What the closest form lacks, each with the choices that supply it; never a message
    that names nothing."""
    headers = [h if len(h) <= 60 else h[:57] + "…" for h in match.headers.values()]
    shown = ", ".join(f'"{h}"' for h in headers[:SHOWN_HEADERS])
    if len(headers) > SHOWN_HEADERS:
        shown += f" … (+{len(headers) - SHOWN_HEADERS})"
    needed = match.missing
    if not needed and match.schema.extra_columns_allowed:
        code, params = "needs_questions", {"remedy": _question_remedy(match)}
    elif not needed:  # an ARVO form without ARVO's columns: say the form
        markers = ", ".join(f'"{m}"' for m in match.schema.markers[:3])
        code, params = "needs_columns", {"columns": markers, "remedy": "--kind feedback"}
    else:
        columns = Columns(tuple((c.key, c.fi, c.en) for c in needed))
        remedy = "; ".join(_remedy(match, c) for c in needed)
        code = "missing_columns" if known_kind else "needs_columns"
        params = {"columns": columns, "remedy": remedy}
    params.update(
        kind=match.schema.kind,
        form=match.schema.form,
        headers=shown,
        header_row=_rows_text(match),
    )
    return LoadError([Problem(code, file_name, match.sheet.name, params=params)])


def _rows_text(match: HeaderMatch) -> str:
    first = match.header_row + 1
    last = first + match.header_count - 1
    return str(first) if last == first else f"{first}–{last}"


FIXED_EXAMPLE = {"date": "2024-03-05", "month": "2024-03", "unit": "UNIT", "survey": "SURVEY"}


def _remedy(match: HeaderMatch, column) -> str:
    """The command-line choices that give a missing column: a column the file has that
    looks like it (--map "HEADER=role"), else a fixed value (--date, --unit)."""
    choices = []
    candidate = _candidate(match, column)
    role = {"respondent_group": "group", "month": "date"}.get(column.key, column.key)
    if candidate is not None:
        choices.append(f'--map "{candidate}={role}"')
    if column.key in FIXED_EXAMPLE:
        flag = "date" if column.key == "month" else column.key
        choices.append(f'--{flag} "{FIXED_EXAMPLE[column.key]}"')
    if not choices:
        choices.append(f'--map "HEADER={role}"')
    return " / ".join(choices)


def _candidate(match: HeaderMatch, column) -> str | None:
    """An unmatched column whose cells fit the missing column's type."""
    from loaders import column_kinds

    rows = data_rows(match)
    for i in match.unmatched:
        if i in match.overridden or i not in rows:
            continue
        cells = rows[i]
        if column.type in ("date", "datetime", "period"):
            if column_kinds.metadata(match.headers[i], cells) == "timestamp":
                return match.headers[i]
            name = fold(match.headers[i])
            if any(w in name for w in ("date", "pvm", "päivä", "aika", "time", "datum")):
                return match.headers[i]
        elif column.type in ("number", "count", "score"):
            if _numeric_share(cells) >= 0.8:
                return match.headers[i]
        elif column.key == "unit" and _names_units(match.headers[i], cells, match.schema.kind):
            return match.headers[i]
    return None


def _numeric_share(cells) -> float:
    filled = cells[~cells.map(lambda x: x is None or (isinstance(x, float) and x != x))]
    filled = filled[filled.map(lambda x: str(x).strip() != "")]
    if filled.empty:
        return 0.0
    numbers = pd.to_numeric(filled.map(lambda x: str(x).replace(",", ".")), errors="coerce")
    return float(numbers.notna().mean())


def _names_units(header: str, cells, kind: str) -> bool:
    """A text column that could name units: words, not personal data; in a survey, each unit
    on several rows (a table of units or unit-months may name each once)."""
    from loaders import column_kinds

    if personal_data.is_personal_header(header) or column_kinds.metadata(header, cells):
        return False
    texts = [str(x).strip() for x in cells if isinstance(x, str) and x.strip()]
    repeated = len(set(texts)) < len(texts) or kind in ("workforce", "units", "targets")
    return len(texts) >= 0.8 * len(cells) and _numeric_share(cells) < 0.2 and repeated


def _question_remedy(match: HeaderMatch) -> str:
    rows = data_rows(match)
    numeric = [i for i in match.unmatched if i in rows and _numeric_share(rows[i]) >= 0.8]
    for i in numeric or match.unmatched:
        return f'--map "{match.headers[i]}=question:1-5"'
    return '--map "HEADER=question:1-5"'


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
    return required >= 2 or len(match.columns) >= 3, -len(match.missing), required, match.score


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


def _schema_roles(match: HeaderMatch) -> tuple[str, ...]:
    """The roles a column of this form may take beside the general ones (a workforce file's
    figures, a register's service area), for the mapping step's choices."""
    general = {"date", "unit", "survey", "respondent_group", "month"}
    return tuple(c.key for c in match.schema.columns if c.key not in general)


def _described(match: HeaderMatch, mapping: Mapping) -> Mapping:
    described = replace(mapping)
    described.tool = tools.recognise(match.parts, match.headers)
    described.found_header_rows = (match.header_row + 1, match.header_row + match.header_count)
    described.found_sheet = match.sheet.name
    described.found_roles = _schema_roles(match)
    if data_rows(match).empty:
        described.columns = []
    elif match.schema is indicator_values.WIDE:
        described.columns = indicator_values.describe(match)
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
    if [p.code for p in problems.items] == ["no_questions"]:
        # "Date, unit, question" without answers is a long file missing its answer column.
        if near_miss and _partial_key(near_miss)[0]:
            raise _still_needed(file_name, near_miss, known_kind=True)
        problems.items = []
        problems.add("needs_questions", remedy=_question_remedy(match), **_where(match))
    problems.raise_if_any()
    _say_left_out(match, problems)
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
    loaded.header_rows = (match.header_row + 1, match.header_row + match.header_count)
    loaded.tool = tools.recognise(match.parts, match.headers)
    loaded.warnings = problems.warnings
    loaded.mapping = replace(mapping)
    loaded.mapping.columns = loaded.columns or describe(match, mapping)
    loaded.mapping.tool = loaded.tool
    loaded.mapping.found_header_rows = loaded.header_rows
    loaded.mapping.found_sheet = loaded.sheet
    loaded.mapping.found_roles = _schema_roles(match)
    return loaded


def _where(match: HeaderMatch) -> dict:
    return {
        "kind": match.schema.kind,
        "form": match.schema.form,
        "headers": ", ".join(f'"{h}"' for h in list(match.headers.values())[:SHOWN_HEADERS]),
        "header_row": _rows_text(match),
    }


def _say_left_out(match: HeaderMatch, problems: ProblemList) -> None:
    """Name the rows detection left out (totals, notes, a codebook), and how to keep them."""
    left = match.left_out
    if not left or not left.rows:
        return
    units = ", ".join(getattr(match, "subtotal_units", []) or [])
    for reason in ("total", "subtotal", "note", "codebook"):
        rows = left.of(reason)
        if rows:
            problems.warn(f"left_out_{reason}", rows=row_ranges(rows), n=len(rows), units=units)
    if left.codebook:
        labels = ", ".join(f"{code} = {text}" for code, text in sorted(left.codebook.items()))
        problems.warn("codebook_read", labels=labels)


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
