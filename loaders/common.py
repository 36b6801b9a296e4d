"""What a loader hands back (Loaded), the columns every kind shares, and the summing of single
answers into the feedback store's rows (n, score_sum, positive_n, ...).
"""

from dataclasses import dataclass, field

import pandas as pd

from loaders.problems import Problem
from loaders.schema import Column

# The unit column, under every name real exports use; the first filled one wins on each row.
UNIT = Column(
    "unit", "Yksikkö", "Unit", required=True, max_length=255,
    aliases=("Toimipiste", "Toimipaikka", "Toimipaikan nimi", "Oppilaitos", "Department",
             "Yksikön nimi", "Unit name", "Tiimi", "Team"),
)  # fmt: skip
# Date headers of form and survey tools (Google Forms, Webropol, Typeform, LMS exports).
DATE_EXPORT_ALIASES = (
    "Timestamp", "Aikaleima", "Tidsstämpel", "Submitted at", "Submission date", "Submitted",
    "Date submitted", "Created", "Created at", "Lähetetty", "Lähetysaika", "Datum",
)  # fmt: skip
DATE = Column(
    "date", "Päivämäärä", "Date", type="date", required=True,
    aliases=("Pvm", "Pvm.", "Vastausaika", "Response time", "Valmistumisaika",
             "Completion time", "Aloitusaika", "Start time", "Aika", "Time", "Day", "Päivä",
             *DATE_EXPORT_ALIASES),
)  # fmt: skip
SURVEY = Column(
    "survey", "Kysely", "Survey", aliases=("Kyselyn nimi", "Survey name"), max_length=255
)
QUESTION = Column(
    "question", "Kysymys", "Question", aliases=("Kysymyksen teksti", "Item"), max_length=1000
)
GROUP = Column(
    "respondent_group", "Vastaajaryhmä", "Respondent group",
    aliases=("Vastaajan rooli", "Role", "Group", "Ryhmä"), max_length=255,
)  # fmt: skip
SCALE = Column("scale", "Asteikko", "Scale", type="number", aliases=("Scale max",))

FEEDBACK_COLUMNS = [
    "date", "unit", "survey", "question", "respondent_group",
    "scale_min", "scale_max", "n", "score_sum", "positive_n", "promoters_n", "detractors_n",
]  # fmt: skip
COMMENT_COLUMNS = ["date", "unit", "survey", "question", "text"]


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


POSITIVE_FROM = 0.75  # 4 on 1-5 is three quarters of the way up; other scales rescaled


def positive(score: pd.Series, low: pd.Series, high: pd.Series) -> pd.Series:
    """An answer of at least 4 on a 1-5 scale, rescaled: 8-10 of 0-10, 6-7 of 1-7, 4 of 1-4.
    (Smiley counts say which faces are positive themselves.)"""
    return (score - low) / (high - low) >= POSITIVE_FROM - 1e-9


def sum_answers(answers: pd.DataFrame) -> pd.DataFrame:
    """Single answers (one score per row) -> feedback rows summed per day and question."""
    if answers.empty:
        return pd.DataFrame(columns=FEEDBACK_COLUMNS)
    frame = answers.assign(
        n=1,
        positive_n=positive(answers["score"], answers["scale_min"], answers["scale_max"]),
        promoters_n=answers["score"] >= 9,
        detractors_n=answers["score"] <= 6,
    )
    keys = ["date", "unit", "survey", "question", "respondent_group", "scale_min", "scale_max"]
    summed = (
        frame.groupby(keys, sort=True, dropna=False)
        .agg(
            n=("n", "sum"),
            score_sum=("score", "sum"),
            positive_n=("positive_n", "sum"),
            promoters_n=("promoters_n", "sum"),
            detractors_n=("detractors_n", "sum"),
        )
        .reset_index()
    )
    nps = (summed["scale_min"] == 0) & (summed["scale_max"] == 10)
    summed["promoters_n"] = summed["promoters_n"].where(nps, None)
    summed["detractors_n"] = summed["detractors_n"].where(nps, None)
    return summed[FEEDBACK_COLUMNS]
