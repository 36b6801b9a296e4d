"""The situation report (tilannekatsaus): a month's or a period's situation in words, for the
management team and the board memo. Pure: compose() turns the figures the pages show (gathered
by data_model.queries.report from the pages' own queries) into sections of sentences, each with
the figures it quotes and a link to the view that shows them; core.report_files writes the
result as Markdown, .docx and PDF.

A change is news only when it lies beyond chance (core.change); changes are ranked by how far
beyond it they lie. Periods are named with the cards' own words (core.wording.card_period:
running, stale, a rolling 12 months), hidden figures are never quoted, and names from files are
never inflected: a unit is named before a colon or in a list.
"""

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode

from core import change as ch
from core import coaching_effect, periods, wording
from core import formats as fmt
from core import indicators as catalog
from core.coaching_period import Timeline
from core.indicators import Indicator, Source
from core.reading import Reading
from core.rules import Raised, Thresholds
from core.texts import t

ReportGrain = Literal["month", "period"]
SubjectKind = Literal["all", "area", "unit"]
SOURCES: tuple[Source, ...] = ("feedback", "mentor_reports", "workforce")
MAX_CHANGES = 5  # the In brief section: at most this many changes, then one sentence on the rest
MAX_UNITS = 3  # the units furthest from a target named for it
SHORT = ("red", "yellow")  # short of the target, or within the yellow band under it
# The pages a sentence links to: their scripts under views/ and their paths in the address
# (the Overview is the app's default page, at its root).
PAGE_PATHS = {"overview": "", "feeling_meter": "feeling_meter", "units": "units"}
PAGE_PATHS |= {"effectiveness": "effectiveness"}


# --- What a report is about, and the figures it is written from --------------------------------


@dataclass(frozen=True)
class Subject:
    """The scope: every unit the reader may see, a service area or one unit. units: the names
    of the units in it; restricted: the reader may see only some of the organisation's units."""

    kind: SubjectKind
    id: int | None = None
    name: str | None = None
    units: tuple[str, ...] = ()
    restricted: bool = False


@dataclass(frozen=True)
class Period:
    """A month or a period (as Settings defines it) from start to end, its figures counted to
    as_of (its end, or today while it runs); first: where the linked pages' dates begin (the
    sidebar's default, three calendar years up to as_of)."""

    grain: ReportGrain
    start: dt.date
    end: dt.date
    as_of: dt.date
    today: dt.date
    period_kind: str
    first: dt.date

    @property
    def running(self) -> bool:
        """Today falls in the period before its last day: its figures are partial."""
        return periods.in_progress(self.start, self.grain, self.period_kind, self.today)

    @property
    def future(self) -> bool:
        return self.today < self.start

    def label(self, lang: str) -> str:
        return fmt.bucket_label(self.start, self.grain, self.period_kind, lang)


@dataclass(frozen=True)
class CardFigures:
    """One scorecard card (data_model.queries.Card) with its indicator and its change from the
    previous bucket judged against chance (None where the indicator's changes are not judged or
    there is nothing to compare)."""

    card: Any
    indicator: Indicator
    change: ch.Change | None = None


@dataclass(frozen=True)
class UnitFigure:
    """A unit's figure in the Overview's units table."""

    unit_id: int
    unit: str
    code: str
    value: float | None
    target: float | None
    status: str | None
    suppressed: bool
    bucket_start: dt.date | None = None


@dataclass(frozen=True)
class PanelChange:
    """One indicator of a unit's before / during / after panel: the latest window judged
    against the months before."""

    code: str
    window: str
    change: ch.Change


@dataclass(frozen=True)
class Coached:
    """A unit with a coaching period, where the period stands on as_of, and its panel."""

    unit_id: int
    unit: str
    timeline: Timeline
    panel: tuple[PanelChange, ...] = ()


@dataclass(frozen=True)
class Effect:
    """The effectiveness page's overall estimate for one indicator."""

    indicator: Indicator
    estimate: coaching_effect.Estimate


