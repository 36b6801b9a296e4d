"""Declared columns of each file kind, header-row detection and typed coercion with row-level
problems. A column's Finnish and English names, type and range are written once, here.
"""

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.problems import ProblemList
from loaders import dates
from loaders import values as v
from loaders.reading import RawSheet
from loaders.table_shape import (
    LeftOut,
    extra_header_rows,
    find_left_out,
    header_names,
    letter_name,
    unique_names,
)

HEADER_SEARCH_ROWS = 30  # title rows above the header are skipped, up to this far


@dataclass(frozen=True)
class Column:
    """One column a file kind knows: key in code, fi/en header, other accepted headers, type."""

    key: str
    fi: str
    en: str
    type: str = "text"  # text, number, count, date, datetime, period, score, yesno
    required: bool = False
    aliases: tuple[str, ...] = ()
    blank_ok: bool = False  # a required column whose cells may be empty (unanswered questions)
    low: float | None = None
    high: float | None = None
    max_length: int | None = None  # text: what the database column holds (names 255)

    def names(self) -> tuple[str, ...]:
        """Accepted headers, folded, in priority order (the first match wins)."""
        return _folded(self.fi, self.en, *self.aliases)


@dataclass(frozen=True)
class Schema:
    kind: str
    form: str
    columns: tuple[Column, ...]
    example: tuple = ()  # one example row for templates, in column order
    # Headers that say "this is that kind of file" though they are not read (e.g. ARVO ids).
    markers: tuple[str, ...] = ()
    extra_columns_allowed: bool = False  # wide forms take unknown columns as questions
    # At least one of these columns must be present (an absence log has no headcount).
    any_of: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def required(self) -> list[Column]:
        return [c for c in self.columns if c.required]


@functools.cache
def _folded(*headers: str) -> tuple[str, ...]:
    """The schemas' own headers, folded once: every header row tried in a file (ten per
    schema) is compared with all of them."""
    return tuple(normalise_header(h) for h in headers)


def normalise_header(value: object) -> str:
    text = v.fold(str(value)).strip(" :*")
    return text


def _header_variants(value: object) -> list[str]:
    """The header as written and without a trailing '(...)' note, e.g. 'Henkilötyövuodet (htv)'."""
    text = normalise_header(value)
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    return [text, bare] if bare and bare != text else [text]


@dataclass
class HeaderMatch:
    """Where a schema's header row is in a sheet and which column holds what."""

    schema: Schema
    sheet: RawSheet
    header_row: int  # 0-based index into sheet.cells
    headers: dict[int, str]  # column index -> header text as written
    columns: dict[str, list[int]] = field(default_factory=dict)  # key -> indexes, best first
    unmatched: list[int] = field(default_factory=list)
    marker_hits: int = 0
    rows: pd.DataFrame | None = None  # the data rows, once data_rows() has found them
    fixed: dict[str, str] = field(default_factory=dict)  # key -> a value the user gave
    overridden: set[int] = field(default_factory=set)  # columns a fixed value replaced
    mapping: object = None  # the loaders.mapping.Mapping applied, if any
    header_count: int = 1  # header rows from header_row down (several join as "group: text")
    parts: dict[int, list[str]] = field(default_factory=dict)  # column -> its header rows' texts
    left_out: LeftOut | None = None  # total, note and codebook rows data_rows() left out
    tool: str | None = None  # the survey tool whose export this is (loaders.tools)
    summed: set[str] = field(default_factory=set)  # keys the user gave several columns, summed
    subtotal_units: list[str] = field(default_factory=list)  # subtotal rows left out (workforce)

    @property
    def missing(self) -> list[Column]:
        have = self.columns.keys() | self.fixed.keys()
        missing = [c for c in self.schema.required if c.key not in have]
        if self.schema.any_of and not have & set(self.schema.any_of):
            missing.append(self.schema.column(self.schema.any_of[0]))
        return missing

    @property
    def score(self) -> float:
        required = sum(1 for c in self.schema.required if c.key in self.columns)
        optional = len(self.columns) - required
        return required + 0.1 * optional + 0.5 * self.marker_hits

    def header_of(self, key: str) -> str:
        return self.headers[self.columns[key][0]]


