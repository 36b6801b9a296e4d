"""What every command shares: exit codes, JSON lines and the database with its own indicators."""

import functools
import json

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def print_json(value, *, flush: bool = False) -> None:
    """One JSON object on a line of its own, letters as they are (the --json output)."""
    print(json.dumps(value, ensure_ascii=False), flush=flush)


def open_engine(url: str | None):
    """The database, its own indicators handed to the catalog (read once for the command)."""
    from core import indicators as catalog
    from data_model import own_indicators
    from data_model.db import open_database

    engine = open_database(url)
    catalog.use_own(functools.cache(lambda: own_indicators.catalog_entries(engine=engine)))
    return engine
