"""The organisation's own indicators' values: any figure per unit and month, day, period or year,
from the organisation's own staff, student and facility systems. Long (month or date, unit,
indicator, value, and for a rate its numerator and denominator) or wide (month, unit, one column
per indicator, each given the role "indicator" in the mapping step).

Every row becomes unit-months as the indicator's definition says (core.own_indicators; a name
met for the first time gets the safe defaults of new_definition()): a date's values are summed
into its month, averaged, weighted or taken as the month's last level; a period's or a year's
are spread over its months, flows divided among them and levels kept, so every bucket's figure
is the file's.
"""

import pandas as pd

from core import indicators as catalog
from core import own_indicators as own
from core.loaded import Loaded
from core.names import fold
from core.problems import Columns, ProblemList
from loaders import personal_data, workforce
from loaders import values as v
from loaders.common import UNIT
from loaders.mapping import ColumnRole
from loaders.roles import sample
from loaders.schema import (
    Column,
    HeaderMatch,
    Schema,
    blank_mask,
    coerce,
    coerce_column,
    data_rows,
    normalise_header,
)

KIND = "indicator_values"
FIGURES = ("value", "numerator", "denominator", "weight")
COLUMNS = ["month", "unit", "indicator", *FIGURES]
LIMIT = 1e12  # no own figure is larger; a bigger number is a typo or a code
INDICATOR_ROLE = "indicator"  # the mapping step's role of a wide file's value column

TIME = Column(
    "month",
    "Kuukausi",
    "Month",
    type="period",
    required=True,
    aliases=(
        "Kk",
        "Månad",
        "Päivämäärä",
        "Pvm",
        "Date",
        "Datum",
        "Kausi",
        "Period",
        "Jakso",
        "Ajanjakso",
        "Vuosi",
        "Year",
        "År",
        "Lukuvuosi",
    ),
)
NAME = Column(
    "indicator_name",
    "Mittari",
    "Indicator",
    required=True,
    max_length=255,
    aliases=("Indikaattori", "Tunnusluku", "Measure", "KPI", "Metric", "Nyckeltal", "Indikator"),
)


def _figure(key: str, fi: str, en: str, low: float, aliases: tuple[str, ...]) -> Column:
    return Column(key, fi, en, type="number", low=low, high=LIMIT, aliases=aliases)


LONG = Schema(
    kind=KIND,
    form="values_long",
    columns=(
        TIME,
        UNIT,
        NAME,
        _figure("value", "Arvo", "Value", -LIMIT, ("Luku", "Tulos", "Värde", "Amount")),
        _figure("numerator", "Osoittaja", "Numerator", 0, ("Täljare", "Jaettava")),
        _figure("denominator", "Nimittäjä", "Denominator", 0, ("Nämnare", "Jakaja")),
        _figure("weight", "Paino", "Weight", 0, ("Painokerroin", "Vikt")),
    ),
    any_of=("value", "numerator"),
    example=("2024-03", "Päiväkoti Aurinko", "Käyttöaste %", None, 1520, 1640, None),
)
WIDE = Schema(
    kind=KIND,
    form="values_wide",
    columns=(TIME, UNIT),
    extra_columns_allowed=True,
    example=("2024-03", "Päiväkoti Aurinko"),
)
TEMPLATE_INDICATORS = ("Käyttöaste %", "Asiakkaat")  # the wide template's example columns
TEMPLATE_VALUES = ("92,7", 412)


# --- Reading the rows ---------------------------------------------------------------------------