def sheet_headers(sheet: RawSheet, row: int, count: int) -> tuple[dict, dict]:
    """The column names of header rows row..row+count-1 (joined, unique, a column without a
    header but with data named by its letter) and each column's parts; kept on the sheet, as
    every schema tries the same rows."""
    cache = sheet.__dict__.setdefault("_headers", {})
    if (row, count) not in cache:
        named = header_names(sheet.cells, row, count)
        names = {i: name for i, (name, _) in named.items()}
        below = sheet.cells.iloc[row + count : row + count + 200]
        for i in range(sheet.cells.shape[1]):
            if i not in names and not below.iloc[:, i].map(v.is_blank).all():
                names[i] = letter_name(i)
        names = unique_names(dict(sorted(names.items())))
        parts = {i: named[i][1] if i in named else [] for i in names}
        cache[(row, count)] = (names, parts)
    return cache[(row, count)]


def header_extent(sheet: RawSheet, row: int) -> tuple[int, int]:
    """(first row, number of rows) of the header around `row` (a group row above, option or
    code rows below), kept on the sheet."""
    cache = sheet.__dict__.setdefault("_extents", {})
    if row not in cache:
        above, below = extra_header_rows(sheet.cells, row)
        cache[row] = (row - above, above + 1 + below)
    return cache[row]


def match_header(schema: Schema, sheet: RawSheet, row: int, count: int = 1) -> HeaderMatch:
    headers, parts = sheet_headers(sheet, row, count)
    match = HeaderMatch(schema, sheet, row, dict(headers), header_count=count, parts=parts)
    markers = {normalise_header(m) for m in schema.markers}
    # once, not per column: the name and each of its header rows' texts
    variants = {
        i: list(dict.fromkeys(_header_variants(text) + _part_variants(parts.get(i, []))))
        for i, text in headers.items()
    }
    taken: set[int] = set()
    for column in schema.columns:
        names = column.names()
        found = []
        for i, forms in variants.items():
            if i in taken:
                continue
            ranks = [names.index(h) for h in forms if h in names]
            if ranks:
                found.append((min(ranks), i))
        if found:
            indexes = [i for _, i in sorted(found)]
            match.columns[column.key] = indexes
            taken.update(indexes)
    match.unmatched = [i for i in headers if i not in taken]
    match.marker_hits = sum(1 for forms in variants.values() if forms[0] in markers)
    return match


def _part_variants(parts: list[str]) -> list[str]:
    found: list[str] = []
    for part in parts:
        if part:
            found.extend(_header_variants(part))
    return found


def best_header(schema: Schema, sheet: RawSheet, rows=None) -> HeaderMatch | None:
    """The row within the first HEADER_SEARCH_ROWS that matches most of schema's columns,
    with the header rows around it; rows=(first, count) takes the user's header rows."""
    if rows is not None:
        first, count = rows
        if first >= len(sheet.cells):
            return None
        return match_header(schema, sheet, first, min(count, len(sheet.cells) - first))
    best = None
    for row in range(min(HEADER_SEARCH_ROWS, len(sheet.cells))):
        first, count = header_extent(sheet, row)
        match = match_header(schema, sheet, first, count)
        if not match.columns:
            continue
        key = (not match.missing, match.score)
        if best is None or key > (not best.missing, best.score):
            best = match
    return best


