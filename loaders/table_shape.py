"""Where a table sits in a sheet: its header rows (several rows join as "group: text", a blank
cell of a group row taking the group to its left, as merged cells show it) and where its data
end (a blank row then notes or a value-label codebook; total rows such as "Yhteensä").

Detection proposes; the user's choices (header rows, data rows) win. Rows left out are named
in a note, so nothing disappears without a word.
"""

import html
import re
from dataclasses import dataclass, field

import pandas as pd

from loaders import values as v
from loaders.mapping import column_letter

MAX_HEADER_ROWS = 3
# A second header row of the tools: the answer option under a question (SurveyMonkey), the
# field's import id (Qualtrics), and the words tools write for "the answer itself".
GENERIC_PARTS = {"response", "open-ended response", "vastaus", "svar", "answer"}
IMPORT_ID = re.compile(r'^\s*\{\s*"importid"', re.IGNORECASE)
FIELD_CODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\[\]#-]*$")
# Rows that sum the rows above or below them: left out of the data.
TOTAL_WORDS = {
    "yhteensä",
    "kaikki",
    "kaikki yhteensä",
    "summa",
    "total",
    "totals",
    "grand total",
    "sum",
    "all",
    "totalt",
    "summa totalt",
    "alla",
    "koko maa",
    "hela landet",
    "kaikki yksiköt",
}
# A line of a value-label codebook: "1 = Täysin eri mieltä", "5: Strongly agree".
CODEBOOK = re.compile(r"^\s*(-?\d+)\s*[=:)]\s*(\S.*)$")
NOTE_START = re.compile(
    r"^\s*(\*|\d+\)|huom|huomautus|lähde|lähteet|source|sources|note|notes|anm|källa|"
    r"footnote|alaviite|copyright|©|tiedot päivitetty|updated|päivitetty)",
    re.IGNORECASE,
)


# Formatting that tools keep in question texts (Typeform's <strong>, a line break), and the
# entities LimeSurvey writes for < > & in them: a header is read as the text people saw.
MARKUP = re.compile(
    r"</?(?:strong|em|b|i|u|s|br|p|span|div|font|sup|sub|small|big|mark)\b[^<>]*>", re.IGNORECASE
)
ENTITY = re.compile(r"&(?:[a-z]+|#\d+|#x[0-9a-f]+);", re.IGNORECASE)


def _text(value: object) -> str | None:
    return None if v.is_blank(value) else " ".join(str(value).split())


def _header_text(value: object) -> str | None:
    text = _text(value)
    if text is None or not ("<" in text or "&" in text):
        return text
    text = MARKUP.sub(lambda m: " " if m[0].lower().startswith("<br") else "", text)
    text = ENTITY.sub(lambda m: html.unescape(m[0]), text)
    return " ".join(text.split()) or None


def _squashed(text: str) -> str:
    return re.sub(r"[\s_-]", "", v.fold(text))


def is_import_id(text: str) -> bool:
    return bool(IMPORT_ID.match(text))


def header_names(cells: pd.DataFrame, first: int, count: int) -> dict[int, tuple[str, list[str]]]:
    """Each column's name and its own header texts (the parts a known name may match) from
    the header rows first..first+count-1: a blank cell of an upper row takes the group written
    to its left (where the row below has a text), generic parts ("Response") and import ids
    drop out of the name, and a part that repeats the one above it is said once. A group
    written over several columns is part of their names but not one of their own texts."""
    width = cells.shape[1]
    grid = [[_header_text(cells.iat[first + k, i]) for i in range(width)] for k in range(count)]
    spanning: set[tuple[int, int]] = set()  # (row, column) of groups carried to the right
    for k in range(count - 1):  # group rows: carry the group right over its columns
        carried, origin = None, None
        for i in range(width):
            below = any(grid[j][i] for j in range(k + 1, count))
            if grid[k][i] is not None:
                carried, origin = grid[k][i], i
            elif below and carried is not None:
                grid[k][i] = carried
                spanning.update({(k, origin), (k, i)})
            elif not below:
                carried = None
    names: dict[int, tuple[str, list[str]]] = {}
    for i in range(width):
        parts = [grid[k][i] for k in range(count) if grid[k][i]]
        own = [grid[k][i] for k in range(count) if grid[k][i] and (k, i) not in spanning]
        kept: list[str] = []
        for part in parts:
            if is_import_id(part):
                continue
            if kept and (_squashed(part) == _squashed(kept[-1])):
                continue
            kept.append(part)
        if len(kept) > 1:
            kept = [p for p in kept if v.fold(p) not in GENERIC_PARTS] or kept[:1]
        if kept:
            joined = [p.rstrip(".:") if n < len(kept) - 1 else p for n, p in enumerate(kept)]
            names[i] = (": ".join(joined), own)
    return names


