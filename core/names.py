"""How names from files are matched: a unit, service area or header typed with other case or
spacing is the same name. Loaders, the store and pages fold names with the same function."""

import unicodedata

# Characters a copy from a web page or Word leaves in a name that no one can see: dropped, or
# (the no-break spaces) read as the space they look like.
_INVISIBLE = str.maketrans(
    {
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
    }
)


def fold(text: str) -> str:
    """Case- and space-insensitive key: 'Päiväkoti  Aurinko ' and 'päiväkoti aurinko' match,
    and so do the same name spelled with combining accents (NFD) or with invisible characters."""
    text = unicodedata.normalize("NFC", str(text)).translate(_INVISIBLE)
    return unicodedata.normalize("NFC", " ".join(text.split()).casefold())
