"""Empty Excel templates with the Finnish headers and one example row, derived from each kind's
schema so a template can never disagree with what the loader reads."""

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from loaders import SCHEMAS, feedback_wide, indicator_values
from loaders.schema import Schema

# The form a kind's template shows; the other feedback forms have templates of their own.
DEFAULT_FORM = {
    "units": "register",
    "feedback": "long",
    "workforce": "monthly",
    "mentor_reports": "reports",
    "targets": "targets",
    "indicator_values": "values_long",
}
TEMPLATE_FORMS = [
    ("units", "register"),
    ("feedback", "long"),
    ("feedback", "wide"),
    ("feedback", "aggregated"),
    ("feedback", "counts"),
    ("workforce", "monthly"),
    ("mentor_reports", "reports"),
    ("targets", "targets"),
    ("indicator_values", "values_long"),
    ("indicator_values", "values_wide"),
]


def _headers(schema: Schema) -> list[str]:
    headers = [c.fi for c in schema.columns]
    if schema is indicator_values.WIDE:
        headers += list(indicator_values.TEMPLATE_INDICATORS)
    elif schema.form == "wide":
        headers += list(feedback_wide.TEMPLATE_QUESTIONS)
    return headers


def template_bytes(kind: str, form: str | None = None) -> bytes:
    """An .xlsx with the header row (bold) and one example row."""
    schema = SCHEMAS[(kind, form or DEFAULT_FORM[kind])]
    book = Workbook()
    sheet = book.active
    sheet.title = kind
    sheet.append(_headers(schema))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    if schema.example:
        extra = indicator_values.TEMPLATE_VALUES if schema is indicator_values.WIDE else ()
        sheet.append([*schema.example, *extra])
    return workbook_bytes(book, widest=40)


def workbook_bytes(book: Workbook, widest: int) -> bytes:
    """Save a workbook with every column as wide as its longest value (up to widest)."""
    for sheet in book.worksheets:
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column) + 2
            sheet.column_dimensions[column[0].column_letter].width = min(width, widest)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_template(kind: str, path: Path, form: str | None = None) -> None:
    path.write_bytes(template_bytes(kind, form))
