"""Printable A4 PDFs for a meeting, set up in one place: fpdf2 with DejaVu Sans (the Finnish and
Swedish letters), page numbers in the footer, and headings, paragraphs, tables and pictures in
one style. ui.unit_export, ui.overview_export and the situation report (core.report_files) write
their pages with it.
"""

import io
from pathlib import Path

import pandas as pd

from core.texts import t

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
PDF_MIME = "application/pdf"
FONT = "DejaVu"


def font_dir() -> Path:
    for folder in FONT_DIRS:
        if (folder / "DejaVuSans.ttf").exists():
            return folder
    raise FileNotFoundError("DejaVuSans.ttf is not installed (fonts-dejavu-core)")


def _cell(value) -> str:
    """A table cell as text: nothing for a missing value."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


class A4:
    """One A4 document (portrait or landscape) with its first page open; bytes() when done."""

    def __init__(self, title: str, lang: str, landscape: bool = False) -> None:
        from fpdf import FPDF

        folder = font_dir()
        pdf = FPDF(orientation="landscape" if landscape else "portrait", format="A4", unit="mm")
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.add_font(FONT, "", str(folder / "DejaVuSans.ttf"))
        pdf.add_font(FONT, "B", str(folder / "DejaVuSans-Bold.ttf"))
        pdf.set_title(title)
        pdf.alias_nb_pages()

        def footer():
            pdf.set_y(-12)
            pdf.set_font(FONT, "", 8)
            pages = t("units.export_page", lang, page=pdf.page_no(), pages="{nb}")
            pdf.cell(0, 5, pages, align="C")

        pdf.footer = footer
        pdf.add_page()
        self.pdf = pdf
        self.width = pdf.epw

    def heading(self, text: str, size: int = 13, height: float = 7, gap: float = 1) -> None:
        self.pdf.set_font(FONT, "B", size)
        self.pdf.multi_cell(self.width, height, text, new_x="LMARGIN", new_y="NEXT")
        if gap:
            self.pdf.ln(gap)

    def para(self, text: str, size: int = 10, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.multi_cell(self.width, 5, text, new_x="LMARGIN", new_y="NEXT")

    def item(self, text: str, size: int = 10, link: tuple[str, str] | None = None) -> None:
        """A bulleted paragraph (its lines indented under the first), and after it a link
        (label, address) when given."""
        pdf, indent = self.pdf, 5
        pdf.set_font(FONT, "", size)
        left = pdf.l_margin
        pdf.set_x(left)
        pdf.cell(indent, 5, "•")
        pdf.set_left_margin(left + indent)
        try:
            pdf.write(5, text)
            if link is not None:
                label, url = link
                pdf.set_text_color(29, 78, 216)
                pdf.write(5, f" ({label})", link=url)
                pdf.set_text_color(0, 0, 0)
        finally:
            pdf.set_left_margin(left)
        pdf.ln(6)

    def space(self, mm: float) -> None:
        self.pdf.ln(mm)

    def table(
        self,
        frame: pd.DataFrame,
        size: int = 8,
        gap: float = 3,
        widths: tuple | None = None,
        fills: list | None = None,
    ) -> None:
        """frame with its column names as a bold heading row, repeated on each page it runs
        over; widths: the columns' shares of the page (default: equal); fills: per row, a
        background colour ('#rrggbb' or None) for each cell, such as a figure's target status
        (ui.palette.STATUS_FILL)."""
        from fpdf.fonts import FontFace

        self.pdf.set_font(FONT, "", size)
        with self.pdf.table(
            headings_style=FontFace(emphasis="BOLD"),
            line_height=4.5,
            text_align="LEFT",
            col_widths=widths,
        ) as grid:
            grid.row([str(c) for c in frame.columns])
            for i, record in enumerate(frame.itertuples(index=False)):
                row = grid.row()
                colours = fills[i] if fills is not None else [None] * len(record)
                for value, colour in zip(record, colours, strict=True):
                    style = FontFace(fill_color=colour) if colour else None
                    row.cell(_cell(value), style=style)
        self.pdf.ln(gap)

    def picture(self, png: bytes, share: float = 0.9) -> None:
        """A PNG image share of the page wide, on a new page when less than ~95 mm is left."""
        if self.pdf.get_y() > self.pdf.h - 95:
            self.pdf.add_page()
        self.pdf.image(io.BytesIO(png), w=self.width * share)
        self.pdf.ln(3)

    def new_page(self) -> None:
        self.pdf.add_page()

    def bytes(self) -> bytes:
        return bytes(self.pdf.output())
