"""The one place the app asks what day it is: the date in Helsinki, or TILANNEKUVA_TODAY where
a test or a recorded demo fixes it, so that what runs and what is stale reads the same on any
day."""

import datetime as dt

from core.config import get_settings
from core.formats import HELSINKI


def today() -> dt.date:
    """Today's date where the users are (Finland), unless TILANNEKUVA_TODAY fixes it."""
    return get_settings().today or dt.datetime.now(HELSINKI).date()