@dataclass(frozen=True)
class Figures:
    """Everything a report says, as the pages' queries returned it. attention is None where
    there are no mentor reports at all; latest: each source's newest date with data (workforce
    and feedback: the month) up to as_of; missing: units of the units table without a row for a
    source's figures; hidden_cells: privacy cells of the period under the threshold."""

    subject: Subject
    period: Period
    reading: Reading
    thresholds: Thresholds
    cards: tuple[CardFigures, ...] = ()
    units: tuple[UnitFigure, ...] = ()
    areas: dict[int, str] = field(default_factory=dict)
    attention: tuple[Raised, ...] | None = None
    unit_names: dict[int, str] = field(default_factory=dict)
    coached: tuple[Coached, ...] = ()
    effects: tuple[Effect, ...] = ()
    latest: dict[str, dt.date | None] = field(default_factory=dict)
    missing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hidden_cells: int = 0


# --- What a report is ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A view of the app: a page (PAGE_PATHS) and its address's parameters."""

    page: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def script(self) -> str:
        return f"views/{self.page}.py"

    def url(self, base: str = "") -> str:
        """The address: base (the app's public address, or "" for one relative to its root)
        with the page's path and parameters."""
        query = urlencode(self.params)
        return f"{base.rstrip('/')}/{PAGE_PATHS[self.page]}" + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Figure:
    """A figure a sentence quotes, as written in it (text) and as the query gave it (value):
    kind says which (value, previous, year_ago, n, target, unit_value, reason, timeline, panel,
    effect, date, count, setting, period); code and unit_id say whose."""

    kind: str
    text: str
    value: Any = None
    code: str | None = None
    unit_id: int | None = None


@dataclass(frozen=True)
class Sentence:
    text: str
    figures: tuple[Figure, ...] = ()
    link: Link | None = None


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    sentences: tuple[Sentence, ...]
    table: Table | None = None


@dataclass(frozen=True)
class Report:
    """A report in one language: its title, the block that says what it is about (meta), notes
    on how to read it, the sections and the privacy note. The time of export and who exported
    are added when a file is written."""

    lang: str
    title: str
    meta: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]
    sections: tuple[Section, ...]
    privacy: str
    file_stem: str


# --- Composing ----------------------------------------------------------------------------------


def compose(figures: Figures, lang: str) -> Report:
    """The report of figures in lang: five sections, always in the same order."""
    writer = _Writer(figures, lang)
    period = figures.period
    notes = [t("report.note.noise", lang)]
    if period.running:
        notes.append(t("report.note.running", lang))
    return Report(
        lang=lang,
        title=t("report.title_period", lang, period=period.label(lang)),
        meta=writer.meta(),
        notes=tuple(notes),
        sections=(
            writer.brief(),
            writer.targets(),
            writer.attention(),
            writer.coaching(),
            writer.data(),
        ),
        privacy=t("privacy.note", lang, n=figures.reading.min_answers),
        file_stem=t("report.file", lang, period=period.start.strftime("%Y-%m")),
    )


def strength(change: ch.Change) -> float:
    """How far beyond chance a change lies: its size over the distance from it to the end of
    its interval nearer zero (above 1: the interval leaves zero out; infinite when the interval
    is a point)."""
    d, low, high = change.difference, change.low, change.high
    if d is None or low is None or high is None:
        return 0.0
    margin = d - low if d > 0 else high - d
    return math.inf if margin <= 0 else abs(d) / margin


