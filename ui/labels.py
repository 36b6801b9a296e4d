"""Labels made where they are shown: the queries hand back bucket starts, series names and ids;
these turn them into what a page or a chart says, in the user's language."""

import datetime as dt

import numpy as np
import pandas as pd

from core import formats as fmt
from core import periods
from core.scope import Scope
from core.texts import TEXTS, t
from ui import data, user
from ui.plain import escape_markdown


def with_labels(frame: pd.DataFrame, grain: str, period_kind: str, lang: str) -> pd.DataFrame:
    """The series frame with a `label` per bucket (3/2024, kevät 2024, ...) and its series named
    ("" is the whole selection, None the units without a service area). Each distinct bucket
    and series is named once and the names spread over the rows: 60 units by day are 66 000
    rows but 1 100 days and 60 names."""
    shown = frame.copy()
    shown["label"] = each_once(
        shown["bucket_start"], lambda d: fmt.bucket_label(d, grain, period_kind, lang)
    )
    shown["series"] = each_once(shown["series"], lambda s: series_name(s, lang))
    return shown


def each_once(column: pd.Series, name) -> list:
    """name(value) for every row of column, called once per distinct value (a missing value,
    None or NaN, is named as NaN)."""
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    names = np.empty(len(distinct), dtype=object)
    names[:] = [name(value) for value in distinct]
    return names[codes]


def latest_data(latest: dt.date, lang: str, *, source: str | None = None, monthly=False) -> str:
    """'viimeisimmät tiedot 30.10.2026 (palautekyselyt)': the last day (a monthly source, such
    as workforce figures: the month, 10/2026) its source has data for. source: a source code
    of core.indicators (feedback, workforce, mentor_reports), named in brackets."""
    when = fmt.bucket_label(latest, "month", lang=lang) if monthly else fmt.date(latest, lang)
    if source is None:
        return t("period.latest", lang, latest=when)
    return t("period.latest_source", lang, latest=when, source=t(f"source.{source}", lang))


def period_words(
    standing: periods.Standing,
    grain: str,
    period_kind: str,
    lang: str,
    *,
    source: str | None = None,
) -> str:
    """How every page and export names a bucket by where it stands today; the one function for
    running, cut, stale and latest-data wording (core.periods.standing decides which):

    - running (today falls in it): '12/2026, kesken: kulunut 5/31 päivää';
    - cut by the chosen dates, before today: '2021, 1.1.2021–30.6.2021 (valittu aikaväli)';
    - stale (its data stop before its end, or newer buckets lack data):
      '10/2026 · viimeisimmät tiedot 30.10.2026 (palautekyselyt)', naming the source that is
      behind (source: feedback, workforce, mentor_reports; None leaves the brackets out);
    - complete: '10/2026'.

    A page that names a running period or stale data calls this, so the words are the same
    on the cards, the units table, the exports and the situation report."""
    label = fmt.bucket_label(standing.start, grain, period_kind, lang)
    if standing.state == "running":
        return t(
            "card.in_progress",
            lang,
            label=label,
            days=standing.days_run,
            total=standing.days_total,
        )
    if standing.state == "cut":
        return t(
            "period.cut",
            lang,
            label=label,
            start=fmt.date(standing.start, lang),
            end=fmt.date(standing.counted_to, lang),
        )
    if standing.state == "stale" and standing.latest is not None:
        latest = latest_data(standing.latest, lang, source=source, monthly=standing.monthly)
        return t("period.stale", lang, label=label, latest=latest)
    return label


def series_name(series, lang: str) -> str:
    if series is None or (isinstance(series, float) and pd.isna(series)):
        return t("series.no_area", lang)
    return series if series != "" else all_units(lang)


def all_units(lang: str) -> str:
    """'Kaikki yksiköt', or for a user given some units 'Omat yksikkösi (4)'."""
    signed = user.current()
    if signed is None or signed.allowed_unit_ids is None:
        return t("scope.all", lang)
    return t("scope.own", lang, n=len(signed.allowed_unit_ids))


