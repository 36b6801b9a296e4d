"""The pieces of the import page: what checking an uploaded file found (Checked, made by
ui.mapping), and the tables it shows (preview, problems, results, history) with headers and
values in the user's language.
"""

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from core import formats as fmt
from core.names import fold
from core.texts import t
from loaders import Loaded, Problem

PREVIEW_ROWS = 20


@dataclass
class Checked:
    """An uploaded file after loading: either loaded (ready to store) or its problems."""

    name: str
    digest: str
    loaded: Loaded | None = None
    problems: list[Problem] = field(default_factory=list)
    more: int = 0
    mapping: object = None  # loaders.mapping.Mapping with each column's role (ui.mapping)


def new_units(loaded: Loaded, known_units: list[dict]) -> list[str]:
    """Units the file names that the register does not know (they will be created)."""
    known = {fold(u["name"]) for u in known_units}
    return [name for name in loaded.unit_names() if fold(name) not in known]


def _cell(value, lang: str):
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, dt.datetime | dt.date):
        return fmt.date(value, lang)
    if isinstance(value, float):
        if pd.isna(value):
            return ""
        return fmt.number(value, lang, decimals=0 if value.is_integer() else 2)
    if value is None:
        return ""
    return value


def localise(frame: pd.DataFrame, lang: str, rows: int | None = None) -> pd.DataFrame:
    """A stored-shape table for display: headers translated, dates and decimals as the
    language writes them."""
    shown = frame.head(rows) if rows else frame
    shown = shown.astype(object).map(lambda v: _cell(v, lang))
    return shown.rename(columns=lambda c: t(f"col.{c}", lang)).reset_index(drop=True)


def preview(loaded: Loaded, lang: str) -> pd.DataFrame:
    return localise(loaded.main, lang, PREVIEW_ROWS)


# Problems the mapping step below the card fixes (which column is which, one value for every
# row, a scale): the file itself needs no fixing.
MAPPING_FIXES = frozenset({"missing_columns", "needs_columns", "needs_questions"})


def needs_only_mapping(checked: Checked, has_step: bool) -> bool:
    """Whether every problem is one the mapping step fixes (and the step is there)."""
    codes = {p.code for p in checked.problems}
    return has_step and bool(codes) and codes <= MAPPING_FIXES and not checked.more


def problems_table(checked: Checked, lang: str) -> pd.DataFrame:
    table = pd.DataFrame([p.as_row(lang) for p in checked.problems])
    row = t("problems.row", lang)
    table[row] = table[row].astype("Int64")  # a whole-file problem has no row: blank, not None
    return table


def summary(loaded: Loaded, lang: str) -> str:
    first, last = loaded.date_range()
    text = t(
        "import.summary_line",
        lang,
        rows=fmt.integer(loaded.rows, lang),
        units=len(loaded.unit_names()),
        first=fmt.date(first, lang),
        last=fmt.date(last, lang),
    )
    if loaded.answers() is not None:
        text += " · " + t(
            "import.answers_line",
            lang,
            answers=fmt.integer(loaded.answers(), lang),
            mean=fmt.number(loaded.mean(), lang, 2),
        )
    return text


def results_table(results, lang: str) -> pd.DataFrame:
    rows = []
    for r in results:
        period = f"{fmt.date(r.first_date, lang)} – {fmt.date(r.last_date, lang)}"
        rows.append(
            {
                t("import.result.file", lang): r.file,
                t("import.result.status", lang): t(f"status.{r.status}", lang),
                t("import.result.kind", lang): t(f"kind.{r.kind}", lang) if r.kind else "",
                t("import.result.rows", lang): fmt.integer(r.rows, lang),
                # Text: a register has no answers, and the grid would draw "None" for a blank.
                t("import.result.answers", lang): (
                    "–" if r.answers is None else fmt.integer(r.answers, lang)
                ),
                t("import.result.units", lang): ", ".join(r.units),
                t("import.result.period", lang): period if r.first_date else "",
            }
        )
    return pd.DataFrame(rows)


def history_table(batches: list[dict], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("import.history.id", lang): b["id"],
                t("import.history.file", lang): b["file_name"],
                t("import.history.kind", lang): t(f"kind.{b['kind']}", lang),
                t("import.history.rows", lang): b["rows"],
                t("import.history.time", lang): fmt.datetime(as_utc(b["imported_at"]), lang),
                t("import.history.by", lang): b["imported_by"],
            }
            for b in batches
        ]
    )


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