def unique_names(names: dict[int, str]) -> dict[int, str]:
    """Two columns that share a header stay two: the second is "header (2)"."""
    seen: dict[str, int] = {}
    out = {}
    for i, name in names.items():
        key = v.fold(name)
        seen[key] = seen.get(key, 0) + 1
        out[i] = name if seen[key] == 1 else f"{name} ({seen[key]})"
    return out


def letter_name(index: int) -> str:
    return f"[{column_letter(index)}]"


def _row(cells: pd.DataFrame, r: int) -> list[str | None]:
    return [_text(x) for x in cells.iloc[r]]


def _is_number_like(text: str) -> bool:
    try:
        v.parse_number(text)
        return True
    except ValueError:
        pass
    try:
        v.parse_datetime(text)
        return True
    except (ValueError, TypeError, OverflowError):
        return False


def _texts_only(row: list[str | None]) -> bool:
    filled = [x for x in row if x]
    return bool(filled) and not any(_is_number_like(x) for x in filled)


def _numeric_below(cells: pd.DataFrame, r: int, i: int, depth: int = 20) -> bool:
    below = [x for x in cells.iloc[r + 1 : r + 1 + depth, i] if not v.is_blank(x)]
    if not below:
        return False
    numeric = sum(1 for x in below if not isinstance(x, str) or _is_number_like(x))
    return numeric / len(below) >= 0.8


def extra_header_rows(cells: pd.DataFrame, row: int) -> tuple[int, int]:
    """(rows above, rows below) the header row `row` that are header rows too: a group row
    above (its groups written once over blank cells), and below it rows of answer options,
    field codes or import ids (never a row of numbers or dates)."""
    above = 0
    header = _row(cells, row)
    if row > 0:
        upper = _row(cells, row - 1)
        filled = [i for i, x in enumerate(upper) if x]
        spans = any(
            upper[i] is None and header[i] and any(upper[j] for j in range(i))
            for i in range(len(upper))
        )
        if len(filled) >= 2 and _texts_only(upper) and spans:
            if len(filled) < sum(1 for x in header if x):
                above = 1
    below = 0
    if sum(1 for x in header if x) < 2:  # a title or a blank row heads no table
        return above, below
    for k in range(1, MAX_HEADER_ROWS - above):
        r = row + k
        if r >= len(cells) - 1:
            break
        if not _header_like(cells, r, _row(cells, r), _row(cells, r - 1)):
            following = _row(cells, r + 1) if r + 1 < len(cells) else []
            if k + 1 < MAX_HEADER_ROWS - above and any(x and is_import_id(x) for x in following):
                below = k + 1  # a label row above the import ids (Qualtrics' three rows)
            break
        below = k
    return above, below


def _header_like(cells: pd.DataFrame, r: int, lower: list, upper: list) -> bool:
    filled = [i for i, x in enumerate(lower) if x]
    if not filled:
        return False
    if any(is_import_id(lower[i]) for i in filled):
        return True
    if not _texts_only(lower):
        return False
    if any(v.fold(lower[i]) in ("response", "open-ended response") for i in filled):
        return True
    # The group row above (two groups or more) has blanks where this row has the options
    # (two or more of them: one text under a blank header is a data row's unnamed column).
    under_groups = [i for i in filled if upper[i] is None and any(upper[j] for j in range(i))]
    if sum(1 for x in upper if x) >= 2 and len(under_groups) >= 2:
        return True
    codes = [lower[i] for i in filled]
    if (
        len(filled) >= 3
        and all(FIELD_CODE.match(x) for x in codes)
        and len(set(codes)) == len(codes)
        and all(upper[i] for i in filled)
        and sum(1 for i in filled if v.fold(lower[i]) != v.fold(upper[i])) >= 2
    ):
        return True  # field codes under question texts (LimeSurvey)
    over_numbers = sum(1 for i in filled if _numeric_below(cells, r, i))
    wide = len(filled) >= max(2, sum(1 for x in upper if x) / 2)
    return wide and over_numbers / len(filled) >= 0.6


