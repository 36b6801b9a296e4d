"""Tables as .xlsx downloads. Every file starts with a block that says what it is (title, units,
dates, grain, filters, privacy threshold, when and by whom it was exported); a second sheet
holds the definitions of the indicators in it. Every text cell is stored as text, so a unit or
question named '=HYPERLINK(...)' or '+1' (or starting with a tab or a carriage return) can never
become a formula in the manager's Excel; dates are real Excel dates. A file is built only for a
user still signed in when its button is pressed. (The tables' own CSV download is off:
client.disableDataExport in .streamlit/config.toml.)

Rows are written by XlsxWriter in memory (where its constant-memory mode does not apply), each
column by one writer chosen once for it: linear in the rows, 1.8 s for 66 000 rows of seven
columns (openpyxl, whose worksheet was read back row by row, grew with the square)."""

import datetime as dt
import io
import math
from collections.abc import Callable, Iterable, Sequence

import pandas as pd
import xlsxwriter

from core import formats as fmt
from core import indicators as catalog
from core.scope import Scope
from core.texts import t
from core.wording import DECIMALS, value_text
from ui import auth, labels, user

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
WIDEST = 50
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def exported_by(lang: str) -> str:
    """Who is exporting: the signed-in name, or a local user where the app runs open."""
    signed = user.current()
    if signed is None or not signed.name:
        return t("export.who_open", lang)
    return signed.name


def context(
    title: str,
    lang: str,
    *,
    scope: Scope | None = None,
    grain: str | None = None,
    survey: str | None = None,
    question: str | None = None,
    feedback: bool = False,
    min_answers: int | None = None,
    extra: Iterable[tuple[str, str]] = (),
) -> list[tuple[str, str]]:
    """The block at the top of an export: (label, value) rows after the title row. feedback:
    the export has feedback figures, so its survey and question filters apply. Made while the
    page runs (it reads the session); xlsx_bytes adds the export time when the file is built."""
    rows = [(t("export.title", lang), title)]
    if scope is not None:
        named = labels.unit_names(scope)  # every unit by name, however many
        selection = ", ".join(named) if named else labels.selection_name(scope, lang)
        rows.append((t("export.selection", lang), selection))
        rows.append((t("export.dates", lang), labels.dates_text(scope, lang)))
    if grain is not None:
        rows.append((t("export.grain", lang), t(f"grain.{grain}", lang)))
    if feedback:
        rows.append((t("export.survey", lang), survey or t("trends.all", lang)))
        rows.append((t("export.question", lang), question or t("trends.all", lang)))
    if min_answers is not None:
        rows.append((t("export.privacy", lang), t("export.privacy_rule", lang, n=min_answers)))
    rows.extend(extra)
    rows.append((t("export.by", lang), exported_by(lang)))
    return rows


def stamped(top: Sequence[tuple[str, str]], lang: str, now: dt.datetime | None = None) -> list:
    """The context block with the time of export, before who exported."""
    moment = now or dt.datetime.now(fmt.HELSINKI)
    rows = list(top)
    return [*rows[:-1], (t("export.made", lang), fmt.datetime(moment, lang)), *rows[-1:]]


# Excel number formats by the catalog's kind of figure, with the page's decimals (Excel shows
# them with the reader's own decimal comma and thousands space). A percent is stored as the
# page shows it (82 for 82 %), so its format adds the sign without multiplying.
EXCEL_FORMATS = {"score": "0.00", "percent": '0" %"', "count": "#,##0", "decimal": "0.0"}
NUMBER_FORMATS = "number_formats"  # a frame's attrs key: {column: format, or one per row}


def excel_format(code: str) -> str:
    """The Excel number format of an indicator's figures, as many decimals as the page."""
    return EXCEL_FORMATS[catalog.get(code).format]


