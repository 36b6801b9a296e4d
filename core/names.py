"""How names from files are matched: a unit, service area or header typed with other case or
spacing is the same name. Loaders, the store and pages fold names with the same function."""


def fold(text: str) -> str:
    """Case- and space-insensitive key: 'Päiväkoti  Aurinko ' and 'päiväkoti aurinko' match."""
    return " ".join(str(text).split()).casefold()
