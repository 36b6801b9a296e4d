"""The organisation's own indicators in the database: their definitions (core.own_indicators)
listed, found by any of their names, defined, changed and removed by an admin (audited, the
stored values left as they are), created for a name first met in a file, and the presets added;
and the catalog entries every query and page reads. Every change bumps the data version in its
own transaction (data_model.data_version), so every process shows it at its next click.
"""

import dataclasses
import datetime as dt

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from core import own_indicators as own
from core.indicators import BY_CODE, Indicator
from core.names import fold
from core.own_indicators import Definition, DefinitionError
from data_model import audit, data_version
from data_model.models import OwnIndicator, OwnValue, Target


def _definition(row) -> Definition:
    data = row._mapping
    return Definition(**{name: data[name] for name in own.FIELDS})


def _select():
    return select(*(getattr(OwnIndicator, name) for name in own.FIELDS))


def definitions(engine: Engine) -> tuple[Definition, ...]:
    """Every own indicator: those on the scorecard in their order, then the rest by name."""
    with engine.connect() as conn:
        rows = conn.execute(_select()).all()
    found = [_definition(r) for r in rows]
    return tuple(sorted(found, key=lambda d: (not d.scorecard, d.position, fold(d.name_fi))))


def catalog_entries(*, engine: Engine) -> tuple[Indicator, ...]:
    """The own indicators as catalog entries (core.indicators.use_own takes these)."""
    return tuple(d.indicator() for d in definitions(engine=engine))


def find_definition(*, engine: Engine, name: str) -> Definition | None:
    """The own indicator named name: by code, or by its Finnish, Swedish or English name (any
    case and spacing)."""
    key = fold(name)
    for definition in definitions(engine=engine):
        names = (definition.name_fi, definition.name_sv, definition.name_en)
        if key == definition.code.casefold() or key in (fold(n) for n in names if n):
            return definition
    return None


def value_counts(engine: Engine) -> dict[int, tuple[int, dt.date | None, dt.date | None]]:
    """Per own indicator: its stored unit-months, and its first and last month."""
    query = select(
        OwnValue.indicator_id, func.count(), func.min(OwnValue.month), func.max(OwnValue.month)
    ).group_by(OwnValue.indicator_id)
    with engine.connect() as conn:
        return {i: (n, _date(first), _date(last)) for i, n, first, last in conn.execute(query)}


def _date(value):
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def change(*, engine: Engine, name: str, user: str, **changes) -> Definition:
    """Change an own indicator's definition (core.own_indicators.EDITABLE); audited with what
    changed from what. The values imported for it are not touched. DefinitionError names what
    cannot be done ("unknown" when there is no such indicator)."""
    found = find_definition(engine=engine, name=name)
    if found is None:
        raise DefinitionError("unknown", name=name)
    if changes.get("scorecard") and not found.scorecard and "position" not in changes:
        # put on the scorecard: after the own indicators already there
        placed = [d.position for d in definitions(engine=engine) if d.scorecard]
        changes = {**changes, "position": max(placed, default=0) + 1}
    updated = own.changed(found, **changes)
    differences = {
        key: [getattr(found, key), getattr(updated, key)]
        for key in own.EDITABLE
        if getattr(found, key) != getattr(updated, key)
    }
    if not differences:
        return found
    values = {key: new for key, (_, new) in differences.items()}
    if "name_fi" in values:
        values["name_key"] = fold(updated.name_fi)
        _check_name_free(engine, updated)
    values["updated_at"] = dt.datetime.now(dt.UTC)
    try:
        with engine.begin() as conn:
            conn.execute(update(OwnIndicator).where(OwnIndicator.id == found.id).values(**values))
            data_version.bump(conn)
    except IntegrityError:
        raise DefinitionError("name_taken", name=updated.name_fi) from None
    audit.record(
        engine=engine, user=user, action="indicator", indicator=found.code, changes=differences
    )
    return updated


def _check_name_free(engine: Engine, definition: Definition) -> None:
    """A name no other indicator, built-in or own, goes by (files and targets find them by
    name)."""
    key = fold(definition.name_fi)
    for indicator in BY_CODE.values():
        if key in (fold(n) for n in (indicator.name_fi, indicator.name_sv, indicator.name_en)):
            raise DefinitionError("name_builtin", name=definition.name_fi)
    for other in definitions(engine=engine):
        names = (other.name_fi, other.name_sv, other.name_en)
        if other.id != definition.id and key in (fold(n) for n in names if n):
            raise DefinitionError("name_taken", name=definition.name_fi)


