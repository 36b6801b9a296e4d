"""Targets for indicators: for all units (blank unit) or one, for all years (blank year) or one.
Indicators are named by code or by their Finnish or English name in the catalog."""

from dataclasses import replace

import pandas as pd

from core import indicators
from core.loaded import Loaded
from core.problems import ProblemList
from loaders.common import UNIT
from loaders.schema import Column, HeaderMatch, Schema, coerce, data_rows

SCHEMA = Schema(
    kind="targets",
    form="targets",
    columns=(
        Column(
            "indicator",
            "Mittari",
            "Indicator",
            required=True,
            aliases=("Indikaattori", "Tunnusluku", "Measure", "KPI", "Indikator", "Nyckeltal"),
        ),
        Column(
            "target",
            "Tavoite",
            "Target",
            type="number",
            required=True,
            aliases=("Tavoitearvo", "Target value", "Målvärde", "Mål"),
        ),
        replace(UNIT, required=False),  # blank: the target is for every unit
        Column("year", "Vuosi", "Year", type="number", low=1990, high=2200, aliases=("År",)),
    ),
    example=("Palautteen keskiarvo", "4,2", "Päiväkoti Aurinko", 2025),
)


def load(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    header = match.header_of("indicator")
    codes = []
    for row, name in frame["indicator"].items():
        found = indicators.find(name) if name else None
        if name and not found:
            known = ", ".join(i.name_fi for i in indicators.CATALOG)
            problems.add("unknown_indicator", row=row, column=header, value=name, known=known)
        codes.append(found.code if found else None)
    frame["indicator"] = codes
    for key in ("unit", "year"):
        if key not in frame:
            frame[key] = None
    # An object column, or pandas would turn the whole years back into floats (2025.0).
    years = [int(y) if y is not None and y == y else None for y in frame["year"]]
    frame["year"] = pd.Series(years, index=frame.index, dtype=object)
    frame = frame.astype({"year": object, "unit": object}).dropna(subset=["indicator", "target"])
    return Loaded(
        problems.file,
        "targets",
        "targets",
        len(rows),
        {"targets": frame[["indicator", "unit", "year", "target"]]},
    )
