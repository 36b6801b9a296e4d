"""Query helpers for tests written with loose arguments (unit_ids=, start=, survey=, indicator
codes, min_answers=, period_kind=, ...): they build the one Scope, the catalog's indicators and
the Reading the queries take (a test's reading: threshold 5, school terms, a 5 % band, no rolling
12 months unless it says otherwise), and name buckets as the pages do (core.formats), so
hand-computed tables read as the user sees them: ("3/2024", 4.2)."""

from core import formats, periods
from core import indicators as catalog
from core.reading import Reading
from core.scope import Scope
from data_model import queries, reference
from data_model.queries import change_sums, unit_months

SCOPE_KEYS = ("start", "end", "unit_ids", "service_area_id", "survey", "question")
READING_KEYS = ("period_kind", "min_answers", "margin", "rolling_under")


def reading(
    min_answers: int = 5, period_kind: str = "term", margin: float = 0.05, rolling_under: int = 0
) -> Reading:
    """A test's reading of the figures."""
    return Reading(period_kind, min_answers, margin, rolling_under)


def _split(kwargs: dict) -> tuple[Scope, dict]:
    """The Scope, the Reading and the catalog entries of loose test arguments."""
    loose = Scope(**{k: kwargs.pop(k) for k in SCOPE_KEYS if k in kwargs})
    scope = kwargs.pop("scope", loose)
    kwargs = dict(kwargs)
    if "reading" not in kwargs:
        kwargs["reading"] = reading(**{k: kwargs.pop(k) for k in READING_KEYS if k in kwargs})
    if isinstance(kwargs.get("indicator"), str):
        kwargs["indicator"] = catalog.get(kwargs["indicator"])
    if "indicators" in kwargs:
        kwargs["indicators"] = [
            catalog.get(i) if isinstance(i, str) else i for i in kwargs["indicators"]
        ]
    return scope, kwargs


def _label(frame, grain: str, kind: str, lang: str):
    frame["label"] = [formats.bucket_label(d, grain, kind, lang) for d in frame["bucket_start"]]
    return frame


def series(**kwargs):
    lang = kwargs.pop("lang", "fi")
    scope, rest = _split(kwargs)
    frame = queries.indicator_series(scope=scope, **rest)
    grain = rest["grain"]
    if rest["indicator"].monthly:
        grain = periods.monthly_grain(grain)
    return _label(frame, grain, rest["reading"].period_kind, lang)


def comments(**kwargs):
    scope, rest = _split(kwargs)
    return queries.comments(scope=scope, **rest)


def mentor_notes(**kwargs):
    scope, rest = _split(kwargs)
    rest.pop("reading")
    return reference.mentor_notes(scope=scope, **rest)


def sums(**kwargs):
    scope, rest = _split(kwargs)
    return change_sums.sums(scope=scope, **rest)


def months(**kwargs):
    scope, rest = _split(kwargs)
    return unit_months.unit_months(scope=scope, **rest)


def scorecard(**kwargs):
    lang = kwargs.pop("lang", "fi")
    scope, rest = _split(kwargs)
    cards = queries.scorecard(scope=scope, **rest)
    for card in cards:
        if card.grain is not None:
            _label(card.sparkline, card.grain, rest["reading"].period_kind, lang)
    return cards


def unit_table(**kwargs):
    lang = kwargs.pop("lang", "fi")
    scope, rest = _split(kwargs)
    frame = queries.unit_table(scope=scope, **rest)
    kind = rest["reading"].period_kind
    frame["label"] = [
        formats.bucket_label(d, g, kind, lang)
        for d, g in zip(frame["bucket_start"], frame["grain"], strict=True)
    ]
    return frame


def label(card, start=None, kind: str = "term", lang: str = "fi") -> str | None:
    """A card's bucket (or the given start at the card's grain) as the page names it."""
    start = start or card.bucket_start
    return None if start is None else formats.bucket_label(start, card.grain, kind, lang)
