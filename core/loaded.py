"""The contract between a loader and the store: a file read and validated, as tables of rows
(units still as names) with the warnings shown to the user. Loaders build it; the store writes it
without knowing anything of files.
"""

from dataclasses import dataclass, field

import pandas as pd

from core.problems import Problem


@dataclass
class Loaded:
    """A file read and validated: rows per target table (units still as names) and warnings."""

    file: str
    kind: str
    form: str
    rows: int  # data rows taken from the file
    tables: dict[str, pd.DataFrame]
    warnings: list[Problem] = field(default_factory=list)
    sheet: str | None = None
    header_row: int | None = None  # Excel row number of the header
    header_rows: tuple[int, int] | None = None  # first and last header row (several join)
    tool: str | None = None  # the survey tool whose export this was recognised as
    mapping: object = None  # loaders.mapping.Mapping: the choices used and each column's role
    columns: list = field(default_factory=list)  # the wide loader's ColumnRoles

    @property
    def main(self) -> pd.DataFrame:
        """The table this kind is about (feedback, workforce, ...), for previews and summaries."""
        return self.tables[self.kind]

    def unit_names(self) -> list[str]:
        names: set[str] = set()
        for table in self.tables.values():
            if "unit" in table:
                names.update(table["unit"].dropna().unique())
        return sorted(names)

    def date_range(self):
        for column in ("date", "month"):
            if column in self.main and not self.main.empty:
                return self.main[column].min(), self.main[column].max()
        return None, None

    def answers(self) -> int | None:
        if self.kind == "feedback":
            return int(self.main["n"].sum())
        return None

    def mean(self) -> float | None:
        """Mean score of the answers on the file's own (main) scale, or the mean mood of reports."""
        table = self.main
        if self.kind == "feedback" and table["n"].sum() > 0:
            # A file mixing 1-5 and 0-10 questions has no one mean: take its main scale's.
            scales = table.groupby(["scale_min", "scale_max"])["n"].sum()
            scored = scales[[high - low > 1 for low, high in scales.index]]
            scales = scored if not scored.empty else scales  # yes/no: a share, not a mean
            low, high = scales.sort_index(ascending=False).idxmax()  # a tie goes to 1-5
            main = table[(table["scale_min"] == low) & (table["scale_max"] == high)]
            return round(float(main["score_sum"].sum() / main["n"].sum()), 2)
        if self.kind == "mentor_reports" and not table.empty:
            return round(float(table["mood"].mean()), 2)
        return None