def rounded(value, code: str):
    """An indicator's figure rounded as the page shows it (None stays None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), DECIMALS[catalog.get(code).format])


def with_formats(frame: pd.DataFrame, formats: dict) -> pd.DataFrame:
    """frame with Excel number formats for its number cells: {column: format} or {column:
    [format per row]} (a column mixing indicators); xlsx_bytes and sheets_bytes apply them."""
    frame = frame.copy()
    frame.attrs[NUMBER_FORMATS] = {**frame.attrs.get(NUMBER_FORMATS, {}), **formats}
    return frame


def hidden_reason(lang: str, min_answers: int) -> str:
    """Why a value is not shown: it rests on too few answers (user guide, "Privacy": nothing
    else hides a figure, since hidden answers count in no total)."""
    return t("export.hidden_few", lang, n=min_answers)


def definitions(codes: Sequence[str], lang: str, min_answers: int | None = None) -> pd.DataFrame:
    """The indicators' definitions for an export's second sheet."""
    rows = []
    for code in dict.fromkeys(codes):
        indicator = catalog.get(code)
        rows.append(
            {
                t("col.indicator", lang): indicator.name(lang),
                t("col.description", lang): indicator.description(lang),
                t("export.col.range", lang): range_text(indicator, lang),
                t("col.direction", lang): t(direction_key(indicator), lang),
                t("col.default_target", lang): value_text(indicator.default_target, code, lang),
                t("export.col.source", lang): t(f"source.{indicator.source}", lang),
                t("export.col.privacy", lang): (
                    t("export.privacy_rule", lang, n=min_answers)
                    if indicator.protected and min_answers is not None
                    else "–"
                ),
            }
        )
    return pd.DataFrame(rows)


def direction_key(indicator: catalog.Indicator) -> str:
    """The text key of which direction is better: up, down, or neither (an own indicator)."""
    if indicator.neutral:
        return "direction.none"
    return "direction.up" if indicator.higher_is_better else "direction.down"


def range_text(indicator: catalog.Indicator, lang: str) -> str:
    """'1–5', '0–100 %', 'vähintään 0'."""
    low, high = indicator.range

    def shown(x):
        return fmt.entry_number(x, lang)

    if high is None:
        return t("export.range_at_least", lang, low=shown(low))
    text = f"{shown(low)}–{shown(high)}"
    return fmt.percent_sign(text, lang) if indicator.format == "percent" else text


def xlsx_bytes(
    frame: pd.DataFrame,
    sheet: str = "Tilannekuva",
    *,
    lang: str = "fi",
    top: Sequence[tuple[str, str]] = (),
    more: Sequence[tuple[str, pd.DataFrame]] = (),
    now: dt.datetime | None = None,
) -> bytes:
    """frame as a sheet under its context block `top` (see context(); the export time is added
    here, when the file is built); `more`: further sheets (name, table), such as the indicator
    definitions. Dates become Excel dates."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    _table_sheet(book, sheet, frame, lang, stamped(top, lang, now) if top else ())
    for name, table in more:
        _table_sheet(book, name, table, lang, ())
    book.close()
    return out.getvalue()


def sheets_bytes(sheets: Sequence[tuple], lang: str, now: dt.datetime | None = None) -> bytes:
    """A workbook of several sheets, each (name, top, lines, table): its context block (stamped
    with the export time here), lines of text, then a table (or None)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    moment = now or dt.datetime.now(fmt.HELSINKI)
    for name, top, lines, table in sheets:
        stamp = stamped(top, lang, moment) if top else ()
        _table_sheet(book, name, table, lang, stamp, lines)
    book.close()
    return out.getvalue()


def _table_sheet(book, sheet: str, frame, lang: str, top, lines: Sequence[str] = ()) -> None:
    ws = book.add_worksheet(sheet[:31])
    frame = frame if frame is not None else pd.DataFrame()
    formats = {
        "bold": book.add_format({"bold": True}),
        "bold_quoted": book.add_format({"bold": True, "quote_prefix": True}),
        "quoted": book.add_format({"quote_prefix": True}),
        "date": book.add_format({"num_format": fmt.excel_date_format(lang)}),
        "title": book.add_format({"bold": True, "font_size": 14}),
    }
    headers = [str(c) for c in frame.columns]
    columns = [_column(frame.iloc[:, i]) for i in range(len(headers))]
    number_formats = frame.attrs.get(NUMBER_FORMATS, {})
    styles: dict[str, object] = {}

    def style(code: str | None):
        if code is None:
            return None
        if code not in styles:
            styles[code] = book.add_format({"num_format": code})
        return styles[code]

    for header, column in zip(headers, columns, strict=True):
        wanted = number_formats.get(header)
        if isinstance(wanted, list | tuple):
            column.styles = [style(f) for f in wanted]
        elif wanted is not None:
            column.styles = style(wanted)
    widths = [
        max(len(header), _width(column)) for header, column in zip(headers, columns, strict=True)
    ]
    if top:  # the block's labels and values are as wide as they need (the title overflows)
        widths += [0] * (2 - len(widths))
        for i in (0, 1):
            widths[i] = max(widths[i], *(len(str(row[i])) for row in top[1:]))
    for i, width in enumerate(widths):
        ws.set_column(i, i, min(width + 2, WIDEST))
    row = 0
    if top:
        (_, title), *rest = top
        _text(ws, row, 0, str(title), formats["title"], formats)
        row += 1
        for label, value in rest:
            _text(ws, row, 0, str(label), formats["bold"], formats)
            _text(ws, row, 1, str(value), None, formats)
            row += 1
        row += 1  # a blank row between the block and the table
    for line in lines:
        _text(ws, row, 0, str(line), None, formats)
        row += 1
    if lines:
        row += 1
    if frame.columns.empty:
        return
    header_row = row
    for i, header in enumerate(headers):
        _text(ws, row, i, header, formats["bold"], formats)
    # One writer per column, chosen once: the rows are then written without asking each cell
    # what it is (half of the time of a 50 000-row export went to that).
    writers = [_writer(ws, column, formats) for column in columns]
    cells = list(enumerate(writers))
    for index, values in enumerate(zip(*(column.values for column in columns), strict=True)):
        row += 1
        for c, write in cells:
            value = values[c]
            if value is not None:
                write(row, c, value, index)
    ws.freeze_panes(header_row + 1, 0)
    if len(frame):
        ws.autofilter(header_row, 0, row, max(len(headers) - 1, 0))


class _Column:
    """A column's cell values ready to write (None: an empty cell) and what they all are:
    "number", "date" (already Excel serial days), "text", or "mixed" (asked cell by cell)."""

    EXCEL_EPOCH = pd.Timestamp("1899-12-30")

    def __init__(self, kind: str, values: list):
        self.kind, self.values = kind, values
        self.styles = None  # a number format for every number, or a list of one per row


def _column(series: pd.Series) -> _Column:
    if pd.api.types.is_bool_dtype(series.dtype):
        return _Column("mixed", [_plain(v) for v in series.tolist()])
    if pd.api.types.is_numeric_dtype(series.dtype):
        numbers = series.astype("float64")
        values = numbers.astype(object).where(numbers.notna(), None).tolist()
        if pd.api.types.is_integer_dtype(series.dtype):  # 3, not 3.0, in the width
            values = [None if v is None else int(v) for v in values]
        return _Column("number", values)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return _Column("date", _serial_days(series))
    values = [_plain(v) for v in series.tolist()]
    present = [v for v in values if v is not None]
    if all(isinstance(v, str) for v in present):
        return _Column("text", values)
    if all(isinstance(v, dt.date) for v in present):  # dates in an object column
        stamps = pd.Series(pd.to_datetime([v if v is None else _naive(v) for v in values]))
        return _Column("date", _serial_days(stamps))
    return _Column("mixed", values)


def _naive(value: dt.date) -> dt.date:
    return value.replace(tzinfo=None) if isinstance(value, dt.datetime) else value


def _serial_days(stamps: pd.Series) -> list:
    """Excel's date numbers (days since 30.12.1899; the time of day as a fraction)."""
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_localize(None)
    days = (stamps - _Column.EXCEL_EPOCH) / pd.Timedelta(days=1)
    return days.astype(object).where(days.notna(), None).tolist()


