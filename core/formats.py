"""Numbers, dates and time buckets in the user's language: fi writes 4,2, 5.10.2016 and 3/2024,
en 4.2 and 2016-10-05. The one place for these formats; pure functions, so tables, charts,
messages and tests share them.
"""

import datetime as dt
import math
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")  # users are in Finland whatever the server's zone
NBSP = "\u00a0"


def number(value, lang: str = "fi", decimals: int = 1) -> str:
    """4.2 -> '4,2' (fi) or '4.2' (en); thousands grouped; None/NaN -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "fi":
        text = text.replace(",", NBSP).replace(".", ",")
    return text.replace("-", "−") if text.startswith("-") else text


def integer(value, lang: str = "fi") -> str:
    return number(value, lang, decimals=0)


def percent(value, lang: str = "fi", decimals: int = 0) -> str:
    """A percentage already on the 0-100 scale: 82.5 -> '82,5 %' (fi) or '82.5%' (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = number(value, lang, decimals)
    return f"{text}{NBSP}%" if lang == "fi" else f"{text}%"


def date(value: dt.date | dt.datetime | None, lang: str = "fi") -> str:
    if value is None:
        return "–"
    if lang == "fi":
        return f"{value.day}.{value.month}.{value.year}"
    return value.strftime("%Y-%m-%d")


def datetime(value: dt.datetime | None, lang: str = "fi") -> str:
    if value is None:
        return "–"
    local = value.astimezone(HELSINKI) if value.tzinfo else value
    if lang == "fi":
        return f"{date(local, lang)} klo {local.hour}.{local.minute:02d}"
    return local.strftime("%Y-%m-%d %H:%M")


def date_input_format(lang: str) -> str:
    """The format string st.date_input takes for the language."""
    return "DD.MM.YYYY" if lang == "fi" else "YYYY-MM-DD"


def plain_number(value: float) -> str:
    """A number as a message quotes it: 7, not 7.0; 4,5 with the Finnish decimal comma."""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


_TERMS = {"fi": ("kevät", "syksy"), "en": ("spring", "autumn")}


def bucket_label(start: dt.date, grain: str, period_kind: str = "term", lang: str = "fi") -> str:
    """How a bucket is named on screen: 5.10.2016 / 2016-10-05, vk 53/2020 / W53 2020 (the ISO
    week and its year), 3/2024, 2024 Q1, kevät 2024 / spring 2024, 2024–2025, 2024."""
    if grain == "day":
        return f"{start.day}.{start.month}.{start.year}" if lang == "fi" else start.isoformat()
    if grain == "week":
        year, week, _ = start.isocalendar()
        return f"vk {week}/{year}" if lang == "fi" else f"W{week} {year}"
    if grain == "month":
        return f"{start.month}/{start.year}"
    if grain == "year":
        return str(start.year)
    if period_kind == "quarter":
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    if period_kind == "term":
        spring, autumn = _TERMS["en" if lang == "en" else "fi"]
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
