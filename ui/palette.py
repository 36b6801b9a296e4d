"""The dashboard's colours, one per role, in one place: every chart, table, PDF and export takes
its colours from here, so a colour means the same thing on every page, in every language and on
paper (this unit is always the same blue, the organisation the same grey, the target the same
dashed dark grey).

Roles are named in code, never by a series' shown name, which changes with the language."""

# --- Roles ------------------------------------------------------------------------------------

UNIT = "#1d4ed8"  # this unit, or the highlighted series
SERVICE_AREA = "#ea580c"  # the unit's service area
ORGANISATION = "#475569"  # the whole organisation, or a manager's own units together
OTHERS = "#c3c8d0"  # every other series behind a highlighted one
TARGET = "#374151"  # the target rule and its label
TARGET_DASH = [6, 4]
BAND = "#0d9488"  # the coaching period: a band, its edges and labels
BAND_LIGHT = "#99f6e4"  # the part of the coaching still ahead
TODAY = "#b91c1c"  # today on a timeline

ROLES = {
    "unit": UNIT,
    "area": SERVICE_AREA,
    "organisation": ORGANISATION,
    "others": OTHERS,
    "target": TARGET,
    "band": BAND,
}

# --- Target status (traffic lights) -----------------------------------------------------------

STATUS = {"green": "#15803d", "yellow": "#b45309", "red": "#b91c1c"}  # text, marks
STATUS_FILL = {"green": "#d3f0da", "yellow": "#fbeec1", "red": "#f8d4d4"}  # table cells

# --- Series without a role (units, years) -----------------------------------------------------

# Distinct hues (Tableau 20's, the ten strong ones first), told apart on screen and on paper;
# beyond its length a chart highlights one series against grey others instead.
SERIES = [
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#17becf",
    "#a0cbe8",
    "#ffbe7d",
    "#8cd17d",
    "#86bcb6",
    "#f1ce63",
    "#499894",
    "#d37295",
    "#fabfd2",
    "#d4a6c8",
    "#79706e",
]


def series_colours(names: list) -> list[str]:
    """A distinct colour per name in the order given (the caller sorts them by something
    that does not change with the language, such as an id), up to len(SERIES)."""
    return [SERIES[i % len(SERIES)] for i in range(len(names))]


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1d4ed8' as (29, 78, 216), for the PDF and the spreadsheet writers."""
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)
