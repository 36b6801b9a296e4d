"""The yearly staff report table (henkilöstökertomus): the five key figures of the municipal
employers' 2021 recommendation (core.own_indicators.STAFF_REPORT), computed from the workforce
imports for the chosen year and the years before it, for the whole selection and per service
area, laid out as the recommendation's table so a municipality's figures set beside another's.
Figures come from the one query layer (ui.data), whether or not the presets are defined yet.
"""

import datetime as dt

import pandas as pd

from core import own_indicators as own
from core.scope import Scope
from core.texts import t
from core.wording import indicator_text
from ui import data, export

YEARS = 3  # the chosen year and the two before it, as staff reports compare


def indicators() -> list:
    """The five key figures as catalog entries (the stored presets' names where an admin has
    added and renamed them, else the presets' own)."""
    stored = {d.formula: d for d in data.own_definitions() if d.formula}
    return [(stored.get(p.formula) or p).indicator() for p in own.STAFF_REPORT]


def yearly(scope: Scope, year: int, lang: str) -> pd.DataFrame:
    """Key figure x year: each figure's name, its years' values as the language writes them,
    and its definition."""
    reading = data.reading()
    first = year - YEARS + 1
    window = scope.between(dt.date(first, 1, 1), dt.date(year, 12, 31))
    rows = []
    for indicator in indicators():
        frame = data.series(indicator=indicator, grain="year", reading=reading, scope=window)
        found = {
            start.year: v for start, v in zip(frame["bucket_start"], frame["value"], strict=True)
        }
        row = {t("col.indicator", lang): indicator.name(lang)}
        for y in range(first, year + 1):
            row[str(y)] = indicator_text(found.get(y), indicator, lang)
        row[t("col.description", lang)] = indicator.description(lang)
        rows.append(row)
    return pd.DataFrame(rows)


def by_area(scope: Scope, year: int, lang: str) -> pd.DataFrame:
    """Service area x key figure for the year (units without an area as their own row)."""
    reading = data.reading()
    window = scope.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
    columns: dict[str, dict] = {}
    names: dict = {}
    for indicator in indicators():
        frame = data.series(
            indicator=indicator, grain="year", reading=reading, scope=window, by="service_area"
        )
        for area, name, value in zip(
            frame["series_id"], frame["series"], frame["value"], strict=True
        ):
            key = None if pd.isna(area) else int(area)
            names[key] = name if isinstance(name, str) else t("staff_report.no_area", lang)
            columns.setdefault(indicator.name(lang), {})[key] = indicator_text(
                value, indicator, lang
            )
    order = sorted(names, key=lambda k: (k is None, names[k]))
    table = {t("col.service_area", lang): [names[k] for k in order]}
    for name, values in columns.items():
        table[name] = [values.get(k, "–") for k in order]
    return pd.DataFrame(table)


def workbook(
    top: list[tuple[str, str]], years: pd.DataFrame, areas: pd.DataFrame, year: int, lang: str
) -> bytes:
    """The staff report table as .xlsx: the key figures by year, then by service area, under
    the context block top (context())."""
    sheets = [(t("staff_report.sheet_areas", lang, year=year), areas)]
    return export.xlsx_bytes(
        years, t("staff_report.sheet_years", lang), lang=lang, top=top, more=sheets
    )


def context(scope: Scope, year: int, lang: str) -> list[tuple[str, str]]:
    """The block on top of the file, made while the page runs (it reads the session): the
    selection and the recommendation the figures follow."""
    return export.context(
        t("staff_report.title", lang, year=year),
        lang,
        scope=scope,
        extra=[(t("staff_report.source_label", lang), t("staff_report.source", lang))],
    )
