"""Mentors' reports on how each coached unit is doing: mood (fiilis) 1-5 and its companions,
the employees' voice behind the feeling meter."""

from core.loaded import Loaded
from core.problems import ProblemList
from loaders.common import DATE, UNIT
from loaders.schema import Column, HeaderMatch, Schema, coerce, data_rows


def _rating(key: str, fi: str, en: str, required: bool = False, aliases=()) -> Column:
    return Column(key, fi, en, type="score", required=required, low=1, high=5, aliases=aliases)


SCHEMA = Schema(
    kind="mentor_reports",
    form="reports",
    columns=(
        DATE,
        UNIT,
        Column(
            "mentor",
            "Mentori",
            "Mentor",
            aliases=("Mentorin nimi", "Raportoija", "Mentorns namn"),
            max_length=255,
        ),
        _rating(
            "mood",
            "Fiilis",
            "Mood",
            required=True,
            aliases=("Tunnelma", "Fiilismittari", "Stämning"),
        ),
        _rating("workload", "Työkuorma", "Workload", aliases=("Kuormitus", "Arbetsbelastning")),
        _rating("atmosphere", "Ilmapiiri", "Atmosphere", aliases=("Työilmapiiri", "Arbetsklimat")),
        _rating(
            "interaction",
            "Vuorovaikutus",
            "Interaction",
            aliases=("Yhteistyö", "Växelverkan", "Samarbete"),
        ),
        Column(
            "concern", "Huoli", "Concern", type="yesno", aliases=("Huolenaihe", "Huoli?", "Oro")
        ),
        Column(
            "observations",
            "Havainnot",
            "Observations",
            aliases=("Huomiot", "Notes", "Iakttagelser"),
        ),
        Column("wishes", "Toiveet", "Wishes", aliases=("Toive", "Requests", "Önskemål")),
    ),
    example=(
        "2024-03-05",
        "Päiväkoti Aurinko",
        "Liisa L",
        4,
        3,
        4,
        4,
        "ei",
        "Tiimi on löytänyt uuden rytmin",
        "Lisää yhteistä suunnitteluaikaa",
    ),
)
COLUMNS = [c.key for c in SCHEMA.columns]


def load(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    frame = coerce(match, rows, problems).dropna(subset=["date", "unit", "mood"])
    for key in COLUMNS:
        if key not in frame:
            frame[key] = None
    frame["mentor"] = frame["mentor"].fillna("")
    frame = frame.astype({"concern": object}).reset_index(drop=True)
    return Loaded(
        problems.file, "mentor_reports", "reports", len(rows), {"mentor_reports": frame[COLUMNS]}
    )