def names_list(names: list[str] | tuple[str, ...], lang: str) -> str:
    """A, B and C as the language joins them ("A, B ja C", "A, B och C", "A, B and C")."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('report.and', lang)} {names[-1]}"


class _Writer:
    """The sentences of one report: figures and language, and the helpers every section uses."""

    def __init__(self, figures: Figures, lang: str) -> None:
        self.f, self.lang = figures, lang
        self.kind = figures.period.period_kind
        self.min = figures.reading.min_answers

    # --- shared pieces

    def _value(self, value, code: str) -> str:
        return wording.value_text(value, code, self.lang)

    def _params(self, **extra) -> tuple[tuple[str, str], ...]:
        period, subject = self.f.period, self.f.subject
        params = {"lang": self.lang, "from": period.first.isoformat(), "to": period.as_of}
        if subject.kind == "area":
            params["area"] = subject.id
        elif subject.kind == "unit":
            params["units"] = subject.id
        params |= extra
        return tuple((k, str(v)) for k, v in params.items())

    def _link(self, page: str, **extra) -> Link:
        return Link(page, self._params(**extra))

    def _overview(self, **extra) -> Link:
        return self._link("overview", grain=self.f.period.grain, **extra)

    def _has_data(self) -> bool:
        """Any source has figures in the period (up to as_of)."""
        start = self.f.period.start
        found = [day for day in self.f.latest.values() if day is not None]
        return not self.f.period.future and any(day >= start for day in found)

    def _no_data(self) -> Sentence:
        """The one sentence for a period without figures: where the newest are."""
        label = self.f.period.label(self.lang)
        latest = [day for day in self.f.latest.values() if day is not None]
        if not latest:
            return Sentence(t("overview.no_data", self.lang))
        newest = fmt.bucket_label(max(latest), "month", lang=self.lang)
        return Sentence(
            t("report.no_data", self.lang, label=label, latest=newest),
            (Figure("period", label), Figure("period", newest, max(latest))),
            self._overview(),
        )

    def _card_name(self, item: CardFigures) -> tuple[str, tuple[Figure, ...]]:
        """The indicator's name, with the card's own period where it is not the report's (an
        older bucket, a rolling 12 months)."""
        card, name = item.card, item.indicator.name(self.lang)
        if not (card.stale or card.rolling):
            return name, ()
        head = wording.card_period(card, self.lang, self.kind, self.f.reading.rolling_under)
        return f"{name} ({head})", (Figure("period", head, card.bucket_start, card.indicator),)

    # --- the header

    def meta(self) -> tuple[tuple[str, str], ...]:
        lang, subject, period = self.lang, self.f.subject, self.f.period
        if subject.kind == "unit":
            chosen = subject.name or ""
        elif subject.kind == "area":
            chosen = t("scope.area", lang, area=subject.name or "")
        elif subject.restricted:
            chosen = t("scope.units", lang, n=len(subject.units))
        else:
            chosen = t("scope.all", lang)
        rows = [(t("export.selection", lang), chosen)]
        if subject.kind != "unit" and (subject.restricted or subject.kind == "area"):
            rows.append((t("sidebar.units", lang), ", ".join(subject.units) or "–"))
        label = period.label(lang)
        dates = f"{fmt.date(period.start, lang)} – {fmt.date(period.end, lang)}"
        if period.running:
            shown = t(
                "card.in_progress",
                lang,
                label=label,
                days=periods.days_run(period.start, period.as_of),
                total=periods.days_run(period.start, period.end),
            )
        else:
            shown = f"{label} ({dates})"
        rows.append((t("report.meta.period", lang), shown))
        rows.append((t("report.meta.as_of", lang), fmt.date(period.as_of, lang)))
        rows.append((t("export.privacy", lang), t("export.privacy_rule", lang, n=self.min)))
        return tuple(rows)

    # --- In brief

    def brief(self) -> Section:
        lang = self.lang
        title = t("report.section.brief", lang)
        if not self._has_data():
            return Section("brief", title, (self._no_data(),))
        judged = [c for c in self.f.cards if c.change is not None]
        news = [c for c in judged if c.change.verdict in (ch.BETTER, ch.WORSE)]
        news.sort(key=lambda c: -strength(c.change))
        steady = [c for c in judged if c.change.verdict == ch.UNCLEAR]
        unknown = [c for c in judged if c.change.verdict == ch.UNKNOWN]
        sentences = [self._change(c) for c in news[:MAX_CHANGES]]
        if len(news) > MAX_CHANGES:
            rest = [c.indicator.name(lang) for c in news[MAX_CHANGES:]]
            sentences.append(
                Sentence(
                    t("report.brief.more", lang, n=len(rest), names=names_list(rest, lang)),
                    (Figure("count", str(len(rest)), len(rest)),),
                    self._overview(),
                )
            )
        # a figure the privacy rule hides is not judged: say so rather than "nothing to compare"
        hidden = [c for c in self.f.cards if c.change is None and c.card.suppressed]
        steady_names, steady_figures = self._card_names(steady)
        if hidden and not (news or steady):
            names, named = self._card_names(hidden)
            text = t("report.brief.hidden", lang, names=names)
            sentences.append(Sentence(text, named, self._overview()))
        elif not news:
            key = f"report.brief.none.{self.f.period.grain}"
            if steady:
                text = t(key, lang, names=steady_names)
                sentences.append(Sentence(text, steady_figures, self._overview()))
            else:
                sentences.append(Sentence(t(f"{key}_nothing", lang), (), self._overview()))
        elif steady:
            text = t("report.brief.steady", lang, names=steady_names)
            sentences.append(Sentence(text, steady_figures, self._overview()))
        if unknown:
            names, named = self._card_names(unknown)
            text = t("report.brief.unknown", lang, names=names)
            sentences.append(Sentence(text, named, self._overview()))
        return Section("brief", title, tuple(sentences))

    def _card_names(self, items: list[CardFigures]) -> tuple[str, tuple[Figure, ...]]:
        """The cards' names as a list, with the figures of the periods some of them name."""
        named = [self._card_name(c) for c in items]
        figures = tuple(figure for _, shown in named for figure in shown)
        return names_list([name for name, _ in named], self.lang), figures

    def _change(self, item: CardFigures) -> Sentence:
        """'Palautteen keskiarvo: selvä parannus, 3,71 → 3,93 (n = 2 636); vuotta aiemmin
        3,95.' The figures are the card's, as the Overview shows them."""
        card, lang, code = item.card, self.lang, item.card.indicator
        name, named = self._card_name(item)
        before, after = self._value(card.previous, code), self._value(card.value, code)
        n = fmt.integer(card.n, lang)
        figures = [
            *named,
            Figure("previous", before, card.previous, code),
            Figure("value", after, card.value, code),
            Figure("n", n, card.n, code),
        ]
        common = {
            "name": name,
            "verdict": t(f"change.{item.change.verdict}", lang),
            "before": before,
            "after": after,
            "n": n,
        }
        year_ago = card.year_ago is not None and card.year_ago_start != card.previous_start
        if year_ago and not card.rolling:
            shown = self._value(card.year_ago, code)
            figures.append(Figure("year_ago", shown, card.year_ago, code))
            text = t("report.brief.change_year_ago", lang, year_ago=shown, **common)
        else:
            text = t("report.brief.change", lang, **common)
        return Sentence(text, tuple(figures), self._overview())

    # --- Targets

    def _short_units(self, code: str, higher_is_better: bool) -> list[UnitFigure]:
        """The units short of their target in this indicator, furthest first."""
        short = [
            u
            for u in self.f.units
            if u.code == code and u.status in SHORT and u.value is not None and u.target
        ]

        def gap(u: UnitFigure) -> float:
            return (u.value - u.target) if higher_is_better else (u.target - u.value)

        return sorted(short, key=lambda u: (gap(u), u.unit))

    def _units_text(
        self, short: list[UnitFigure], code: str, target: float | None
    ) -> tuple[str, list[Figure]]:
        """'Päiväkoti Aurinko 3,41 ja Rantalan koulu 3,52', with a unit's own target where it
        is not the one quoted for the indicator."""
        figures, parts = [], []
        for u in short[:MAX_UNITS]:
            shown = self._value(u.value, code)
            figures.append(Figure("unit_value", shown, u.value, code, u.unit_id))
            if u.target == target:
                parts.append(f"{u.unit} {shown}")
                continue
            own = self._value(u.target, code)
            figures.append(Figure("unit_target", own, u.target, code, u.unit_id))
            said = {"unit": u.unit, "value": shown, "target": own}
            parts.append(t("report.targets.unit_own", self.lang, **said))
        return names_list(parts, self.lang), figures

    def targets(self) -> Section:
        lang = self.lang
        title = t("report.section.targets", lang)
        if not self._has_data():
            return Section("targets", title, (self._no_data(),))
        sentences, rows, met = [], [], []
        single = self.f.subject.kind == "unit"  # no units to compare within one
        in_table = set() if single else {u.code for u in self.f.units}
        for item in self.f.cards:
            card, code = item.card, item.card.indicator
            if card.target is None or card.bucket_start is None:
                continue
            name, named = self._card_name(item)
            short = [] if single else self._short_units(code, item.indicator.higher_is_better)
            value_shown = (
                t("value.suppressed", lang) if card.suppressed else self._value(card.value, code)
            )
            target_shown = self._value(card.target, code)
            status = "hidden" if card.status is None else card.status
            status_shown = t(f"status.{status}", lang)
            units_shown, unit_figures = self._units_text(short, code, card.target)
            rows.append(
                (
                    name,
                    value_shown,
                    target_shown,
                    status_shown,
                    fmt.integer(len(short), lang) if code in in_table else "–",
                    units_shown or "–",
                )
            )
            if card.status is None:
                continue  # hidden or without data: said in the Data section
            figures = [
                *named,
                Figure("value", value_shown, card.value, code),
                Figure("target", target_shown, card.target, code),
            ]
            link = self._overview(missing="1")
            common = {"name": name, "value": value_shown, "target": target_shown}
            if card.status in SHORT:
                text = t("report.targets.short", lang, status=status_shown, **common)
                if short:
                    text += " " + t("report.targets.furthest", lang, units=units_shown)
                sentences.append(Sentence(text, (*figures, *unit_figures), link))
            elif short:
                count = Figure("count", fmt.integer(len(short), lang), len(short), code)
                text = t(
                    "report.targets.units_short",
                    lang,
                    n=len(short),
                    units=units_shown,
                    **common,
                )
                sentences.append(Sentence(text, (*figures, count, *unit_figures), link))
            else:
                met.append(item)
        if met:
            names, named = self._card_names(met)
            text = t("report.targets.met", lang, names=names)
            sentences.append(Sentence(text, named, self._overview(missing="1")))
        if not rows:
            sentences.append(Sentence(t("report.targets.none", lang)))
        table = None
        if rows:
            columns = (
                t("col.indicator", lang),
                t("col.value", lang),
                t("col.target", lang),
                t("col.status", lang),
                t("report.col.units_short", lang),
                t("report.col.furthest", lang),
            )
            table = Table(columns, tuple(rows))
        return Section("targets", title, tuple(sentences), table)

    # --- Needs attention

    def attention(self) -> Section:
        lang = self.lang
        title = t("report.section.attention", lang)
        if self.f.attention is None:
            return Section("attention", title, (Sentence(t("feeling.no_data", lang)),))
        if not self.f.attention:
            sentence = Sentence(t("feeling.falling_none", lang), (), self._link("feeling_meter"))
            return Section("attention", title, (sentence,))
        sentences = []
        for raised in self.f.attention:
            unit = self.f.unit_names.get(raised.unit_id, str(raised.unit_id))
            area = self.f.areas.get(raised.unit_id)
            named = f"{unit} ({area})" if area else unit
            reasons = [wording.reason_text(r, lang) for r in raised.reasons]
            figures = tuple(
                Figure("reason", text, reason, None, raised.unit_id)
                for text, reason in zip(reasons, raised.reasons, strict=True)
            )
            text = t("report.attention.unit", lang, unit=named, reasons=" ".join(reasons))
            link = self._link("feeling_meter", notes=raised.unit_id)
            sentences.append(Sentence(text, figures, link))
        return Section("attention", title, tuple(sentences))

    # --- Coaching

    def coaching(self) -> Section:
        lang, period = self.lang, self.f.period
        title = t("report.section.coaching", lang)
        if not self.f.coached:
            return Section("coaching", title, (Sentence(t("report.coaching.none", lang)),))
        sentences, ended_before = [], 0
        for unit in self.f.coached:
            line = unit.timeline
            link = self._link("units", unit=unit.unit_id)
            if line.status == "not_started":
                shown = fmt.date(line.start, lang)
                text = t("report.coaching.upcoming", lang, unit=unit.unit, start=shown)
                figures = (Figure("date", shown, line.start, None, unit.unit_id),)
                sentences.append(Sentence(text, figures, link))
                continue
            one = self.f.subject.kind == "unit"  # its whole timeline, as its page says it
            if line.status == "ended" and line.end < period.start and not one:
                ended_before += 1
                continue
            if line.status == "ended" and not one:
                shown = fmt.date(line.end, lang)
                text = t("report.coaching.ended", lang, unit=unit.unit, end=shown)
                figures = (Figure("date", shown, line.end, None, unit.unit_id),)
            elif line.start >= period.start and not one:
                shown = fmt.date(line.start, lang)
                text = t("report.coaching.started", lang, unit=unit.unit, start=shown)
                figures = (Figure("date", shown, line.start, None, unit.unit_id),)
            else:
                said = wording.timeline_text(line, lang)
                text = t("report.coaching.running", lang, unit=unit.unit, timeline=said)
                figures = (Figure("timeline", said, line, None, unit.unit_id),)
            sentences.append(Sentence(text, figures, link))
            sentences.append(self._panel(unit, link))
        if ended_before:
            count = fmt.integer(ended_before, lang)
            sentences.append(
                Sentence(
                    t("report.coaching.ended_before", lang, n=ended_before),
                    (Figure("count", count, ended_before),),
                )
            )
        sentences.extend(self._effects())
        return Section("coaching", title, tuple(sentences))

    def _panel(self, unit: Coached, link: Link) -> Sentence:
        """What the unit's before / during / after panel can say: its clear changes, none yet,
        or too early to tell."""
        lang = self.lang
        clear = [p for p in unit.panel if p.change.verdict in (ch.BETTER, ch.WORSE)]
        if not clear:
            done = unit.timeline.months_done
            if unit.timeline.status == "running" and done < coaching_effect.MIN_AFTER:
                count = Figure("count", fmt.integer(done, lang), done, None, unit.unit_id)
                text = t("report.coaching.panel_early", lang, unit=unit.unit, n=done)
                return Sentence(text, (count,), link)
            return Sentence(t("report.coaching.panel_none", lang, unit=unit.unit), (), link)
        parts, figures = [], []
        for p in clear:
            before = self._value(p.change.before, p.code)
            after = self._value(p.change.after, p.code)
            figures += [
                Figure("panel_before", before, p.change.before, p.code, unit.unit_id),
                Figure("panel_after", after, p.change.after, p.code, unit.unit_id),
            ]
            parts.append(
                t(
                    "report.coaching.change",
                    lang,
                    name=self._indicator_name(p.code),
                    before=before,
                    after=after,
                    verdict=t(f"change.{p.change.verdict}", lang),
                )
            )
        window = clear[0].window
        text = t(f"report.coaching.panel.{window}", lang, unit=unit.unit, changes="; ".join(parts))
        return Sentence(text, tuple(figures), link)

    def _indicator_name(self, code: str) -> str:
        for item in self.f.cards:  # the card's own, which may be defined at run time
            if item.indicator.code == code:
                return item.indicator.name(self.lang)
        return catalog.get(code).name(self.lang)

    def _effects(self) -> list[Sentence]:
        """What the effectiveness page can say: clear effects with their intervals, estimates
        still within chance, and indicators it cannot estimate yet."""
        lang = self.lang
        link = self._link("effectiveness")
        clear, unclear, missing, figures = [], [], [], []
        level = fmt.integer(100 * ch.LEVEL, lang)  # "95 % confidence interval"
        for effect in self.f.effects:
            est, indicator = effect.estimate, effect.indicator
            name = indicator.name(lang)
            if est.effect is None or not est.judged:
                missing.append(name)
                continue
            said = ch.verdict(est.effect, est.low, est.high, indicator.higher_is_better)
            if said not in (ch.BETTER, ch.WORSE):
                unclear.append(name)
                continue
            decimals = wording.effect_decimals(indicator.code)
            shown = fmt.signed(est.effect, lang, decimals)
            low, high = fmt.signed(est.low, lang, decimals), fmt.signed(est.high, lang, decimals)
            figures += [
                Figure("effect", shown, est.effect, indicator.code),
                Figure("effect_low", low, est.low, indicator.code),
                Figure("effect_high", high, est.high, indicator.code),
            ]
            clear.append(
                t(
                    f"report.coaching.effect_item.{said}",
                    lang,
                    name=name,
                    effect=shown,
                    low=low,
                    high=high,
                    level=level,
                )
            )
        sentences = []
        if clear:
            figures.append(Figure("level", level, ch.LEVEL))
            text = t("report.coaching.effect_clear", lang, items="; ".join(clear))
            text += " " + t("report.coaching.effect_caveat", lang)
            sentences.append(Sentence(text, tuple(figures), link))
        for key, names in (("effect_unclear", unclear), ("effect_missing", missing)):
            if names:
                text = t(f"report.coaching.{key}", lang, names=names_list(names, lang))
                sentences.append(Sentence(text, (), link))
        return sentences

    # --- Missing and late data

    def data(self) -> Section:
        lang, period = self.lang, self.f.period
        title = t("report.section.data", lang)
        label = period.label(lang)
        sentences = []
        stale = {}
        for item in self.f.cards:
            if item.card.stale:
                stale.setdefault(item.indicator.source, item)
        for source in SOURCES:
            name = t(f"source.{source}", lang)
            name = name[:1].upper() + name[1:]
            latest = self.f.latest.get(source)
            if latest is None:
                sentences.append(Sentence(t("report.data.none", lang, source=name)))
                continue
            if source in stale:
                card = stale[source].card
                head = wording.card_period(card, lang, self.kind, self.f.reading.rolling_under)
                note = wording.stale_note(card, lang, self.kind) or ""
                text = t("report.data.stale", lang, source=name, head=head, note=note)
                figures = (Figure("period", head, card.bucket_start, card.indicator),)
                note_label = fmt.bucket_label(card.current_start, card.grain, self.kind, lang)
                figures += (Figure("period", note_label, card.current_start),)
                sentences.append(Sentence(text, figures, self._overview()))
                continue
            if source == "mentor_reports":
                shown = fmt.date(latest, lang)
            else:  # months: a feedback day could tell when hidden answers came
                shown = fmt.bucket_label(latest, "month", lang=lang)
            text = t("report.data.latest", lang, source=name, latest=shown)
            sentences.append(Sentence(text, (Figure("latest", shown, latest, source),)))
            missing = self.f.missing.get(source) or ()
            if missing:
                text = t(
                    "report.data.missing_units",
                    lang,
                    source=name,
                    label=label,
                    n=len(missing),
                    units=names_list(missing, lang),
                )
                count = Figure("count", fmt.integer(len(missing), lang), len(missing))
                sentences.append(Sentence(text, (Figure("period", label), count), self._overview()))
        sentences += self._silent_units()
        sentences += self._hidden(label)
        return Section("data", title, tuple(sentences))

    def _silent_units(self) -> list[Sentence]:
        """The units the feeling meter raises for want of mentor reports."""
        lang, parts, figures = self.lang, [], []
        for raised in self.f.attention or ():
            for reason in raised.reasons:
                if reason.rule != "no_report":
                    continue
                unit = self.f.unit_names.get(raised.unit_id, str(raised.unit_id))
                last = reason.values["last"]
                if last is None:
                    parts.append(t("report.data.no_report_never", lang, unit=unit))
                    continue
                shown = fmt.date(last, lang)
                figures.append(Figure("date", shown, last, None, raised.unit_id))
                parts.append(t("report.data.no_report_last", lang, unit=unit, last=shown))
        if not parts:
            return []
        weeks = self.f.thresholds.report_weeks
        text = t("report.data.no_report", lang, weeks=weeks, units=names_list(parts, lang))
        figures.insert(0, Figure("setting", str(weeks), weeks))
        return [Sentence(text, tuple(figures), self._link("feeling_meter"))]

    def _hidden(self, label: str) -> list[Sentence]:
        """What the privacy rule hides: cards, cells of the units table, privacy cells."""
        lang, sentences = self.lang, []
        threshold = Figure("setting", str(self.min), self.min)
        hidden_cards = [c.indicator.name(lang) for c in self.f.cards if c.card.suppressed]
        if hidden_cards:
            text = t(
                "report.data.hidden_cards", lang, names=names_list(hidden_cards, lang), min=self.min
            )
            sentences.append(Sentence(text, (threshold,), self._overview()))
        cells = sum(1 for u in self.f.units if u.suppressed)
        if cells:
            count = Figure("count", fmt.integer(cells, lang), cells)
            text = t("report.data.hidden_table", lang, n=cells, min=self.min)
            sentences.append(Sentence(text, (count, threshold), self._overview()))
        if self.f.hidden_cells:
            count = Figure("count", fmt.integer(self.f.hidden_cells, lang), self.f.hidden_cells)
            text = t(
                "report.data.hidden_cells", lang, n=self.f.hidden_cells, label=label, min=self.min
            )
            sentences.append(Sentence(text, (count, Figure("period", label), threshold)))
        elif not self.f.period.future:
            text = t("report.data.hidden_none", lang, label=label)
            sentences.append(Sentence(text, (Figure("period", label),)))
        return sentences


# --- Which periods a report can be of -----------------------------------------------------------


def latest_start(last: dt.date | None, today: dt.date, grain: ReportGrain, period_kind: str):
    """The period a report is of unless one is chosen: the one holding the newest data (not
    after today), or today's when there is none."""
    day = today if last is None else min(last, today)
    return periods.bucket_start(day, grain, period_kind)


def starts(
    first: dt.date | None, today: dt.date, grain: ReportGrain, period_kind: str
) -> list[dt.date]:
    """Every period from the one holding the first data to today's, newest first."""
    newest = periods.bucket_start(today, grain, period_kind)
    if first is None or first > today:
        return [newest]
    found, day = [], periods.bucket_start(first, grain, period_kind)
    while day <= newest:
        found.append(day)
        day = periods.shift(day, grain, period_kind)
    return found[::-1]
