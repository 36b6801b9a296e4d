"""Numbers a user types (Settings: targets, thresholds), read in the user's language and checked
against a range, with the message that says what is wrong. Pages and tests share it."""

from dataclasses import dataclass

from core import formats as fmt
from core.texts import t


@dataclass(frozen=True)
class Entry:
    """value: the number read (None when there is a problem); problem: what is wrong, in the
    user's language."""

    value: float | None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def read_number(
    text,
    lang: str,
    *,
    low: float | None = None,
    high: float | None = None,
    integer: bool = False,
    decimals: int = 0,
) -> Entry:
    """text as a number of the range low..high (None: no bound). decimals: how the bounds and
    the value are written back in messages."""
    if text is None or str(text).strip() == "":
        return Entry(None, t("entry.empty", lang))
    try:
        value = fmt.parse_number(text, lang)
    except ValueError:
        example = fmt.number(3.7, lang, 1) if not integer else "12"
        return Entry(None, t("entry.not_a_number", lang, text=str(text).strip(), example=example))
    if integer and not float(value).is_integer():
        return Entry(None, t("entry.not_integer", lang, value=fmt.entry_number(value, lang)))

    def shown(x: float) -> str:
        return fmt.entry_number(x, lang, decimals)

    too_low = low is not None and value < low
    too_high = high is not None and value > high
    if too_low or too_high:
        if low is not None and high is not None:
            key = "entry.between"
        else:
            key = "entry.at_least" if low is not None else "entry.at_most"
        bounds = {"low": shown(low) if low is not None else "", "value": shown(value)}
        bounds["high"] = shown(high) if high is not None else ""
        return Entry(None, t(key, lang, **bounds))
    return Entry(int(value) if integer else value)
