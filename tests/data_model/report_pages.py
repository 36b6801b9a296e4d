"""What the pages show for a situation report's links: each sentence's link is read as the page
reads its address (the sidebar's dates, area and units, the page's own parameters), the page's
query is asked with it, and every figure the sentence quotes must be the one the page shows,
written as the page writes it. A sentence holds no number that is not one of its figures.

Figures without a link (a source's newest data, the privacy cells hidden) are checked against
the same queries and a count of the privacy cells written out here."""

import datetime as dt
import re
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
from sqlalchemy import select

from core import change as ch
from core import coaching_effect, coaching_period, rules, wording
from core import formats as fmt
from core import indicators as catalog
from core.reading import Reading
from core.report import Report, Sentence
from core.rules import Thresholds
from core.scope import Scope
from data_model import reference
from data_model.models import FeedbackCell
from data_model.queries import scorecard, unit_table
from data_model.queries.change_sums import sums as change_sums
from data_model.queries.mentoring import report_sums
from data_model.queries.unit_months import unit_months, units_in_scope

DIGITS = re.compile(r"\d")


def sidebar(params: dict, allowed: tuple[int, ...] | None) -> Scope:
    """The Scope a page builds from a link's address (ui.state.read_url_once, current_scope)."""
    units = [int(u) for u in params.get("units", "").split(",") if u.isdigit()]
    area = params.get("area")
    return Scope(
        start=dt.date.fromisoformat(params["from"]),
        end=dt.date.fromisoformat(params["to"]),
        unit_ids=tuple(units) or None,
        service_area_id=int(area) if area else None,
        allowed_unit_ids=allowed,
    )


