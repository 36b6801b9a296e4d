"""Revision 0011 on a database with users from before it: a viewer who had no unit keeps seeing
every unit (now said explicitly), a manager who had none sees nothing until given their units,
and the sign-in failures kept by the name as typed are gone."""

from alembic import command
from sqlalchemy import text

from data_model import users
from data_model.db import alembic_config, make_engine, upgrade


def test_the_upgrade_keeps_viewers_and_closes_managers_without_units(db_url):
    engine = make_engine(db_url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0010")
        conn.execute(
            text(
                "INSERT INTO app_user (id, name, role, password_hash, email, disabled, "
                "created_at, updated_at) VALUES "
                "(1, 'katsoja', 'viewer', NULL, 'k@kunta.fi', FALSE, :t, :t), "
                "(2, 'esihenkilo', 'manager', NULL, 'e@kunta.fi', FALSE, :t, :t), "
                "(3, 'rajattu', 'viewer', NULL, 'r@kunta.fi', FALSE, :t, :t)"
            ),
            {"t": "2026-11-30 10:00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO user_scope (user_id, kind, name, name_key) "
                "VALUES (3, 'area', 'Varhaiskasvatus', 'varhaiskasvatus')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO sign_in_failure (at, name_key, client) "
                "VALUES ('2026-11-30 10:00:00', 'salasana vahingossa', '10.0.0.1')"
            )
        )

    upgrade(engine)

    accounts = {a.name: a for a in users.list_users(engine=engine)}
    assert accounts["katsoja"].all_units and accounts["katsoja"].sees_everything
    assert not accounts["esihenkilo"].all_units
    assert users.allowed_unit_ids(engine=engine, account=accounts["esihenkilo"]) == ()
    assert not accounts["rajattu"].all_units
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM sign_in_failure")).scalar_one() == 0
    engine.dispose()
