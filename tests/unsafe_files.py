"""Builders of files that once took the server down: a workbook written with openpyxl whose sheet
XML is then edited to reach a far cell, and CSV text in the shapes that broke the old reader."""

import io
import re
import zipfile

from tests.builders import long_feedback, xlsx_bytes

SHEET_XML = "xl/worksheets/sheet1.xml"


def far_cell_xlsx(ref: str = "XFD1048576", dimension: str | None = None) -> bytes:
    """A small valid feedback workbook plus one cell at ref (e.g. XFD1048576, A99999999).

    openpyxl writes the real file; the sheet XML is then edited as a crafted file would be: a
    row holding the far cell is appended, and the <dimension> keeps its honest small value
    unless dimension gives another.
    """
    row = re.sub(r"[A-Z]", "", ref)
    far = f'<row r="{row}"><c r="{ref}"><v>1</v></c></row></sheetData>'.encode()

    def edit(xml: bytes) -> bytes:
        xml = xml.replace(b"</sheetData>", far)
        if dimension:
            xml = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), xml)
        return xml

    return edited_xlsx(xlsx_bytes(long_feedback(3)), edit)


def lying_dimension_xlsx(dimension: str) -> bytes:
    """An ordinary workbook whose <dimension> claims a range far beyond its cells."""
    claim = f'<dimension ref="{dimension}"'.encode()
    return edited_xlsx(
        xlsx_bytes(long_feedback(3)), lambda xml: re.sub(rb'<dimension ref="[^"]*"', claim, xml)
    )


def edited_xlsx(data: bytes, edit, member: str = SHEET_XML) -> bytes:
    """The workbook with one member's XML passed through edit, repacked as Excel would."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, edit(content) if name == member else content)
    return out.getvalue()
