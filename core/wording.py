"""The words the pages and the situation report share, written once so a report says exactly
what a page says: an indicator's value and the size of a change, the period a scorecard card
shows (running, stale or a rolling 12 months), a feeling-meter reason and a coaching timeline.
Pure: texts from core.texts, numbers and dates from core.formats.
"""

import datetime as dt
import math

from core import coaching_period
from core import formats as fmt
from core import indicators as catalog
from core.rules import Reason
from core.texts import t

DECIMALS = {"score": 2, "percent": 0, "count": 0, "decimal": 1}


def decimals(indicator: catalog.Indicator) -> int:
    """The decimals an indicator is written with: its own (an own indicator's) or its format's."""
    return DECIMALS[indicator.format] if indicator.decimals is None else indicator.decimals


def value_text(value, code: str, lang: str) -> str:
    """An indicator's value as the language writes it: 4,12 · 82 % · 1 204 · 12,5."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return indicator_text(value, catalog.get(code), lang)


def indicator_text(value, indicator: catalog.Indicator, lang: str) -> str:
    """value_text() for a catalog entry in hand (one not in use yet, such as a preset)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if indicator.format == "percent":
        return fmt.percent(value, lang, decimals(indicator))
    written = fmt.number(value, lang, decimals(indicator))
    return fmt.with_measure(written, indicator.measure, lang)


def difference_text(difference: float, code: str, lang: str) -> str:
    """The size of a change as the language writes it: 0,25 · 12,5 · a difference of shares in
    percentage points (2 %-yks., 2 pp)."""
    indicator = catalog.get(code)
    if indicator.format == "percent":
        points = fmt.number(abs(difference), lang, decimals(indicator))
        return t("value.points", lang, value=points)
    return value_text(abs(difference), code, lang)


def effect_decimals(code: str) -> int:
    """Decimals of an estimated effect and its interval (the effectiveness page): one for
    shares and sick leave, two for the rest."""
    return 1 if catalog.get(code).format == "percent" or code.startswith("sick") else 2


# --- The period a scorecard card shows --------------------------------------------------------


def month_range(window: tuple[dt.date, dt.date], lang: str) -> dict:
    """{start, end} of a window of whole months as month labels (3/2026, 2/2027)."""
    return {
        "start": fmt.bucket_label(window[0], "month", lang=lang),
        "end": fmt.bucket_label(window[1].replace(day=1), "month", lang=lang),
    }


def card_period(card, lang: str, period_kind: str, rolling_under: int = 0) -> str | None:
    """What a card (data_model.queries.Card) names its figure's period: a small unit's rolling
    12 months, the newest earlier bucket when the card's own has no data yet (stale), a bucket
    still running with its days, else the bucket's label; None on a card without data."""
    if card.bucket_start is None:
        return None
    label = fmt.bucket_label(card.bucket_start, card.grain, period_kind, lang)
    if card.rolling:
        return t("card.rolling", lang, n=rolling_under, **month_range(card.rolling, lang))
    if card.stale:
        return t("card.stale", lang, label=label)
    if card.partial:
        return t("card.in_progress", lang, label=label, days=card.days_run, total=card.days_total)
    return label


def stale_note(card, lang: str, period_kind: str) -> str | None:
    """Why a stale card shows an older figure: its own bucket has no data yet."""
    if not card.stale or not card.current_start:
        return None
    label = fmt.bucket_label(card.current_start, card.grain, period_kind, lang)
    return t("card.stale_note", lang, label=label)


# --- The feeling meter's reasons --------------------------------------------------------------


def _n(value, lang: str, decimals: int = 2) -> str:
    return fmt.number(value, lang, decimals)


def _month(day: dt.date, lang: str) -> str:
    return fmt.bucket_label(day, "month", lang=lang)


def verdict_text(verdict: str, lang: str) -> str:
    return t(f"change.{verdict}", lang)


def reason_text(reason: Reason, lang: str) -> str:
    """One reason as a sentence with its numbers (plain text: it may hold mentors' names)."""
    v = reason.values
    if reason.rule in ("mood_fall", "workload_rise"):
        return t(
            f"feeling.reason.{reason.rule}",
            lang,
            change=_n(abs(v["change"]), lang),
            months=v["months"],
            recent=_n(v["recent"], lang),
            earlier=_n(v["earlier"], lang),
            n_recent=v["n_recent"],
            n_earlier=v["n_earlier"],
            verdict=verdict_text(v["verdict"], lang).capitalize(),
        )
    if reason.rule == "low_mood":
        (m1, m2), (v1, v2) = v["months"], v["means"]
        return t(
            "feeling.reason.low_mood",
            lang,
            low=_n(v["low"], lang, 1),
            m1=_month(m1, lang),
            v1=_n(v1, lang),
            m2=_month(m2, lang),
            v2=_n(v2, lang),
        )
    if reason.rule == "concerns":
        mentors = ", ".join(v["mentors"]) or t("feeling.unnamed_mentor", lang)
        return t(
            "feeling.reason.concerns",
            lang,
            count=v["count"],
            month=_month(v["month"], lang),
            reports=v["reports"],
            mentors=mentors,
        )
    if reason.rule == "no_report":
        if v["last"] is None:
            return t("feeling.reason.no_report_ever", lang, weeks=v["weeks"])
        return t(
            "feeling.reason.no_report",
            lang,
            days=v["days"],
            last=fmt.date(v["last"], lang),
            weeks=v["weeks"],
        )
    raise ValueError(f"unknown rule {reason.rule!r}")


# --- A coaching timeline ----------------------------------------------------------------------


def timeline_text(line: coaching_period.Timeline, lang: str) -> str:
    """Where a unit's coaching stands on line.today: not started, month k of n, or ended."""
    if line.status == "none":
        return t("units.timeline_none", lang)
    if line.status == "not_started":
        return t("units.timeline_not_started", lang, start=fmt.date(line.start, lang))
    if line.status == "ended":
        return t(
            "units.timeline_ended", lang, months=line.months_since_end, end=fmt.date(line.end, lang)
        )
    if line.months_planned is None:
        return t("units.timeline_running_open", lang, done=line.months_done)
    return t("units.timeline_running", lang, done=line.months_done, planned=line.months_planned)
