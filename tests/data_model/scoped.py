"""Query helpers for tests written with loose scope arguments (unit_ids=, start=, survey=, ...):
they build the one Scope the queries take, and name buckets as the pages do (core.formats), so
hand-computed tables read as the user sees them: ("3/2024", 4.2)."""

from core import formats, periods
from core import indicators as catalog
from core.scope import Scope
from data_model import queries, reference

SCOPE_KEYS = ("start", "end", "unit_ids", "service_area_id", "survey", "question")


def _split(kwargs: dict) -> tuple[Scope, dict]:
    scope = Scope(**{k: kwargs.pop(k) for k in SCOPE_KEYS if k in kwargs})
    return scope, kwargs


def _label(frame, grain: str, kind: str, lang: str):
    frame["label"] = [formats.bucket_label(d, grain, kind, lang) for d in frame["bucket_start"]]
    return frame


def series(**kwargs):
    lang = kwargs.pop("lang", "fi")
    scope, rest = _split(kwargs)
    frame = queries.indicator_series(scope=scope, **rest)
    grain = rest["grain"]
    if catalog.get(rest["indicator"]).source == "workforce":
        grain = periods.monthly_grain(grain)
    return _label(frame, grain, rest.get("period_kind", "term"), lang)


def comments(**kwargs):
    scope, rest = _split(kwargs)
    return queries.comments(scope=scope, **rest)


def mentor_notes(**kwargs):
    scope, rest = _split(kwargs)
    return reference.mentor_notes(scope=scope, **rest)


def scorecard(**kwargs):
    lang = kwargs.pop("lang", "fi")
    scope, rest = _split(kwargs)
    cards = queries.scorecard(scope=scope, **rest)
    for card in cards:
        if card.grain is not None:
            _label(card.sparkline, card.grain, rest.get("period_kind", "term"), lang)
    return cards


def unit_table(**kwargs):
    lang = kwargs.pop("lang", "fi")
    scope, rest = _split(kwargs)
    frame = queries.unit_table(scope=scope, **rest)
    kind = rest.get("period_kind", "term")
    frame["label"] = [
        formats.bucket_label(d, g, kind, lang)
        for d, g in zip(frame["bucket_start"], frame["grain"], strict=True)
    ]
    return frame


def label(card, start=None, kind: str = "term", lang: str = "fi") -> str | None:
    """A card's bucket (or the given start at the card's grain) as the page names it."""
    start = start or card.bucket_start
    return None if start is None else formats.bucket_label(start, card.grain, kind, lang)
