"""A situation report (core.report) as a file to take away: Markdown for an e-mail, a .docx
to edit in Word (headings, paragraphs, the targets table, links) and an A4 PDF (core.pdf).
Each starts with what it is about (scope, period, figures up to), when and by whom it was
exported and the privacy rule, and ends with the privacy note. Links are the app's addresses
under base (its public address), or relative to the app's root without one.
"""

import datetime as dt
import io
import re

import pandas as pd

from core import formats as fmt
from core.pdf import A4
from core.report import Link, Report, Section
from core.texts import t

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MARKDOWN_MIME = "text/markdown"
FORMATS = ("md", "docx", "pdf")
# The page a link opens, by the name the navigation gives it.
PAGE_NAMES = {
    "overview": "nav.overview",
    "feeling_meter": "nav.feeling",
    "units": "nav.units",
    "effectiveness": "nav.effectiveness",
}
# The targets table's columns in the PDF: the units furthest from target take the most room.
TARGET_WIDTHS = (25, 10, 13, 17, 11, 44)  # "Målvärde" fits on one line
# What could format text in Markdown wherever it stands in a line (a line of ours never starts
# with a name, so list and heading marks cannot begin one).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#~])")


def link_name(link: Link, lang: str) -> str:
    return t(PAGE_NAMES[link.page], lang)


def header(report: Report, made: dt.datetime, by: str) -> list[tuple[str, str]]:
    """The block that says what the file is: the report's own rows, then when and by whom."""
    lang = report.lang
    return [
        *report.meta,
        (t("export.made", lang), fmt.datetime(made, lang)),
        (t("export.by", lang), by),
    ]


def file_name(report: Report, kind: str) -> str:
    return f"{report.file_stem}.{kind}"


# --- Markdown -----------------------------------------------------------------------------------


def _md(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", str(text))


def markdown(report: Report, made: dt.datetime, by: str, base: str = "") -> str:
    """The report as Markdown: a list item per sentence with its link, the targets as a table."""
    lang = report.lang
    lines = [f"# {_md(report.title)}", ""]
    lines += [f"- **{_md(label)}:** {_md(value)}" for label, value in header(report, made, by)]
    lines.append("")
    lines += [f"*{_md(note)}*\n" for note in report.notes]
    for section in report.sections:
        lines += [f"## {_md(section.title)}", ""]
        for sentence in section.sentences:
            line = f"- {_md(sentence.text)}"
            if sentence.link is not None:
                line += f" ([{_md(link_name(sentence.link, lang))}]({sentence.link.url(base)}))"
            lines.append(line)
        lines.append("")
        if section.table is not None:
            lines += _md_table(section)
    lines += ["---", "", f"*{_md(report.privacy)}*", ""]
    return "\n".join(lines)


def _md_table(section: Section) -> list[str]:
    table = section.table
    rows = [" | ".join(_md(c) for c in table.columns)]
    rows.append(" | ".join("---" for _ in table.columns))
    rows += [" | ".join(_md(c) for c in row) for row in table.rows]
    return [f"| {row} |" for row in rows] + [""]


# --- Word ---------------------------------------------------------------------------------------


def docx_bytes(report: Report, made: dt.datetime, by: str, base: str = "") -> bytes:
    """The report as a Word document: the title, the block, the notes, a heading per section
    with a bulleted paragraph per sentence (its link after it) and the targets as a table."""
    from docx import Document
    from docx.shared import Pt

    lang = report.lang
    document = Document()
    document.core_properties.title = report.title
    document.core_properties.language = fmt.locale(lang).replace("_", "-")
    document.add_heading(report.title, level=0)
    block = document.add_table(rows=0, cols=2)
    for label, value in header(report, made, by):
        cells = block.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    for note in report.notes:
        document.add_paragraph().add_run(note).italic = True
    for section in report.sections:
        document.add_heading(section.title, level=1)
        for sentence in section.sentences:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(sentence.text)
            if sentence.link is not None:
                paragraph.add_run(" ")
                _hyperlink(paragraph, sentence.link.url(base), link_name(sentence.link, lang))
        if section.table is not None:
            grid = document.add_table(rows=1, cols=len(section.table.columns))
            grid.style = "Table Grid"
            for cell, name in zip(grid.rows[0].cells, section.table.columns, strict=True):
                cell.paragraphs[0].add_run(name).bold = True
            for row in section.table.rows:
                for cell, value in zip(grid.add_row().cells, row, strict=True):
                    cell.text = value
    closing = document.add_paragraph().add_run(report.privacy)
    closing.italic, closing.font.size = True, Pt(9)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _hyperlink(paragraph, url: str, text: str) -> None:
    """A clickable link at the paragraph's end (python-docx reads links but adds none)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    style = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1D4ED8")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    style.append(colour)
    style.append(underline)
    run.append(style)
    shown = OxmlElement("w:t")
    shown.text = f"({text})"
    run.append(shown)
    link.append(run)
    paragraph._p.append(link)


# --- PDF ----------------------------------------------------------------------------------------


def pdf_bytes(report: Report, made: dt.datetime, by: str, base: str = "") -> bytes:
    """The report as an A4 PDF: the same parts as the .docx, each link after its sentence."""
    lang = report.lang
    doc = A4(report.title, lang)
    doc.heading(report.title, 16, height=8, gap=1)
    for label, value in header(report, made, by):
        doc.para(f"{label}: {value}", 9)
    doc.space(2)
    for note in report.notes:
        doc.para(note, 9)
    for section in report.sections:
        doc.space(3)
        doc.heading(section.title)
        for sentence in section.sentences:
            link = sentence.link
            doc.item(
                sentence.text,
                link=None if link is None else (link_name(link, lang), link.url(base)),
            )
        if section.table is not None:
            doc.space(2)
            table = section.table
            frame = pd.DataFrame(list(table.rows), columns=list(table.columns))
            widths = TARGET_WIDTHS if len(table.columns) == len(TARGET_WIDTHS) else None
            doc.table(frame, 8, widths=widths)
    doc.space(4)
    doc.para(report.privacy, 8)
    return doc.bytes()


def render(report: Report, kind: str, made: dt.datetime, by: str, base: str = "") -> bytes:
    """The report as a file of kind md, docx or pdf."""
    if kind == "md":
        return markdown(report, made, by, base).encode("utf-8")
    if kind == "docx":
        return docx_bytes(report, made, by, base)
    if kind == "pdf":
        return pdf_bytes(report, made, by, base)
    raise ValueError(f"unknown format {kind!r}; known: {', '.join(FORMATS)}")


MIMES = {"md": MARKDOWN_MIME, "docx": DOCX_MIME, "pdf": "application/pdf"}
