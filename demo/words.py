"""The demo's words in one language: its files, sheets and headers, and every text its rows hold
(units, service areas, people, surveys, questions, answers, comments), looked up by the Finnish
original, so each language's demo draws the same figures and only the words differ."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Words:
    lang: str
    municipality: str
    register_title: str  # the register's first title line
    updated: str  # the register's second title line
    respondent: str  # the Forms export's name column: "Vastaaja 12"
    files: dict[str, str] = field(default_factory=dict)  # Finnish file name -> this language's
    sheets: dict[str, str] = field(default_factory=dict)
    headers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by Finnish file name
    texts: dict[str, str] = field(default_factory=dict)  # Finnish text -> this language's

    def file(self, finnish: str) -> str:
        return self.files.get(finnish, finnish)

    def sheet(self, finnish: str) -> str:
        return self.sheets.get(finnish, finnish)

    def header(self, file: str, finnish: tuple[str, ...]) -> tuple[str, ...]:
        """The header row of a file in this language (the Finnish one when none is given)."""
        shown = self.headers.get(file, finnish)
        if len(shown) != len(finnish):
            raise ValueError(f"{self.lang} header of {file} has {len(shown)} columns")
        return shown

    def say(self, finnish: str | None) -> str | None:
        """A text of the demo in this language; a language without a translation for it is a
        bug a test catches (a Finnish word in the Swedish demo)."""
        return None if finnish is None else self.texts.get(finnish, finnish)
