"""Numbers, dates and time buckets in the user's language: fi and sv write 4,2, 1 200,
5.10.2016 and 3/2024, en 4.2, 1,200 and 2016-10-05. The one place for these formats; number
and percent patterns come from Babel's locale data (fi_FI, sv_FI, en_GB); pure functions, so
tables, charts, messages and tests share them.
"""

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from core.periods import HELSINKI, PeriodKind  # users are in Finland whatever the server's zone

NBSP = "\u00a0"
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
MINUS = "\u2212"  # a typographic minus in every language: −0,3 reads better than -0,3


def locale(lang: str) -> str:
    """The Babel locale of a language of the app (Finnish for an unknown one)."""
    return LOCALES.get(lang, LOCALES["fi"])


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _rounded(value, decimals: int) -> Decimal:
    """value rounded half away from zero as written (2.675 -> 2.68, 0.05 -> 0.1), as Excel
    rounds the same figure in an export."""
    exact = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value, lang: str = "fi", decimals: int = 1) -> str:
    """4.2 -> '4,2' (fi, sv) or '4.2' (en); thousands grouped; None/NaN -> '–'."""
    if _missing(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text = format_decimal(_rounded(value, decimals), format=pattern, locale=locale(lang))
    return MINUS + text[1:] if text.startswith("-") else text


def integer(value, lang: str = "fi") -> str:
    return number(value, lang, decimals=0)


def signed(value, lang: str = "fi", decimals: int = 2) -> str:
    """A change with its sign: +0,25, −1,50, 0,00 (fi, sv); +0.25 (en); None -> '–'."""
    if _missing(value):
        return "–"
    text = number(abs(value), lang, decimals)
    return ("+" if value > 0 else MINUS if value < 0 else "") + text


def percent(value, lang: str = "fi", decimals: int = 0) -> str:
    """A percentage already on the 0-100 scale: 82.5 -> '82,5 %' (fi, sv) or '82.5%' (en), the
    sign placed as the locale writes it."""
    if _missing(value):
        return "–"
    return percent_sign(number(value, lang, decimals), lang)


def percent_sign(text: str, lang: str = "fi") -> str:
    """A number already written (82,5 or a range 0–100) with the percent sign placed as the
    locale writes it: '0–100 %' (fi, sv), '0–100%' (en)."""
    pattern = Locale.parse(locale(lang)).percent_formats[None].pattern
    return pattern.replace("#,##0", text).replace("'", "")


# An own indicator's unit of measure as each language writes it after a figure ("%" is
# written by percent(); a count needs no word in English).
MEASURES = ("%", "kpl", "€", "h", "d", "")
MEASURE_WORDS = {
    "kpl": {"fi": "kpl", "sv": "st.", "en": ""},
    "h": {"fi": "h", "sv": "h", "en": "h"},
    "d": {"fi": "pv", "sv": "d", "en": "d"},
}


def with_measure(text: str, measure: str, lang: str = "fi") -> str:
    """A figure already written with its unit of measure: '12,50 €' (fi, sv) or '€12.50' (en),
    '4,5 h', '3 pv' / '3 d', '12 kpl' / '12 st.' / '12'; '–' stays as it is."""
    if text == "–" or not measure or measure == "%":
        return text
    if measure == "€":
        if lang != "en":
            return f"{text}{NBSP}€"
        sign = MINUS if text.startswith(MINUS) else ""
        return f"{sign}€{text.removeprefix(MINUS)}"
    word = MEASURE_WORDS.get(measure, {}).get(lang, measure)
    return f"{text}{NBSP}{word}" if word else text


def date(value: dt.date | dt.datetime | None, lang: str = "fi") -> str:
    if value is None:
        return "–"
    if lang == "en":
        return value.strftime("%Y-%m-%d")
    return f"{value.day}.{value.month}.{value.year}"


_AT = {"fi": "klo", "sv": "kl."}


def datetime(value: dt.datetime | None, lang: str = "fi") -> str:
    if value is None:
        return "–"
    local = value.astimezone(HELSINKI) if value.tzinfo else value
    if lang == "en":
        return local.strftime("%Y-%m-%d %H:%M")
    return f"{date(local, lang)} {_AT.get(lang, 'klo')} {local.hour}.{local.minute:02d}"


def date_input_format(lang: str) -> str:
    """The format string st.date_input takes for the language."""
    return "YYYY-MM-DD" if lang == "en" else "DD.MM.YYYY"


def excel_date_format(lang: str) -> str:
    """The number format of a date cell in an .xlsx export, as date() writes dates."""
    return "yyyy-mm-dd" if lang == "en" else "d.m.yyyy"


# --- Formats in charts (Vega-Lite): the same labels as the tables' --------------------------------


def chart_month_format(lang: str) -> str:
    """A time axis by month (d3-time-format): 03/2024 (fi, sv), 2024-03 (en)."""
    return "%Y-%m" if lang == "en" else "%m/%Y"


def chart_label_month(lang: str) -> str:
    """A month as bucket_label() names it, in Vega's timeFormat: 3/2024 (fi, sv), 2024-03 (en)."""
    return "%Y-%m" if lang == "en" else "%-m/%Y"


def chart_label_week(lang: str) -> str:
    """An ISO week as bucket_label() names it, in Vega's timeFormat: vk 9/2024, v. 9/2024,
    W9 2024."""
    return _WEEK.get(lang, _WEEK["fi"]).format(week="%-V", year="%G")


def chart_number_expression(lang: str) -> str:
    """A Vega label expression writing an axis's numbers (which Vega formats as 3,991.5) with
    the language's decimal mark and digit grouping: 3 991,5 (fi, sv), 3,991.5 (en)."""
    decimal = get_decimal_symbol(locale(lang))
    group = get_group_symbol(locale(lang))
    if (decimal, group) == (".", ","):
        return "datum.label"
    return f"replace(replace(datum.label, regexp(',', 'g'), '{group}'), '.', '{decimal}')"


def plain_number(value: float) -> str:
    """A number as a message quotes it: 7, not 7.0; 4,5 with the Finnish decimal comma."""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


_TERMS = {
    "fi": ("kevät", "syksy"),
    "sv": ("vårterminen", "höstterminen"),
    "en": ("spring", "autumn"),
}
_WEEK = {"fi": "vk {week}/{year}", "sv": "v. {week}/{year}", "en": "W{week} {year}"}


def bucket_label(
    start: dt.date, grain: str, period_kind: PeriodKind | None = None, lang: str = "fi"
) -> str:
    """How a bucket is named on screen: 5.10.2016 / 2016-10-05, vk 53/2020 / v. 53/2020 / W53
    2020 (the ISO week and its year), 3/2024, 2024 Q1, kevät 2024 / vårterminen 2024 / spring 2024,
    2024–2025, 2024."""
    if grain == "day":
        return date(start, lang)
    if grain == "week":
        year, week, _ = start.isocalendar()
        return _WEEK.get(lang, _WEEK["fi"]).format(week=week, year=year)
    if grain == "month":
        return f"{start.month}/{start.year}"
    if grain == "year":
        return str(start.year)
    if period_kind is None:
        raise ValueError("a period is named by its kind (quarter, term, operating_year)")
    if period_kind == "quarter":
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    if period_kind == "term":
        spring, autumn = _TERMS.get(lang, _TERMS["fi"])
        return f"{spring if start.month < 8 else autumn} {start.year}"
    return f"{start.year}–{start.year + 1}"


# --- numbers a user types -----------------------------------------------------------------------

_SPACES = (" ", NBSP, "\u202f", "\u2009")  # a typed space, no-break and thin spaces
_MINUSES = ("−", "–")


def parse_number(text, lang: str = "fi") -> float:
    """A number as the user typed it: '3,7', '3.7', '1 200', '1 200,5', '−2' (fi); '3.7',
    '1,200.5', '1 200' (en). In Finnish a comma or a dot is the decimal mark; in English a dot,
    and a comma groups thousands. ValueError when the text is not one number."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        if isinstance(text, float) and math.isnan(text):
            raise ValueError("empty")
        return float(text)
    cleaned = str(text or "").strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    for minus in _MINUSES:
        cleaned = cleaned.replace(minus, "-")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if not cleaned:
        raise ValueError("empty")
    if lang == "en":
        if "," in cleaned:
            whole = cleaned.split(".")[0].lstrip("+-")
            groups = whole.split(",")
            if groups[0] == "" or any(len(g) != 3 for g in groups[1:]):
                raise ValueError(f"not a number: {text!r}")
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") + cleaned.count(".") > 1:
        raise ValueError(f"not a number: {text!r}")  # '1.200,5' or '3,7,1': which is meant?
    else:
        cleaned = cleaned.replace(",", ".")
    if not all(c.isdigit() or c in "+-." for c in cleaned):
        raise ValueError(f"not a number: {text!r}")  # float() would take 'inf' and '1e3'
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None
    return value


def entry_number(value, lang: str = "fi", decimals: int = 0) -> str:
    """A number shown back in an entry field: at least `decimals` decimals and as many more as
    the value has (up to 4), so 4 -> '4,00' for a mean and 12.25 stays '12,25'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    needed = 0
    while needed < 4 and round(float(value), needed) != round(float(value), 4):
        needed += 1
    return number(value, lang, max(decimals, needed))
