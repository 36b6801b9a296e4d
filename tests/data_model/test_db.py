"""The database layer on both backends: tables, a round trip, constraints, SQLite settings, URLs."""

from datetime import date

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from data_model.db import make_engine
from data_model.models import ServiceArea, Unit


def test_all_tables_are_created(engine):
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert {"import_batch", "service_area", "unit", "feedback_score"} <= tables


def test_service_area_and_unit_round_trip(engine):
    with Session(engine) as session:
        area = ServiceArea(name="Varhaiskasvatus")
        session.add(area)
        session.flush()
        session.add(
            Unit(
                name="Päiväkoti Mäntylä",
                name_key="päiväkoti mäntylä",
                service_area_id=area.id,
                coaching_start=date(2024, 8, 1),
                in_register=True,
            )
        )
        session.commit()

    with Session(engine) as session:
        unit, area_name = session.exec(
            select(Unit, ServiceArea.name).join(ServiceArea, Unit.service_area_id == ServiceArea.id)
        ).one()
    assert unit.name == "Päiväkoti Mäntylä"
    assert unit.coaching_start == date(2024, 8, 1)
    assert unit.in_register is True
    assert area_name == "Varhaiskasvatus"


def test_foreign_keys_are_enforced(engine):
    with Session(engine) as session:
        session.add(Unit(name="Orpo", name_key="orpo", service_area_id=999))
        with pytest.raises(IntegrityError):
            session.commit()


def test_unit_name_key_is_unique(engine):
    with Session(engine) as session:
        session.add(Unit(name="Koulu A", name_key="koulu a"))
        session.add(Unit(name="KOULU  A", name_key="koulu a"))
        with pytest.raises(IntegrityError):
            session.commit()


def test_sqlite_connections_use_wal_foreign_keys_and_sorter_threads(sqlite_url):
    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA threads")).scalar() >= 1
    finally:
        engine.dispose()
