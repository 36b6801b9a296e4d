"""Every text the user sees, read from one catalog file per language (core/locales/<lang>.toml:
Finnish, Finland-Swedish and English), which a translator edits without touching the code (no
Streamlit here).

t(key, lang, **params) formats a text; a key missing from a language is a bug a test catches.
A key may have a singular form "KEY.one", used when n == 1 ("1 muutos" but "3 muutosta").
"""

import tomllib
from functools import cache
from pathlib import Path

LANGUAGES = ("fi", "sv", "en")
# Each language by its own name, as a language switch shows them: "suomi / svenska / English".
LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}
DEFAULT_LANGUAGE = "fi"
LOCALES = Path(__file__).with_name("locales")


@cache
def catalog(lang: str) -> dict[str, str]:
    """Every text of one language, by key."""
    with (LOCALES / f"{lang}.toml").open("rb") as file:
        return tomllib.load(file)


TEXTS: dict[str, dict[str, str]] = {lang: catalog(lang) for lang in LANGUAGES}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text for key in lang, formatted with params; falls back to Finnish, then the key."""
    table = TEXTS.get(lang) or TEXTS[DEFAULT_LANGUAGE]
    if params.get("n") == 1 and f"{key}.one" in table:
        key = f"{key}.one"  # count agreement: "1 muutos", "3 muutosta"
    text = table.get(key) or TEXTS[DEFAULT_LANGUAGE].get(key) or key
    return text.format(**params) if params else text
