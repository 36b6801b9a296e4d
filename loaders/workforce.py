"""Workforce figures from the HR system: a unit's month. Person-level rows (one per employee) are
summed to unit-months here, so no person identifier ever reaches the database."""

from core.loaded import Loaded
from core.problems import ProblemList
from loaders.common import UNIT
from loaders.schema import Column, HeaderMatch, Schema, coerce, data_rows

FIGURES = (
    Column("headcount", "Henkilöstö", "Headcount", type="number", required=True, low=0, high=1e6,
           aliases=("Henkilöstömäärä", "Henkilömäärä", "Henkilöt", "Employees", "Staff")),
    Column("fte", "Henkilötyövuodet", "FTE", type="number", low=0, high=1e6,
           aliases=("htv", "Henkilötyövuodet (htv)", "Henkilötyövuosi")),
    Column("sick_leave_days", "Sairauspoissaolopäivät", "Sick leave days", type="number",
           low=0, high=1e7, aliases=("Sairauspoissaolot", "Sairauspoissaolopäivät (kpl)")),
    Column("short_sick_leaves", "Lyhyet sairauspoissaolot", "Short sick leaves", type="number",
           low=0, high=1e7, aliases=("Lyhyet poissaolot", "Short sick leave")),
    Column("new_hires", "Aloittaneet", "New hires", type="number", low=0, high=1e6,
           aliases=("Uudet", "Starters")),
    Column("leavers", "Lopettaneet", "Leavers", type="number", low=0, high=1e6,
           aliases=("Poistuneet", "Lähteneet")),
    Column("overtime_hours", "Ylityötunnit", "Overtime hours", type="number", low=0, high=1e8,
           aliases=("Ylityöt", "Overtime")),
    Column("training_days", "Koulutuspäivät", "Training days", type="number", low=0, high=1e7,
           aliases=("Koulutus", "Training")),
    Column("work_accidents", "Työtapaturmat", "Work accidents", type="number", low=0, high=1e6,
           aliases=("Tapaturmat", "Accidents")),
)  # fmt: skip
SCHEMA = Schema(
    kind="workforce", form="monthly",
    columns=(
        Column("month", "Kuukausi", "Month", type="period", required=True,
               aliases=("Kk", "Kausi", "Period", "Päivämäärä", "Date", "Ajanjakso")),
        UNIT, *FIGURES,
    ),
    example=("2024-03", "Päiväkoti Aurinko", 18, "17,2", 21, 6, 1, 0, 12, 4, 0),
)  # fmt: skip
FIGURE_KEYS = [c.key for c in FIGURES]


def load(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    frame = frame.dropna(subset=["month", "unit"])
    frame["month"] = [d.replace(day=1) for d in frame["month"]]
    present = [k for k in FIGURE_KEYS if k in frame]
    # Sum figures per unit-month; a figure missing on every row stays missing, not zero.
    grouped = frame.groupby(["month", "unit"], sort=True)[present]
    summed = grouped.sum(min_count=1).reset_index()
    merged = len(frame) - len(summed)
    if merged > 0:
        problems.warn("rows_merged", n=merged)
    for key in FIGURE_KEYS:
        if key not in summed:
            summed[key] = None
    summed = summed.astype({k: object for k in FIGURE_KEYS})
    summed[FIGURE_KEYS] = summed[FIGURE_KEYS].where(summed[FIGURE_KEYS].notna(), None)
    return Loaded(
        problems.file,
        "workforce",
        "monthly",
        len(rows),
        {"workforce": summed[["month", "unit", *FIGURE_KEYS]]},
    )
