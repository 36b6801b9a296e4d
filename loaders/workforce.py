"""Workforce figures from the HR system: a unit's month. Person-level rows (one per employee) are
summed to unit-months here, so no person identifier ever reaches the database."""

import re

import pandas as pd

from core.loaded import Loaded
from core.problems import ProblemList
from loaders.common import UNIT
from loaders.schema import Column, HeaderMatch, Schema, blank_mask, coerce, data_rows

FIGURES = (
    Column(
        "headcount",
        "Henkilöstö",
        "Headcount",
        type="number",
        low=0,
        high=1e6,
        aliases=(
            "Henkilöstömäärä",
            "Henkilömäärä",
            "Henkilöt",
            "Employees",
            "Staff",
            "Personal",
            "Antal anställda",
            "Anställda",
        ),
    ),
    Column(
        "fte",
        "Henkilötyövuodet",
        "FTE",
        type="number",
        low=0,
        high=1e6,
        aliases=("htv", "Henkilötyövuodet (htv)", "Henkilötyövuosi", "Årsverken", "Årsverke"),
    ),
    Column(
        "sick_leave_days",
        "Sairauspoissaolopäivät",
        "Sick leave days",
        type="number",
        low=0,
        high=1e7,
        aliases=(
            "Sairauspoissaolot",
            "Sjukfrånvarodagar",
            "Sjukfrånvaro",
            "Sairauspoissaolopäivät (kpl)",
            "Poissaolopäivät",
            "Sairauspäivät",
            "Absence days",
            "Sick days",
            "Days absent",
            "Sick leave",
        ),
    ),
    Column(
        "short_sick_leaves",
        "Lyhyet sairauspoissaolot",
        "Short sick leaves",
        type="number",
        low=0,
        high=1e7,
        aliases=("Lyhyet poissaolot", "Short sick leave", "Korta sjukfrånvaroperioder"),
    ),
    Column(
        "new_hires",
        "Aloittaneet",
        "New hires",
        type="number",
        low=0,
        high=1e6,
        aliases=("Uudet", "Starters", "Nyanställda"),
    ),
    Column(
        "leavers",
        "Lopettaneet",
        "Leavers",
        type="number",
        low=0,
        high=1e6,
        aliases=("Poistuneet", "Lähteneet", "Slutat", "Avgångna"),
    ),
    Column(
        "overtime_hours",
        "Ylityötunnit",
        "Overtime hours",
        type="number",
        low=0,
        high=1e8,
        aliases=("Ylityöt", "Overtime", "Övertidstimmar", "Övertid"),
    ),
    Column(
        "training_days",
        "Koulutuspäivät",
        "Training days",
        type="number",
        low=0,
        high=1e7,
        aliases=("Koulutus", "Training", "Utbildningsdagar", "Utbildning"),
    ),
    Column(
        "work_accidents",
        "Työtapaturmat",
        "Work accidents",
        type="number",
        low=0,
        high=1e6,
        aliases=("Tapaturmat", "Accidents", "Arbetsolycksfall", "Olycksfall"),
    ),
)
SCHEMA = Schema(
    kind="workforce",
    form="monthly",
    columns=(
        Column(
            "month",
            "Kuukausi",
            "Month",
            type="period",
            required=True,
            aliases=(
                "Kk",
                "Månad",
                "Kausi",
                "Period",
                "Päivämäärä",
                "Date",
                "Ajanjakso",
                "Vuosi",
                "Year",
                "Alkupäivä",
                "Start date",
                "Poissaolon alku",
            ),
        ),
        UNIT,
        *FIGURES,
    ),
    # An absence log has no headcount; its days join other imports' headcounts.
    any_of=("headcount", "fte", "sick_leave_days", "short_sick_leaves"),
    example=("2024-03", "Päiväkoti Aurinko", 18, "17,2", 21, 6, 1, 0, 12, 4, 0),
)
FIGURE_KEYS = [c.key for c in FIGURES]
LEVELS = ("headcount", "fte")  # a unit's level in a month; the other figures are flows