@dataclass
class LeftOut:
    """Rows of a sheet that are not data: totals, subtotals, notes, a codebook."""

    rows: dict[int, str] = field(default_factory=dict)  # Excel row -> why ("total", "note"...)
    codebook: dict[int, str] = field(default_factory=dict)  # answer code -> its label

    def of(self, reason: str) -> list[int]:
        return [r for r, why in self.rows.items() if why == reason]


def find_left_out(rows: pd.DataFrame) -> LeftOut:
    """The rows after the table (after a blank row: notes, a codebook) and total rows, of
    the non-blank data rows (index = Excel row number). Files run to 200 000 rows: only the
    rows after a gap and at the end are looked at one by one; totals are found a column at a
    time."""
    left = LeftOut()
    if rows.empty:
        return left
    counts = rows.notna().sum(axis=1)  # blank cells are missing by now, or a few spaces
    typical = float(counts.head(50).median())
    numbers = rows.index.to_numpy()
    # A gap (a blank row) after which every row is thin or a note: the table ended there.
    for position in (numbers[1:] - numbers[:-1] > 1).nonzero()[0] + 1:
        tail = numbers[position:]
        if all(_afterword(rows.loc[r], counts[r], typical) for r in tail):
            for r in tail:
                left.rows[int(r)] = _why(rows.loc[r], left)
            break
    # Thin rows at the very end without a gap: notes and codebook lines.
    for r in reversed(numbers):
        if int(r) in left.rows:
            continue
        if typical >= 3 and counts[r] == 1 and _afterword(rows.loc[r], counts[r], typical):
            left.rows[int(r)] = _why(rows.loc[r], left)
        else:
            break
    for r in _total_rows(rows):
        left.rows.setdefault(int(r), "total")
    return left


def _total_rows(rows: pd.DataFrame) -> list:
    """Rows whose first cells say they sum the others ("Yhteensä", "Total"): each distinct
    value of the first three columns is looked at once."""
    found = pd.Series(False, index=rows.index)
    for column in rows.columns[:3]:
        cells = rows[column]
        codes, uniques = pd.factorize(cells.to_numpy(dtype=object), use_na_sentinel=True)
        totals = [
            isinstance(x, str) and v.fold(" ".join(x.split())).strip(" :") in TOTAL_WORDS
            for x in uniques
        ]
        if any(totals):
            hit = pd.Series(totals + [False]).to_numpy()[codes]
            found |= pd.Series(hit, index=rows.index)
    return list(rows.index[found.to_numpy()])


def _first_text(row: pd.Series) -> str | None:
    for x in row:
        if not v.is_blank(x):
            return " ".join(str(x).split())
    return None


def _afterword(row: pd.Series, count: int, typical: float) -> bool:
    text = _first_text(row) or ""
    if CODEBOOK.match(text) or NOTE_START.match(text):
        return True
    return count <= max(1, typical / 3) and typical >= 3


def _why(row: pd.Series, left: LeftOut) -> str:
    text = _first_text(row) or ""
    found = CODEBOOK.match(text)
    if found:
        left.codebook[int(found[1])] = found[2].strip()
        return "codebook"
    return "note"


def row_ranges(rows: list[int]) -> str:
    """Excel rows as short ranges: 12–14, 20."""
    parts, start, last = [], None, None
    for r in sorted(rows):
        if start is None:
            start = last = r
        elif r == last + 1:
            last = r
        else:
            parts.append(f"{start}–{last}" if last > start else str(start))
            start = last = r
    if start is not None:
        parts.append(f"{start}–{last}" if last > start else str(start))
    return ", ".join(parts)


def likely_header_row(cells: pd.DataFrame) -> int:
    """The first row that looks like a header where no known name says so: texts only, and
    as wide as the widest rows (a title row is narrower, a data row holds numbers or dates)."""
    rows = [_row(cells, r) for r in range(len(cells))]
    widths = [sum(1 for x in row if x) for row in rows]
    if not widths or not max(widths):
        return 0
    for r, row in enumerate(rows):
        if widths[r] >= max(2, max(widths) / 2) and _texts_only(row):
            return r
    return int(max(range(len(widths)), key=widths.__getitem__))
