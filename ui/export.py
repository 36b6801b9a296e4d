"""Tables as .xlsx downloads. Every text cell is stored as text, so a unit or question named
'=HYPERLINK(...)' or '+1' can never become a formula in the manager's Excel."""

import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from loaders.templates import workbook_bytes
from ui import auth

FORMULA_STARTS = ("=", "+", "-", "@")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "Tilannekuva") -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    ws.append([str(c) for c in frame.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        _as_text(cell)
    for record in frame.itertuples(index=False):
        ws.append([_plain(v) for v in record])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                _as_text(cell)
    return workbook_bytes(book, widest=50)


def recorder(what: str, rows: int):
    """A download button's on_click: the export goes to the audit trail (issue 11)."""

    def record() -> None:
        auth.record("export", what=what, rows=rows)

    return record


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None  # pd.NA: a nullable column's gap, which openpyxl cannot write
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _as_text(cell) -> None:
    """openpyxl treats a string starting with '=' as a formula; force it to a string cell and
    mark it quote-prefixed, as Excel does for text typed after an apostrophe."""
    cell.data_type = "s"
    if str(cell.value).startswith(FORMULA_STARTS):
        cell.quotePrefix = True
