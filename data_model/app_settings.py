"""Settings chosen on the Settings page and shared by every replica: stored as text in the
`setting` table, read back as the type of their default, and handed to the queries as one
core.reading.Reading and to the feeling meter as core.rules.Thresholds.

The configuration of a deployment (environment variables) is core.config, not this.
"""

import dataclasses

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from core import coaching_period
from core.reading import Reading
from core.rules import Thresholds
from data_model import data_version
from data_model.models import Setting
from data_model.targets import DEFAULT_MARGIN

# The privacy threshold's floor: below it an admin must confirm, in an audited step, that single
# answerers may become recognisable.
PRIVACY_FLOOR = 5
THRESHOLDS = "feeling_"  # the feeling meter's thresholds are stored as feeling_<field>

DEFAULTS: dict[str, str | int | float] = {
    "period_kind": "term",  # quarter, term or operating_year
    "min_answers": PRIVACY_FLOOR,  # privacy threshold for feedback figures and comments
    "target_margin": DEFAULT_MARGIN,  # yellow band, as a share of the target
    # Units with fewer staff than this get their rates over a rolling 12 months (a month's
    # turnover of one leaver in eight people reads 150 %); 0 turns it off.
    "rolling_under": 20,
    # The feeling meter's attention rules: feeling_months, feeling_drop, feeling_low and
    # feeling_report_weeks, their defaults those of core.rules.Thresholds.
    **{THRESHOLDS + f.name: f.default for f in dataclasses.fields(Thresholds)},
    # The months before the coaching start a unit's before/after panel compares with.
    "coaching_before_months": coaching_period.BEFORE_MONTHS,
}


def reading(values: dict) -> Reading:
    """How figures are read, from the settings' values (all_settings())."""
    return Reading(
        period_kind=values["period_kind"],
        min_answers=int(values["min_answers"]),
        margin=float(values["target_margin"]),
        rolling_under=int(values["rolling_under"]),
    )


def thresholds(values: dict) -> Thresholds:
    """The feeling meter's attention thresholds, from the settings' values (all_settings())."""
    return Thresholds(
        **{
            f.name: type(f.default)(values[THRESHOLDS + f.name])
            for f in dataclasses.fields(Thresholds)
        }
    )


def all_settings(engine: Engine) -> dict:
    """Every setting by key, as stored or its default."""
    with engine.connect() as conn:
        stored = dict(conn.execute(select(Setting.key, Setting.value)).all())
    return {key: _typed(key, stored[key]) if key in stored else DEFAULTS[key] for key in DEFAULTS}


def _typed(key: str, text: str):
    default = DEFAULTS.get(key)
    if isinstance(default, int):
        return int(float(text))
    if isinstance(default, float):
        return float(text)
    return text


def get_setting(*, engine: Engine, key: str, default=None):
    """The stored value of key, typed like its default; the default when nothing is stored."""
    with engine.connect() as conn:
        text = conn.execute(select(Setting.value).where(Setting.key == key)).scalar()
    if text is None:
        return DEFAULTS.get(key) if default is None else default
    return _typed(key, text)


def set_setting(*, engine: Engine, key: str, value) -> None:
    """Store value (as text) under key, replacing an earlier value."""
    text = str(value)
    for _ in range(2):  # a second replica may insert the same key at the same moment
        try:
            with engine.begin() as conn:
                stmt = update(Setting).where(Setting.key == key).values(value=text)
                if conn.execute(stmt).rowcount == 0:
                    conn.execute(insert(Setting).values(key=key, value=text))
                data_version.bump(conn)
            return
        except IntegrityError:
            continue
    raise RuntimeError(f"could not store setting {key!r}")