def load(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    keep = getattr(match.mapping, "keep_left_out", False)
    outline = {} if keep else _outline_rows(match, rows)
    rows = rows.drop(index=list(outline))
    frame = coerce(match, rows, problems)
    yearly = _is_yearly(rows[match.columns["month"][0]]) if "month" in match.columns else False
    frame = frame.dropna(subset=["month", "unit"])
    if not keep:
        frame = _without_subtotals(frame, match, outline)
    frame["month"] = [d.replace(day=1) for d in frame["month"]]
    present = [k for k in FIGURE_KEYS if k in frame]
    # Sum figures per unit-month; a figure missing on every row stays missing, not zero.
    grouped = frame.groupby(["month", "unit"], sort=True)[present]
    summed = grouped.sum(min_count=1).reset_index()
    for key in LEVELS:
        by_unit_month = frame.groupby(["month", "unit"], sort=True)[key] if key in present else None
        if by_unit_month is not None and _repeats_unit_value(by_unit_month):
            # The unit's headcount typed on every person row: take it once, never sum it.
            summed[key] = by_unit_month.first().to_numpy()
            problems.warn("unit_value_repeated", column=match.header_of(key))
    merged = len(frame) - len(summed)
    if merged > 0:
        problems.warn("rows_merged", n=merged)
    if yearly:
        summed = _spread_years(summed, present)
        problems.warn("yearly_spread")
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


SUBTOTAL_MAX_ROWS = 3000  # a unit-month table of a publisher; person rows are never checked
OUTLINE_SHARE = 0.2  # a column left of the units' filled on at most this share of rows


def _outline_rows(match: HeaderMatch, rows: pd.DataFrame) -> dict[int, str]:
    """Subtotal rows of an outline layout: a country or region written in a column of its
    own, left of the units' column (England in A, its regions in A, their trusts in B), with
    figures and a blank unit cell. Publishers count a person once however many units they
    work in, so such a row is not the sum of the rows below it: only its place tells.
    Returns Excel row -> the name written."""
    units = match.columns.get("unit") or []
    figures = [i for key in FIGURE_KEYS for i in match.columns.get(key, [])]
    if not units or not figures or rows.empty or len(rows) > SUBTOTAL_MAX_ROWS:
        return {}
    filled = {i: int((~blank_mask(rows[i])).sum()) for i in units}
    main = max(units, key=filled.__getitem__)
    with_figures = pd.concat([~blank_mask(rows[i]) for i in figures], axis=1).any(axis=1)
    candidates = blank_mask(rows[main]) & with_figures
    found: dict[int, str] = {}
    if not candidates.any():
        return found
    for column in rows.columns:
        if column >= main:
            break
        texts = rows[column].map(lambda x: isinstance(x, str) and bool(x.strip()))
        if texts.sum() > OUTLINE_SHARE * len(rows):
            continue  # a column of every row (a code, a name): not an outline
        for row in rows.index[(texts & candidates).to_numpy()]:
            found.setdefault(int(row), " ".join(rows.at[row, column].split()))
    return found


def _without_subtotals(
    frame: pd.DataFrame, match: HeaderMatch, outline: dict[int, str] | None = None
) -> pd.DataFrame:
    """A unit-month table (one row per unit and month) without its subtotal rows: the rows
    of an outline layout (outline, already left out), and a row whose every figure is the sum
    of the rows right below it up to the next such row (a region over its units, a country
    over its regions), found level by level; the note names them."""
    outline = outline or {}
    for row in outline:
        match.left_out.rows[row] = "subtotal"
    match.subtotal_units = list(dict.fromkeys(outline.values()))
    figures = [k for k in FIGURE_KEYS if k in frame]
    if not figures or len(frame) > SUBTOTAL_MAX_ROWS or frame.duplicated(["month", "unit"]).any():
        return frame
    parents: list = []
    for _, part in frame.groupby("month", sort=False):
        remaining = part
        while True:
            found = _subtotal_rows(remaining[figures])
            if not found:
                break
            parents.extend(found)
            remaining = remaining.drop(index=found)
    if not parents:
        return frame
    left = match.left_out
    for row in parents:
        left.rows[row] = "subtotal"
    units = list(dict.fromkeys(frame.loc[parents, "unit"]))
    match.subtotal_units = list(dict.fromkeys([*match.subtotal_units, *units]))
    return frame.drop(index=parents)


def _subtotal_rows(figures: pd.DataFrame) -> list:
    values = figures.astype(float).fillna(0).to_numpy()
    found = []
    for i in range(len(values)):
        if not values[i].any():
            continue
        total = values[i] * 0
        for j in range(i + 1, len(values)):
            total = total + values[j]
            if (total > values[i] + 1e-6).any():
                break
            if j >= i + 2 and _same(total, values[i]):
                found.append(i)
                break
    return [figures.index[i] for i in _tiling(values, found)]


def _same(total, value) -> bool:
    return abs(total - value).max() <= 1e-6 * max(1, value.max())


def _tiling(values, found: list[int]) -> list[int]:
    """The found rows that are the sum of every row up to the next found row (or the end):
    subtotals cover the table from the first on. Small numbers often add up by chance (126 =
    52 + 26 + 48), and such a row is followed by units that no subtotal covers."""
    while True:
        kept = []
        for k, i in enumerate(found):
            end = found[k + 1] if k + 1 < len(found) else len(values)
            if end - i > 2 and _same(values[i + 1 : end].sum(axis=0), values[i]):
                kept.append(i)
        if kept == found:
            return kept
        found = kept


def _repeats_unit_value(groups) -> bool:
    """True when every unit-month of several rows repeats one value, and some value is more
    than one person: the unit's figure, not a person's."""
    sizes, distinct, first = groups.size(), groups.nunique(), groups.first()
    several = sizes > 1
    return bool(several.any() and (distinct[several] <= 1).all() and (first[several] > 1).any())


def _is_yearly(cells) -> bool:
    """A month column of bare years (2023, '2023'): a yearly snapshot."""
    filled = [str(c).strip() for c in cells if c is not None and str(c).strip()]
    return bool(filled) and all(re.fullmatch(r"(19|20|21)\d\d(\.0)?", c) for c in filled)


def _spread_years(summed: pd.DataFrame, present: list[str]) -> pd.DataFrame:
    """A year's figures as 12 months: levels (headcount, FTE) as the monthly average, flows
    (leavers, sick leave days, ...) as twelfths, so yearly sums and rates stay as given."""
    months = []
    for month in range(1, 13):
        part = summed.copy()
        part["month"] = [d.replace(month=month) for d in summed["month"]]
        for key in present:
            if key not in LEVELS:
                part[key] = summed[key] / 12
        months.append(part)
    return pd.concat(months).sort_values(["month", "unit"]).reset_index(drop=True)
