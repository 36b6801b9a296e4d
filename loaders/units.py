"""The register of coached work units: one row per unit with its service area, people and
coaching period."""

from core.loaded import Loaded
from core.problems import ProblemList
from loaders.common import UNIT
from loaders.schema import Column, HeaderMatch, Schema, coerce, data_rows

SCHEMA = Schema(
    kind="units",
    form="register",
    columns=(
        UNIT,
        Column(
            "service_area",
            "Palvelualue",
            "Service area",
            max_length=255,
            required=True,
            aliases=(
                "Toimiala",
                "Palvelu",
                "Sector",
                "Vastuualue",
                "Serviceområde",
                "Verksamhetsområde",
                "Sektor",
            ),
        ),
        Column(
            "manager",
            "Esihenkilö",
            "Manager",
            max_length=255,
            aliases=("Esimies", "Johtaja", "Lähiesihenkilö", "Chef", "Förman", "Närmaste chef"),
        ),
        Column("coaches", "Valmentajat", "Coaches", aliases=("Valmentaja", "Coach", "Coacher")),
        Column("mentors", "Mentorit", "Mentors", aliases=("Mentori", "Mentor", "Mentorer")),
        Column(
            "coaching_start",
            "Valmennus alkaa",
            "Coaching start",
            type="date",
            aliases=(
                "Valmennuksen alku",
                "Alkaa",
                "Start",
                "Coachningen börjar",
                "Coachningens början",
            ),
        ),
        Column(
            "coaching_end",
            "Valmennus päättyy",
            "Coaching end",
            type="date",
            aliases=(
                "Valmennuksen loppu",
                "Päättyy",
                "End",
                "Coachningen slutar",
                "Coachningens slut",
            ),
        ),
        Column(
            "goal",
            "Tavoite",
            "Goal",
            aliases=("Valmennuksen tavoite", "Tavoitteet", "Mål", "Coachningens mål"),
        ),
    ),
    example=(
        "Päiväkoti Aurinko",
        "Varhaiskasvatus",
        "Maija Meikäläinen",
        "Anna A; Pekka P",
        "Liisa L; Ville V",
        "2025-01-15",
        "2026-01-14",
        "Parempi työhyvinvointi",
    ),
)


def load(match: HeaderMatch, problems: ProblemList) -> Loaded:
    rows = data_rows(match)
    frame = coerce(match, rows, problems)
    for key in ("coaching_start", "coaching_end"):
        if key in frame:
            frame[key] = frame[key].astype(object).where(frame[key].notna(), None)
    # The last row wins where the register names a unit twice.
    folded = frame["unit"].astype(object).fillna("").astype(str).str.casefold()  # all-empty: float
    frame = frame[~folded.duplicated(keep="last")]
    return Loaded(problems.file, "units", "register", len(rows), {"units": frame})