def selection_name(scope: Scope, lang: str, *, markdown: bool = False) -> str:
    """What the sidebar selected, by its real names: 'Päiväkoti Aurinko', 'Palvelualue
    Varhaiskasvatus', 'Kaikki yksiköt'; more than three units as '5 yksikköä'. Names come from
    files: escaped for Markdown when markdown=True (a caption), as they are otherwise (a table,
    a chart, an export)."""
    shown = escape_markdown if markdown else str
    if scope.unit_ids:
        names = {u["id"]: shown(u["name"]) for u in data.units()}
        chosen = [names.get(u, str(u)) for u in scope.unit_ids]
        return ", ".join(chosen) if len(chosen) <= 3 else t("scope.units", lang, n=len(chosen))
    if scope.service_area_id is not None:
        areas = dict(data.service_areas())
        return t("scope.area", lang, area=shown(areas.get(scope.service_area_id, "")))
    return all_units(lang)


def unit_names(scope: Scope) -> list[str]:
    """Every unit the selection names (all of them for an export's context block)."""
    names = {u["id"]: u["name"] for u in data.units()}
    return [names.get(u, str(u)) for u in scope.unit_ids or ()]


def dates_text(scope: Scope, lang: str) -> str:
    return f"{fmt.date(scope.start, lang)} – {fmt.date(scope.end, lang)}"


def scope_caption(scope: Scope, lang: str, *, markdown: bool = True) -> str:
    """'Palvelualue Varhaiskasvatus · 1.1.2025 – 31.10.2026' for a page's subtitle; unit and
    area names escaped for Markdown unless markdown=False (an export)."""
    return t(
        "scope.caption",
        lang,
        scope=selection_name(scope, lang, markdown=markdown),
        start=fmt.date(scope.start, lang),
        end=fmt.date(scope.end, lang),
    )


# An audit event's details are stored under code names ("file", "via": "password"); the page and
# its export name each by the label the app shows for it, and each coded value in words. A
# detail without a label here shows under its code name.
DETAIL_LABELS = {
    "file": "import.result.file",
    "kind": "import.result.kind",
    "rows": "import.result.rows",
    "batch_id": "audit.detail.batch_id",
    "replaced_batch": "audit.detail.replaced_batch",
    "via": "audit.detail.via",
    "client": "audit.detail.client",
    "what": "audit.detail.what",
    "reason": "audit.detail.reason",
    "changed": "audit.detail.changed",
    "unit": "col.unit",
    "name": "users.col.name",
    "role": "users.col.role",
    "email": "users.col.email",
    "units": "users.col.units",
    "areas": "users.col.areas",
    "disabled": "users.col.disabled",
    "period_kind": "settings.period_kind",
    "min_answers": "settings.min_answers",
    "target_margin": "settings.margin",
    "rolling_under": "settings.rolling_under",
    "feeling_months": "settings.feeling_months",
    "feeling_drop": "settings.feeling_drop",
    "feeling_low": "settings.feeling_low",
    "feeling_report_weeks": "settings.feeling_report_weeks",
    "coaching_before_months": "settings.coaching_before_months",
    "indicator": "col.indicator",
    "changes": "audit.detail.changed",
    "preset": "audit.detail.preset",
    "added": "audit.detail.added",
    "indicators_created": "audit.detail.indicators_created",
    "year": "staff_report.year",
}
DETAIL_VALUES = {  # details whose value is a code, and the texts that name it
    "kind": "kind.",
    "role": "role.",
    "via": "audit.via.",
    "what": "audit.what.",
    "reason": "audit.reason.",
    "period_kind": "period_kind.",
    "preset": "own.preset.",
}


def _detail_value(key: str, value, lang: str) -> str:
    named = f"{DETAIL_VALUES.get(key)}{value}"
    if key in DETAIL_VALUES and named in TEXTS[lang]:
        return t(named, lang)
    if key == "target_margin" and isinstance(value, int | float):
        value = 100 * value  # stored as a share, set as a percentage of the target
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, dict):  # what changed from what (an own indicator's definition)
        return "; ".join(
            f"{k}: {_shown(old, lang)} → {_shown(new, lang)}" for k, (old, new) in value.items()
        )
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "–"
    if isinstance(value, float):
        return fmt.entry_number(value, lang)
    return "–" if value is None or value == "" else str(value)


def _shown(value, lang: str) -> str:
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    return "–" if value is None or value == "" else str(value)


def audit_details(details: dict, lang: str) -> str:
    """'Tiedosto: palaute.xlsx · Laji: Palaute · Rivejä: 120' for an audit event's details."""
    parts = []
    for key, value in details.items():
        label = t(DETAIL_LABELS[key], lang) if key in DETAIL_LABELS else key
        parts.append(f"{label}: {_detail_value(key, value, lang)}")
    return " · ".join(parts)
