"""Settings chosen on the Settings page and shared by every replica: stored as text in the
`setting` table, read back as the type of their default.
"""

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from data_model.models import Setting

DEFAULTS: dict[str, str | int | float] = {
    "period_kind": "term",  # quarter, term or operating_year
    "min_answers": 5,  # privacy threshold for feedback figures and comments
    "target_margin": 0.05,  # yellow band, as a share of the target
    # The feeling meter's attention rules (core.rules.Thresholds) and the coaching before/after
    "feeling_months": 3,  # the latest months compared with as many before them
    "feeling_drop": 0.5,  # a fall of mood (or rise of workload) at least this large
    "feeling_low": 3.0,  # mood under this in two report months in a row
    "feeling_report_weeks": 6,  # a report expected at least this often
    "coaching_before_months": 12,  # months before the coaching start the panel compares with
    # Issue 12: units with fewer staff than this get their rates over a rolling 12 months
    # (a month's turnover of one leaver in eight people reads 150 %); 0 turns it off.
    "rolling_under": 20,
}


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
            return
        except IntegrityError:
            continue
    raise RuntimeError(f"could not store setting {key!r}")