class Pages:
    """The pages' answers for one report's links, asked once per address."""

    def __init__(self, engine, reading: Reading, limits: Thresholds, before_months: int, lang):
        self.engine, self.reading, self.limits = engine, reading, limits
        self.before_months, self.lang = before_months, lang
        self._cache: dict = {}

    def _once(self, key, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def overview(self, scope: Scope, grain: str):
        """The Overview's cards (by code) and units table (by unit and code)."""

        def build():
            common = {"grain": grain, "reading": self.reading, "scope": scope, "today": scope.end}
            cards = scorecard(self.engine, indicators=catalog.on_page("scorecard"), **common)
            table = unit_table(self.engine, indicators=catalog.on_page("units_table"), **common)
            rows = {(int(r.unit_id), r.indicator): r for r in table.itertuples()}
            return {c.indicator: c for c in cards}, rows

        return self._once(("overview", scope, grain), build)

    def feeling(self, scope: Scope) -> dict[int, list[str]]:
        """The feeling meter's raised units and their reasons in words (views/feeling_meter)."""

        def build():
            sums = report_sums(self.engine, scope=scope)
            if sums.empty:
                return {}
            units = reference.units(
                self.engine, scope=Scope(allowed_unit_ids=scope.allowed_unit_ids)
            )
            as_of = scope.end
            expected = tuple(
                u["id"]
                for u in units
                if (scope.unit_ids is None or u["id"] in scope.unit_ids)
                and (scope.service_area_id is None or u["service_area_id"] == scope.service_area_id)
                and u.get("coaching_start")
                and u["coaching_start"] <= as_of
                and (u.get("coaching_end") is None or u["coaching_end"] >= as_of)
            )
            raised = rules.attention(sums, as_of, self.limits, expected=expected)
            return {
                r.unit_id: [wording.reason_text(x, self.lang) for x in r.reasons] for r in raised
            }

        return self._once(("feeling", scope), build)

    def unit(self, scope: Scope, unit_id: int):
        """A unit's timeline and its before / during / after panel on the day its link names."""

        def build():
            unit = next(u for u in reference.units(self.engine) if u["id"] == unit_id)
            line = coaching_period.timeline(unit["coaching_start"], unit["coaching_end"], scope.end)
            windows = coaching_period.windows(line.start, line.end, scope.end, self.before_months)
            own = scope.for_units([unit_id]).between(None, None)
            panel = {}
            for indicator in catalog.on_page("coaching_panel"):
                values = {}
                for window in windows:
                    found = change_sums(
                        self.engine,
                        scope=own.between(window.start, window.end),
                        indicator=indicator,
                        reading=self.reading,
                    )
                    values[window.name] = None if found.hidden else found
                panel[indicator.code] = values
            return wording.timeline_text(line, self.lang), panel

        return self._once(("unit", scope, unit_id), build)

    def effects(self, scope: Scope) -> dict[str, coaching_effect.Estimate]:
        """The effectiveness page's overall estimate per indicator (ui.effect.did_rows)."""

        def build():
            units = units_in_scope(self.engine, scope=scope)
            starts = {
                int(u): None if pd.isna(s) or s is None else coaching_effect.month_index(s)
                for u, s in zip(units["unit_id"], units["coaching_start"], strict=True)
            }
            coached = [u for u, s in starts.items() if s is not None]
            found = {}
            for indicator in catalog.on_page("effectiveness"):
                months = unit_months(
                    self.engine, scope=scope, indicator=indicator, reading=self.reading
                )
                values: dict = {}
                for u, m, v in zip(
                    months["unit_id"], months["month"], months["value"], strict=True
                ):
                    values.setdefault(int(u), {})[coaching_effect.month_index(m)] = float(v)
                found[indicator.code] = coaching_effect.did(values, starts, coached)
            return found

        return self._once(("effects", scope), build)


def hidden_cells(engine, scope: Scope, first: dt.date, last: dt.date, threshold: int) -> int:
    """Privacy cells under the threshold in the units the scope allows, counted one by one."""
    with engine.connect() as conn:
        cells = conn.execute(select(FeedbackCell)).all()
    units = {u["id"] for u in reference.units(engine, scope=scope)}
    return sum(
        1
        for c in cells
        if c.unit_id in units
        and 0 < c.n < threshold
        and (first.year, first.month) <= (c.year, c.month) <= (last.year, last.month)
    )


def check(report: Report, engine, *, allowed, reading, limits, before_months=12) -> int:
    """Every figure of every sentence is its page's; returns how many figures were checked."""
    lang = report.lang
    pages = Pages(engine, reading, limits, before_months, lang)
    checked = 0
    for section in report.sections:
        for sentence in section.sentences:
            left = sentence.text
            # the longest first, so a count of 1 is not taken out of 10/2026
            for figure in sorted(sentence.figures, key=lambda f: -len(f.text)):
                assert figure.text in left, (figure, sentence.text)
                left = left.replace(figure.text, " ", 1)
                checked += _figure(figure, sentence, pages, allowed, engine, reading, lang)
            # every number of the sentence is one of its figures
            assert not DIGITS.search(_without_names(left, report)), (sentence.text, left)
    return checked


def _without_names(text: str, report: Report) -> str:
    """Indicator names may hold digits of their own (an own indicator's "Asiakkaat 65+")."""
    for indicator in catalog.CATALOG:
        text = text.replace(indicator.name(report.lang), "")
    return text


def _figure(figure, sentence: Sentence, pages: Pages, allowed, engine, reading, lang) -> int:
    link = sentence.link
    params = dict(parse_qsl(urlsplit(link.url()).query)) if link else {}
    code = figure.code
    if figure.kind in ("value", "previous", "year_ago", "n", "target", "unit_value", "unit_target"):
        cards, rows = pages.overview(sidebar(params, allowed), params["grain"])
        card = cards[code]
        if figure.kind == "n":
            assert figure.text == fmt.integer(card.n, lang)
            return 1
        if figure.kind in ("unit_value", "unit_target"):
            row = rows[(figure.unit_id, code)]
            found = row.value if figure.kind == "unit_value" else row.target
        else:
            found = getattr(card, figure.kind)
        assert figure.text == wording.value_text(found, code, lang), (figure, found)
        return 1
    if figure.kind == "period" and code is not None:
        cards, _ = pages.overview(sidebar(params, allowed), params["grain"])
        shown = wording.card_period(cards[code], lang, reading.period_kind, reading.rolling_under)
        assert figure.text == shown
        return 1
    if figure.kind == "reason":
        reasons = pages.feeling(sidebar(params, allowed))[figure.unit_id]
        assert figure.text in reasons, (figure.text, reasons)
        return 1
    if figure.kind == "timeline":
        said, _ = pages.unit(sidebar(params, allowed), figure.unit_id)
        assert figure.text == said
        return 1
    if figure.kind in ("panel_before", "panel_after"):
        _, panel = pages.unit(sidebar(params, allowed), figure.unit_id)
        values = panel[code]
        window = (
            "before" if figure.kind == "panel_before" else [w for w in values if w != "before"][-1]
        )
        assert figure.text == wording.value_text(values[window].value, code, lang)
        return 1
    if figure.kind in ("effect", "effect_low", "effect_high"):
        estimate = pages.effects(sidebar(params, allowed))[code]
        found = {
            "effect": estimate.effect,
            "effect_low": estimate.low,
            "effect_high": estimate.high,
        }
        decimals = wording.effect_decimals(code)
        assert figure.text == fmt.signed(found[figure.kind], lang, decimals)
        return 1
    if figure.kind == "level":
        assert figure.value == ch.LEVEL and figure.text == fmt.integer(100 * ch.LEVEL, lang)
        return 1
    if figure.kind == "date":
        assert figure.text == fmt.date(figure.value, lang)
        if link is not None and link.page == "feeling_meter":  # the last mentor report
            sums = report_sums(engine, scope=sidebar(params, allowed))
            last = max(sums.loc[sums["unit_id"] == figure.unit_id, "last_date"])
            assert figure.value == last
        else:  # a coaching period's start or end, as the register has it
            unit = next(u for u in reference.units(engine) if u["id"] == figure.unit_id)
            assert figure.value in (unit["coaching_start"], unit["coaching_end"])
        return 1
    if figure.kind == "setting":
        assert figure.value in (reading.min_answers, pages.limits.report_weeks)
        assert figure.text == str(figure.value)
        return 1
    if figure.kind == "count":
        assert figure.text == fmt.integer(figure.value, lang)
        return 1
    return 0  # a period's label, a source's newest month: checked where the report is made