def _width(column: _Column) -> int:
    present = {v for v in column.values if v is not None}
    if not present:
        return 0
    if column.kind == "date":
        return len("dd.mm.yyyy")
    return max(len(_shown(v)) for v in present)


def _writer(ws, column: _Column, formats: dict):
    """A function (row, column, value, index in the table) that writes one cell."""
    styles = column.styles
    if column.kind == "number":
        if styles is None:
            return lambda r, c, value, i: ws.write_number(r, c, value)
        if isinstance(styles, list):
            return lambda r, c, value, i: ws.write_number(r, c, value, styles[i])
        return lambda r, c, value, i: ws.write_number(r, c, value, styles)
    if column.kind == "date":
        date = formats["date"]
        return lambda r, c, days, i: ws.write_number(r, c, days, date)
    if column.kind == "text":
        return lambda r, c, value, i: _text(ws, r, c, value, None, formats)

    def mixed(r, c, value, i):
        number = styles[i] if isinstance(styles, list) else styles
        _cell(ws, r, c, value, formats, number)

    return mixed


def _cell(ws, r: int, c: int, value, formats: dict, number=None) -> None:
    if value is None:
        return
    if isinstance(value, str):
        _text(ws, r, c, value, None, formats)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, int | float):
        ws.write_number(r, c, value, number)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(r, c, value.replace(tzinfo=None), formats["date"])
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), formats["date"])
    else:
        _text(ws, r, c, str(value), None, formats)


def _text(ws, r: int, c: int, value: str, style, formats: dict) -> None:
    if value.startswith(FORMULA_STARTS):
        style = formats["bold_quoted"] if style is formats["bold"] else formats["quoted"]
    ws.write_string(r, c, value, style)


class SignedOut(PermissionError):
    """A download pressed after its user's session ended: no file is built."""


def recorded(build: Callable[[], bytes], what: str, **details) -> Callable[[], bytes]:
    """A download button's data: the file, built when the button is pressed, and the export
    put in the audit trail as it is built. The user must still be signed in then (a button left
    on a page after sign-out, or in another tab, builds nothing). With it the button takes
    on_click="ignore": a download does not run the page again (a large view took longer to
    redraw than its file took to build)."""
    record = auth.record_later("export", what=what, **details)
    signed_in = auth.still_signed_in()

    def download() -> bytes:
        if not signed_in():
            raise SignedOut(what)
        content = build()
        record()
        return content

    return download


def _shown(value) -> str:
    return "dd.mm.yyyy" if isinstance(value, dt.date) else str(value)


def _plain(value):
    if value is None or value is pd.NA or value is pd.NaT:
        return None  # pd.NA: a nullable column's gap
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value