def _distinct(cells: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each cell's code among the distinct values, those values, and which codes are blank
    (empty or only spaces; the missing code -1 takes the last slot): files have 100k+ rows of a
    few values, so each value is looked at once."""
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object), use_na_sentinel=True)
    spaces = np.fromiter(
        (type(x) is str and not x.strip() for x in uniques), dtype=bool, count=len(uniques)
    )
    return codes, uniques, np.append(spaces, True)


def blank_mask(cells: pd.Series) -> pd.Series:
    """True where a cell is empty or only spaces."""
    codes, _, blank = _distinct(cells)
    return pd.Series(blank[codes], index=cells.index)


def data_rows(match: HeaderMatch) -> pd.DataFrame:
    """The cells below the header, with blank rows dropped, and (unless the user keeps them)
    the rows after the table and total rows left out; index = Excel row number."""
    if match.rows is None:
        start = match.header_row + match.header_count
        cells = match.sheet.cells.iloc[start:]
        cells = cells.set_axis(range(start + 1, start + 1 + len(cells)))
        chosen = getattr(match.mapping, "rows", None)
        if chosen:
            first, last = chosen
            cells = cells.loc[(first or start + 1) : last] if len(cells) else cells
        if cells.shape[1]:
            blank = pd.concat([blank_mask(cells[c]) for c in cells.columns], axis=1).all(axis=1)
            cells = cells[~blank]
        match.left_out = LeftOut()
        if not getattr(match.mapping, "keep_left_out", False) and not cells.empty:
            found = find_left_out(cells)
            if chosen:  # the user said where the data end: only totals are left out
                found.rows = {r: why for r, why in found.rows.items() if why == "total"}
            match.left_out = found
            cells = cells.drop(index=list(found.rows))
        match.rows = cells
    return match.rows


def blank_rows_between(match: HeaderMatch, rows: pd.DataFrame) -> int:
    """Blank rows inside the data (not the trailing ones Excel leaves), for a warning."""
    if rows.empty:
        return 0
    left = len([r for r in (match.left_out.rows if match.left_out else {}) if r < rows.index.max()])
    first = rows.index.min()
    return max(0, int(rows.index.max() - first + 1 - len(rows) - left))


PARSERS = {
    "number": v.parse_number,
    "count": v.parse_number,
    "score": v.parse_score,
    "date": v.parse_date,
    "datetime": v.parse_datetime,
    "period": v.parse_period,
    "yesno": v.parse_yes_no,
}
ERROR_CODES = {
    "number": "not_a_number",
    "count": "not_a_number",
    "score": "not_a_number",
    "date": "not_a_date",
    "datetime": "not_a_date",
    "period": "not_a_period",
    "yesno": "not_yes_no",
}


class Invalid:
    """Why one cell value could not be read: a problem code, its parameters, the value shown."""

    def __init__(self, code: str, value: object, **params):
        self.code, self.value, self.params = code, value, params


def parse_value(column: Column, raw: object, window: tuple[dt.date, dt.date] | None = None):
    """One non-blank cell parsed by its column's type, or an Invalid saying why not. window:
    the plausible dates (dates.window()), read once per column by the caller: reading the
    settings for each of a file's 50 000 timestamps took two minutes."""
    if column.type == "text":
        text = v.clean_text(raw)
        if column.max_length and text and len(text) > column.max_length:
            return Invalid("too_long", text, max=column.max_length)
        return text
    try:
        value = PARSERS[column.type](raw)
    except (ValueError, TypeError, OverflowError):
        return Invalid(ERROR_CODES[column.type], raw)
    if value is None:  # 'eos' (cannot say) in a score column: no answer, and not an error
        return None
    if column.type in ("date", "datetime", "period"):
        first, last = window or dates.window()
        if not first <= _day(value) <= last:
            return Invalid("implausible_date", raw, first=first.isoformat(), last=last.isoformat())
    if column.type == "count":
        if value < 0:
            return Invalid("negative", v.plain_number(value))
        if not float(value).is_integer():
            return Invalid("not_a_whole_number", raw)
    if column.type in ("number", "score") and column.low is not None:
        if not column.low <= value <= column.high:
            code = "out_of_scale" if column.type == "score" else "out_of_range"
            return Invalid(
                code,
                v.plain_number(value),
                low=v.plain_number(column.low),
                high=v.plain_number(column.high),
            )
    return value


NOT_FIT_SHARE = 0.8  # of a typed column's filled cells unreadable: the column is something else
NOT_FIT_MIN = 3


def _does_not_fit(column: Column, failing: np.ndarray) -> bool:
    if column.type in ("text", "date", "datetime", "period") or len(failing) < NOT_FIT_MIN:
        return False
    return failing.sum() >= NOT_FIT_MIN and failing.mean() >= NOT_FIT_SHARE


def _day(value):
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def coerce_column(column: Column, raw: pd.Series, header: str, problems: ProblemList) -> list:
    """Parse a column, each distinct value once (dates and units repeat thousands of times);
    record a problem for every bad or missing required cell."""
    codes, uniques, blank_code = _distinct(raw)
    blank = blank_code[codes]
    if column.required and not column.blank_ok:
        for row in raw.index[blank]:
            problems.add("required_value", row=row, column=header)
    parsed = np.empty(len(uniques) + 1, dtype=object)  # a blank value's slot stays None
    window = dates.window() if column.type in ("date", "datetime", "period") else None
    parsed[:-1] = [
        None if is_blank else parse_value(column, value, window)
        for value, is_blank in zip(uniques, blank_code[:-1], strict=True)
    ]
    invalid = [i for i, p in enumerate(parsed) if isinstance(p, Invalid)]
    filled = codes[~blank]
    failing = np.isin(filled, invalid)
    if _does_not_fit(column, failing):
        # An alias that fits the header but not the values (an OverTime column of Yes/No):
        # one message naming what the column was taken for, not a problem per row.
        examples = ", ".join(f'"{parsed[i].value}"' for i in invalid[:3])
        problems.add(
            "column_does_not_fit",
            column=header,
            taken_as=f"{column.fi} / {column.en}",
            examples=examples,
        )
        failing[:] = False
    for row, code in zip(raw.index[~blank][failing], filled[failing], strict=True):
        bad = parsed[code]
        problems.add(bad.code, row=row, column=header, value=bad.value, **bad.params)
    parsed[invalid] = None
    return parsed[codes].tolist()


def coerce(match: HeaderMatch, rows: pd.DataFrame, problems: ProblemList) -> pd.DataFrame:
    """Typed columns of schema keys (unit coalesced over its candidate columns), index = row."""
    out: dict[str, list] = {}
    for column in match.schema.columns:
        indexes = match.columns.get(column.key)
        if not indexes and column.key in match.fixed:  # one value the user gave for every row
            value = parse_value(column, match.fixed[column.key])
            if isinstance(value, Invalid):
                problems.add(
                    value.code,
                    column=f"{column.fi} / {column.en}",
                    value=value.value,
                    **value.params,
                )
                value = None
            out[column.key] = [value] * len(rows)
            continue
        if not indexes:
            continue
        if column.key in match.summed and column.type in ("number", "count"):
            parts = [
                pd.to_numeric(
                    pd.Series(coerce_column(column, rows[i], match.headers[i], problems)),
                    errors="coerce",
                )
                for i in indexes
            ]
            total = pd.concat(parts, axis=1).sum(axis=1, min_count=1)
            out[column.key] = [None if pd.isna(x) else float(x) for x in total]
            problems.warn(
                "columns_summed",
                columns=", ".join(f'"{match.headers[i]}"' for i in indexes),
                taken_as=f"{column.fi} / {column.en}",
            )
            continue
        raw = rows[indexes[0]]
        if column.key == "unit":
            # Exports carry several site columns; take the first filled one on each row.
            for i in indexes[1:]:
                raw = raw.where(~blank_mask(raw), rows[i])
        out[column.key] = coerce_column(column, raw, match.headers[indexes[0]], problems)
    return pd.DataFrame(out, index=rows.index)


def ignored_headers(match: HeaderMatch, used: set[int] | None = None) -> list[str]:
    """Headers of columns not read (listed as a warning); used adds columns a form reads itself."""
    used = used or set()
    return [match.headers[i] for i in match.unmatched if i not in used]
