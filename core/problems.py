"""What can be wrong with a file, as data: a code, the place (file, sheet, row, column) and values.

Messages are rendered in the user's language from core.texts, so loaders never hold prose
themselves.
"""

from dataclasses import dataclass, field

from core.texts import TEXTS, t

MAX_PROBLEMS = 200  # a file with thousands of bad cells is listed this far, then counted


@dataclass(frozen=True)
class Columns:
    """Columns a message names, each by its header in the user's language: the kind's own
    Finnish or English header, and in another language the column's name in the texts
    (col.<key>) where it names the same thing; else both headers."""

    named: tuple[tuple[str, str, str], ...]  # (key, Finnish header, English header)

    def text(self, lang: str) -> str:
        return ", ".join(f'"{self._name(column, lang)}"' for column in self.named)

    @staticmethod
    def _name(column: tuple[str, str, str], lang: str) -> str:
        key, fi, en = column
        if lang in ("fi", "en"):
            return fi if lang == "fi" else en
        text = f"col.{key}"
        if TEXTS["fi"].get(text) == fi and text in TEXTS.get(lang, {}):
            return t(text, lang)
        return f'{fi}" / "{en}'


@dataclass(frozen=True)
class Problem:
    """One error or warning, pointing at the cell it is about where there is one."""

    code: str
    file: str = ""
    sheet: str | None = None
    row: int | None = None  # the row number Excel shows (1-based), or the CSV line number
    column: str | None = None  # the header as written in the file
    value: object = None
    params: dict = field(default_factory=dict)

    def problem(self, lang: str = "fi") -> str:
        """The problem alone, without the place: for a table with row and column columns."""
        params = {"value": _show(self.value), "column": self.column or "", **self.params}
        params = {k: v.text(lang) if isinstance(v, Columns) else v for k, v in params.items()}
        for key in ("kind", "form"):  # codes named in a message, shown in the user's language
            if key in params:
                params[key] = t(f"{key}.{params[key]}", lang)
        return t(f"problem.{self.code}", lang, **params)

    def message(self, lang: str = "fi") -> str:
        """The whole message, place first: 'Tiedosto x.xlsx, taulukko A, rivi 19, sarake ...'."""
        place = [t("place.file", lang, file=self.file)] if self.file else []
        if self.sheet:
            place.append(t("place.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            place.append(t("place.row", lang, row=self.row))
        if self.column:
            place.append(t("place.column", lang, column=self.column))
        text = self.problem(lang)
        return f"{', '.join(place)}: {text}" if place else text

    def as_row(self, lang: str = "fi") -> dict:
        """A row of the errors table a page shows (row, column, value, problem)."""
        return {
            t("problems.file", lang): self.file,
            t("problems.sheet", lang): self.sheet or "",
            t("problems.row", lang): self.row,
            t("problems.column", lang): self.column or "",
            t("problems.value", lang): _show(self.value),
            t("problems.problem", lang): self.problem(lang),
        }


def _show(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


class LoadError(Exception):
    """The file cannot be imported; problems lists every reason found (at most MAX_PROBLEMS)."""

    def __init__(self, problems: list[Problem], more: int = 0):
        self.problems = problems
        self.more = more  # problems found beyond MAX_PROBLEMS
        self.mapping = None  # the columns as detected, so the user can map what is missing
        super().__init__(problems[0].message("en") if problems else "load error")

    def message(self, lang: str = "fi") -> str:
        """All problems as one text, one per line, with a count of the ones left out."""
        lines = [p.message(lang) for p in self.problems]
        if self.more:
            lines.append(t("problems.more", lang, n=self.more))
        return "\n".join(lines)


class ProblemList:
    """Collects problems while a file is checked, so every failure is reported at once."""

    def __init__(self, file: str, sheet: str | None = None):
        self.file = file
        self.sheet = sheet
        self.items: list[Problem] = []
        self.more = 0
        self.warnings: list[Problem] = []  # shown to the user, never blocking

    def add(self, code: str, *, row=None, column=None, value=None, **params) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.more += 1
            return
        self.items.append(Problem(code, self.file, self.sheet, row, column, value, params=params))

    def warn(self, code: str, *, column=None, **params) -> None:
        self.warnings.append(Problem(code, self.file, self.sheet, column=column, params=params))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise LoadError(self.items, self.more)


def fail(code: str, file: str, **kwargs) -> LoadError:
    """A LoadError with one problem, for a file that cannot be read at all."""
    params = kwargs.pop("params", {})
    return LoadError([Problem(code, file, params=params, **kwargs)])
