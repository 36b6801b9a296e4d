"""Survey tools recognised by the fingerprints of their exports (the form's own columns, in
Finnish, Swedish and English where the tool speaks them), each with the choices a source
profile would hold. These profiles ship with the product: listed beside the saved ones, used by
name (--profile SurveyMonkey), and copied to be changed.
"""

from dataclasses import dataclass, field

from loaders.column_kinds import folded
from loaders.mapping import Mapping


@dataclass(frozen=True)
class Tool:
    """A survey tool: the headers its exports always carry, how many of them say it is this
    tool, and the roles its own columns take."""

    name: str
    markers: tuple[str, ...]
    need: int
    roles: dict[str, str] = field(default_factory=dict)

    def mapping(self) -> Mapping:
        return Mapping(roles=dict(self.roles), profile=self.name)


TOOLS = (
    Tool(
        "SurveyMonkey",
        ("respondent id", "respondentid", "collector id", "start date", "end date", "ip address"),
        3,
        {"End Date": "date", "Start Date": "ignore"},
    ),
    Tool(
        "Qualtrics",
        (
            "startdate",
            "enddate",
            "recordeddate",
            "responseid",
            "ipaddress",
            "progress",
            "finished",
            "distributionchannel",
            "userlanguage",
        ),
        4,
        {"RecordedDate": "date"},
    ),
    Tool(
        "LimeSurvey",
        (
            "submitdate",
            "lastpage",
            "startlanguage",
            "seed",
            "datestamp",
            "date submitted",
            "last page",
            "start language",
            "date last action",
        ),
        3,
        {"submitdate": "date", "Date submitted": "date"},
    ),
    Tool(
        "Typeform",
        ("#", "start date", "submit date", "network id", "stage date", "response type"),
        3,
        {"Submit Date (UTC)": "date"},
    ),
    Tool(
        "Microsoft Forms",
        (
            "id",
            "start time",
            "completion time",
            "email",
            "name",
            "last modified time",
            "tunnus",
            "aloitusaika",
            "valmistumisaika",
            "sähköposti",
            "nimi",
            "viimeksi muokattu",
            "starttid",
            "sluttid",
            "e-post",
            "namn",
            "senast ändrad",
        ),
        4,
        {"Completion time": "date", "Valmistumisaika": "date", "Sluttid": "date"},
    ),
    Tool(
        "Google Forms",
        ("timestamp", "aikaleima", "tidsstämpel", "tidstämpel"),
        1,
        {"Timestamp": "date", "Aikaleima": "date", "Tidsstämpel": "date"},
    ),
    Tool(
        "Webropol",
        (
            "vastaaja",
            "vastaajan numero",
            "vastausaika",
            "vastauspäivä",
            "respondent",
            "response time",
            "svarande",
            "svarstid",
            "webropol",
        ),
        2,
        {"Vastausaika": "date", "Response time": "date", "Svarstid": "date"},
    ),
    Tool(
        "ARVO",
        ("vastaajatunnus", "vastausaika", "kyselykerta", "koulutustoimijan nimi", "tutkinto"),
        2,
        {"Vastausaika": "date"},
    ),
)
BY_NAME = {folded(tool.name): tool for tool in TOOLS}
# A tool's date of submitting, blank on a response left unfinished (LimeSurvey and Typeform
# export those too), and the date the respondent started, which every response has.
SUBMIT_DATES = {"submitdate", "date submitted", "submit date (utc)", "submit date"}
START_DATES = {"startdate", "date started", "start date (utc)", "start date"}


def recognise(parts: dict[int, list[str]], headers: dict[int, str]) -> str | None:
    """The tool whose fingerprint the header rows carry, or None. Google Forms is the one
    whose first column is its timestamp; the others need several of their columns."""
    names = set()
    for i, header in headers.items():
        names.add(folded(header))
        names.update(folded(p) for p in parts.get(i, []) if p)
    first = folded(headers[min(headers)]) if headers else ""
    best, hits_best = None, 0
    generic = any(
        folded(p) in ("response", "open-ended response") for ps in parts.values() for p in ps
    )
    for tool in TOOLS:
        hits = sum(1 for m in tool.markers if m in names)
        if tool.name == "SurveyMonkey" and generic:
            hits += 2  # its second header row says "Response" under each question
        if tool.name == "Google Forms":
            hits = hits if first in tool.markers else 0
        if hits >= tool.need and hits > hits_best:
            best, hits_best = tool.name, hits
    return best


def built_in(name: str) -> Mapping | None:
    """The shipped profile of a tool by its name (any case), or None."""
    tool = BY_NAME.get(folded(name))
    return tool.mapping() if tool else None