def _row(definition: Definition, codes: set[str]) -> dict:
    data = dataclasses.asdict(definition)
    data.pop("id")
    if data["code"] in codes:
        data["code"] = own.code_for(definition.name_fi, codes)
    now = dt.datetime.now(dt.UTC)
    return {**data, "name_key": fold(definition.name_fi), "created_at": now, "updated_at": now}


def _codes(conn: Connection) -> set[str]:
    return set(conn.execute(select(OwnIndicator.code)).scalars())


def add_preset(*, engine: Engine, preset: str, user: str) -> list[str]:
    """Add a preset's indicators (core.own_indicators.PRESETS) that are not defined yet, in
    their order after the scorecard's own indicators; returns the Finnish names added."""
    wanted = own.PRESETS[preset]
    existing = {fold(d.name_fi) for d in definitions(engine=engine)}
    existing |= {d.code for d in definitions(engine=engine)}
    added = []
    with engine.begin() as conn:
        codes = _codes(conn)
        for definition in wanted:
            if fold(definition.name_fi) in existing or definition.code in existing:
                continue
            conn.execute(insert(OwnIndicator).values(**_row(definition, codes)))
            codes.add(definition.code)
            added.append(definition.name_fi)
        if added:
            data_version.bump(conn)
    if added:
        audit.record(engine=engine, user=user, action="indicator", preset=preset, added=added)
    return added


def define(*, engine: Engine, definition: Definition, user: str) -> Definition:
    """Store a new definition (checked, its name free); audited."""
    own.check(definition)
    _check_name_free(engine, definition)
    with engine.begin() as conn:
        row = _row(definition, _codes(conn))
        new_id = conn.execute(insert(OwnIndicator).values(**row)).inserted_primary_key[0]
        data_version.bump(conn)
    audit.record(engine=engine, user=user, action="indicator", indicator=row["code"], added=True)
    return dataclasses.replace(definition, id=new_id, code=row["code"])


def define_named(*, engine: Engine, name: str, user: str, **settings) -> Definition:
    """Define a new indicator by its Finnish name: the safe defaults of a name first met in a
    file (core.own_indicators.new_definition), with settings (EDITABLE) applied and checked."""
    if find_definition(engine=engine, name=name) is not None:
        raise DefinitionError("name_taken", name=" ".join(name.split()))
    definition = own.changed(own.new_definition(name, has_ratio=False), **settings)
    if definition.scorecard and "position" not in settings:
        placed = [d.position for d in definitions(engine=engine) if d.scorecard]
        definition = dataclasses.replace(definition, position=max(placed, default=0) + 1)
    return define(engine=engine, definition=definition, user=user)


def remove(*, engine: Engine, name: str, user: str) -> Definition:
    """Remove an own indicator that holds no imported values (values belong to their import
    batches: undo those imports first, so no figure disappears unseen); the targets set for it
    by hand go with it. Audited."""
    found = find_definition(engine=engine, name=name)
    if found is None:
        raise DefinitionError("unknown", name=name)
    with engine.begin() as conn:
        held = conn.execute(
            select(func.count()).select_from(OwnValue).where(OwnValue.indicator_id == found.id)
        ).scalar()
        imported_targets = conn.execute(
            select(func.count())
            .select_from(Target)
            .where(Target.indicator == found.code, Target.batch_id.is_not(None))
        ).scalar()
        if held or imported_targets:
            raise DefinitionError("has_values", name=found.name_fi, n=held + imported_targets)
        conn.execute(delete(Target).where(Target.indicator == found.code))
        conn.execute(delete(OwnIndicator).where(OwnIndicator.id == found.id))
        data_version.bump(conn)
    audit.record(engine=engine, user=user, action="indicator", indicator=found.code, removed=True)
    return found


def ids_for_names(conn: Connection, names: dict[str, bool]) -> tuple[dict[str, int], list[str]]:
    """{folded name: definition id} for every name a file uses ({name as written: whether its
    rows give a numerator and a denominator}), creating a definition with the safe defaults of
    core.own_indicators.new_definition for each name not defined yet, in the batch's
    transaction; also the names created."""
    rows = conn.execute(_select()).all()
    known: dict[str, int] = {}
    for row in rows:
        definition = _definition(row)
        known[definition.code.casefold()] = definition.id
        for name in (definition.name_fi, definition.name_sv, definition.name_en):
            if name:
                known.setdefault(fold(name), definition.id)
    codes = {r.code for r in rows}
    created = []
    for name, has_ratio in names.items():
        key = fold(name)
        if key in known:
            continue
        definition = own.new_definition(name, has_ratio=has_ratio)
        row = _row(definition, codes)
        codes.add(row["code"])
        known[key] = conn.execute(insert(OwnIndicator).values(**row)).inserted_primary_key[0]
        created.append(definition.name_fi)
    return known, created
