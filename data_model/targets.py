"""Targets of indicators and the traffic-light status of a value against its target.

A target may be set for all units or one, for all years or one; the most specific wins, and
within one scope the newest row (highest id) wins, so a later import or edit overrides.
"""

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from core import indicators
from data_model import data_version
from data_model.models import Target

DEFAULT_MARGIN = 0.05  # the yellow band's default (the Settings page changes it)


def load_targets(*, engine: Engine, codes: Sequence[str] | None = None) -> list[dict]:
    """Every stored target row (oldest first), optionally of some indicators only: one query
    for a whole scorecard or unit table, resolved in Python with resolve_target()."""
    stmt = select(
        Target.id, Target.batch_id, Target.indicator, Target.unit_id, Target.year, Target.target
    ).order_by(Target.id)
    if codes is not None:
        stmt = stmt.where(Target.indicator.in_(list(codes)))
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(stmt)]


def resolve_target(
    rows: Iterable[dict], indicator: str, unit_id: int | None = None, year: int | None = None
) -> float | None:
    """The target that applies: unit+year > unit > all units+year > all units > the catalog
    default; the newest row wins within a scope. rows come from load_targets()."""
    scopes = [(unit_id, year), (unit_id, None), (None, year), (None, None)]
    rank = {scope: place for place, scope in enumerate(dict.fromkeys(scopes))}
    best: tuple[int, int, float] | None = None
    for row in rows:
        scope = (row["unit_id"], row["year"])
        if row["indicator"] != indicator or scope not in rank:
            continue
        key = (-rank[scope], row["id"], row["target"])
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None:
        return float(best[2])
    return indicators.get(indicator).default_target


def target_for(
    engine: Engine, *, indicator: str, unit_id: int | None = None, year: int | None = None
) -> float | None:
    """The target of one indicator for a unit (None: all units) and year (None: any year)."""
    return resolve_target(load_targets(engine=engine, codes=[indicator]), indicator, unit_id, year)


def status(
    value: float | None,
    target: float | None,
    higher_is_better: bool,
    margin: float = DEFAULT_MARGIN,
) -> str | None:
    """'green' when the value meets its target, 'yellow' when it misses by at most margin (a
    share of the target, default 5 %), 'red' otherwise; None without a value or a target."""
    if value is None or target is None or value != value:
        return None
    gap = (target - value) if higher_is_better else (value - target)
    slack = 1e-9 * max(1.0, abs(target))  # a mean of exactly 4 may come back as 3.9999999999
    if gap <= slack:
        return "green"
    return "yellow" if gap <= margin * abs(target) + slack else "red"


# --- the Settings page's editor ----------------------------------------------------------------

EDITOR_KEYS = ("indicator", "unit_id", "year", "target")


def list_targets(*, engine: Engine) -> list[dict]:
    """The targets in force, one row per scope (indicator, unit_id, year): what the editor
    shows. `manual` tells an edit made on the Settings page from an imported row."""
    newest: dict[tuple, dict] = {}
    for row in load_targets(engine=engine):
        newest[(row["indicator"], row["unit_id"], row["year"])] = row
    rows = [
        {**{key: row[key] for key in EDITOR_KEYS}, "manual": row["batch_id"] is None}
        for row in newest.values()
    ]
    return sorted(rows, key=_editor_order)


def _editor_order(row: dict) -> tuple:
    return (row["indicator"], row["unit_id"] is not None, row["unit_id"] or 0, row["year"] or 0)


def _clean(row: dict) -> dict | None:
    """An editor row as stored, None for a row left without a target; ValueError when bad."""
    target = row.get("target")
    if target is None or target != target or str(target).strip() == "":
        return None
    found = indicators.find(str(row.get("indicator") or ""))
    if found is None:
        raise ValueError(f"unknown indicator {row.get('indicator')!r}")
    unit_id, year = (_optional_int(row.get(key)) for key in ("unit_id", "year"))
    return {"indicator": found.code, "unit_id": unit_id, "year": year, "target": float(target)}


def _optional_int(value) -> int | None:
    if value is None or value != value or str(value).strip() == "":
        return None
    return int(value)


def save_targets(*, engine: Engine, rows: Iterable[dict]) -> int:
    """Store the editor's table (dicts of indicator, unit_id, year, target) as the manual
    targets, in one transaction; returns how many manual rows are stored.

    Manual rows (batch_id NULL) are replaced as a whole. A row equal to what the imports alone
    give is not stored again, so saving an untouched table changes nothing; a removed row
    falls back to the imported target of that scope, if any (undo the import to drop that).
    """
    wanted = {}
    for row in rows:
        cleaned = _clean(row)
        if cleaned is not None:
            wanted[(cleaned["indicator"], cleaned["unit_id"], cleaned["year"])] = cleaned
    imported = {}
    for row in load_targets(engine=engine):
        if row["batch_id"] is not None:
            imported[(row["indicator"], row["unit_id"], row["year"])] = row["target"]
    manual = [r for key, r in wanted.items() if imported.get(key) != r["target"]]
    with engine.begin() as conn:
        conn.execute(delete(Target).where(Target.batch_id.is_(None)))
        if manual:
            conn.execute(insert(Target), manual)
        data_version.bump(conn)
    return len(manual)