def load_long(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    for key in FIGURES:
        if key not in frame:
            frame[key] = None
    frame = frame.rename(columns={"indicator_name": "indicator"})
    frame["months"] = _spans(match, rows)
    _check_ratios(match, frame, problems)
    given = frame[[k for k in FIGURES if k in frame]].notna().any(axis=1)
    frame = frame[given].dropna(subset=["month", "unit", "indicator"])
    return _loaded(frame, match, problems, LONG.form, len(rows))


def load_wide(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    roles = describe(match)
    chosen = [r for r in roles if r.role == INDICATOR_ROLE]
    if not chosen:
        problems.add("needs_indicators", remedy=_remedy(match))
        problems.raise_if_any()
    base = coerce(match, rows, problems)
    spans = _spans(match, rows)
    parts = []
    for role in chosen:
        column = Column(role.header, role.header, role.header, "number", low=-LIMIT, high=LIMIT)
        figures = coerce_column(column, rows[role.index], role.header, problems)
        part = base[["month", "unit"]].assign(indicator=role.header, value=figures, months=spans)
        parts.append(part[part["value"].notna()])
    frame = pd.concat(parts) if parts else pd.DataFrame(columns=["month", "unit", "indicator"])
    for key in ("numerator", "denominator", "weight"):
        frame[key] = None
    frame = frame.dropna(subset=["month", "unit"])
    loaded = _loaded(frame, match, problems, WIDE.form, len(rows))
    loaded.columns = roles
    return loaded


def _remedy(match: HeaderMatch) -> str:
    """The command-line choice that gives a column of numbers the role of an indicator."""
    rows = data_rows(match)
    for i in match.unmatched:
        if i in rows and _numbers(rows[i]):
            return f'--map "{match.headers[i]}={INDICATOR_ROLE}"'
    return f'--map "HEADER={INDICATOR_ROLE}"'


def _numbers(cells: pd.Series) -> bool:
    """Cells that are nearly all numbers (a column of figures, not of names)."""
    filled = cells[~blank_mask(cells)]
    if filled.empty:
        return False
    read = 0
    for cell in filled:
        try:
            v.parse_number(cell)
            read += 1
        except (ValueError, TypeError):
            pass
    return read >= 0.8 * len(filled)


def describe(match: HeaderMatch) -> list[ColumnRole]:
    """A wide file's columns as the mapping step shows them: the month and the unit, then each
    other column an indicator (the user's choice; without one, every column of numbers whose
    header is not a built-in indicator's name), personal data never stored, or ignored."""
    rows = data_rows(match)
    mapping = match.mapping
    found: dict[int, ColumnRole] = {}
    for key, indexes in match.columns.items():
        for n, i in enumerate(indexes):
            role = key if n == 0 or key == "unit" else "ignore"
            found[i] = ColumnRole(
                match.headers[i], role, sample=sample(rows[i]) if i in rows else ""
            )
    chosen = {
        i: mapping.role_of(match.headers[i], i) if mapping is not None else None
        for i in match.unmatched
    }
    picked = any(role == INDICATOR_ROLE for role in chosen.values())
    for i in match.unmatched:
        header = match.headers[i]
        cells = rows[i] if i in rows else pd.Series(dtype=object)
        if i in match.overridden:
            found[i] = ColumnRole(header, "ignore", "fixed", sample=sample(cells))
        elif personal_data.is_personal_header(header) or personal_data.is_personal_content(cells):
            found[i] = ColumnRole(header, "personal", "personal_header")
        elif chosen[i] is not None:
            found[i] = ColumnRole(header, chosen[i], "chosen", sample=sample(cells))
        elif picked:
            found[i] = ColumnRole(header, "ignore", sample=sample(cells))
        elif _built_in(header):
            found[i] = ColumnRole(header, "ignore", "indicator_built_in", sample=sample(cells))
        elif _numbers(cells):
            found[i] = ColumnRole(header, INDICATOR_ROLE, "indicator_numbers", sample=sample(cells))
        else:
            found[i] = ColumnRole(header, "ignore", "indicator_not_numbers", sample=sample(cells))
    for i, role in found.items():
        role.index = i
    return [found[i] for i in sorted(found)]


def usable(match: HeaderMatch) -> bool:
    """Whether a file reads as the wide form: a column the user gave the role "indicator", or
    one whose header is neither another kind's column (a workforce figure, a survey's
    metadata) nor a built-in indicator's name. A workforce file lacking its headcount stays a
    workforce file that says what it lacks."""
    mapping = match.mapping
    for i in match.unmatched:
        header = match.headers[i]
        if mapping is not None and mapping.role_of(header, i) == INDICATOR_ROLE:
            return True
        if not _known_elsewhere(header) and not _built_in(header):
            return True
    return False


def _known_elsewhere(header: str) -> bool:
    key = normalise_header(header)
    return any(key in column.names() for column in workforce.SCHEMA.columns)


def _built_in(name: str) -> bool:
    found = catalog.find(name)
    return found is not None and not found.own


def _spans(match: HeaderMatch, rows: pd.DataFrame) -> list[int]:
    """The months each row's time cell spans (values.period_months): a date is a day, unless
    every date of the column is a month's first day (a month written as a date)."""
    if "month" in match.columns:
        cells = rows[match.columns["month"][0]]
    else:
        cells = pd.Series([match.fixed.get("month")] * len(rows), index=rows.index, dtype=object)
    spans = [0 if v.is_blank(c) else v.period_months(c) for c in cells]
    days = [v.parse_period(c) for c, s in zip(cells, spans, strict=True) if s == 0 and _readable(c)]
    if days and all(d.day == 1 for d in days):
        spans = [1 if s == 0 else s for s in spans]
    return spans


def _readable(cell) -> bool:
    if v.is_blank(cell):
        return False
    try:
        v.parse_period(cell)
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def _check_ratios(match: HeaderMatch, frame: pd.DataFrame, problems: ProblemList) -> None:
    """A rate needs both its numerator and its denominator on the row."""
    if "numerator" not in match.columns and "denominator" not in match.columns:
        return
    for key, other in (("numerator", "denominator"), ("denominator", "numerator")):
        lonely = frame[key].notna() & frame[other].isna()
        header = match.header_of(other) if other in match.columns else _header(other)
        given = LONG.column(key)
        for row in frame.index[lonely]:
            named = Columns(((key, given.fi, given.en),))
            problems.add("ratio_half_given", row=row, column=header, given=named)


def _header(key: str) -> str:
    column = LONG.column(key)
    return f"{column.fi} / {column.en}"


# --- Unit-months as each definition says --------------------------------------------------------


def _loaded(frame: pd.DataFrame, match: HeaderMatch, problems, form: str, rows: int) -> Loaded:
    definitions = _definitions(frame, match, problems)
    problems.raise_if_any()
    months = to_unit_months(frame, definitions, problems)
    _warn_fractions(months, definitions, problems)
    months["figure"] = _figures(months, definitions)
    return Loaded(problems.file, KIND, form, rows, {KIND: months[[*COLUMNS, "figure"]]})


def _figures(months: pd.DataFrame, definitions: dict) -> list:
    """Each unit-month's figure as its definition reads it (a rate: factor x numerator /
    denominator; else the value), for the preview and import --json; not stored."""
    found = []
    for row in months.itertuples(index=False):
        how, per_year, measure = definitions[fold(row.indicator)]
        if how == "ratio":
            factor = (100 if measure == "%" else 1) * (12 if per_year else 1)
            parts = row.numerator is not None and row.denominator
            found.append(factor * row.numerator / row.denominator if parts else None)
        else:
            found.append(row.value)
    return found


def _definitions(frame: pd.DataFrame, match: HeaderMatch, problems) -> dict[str, tuple]:
    """{folded name: (how, per_year, measure)} for every indicator the file names: its
    definition, or the safe defaults of a new one (said in a warning). A built-in indicator or a
    preset computed from workforce imports cannot be given values."""
    found: dict[str, tuple] = {}
    new: list[str] = []
    header = match.header_of("indicator_name") if "indicator_name" in match.columns else None
    for row, name in frame["indicator"].items():
        key = fold(name)
        if key in found:
            continue
        indicator = catalog.find(name)
        if indicator is not None and (not indicator.own or indicator.source != "own"):
            code = "builtin_indicator" if not indicator.own else "formula_indicator"
            problems.add(code, row=row if header else None, column=header or name, value=name)
            found[key] = ("mean", False, "")
            continue
        if indicator is not None:
            aggregation = indicator.aggregation
            found[key] = (
                aggregation.how,
                getattr(aggregation, "per_year", False),
                indicator.measure,
            )
            continue
        named = frame[frame["indicator"].map(fold) == key]
        has_ratio = bool((named["numerator"].notna() & named["denominator"].notna()).any())
        definition = own.new_definition(name, has_ratio=has_ratio)
        found[key] = (definition.aggregate, definition.per_year, definition.measure)
        new.append(definition.name_fi)
    if new:
        problems.warn("indicators_new", names=", ".join(new), n=len(new))
    return found


def to_unit_months(frame: pd.DataFrame, definitions: dict, problems=None) -> pd.DataFrame:
    """Rows of month, unit, indicator, figures and the months their time spans, as unit-months:
    a period's rows spread over its months, a date's and a month's rows gathered into one row
    per unit, indicator and month, each as its definition ({folded name: (how, per_year,
    measure)}) says."""
    if frame.empty:
        return pd.DataFrame(columns=COLUMNS)
    frame = frame.astype({k: float for k in FIGURES}).copy()
    frame["key"] = frame["indicator"].map(fold)
    frame["day"] = frame["month"]
    spread = _spread(frame[frame["months"] > 1], definitions)
    monthly = frame[frame["months"] <= 1].assign(
        month=lambda f: [d.replace(day=1) for d in f["month"]]
    )
    if problems is not None and not spread.empty:
        problems.warn("period_spread", n=int((frame["months"] > 1).sum()))
    gathered = []
    together = pd.concat([monthly, spread], ignore_index=True)
    for (key, unit, month), part in together.groupby(["key", "unit", "month"], sort=True):
        how, _, _ = definitions[key]
        gathered.append(
            {
                "month": month,
                "unit": unit,
                "indicator": part["indicator"].iloc[0],
                **_gather(part, how),
            }
        )
    merged = len(together) - len(gathered)
    if problems is not None and merged > 0:
        problems.warn("indicator_rows_gathered", n=merged)
    months = pd.DataFrame.from_records(gathered, columns=COLUMNS)
    months = months.astype({k: object for k in FIGURES})
    months[list(FIGURES)] = months[list(FIGURES)].where(months[list(FIGURES)].notna(), None)
    return months.sort_values(["indicator", "unit", "month"], ignore_index=True)


def _spread(rows: pd.DataFrame, definitions: dict) -> pd.DataFrame:
    """A quarter's, a term's or a year's rows as one row per month of it: flows (a sum's value,
    a numerator, a denominator that is no level, a weight) divided among the months, levels (a
    mean's, a weighted mean's or a latest level's value, a yearly rate's denominator) kept."""
    if rows.empty:
        return rows
    parts = []
    for offset in range(12):
        part = rows[rows["months"] > offset].copy()
        if part.empty:
            break
        part["month"] = [_add_months(d.replace(day=1), offset) for d in part["month"]]
        for index, row in part.iterrows():
            how, per_year, _ = definitions[row["key"]]
            span = row["months"]
            flows = ["numerator", "weight"] + ([] if per_year else ["denominator"])
            if how == "sum":
                flows.append("value")
            for key in flows:
                part.at[index, key] = row[key] / span
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def _add_months(day, months: int):
    total = day.month - 1 + months
    return day.replace(year=day.year + total // 12, month=total % 12 + 1)


def _gather(part: pd.DataFrame, how: str) -> dict:
    """One unit-month's rows (days of the month, or rows of the same month) as its figures."""
    if how == "latest":
        part = part[part["day"] == part["day"].max()]  # the month's last day given
    sums = {k: _sum(part[k]) for k in ("numerator", "denominator", "weight")}
    values = part["value"].dropna()
    if values.empty:
        return {"value": None, **sums}
    if how in ("sum", "latest"):
        return {"value": float(values.sum()), **sums}
    if how == "weighted":
        weights = part["weight"].fillna(part["denominator"])
        usable = part["value"].notna() & weights.notna()
        if usable.any() and weights[usable].sum() > 0:
            total = float((part["value"][usable] * weights[usable]).sum())
            return {"value": total / float(weights[usable].sum()), **sums}
    return {"value": float(values.mean()), **sums}


def _sum(column: pd.Series) -> float | None:
    found = column.dropna()
    return None if found.empty else float(found.sum())


def _warn_fractions(months: pd.DataFrame, definitions: dict, problems) -> None:
    """A percent indicator whose every value is between 0 and 1 was most likely written as an
    Excel percentage (0,93 for 93 %): said, never changed."""
    for key, (how, _, measure) in definitions.items():
        if measure != "%" or how == "ratio":
            continue
        named = months[months["indicator"].map(fold) == key]
        values = named["value"].dropna().astype(float).abs()
        if not values.empty and 0 < values.max() <= 1:
            problems.warn("percent_as_fraction", name=named["indicator"].iloc[0])
