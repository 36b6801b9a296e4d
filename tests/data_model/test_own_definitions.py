"""The own indicators' definitions in the database: defining, changing, adding a preset and
removing one each count once in the data version, in their own transaction; a refused change
counts nothing; a change leaves the stored values alone; one holding values is not removed; and
a values file, long or wide through the mapping step, stores its unit-months by indicator."""

import datetime as dt

import pytest
from sqlalchemy import select

from core.own_indicators import DefinitionError
from data_model import data_version, own_indicators
from data_model.models import OwnValue
from importing import import_file
from loaders.mapping import Mapping
from tests.builders import xlsx_bytes

LONG = [
    ["Kuukausi", "Yksikkö", "Mittari", "Arvo", "Osoittaja", "Nimittäjä"],
    ["2024-01", "Päiväkoti Aurinko", "Käyttöaste %", None, 45, 50],
    ["2024-02", "Päiväkoti Aurinko", "Käyttöaste %", None, 40, 50],
    ["2024-01", "Päiväkoti Kuu", "Asiakkaat", 120, None, None],
]
WIDE = [
    ["Kuukausi", "Yksikkö", "Jonotusaika d", "Sijaistunnit h"],
    ["2024-01", "Päiväkoti Aurinko", 4.5, 12],
    ["2024-02", "Päiväkoti Aurinko", 3, 8],
]


def version(engine) -> int:
    return data_version.current(engine=engine)


def stored(engine) -> list[tuple]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                OwnValue.indicator_id, OwnValue.month, OwnValue.value, OwnValue.numerator
            ).order_by(OwnValue.id)
        ).all()
    return [tuple(r) for r in rows]


def test_defining_changing_a_preset_and_removing_each_count_once(engine):
    own_indicators.define_named(engine=engine, name="Jonotusaika d", user="t", measure="d")
    assert version(engine) == 1
    own_indicators.change(engine=engine, name="Jonotusaika d", user="t", better="lower")
    assert version(engine) == 2
    own_indicators.change(engine=engine, name="Jonotusaika d", user="t", better="lower")
    assert version(engine) == 2  # nothing changed: nothing counted
    own_indicators.add_preset(engine=engine, preset="vocational", user="t")
    assert version(engine) == 3
    own_indicators.remove(engine=engine, name="Jonotusaika d", user="t")
    assert version(engine) == 4
    assert [d.preset for d in own_indicators.definitions(engine)] == ["vocational"] * 2


def test_a_refused_definition_counts_nothing(engine):
    with pytest.raises(DefinitionError) as refused:
        own_indicators.define_named(engine=engine, name="Palautteen keskiarvo", user="t")
    assert refused.value.code == "name_builtin"
    with pytest.raises(DefinitionError):
        own_indicators.define_named(engine=engine, name="Asiakkaat", user="t", aggregate="x")
    assert version(engine) == 0
    assert own_indicators.definitions(engine) == ()


def test_a_long_file_stores_its_unit_months_and_a_change_leaves_them_alone(engine):
    result = import_file(engine=engine, file_name="mittarit.xlsx", data=xlsx_bytes(LONG))
    assert result.status == "imported", result.error
    assert version(engine) == 1  # the values and the definitions they created: one change
    names = {d.id: d.name_fi for d in own_indicators.definitions(engine)}
    before = stored(engine)
    assert sorted((names[i], m, v, n) for i, m, v, n in before) == [
        ("Asiakkaat", dt.date(2024, 1, 1), 120.0, None),
        ("Käyttöaste %", dt.date(2024, 1, 1), None, 45.0),  # a rate: numerator, denominator
        ("Käyttöaste %", dt.date(2024, 2, 1), None, 40.0),
    ]

    own_indicators.change(engine=engine, name="Asiakkaat", user="t", aggregate="sum")
    own_indicators.change(engine=engine, name="Käyttöaste %", user="t", measure="", decimals=3)

    assert stored(engine) == before
    with pytest.raises(DefinitionError) as refused:
        own_indicators.remove(engine=engine, name="Asiakkaat", user="t")
    assert refused.value.code == "has_values"
    assert stored(engine) == before


def test_a_wide_file_through_the_mapping_step_stores_each_column_as_an_indicator(engine):
    mapping = Mapping(roles={"Jonotusaika d": "indicator", "Sijaistunnit h": "indicator"})
    result = import_file(
        engine=engine, file_name="leveä.xlsx", data=xlsx_bytes(WIDE), mapping=mapping
    )

    assert result.status == "imported", result.error
    names = {d.id: d.name_fi for d in own_indicators.definitions(engine)}
    assert sorted((names[i], m.month, v) for i, m, v, _ in stored(engine)) == [
        ("Jonotusaika d", 1, 4.5),
        ("Jonotusaika d", 2, 3.0),
        ("Sijaistunnit h", 1, 12.0),
        ("Sijaistunnit h", 2, 8.0),
    ]
