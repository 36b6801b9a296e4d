"""Users (data_model/users.py): argon2 hashing, names matched as imports match them, the units a
manager's scope resolves to, and the e-mail claim of single sign-on mapped to a user row."""

import pytest
from sqlalchemy import select

from data_model import users
from data_model.models import User
from importing import import_file
from tests.views import dashboard as d
from tests.views.helpers import xlsx_bytes


@pytest.fixture
def town(engine):
    return d.import_municipality(engine)


def test_a_password_is_stored_only_as_a_salted_argon2id_hash(engine):
    users.add_user(engine=engine, name="Maija", role="admin", password="kissa123")
    users.add_user(engine=engine, name="Pekka", role="admin", password="kissa123")
    with engine.connect() as conn:
        hashes = conn.execute(select(User.password_hash)).scalars().all()

    assert all(h.startswith("$argon2id$") for h in hashes)
    assert hashes[0] != hashes[1]  # salted: the same password hashes differently
    assert not any("kissa123" in h for h in hashes)


@pytest.mark.parametrize(
    ("name", "password", "signs_in"),
    [
        ("Maija", "kissa123", True),
        ("maija ", "kissa123", True),
        ("Maija", "kissa124", False),
        ("Maija", "", False),
        ("Liisa", "kissa123", False),
    ],
)
def test_check_password(engine, name, password, signs_in):
    users.add_user(engine=engine, name="Maija", role="viewer", password="kissa123")

    account = users.check_password(engine=engine, name=name, password=password)

    assert (account is not None) == signs_in
    if signs_in:
        assert (account.name, account.role) == ("Maija", "viewer")


def test_a_disabled_user_cannot_sign_in_and_a_new_password_replaces_the_old(engine):
    users.add_user(engine=engine, name="Maija", role="viewer", password="vanha")
    users.set_password(engine=engine, name="MAIJA", password="uusi")

    assert users.check_password(engine=engine, name="Maija", password="vanha") is None
    assert users.check_password(engine=engine, name="Maija", password="uusi") is not None
    users.disable_user(engine=engine, name="Maija")
    assert users.check_password(engine=engine, name="Maija", password="uusi") is None
    assert users.get_user(engine=engine, name="Maija").disabled


def test_scope_names_are_matched_as_imports_match_them(engine, town):
    users.add_user(
        engine=engine,
        name="Esihenkilö",
        role="manager",
        password="x",
        units="  päiväkoti   AURINKO ;Palvelutalo Koivu",
    )
    account = users.get_user(engine=engine, name="Esihenkilö")

    assert account.units == ("päiväkoti AURINKO", "Palvelutalo Koivu")
    assert users.allowed_unit_ids(engine=engine, account=account) == tuple(
        sorted([town.units[d.AURINKO], town.units[d.KOIVU]])
    )


@pytest.mark.parametrize(
    ("units", "areas", "code", "names"),
    [
        ("Päiväkoti Aurinko;Päiväkoti Aurinkoinen", "", "unknown_units", ["Päiväkoti Aurinkoinen"]),
        ("", "Varhaiskasvatus;Sosiaalityö", "unknown_areas", ["Sosiaalityö"]),
    ],
)
def test_a_name_that_matches_nothing_is_refused(engine, town, units, areas, code, names):
    with pytest.raises(users.UserError) as refused:
        users.add_user(
            engine=engine, name="E", role="manager", password="x", units=units, areas=areas
        )

    assert (refused.value.code, refused.value.names) == (code, names)
    assert users.list_users(engine=engine) == []  # nothing half-made


def test_an_area_gives_its_units_including_one_imported_later(engine, town):
    users.add_user(engine=engine, name="E", role="manager", password="x", areas="varhaiskasvatus")
    account = users.get_user(engine=engine, name="E")
    early = sorted([town.units[d.AURINKO], town.units[d.KUU]])
    assert users.allowed_unit_ids(engine=engine, account=account) == tuple(early)

    register = xlsx_bytes([["Yksikkö", "Palvelualue"], ["Päiväkoti Tähti", "Varhaiskasvatus"]])
    assert import_file(engine=engine, file_name="uusi.xlsx", data=register).status == "imported"

    assert len(users.allowed_unit_ids(engine=engine, account=account)) == 3


@pytest.mark.parametrize(
    ("role", "units", "sees_everything"),
    [("admin", "Päiväkoti Kuu", True), ("viewer", "", True), ("viewer", "Päiväkoti Kuu", False)],
)
def test_who_sees_everything(engine, town, role, units, sees_everything):
    users.add_user(engine=engine, name="U", role=role, password="x", units=units)
    allowed = users.allowed_unit_ids(engine=engine, account=users.get_user(engine=engine, name="U"))

    assert (allowed is None) == sees_everything


def test_the_e_mail_claim_maps_to_the_user_row_with_role_and_scope(engine, town):
    users.add_user(
        engine=engine,
        name="Maija Mäki",
        role="manager",
        email="Maija.Maki@Kunta.fi",
        areas="Vanhuspalvelut",
    )
    users.add_user(
        engine=engine, name="Poistettu", role="admin", email="pois@kunta.fi", password="x"
    )
    users.disable_user(engine=engine, name="Poistettu")

    account = users.user_for_email(engine=engine, email="maija.maki@kunta.fi")
    assert (account.name, account.role, account.areas) == (
        "Maija Mäki",
        "manager",
        ("Vanhuspalvelut",),
    )
    assert users.allowed_unit_ids(engine=engine, account=account) == (town.units[d.KOIVU],)
    assert users.user_for_email(engine=engine, email="pois@kunta.fi") is None  # disabled
    assert users.user_for_email(engine=engine, email="joku@kunta.fi") is None
    assert users.user_for_email(engine=engine, email=None) is None
    # A single sign-on user has no password: no password signs them in.
    assert users.check_password(engine=engine, name="Maija Mäki", password="") is None


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"name": "maija", "role": "viewer", "password": "y"}, "name_taken"),
        ({"name": "Toinen", "role": "viewer", "email": "MAIJA@kunta.fi"}, "email_taken"),
        ({"name": "Toinen", "role": "boss", "password": "y"}, "unknown_role"),
        ({"name": "Toinen", "role": "viewer"}, "no_password"),
        ({"name": "  ", "role": "viewer", "password": "y"}, "no_name"),
    ],
)
def test_bad_users_are_refused(engine, change, code):
    users.add_user(engine=engine, name="Maija", role="admin", password="x", email="maija@kunta.fi")

    with pytest.raises(users.UserError) as refused:
        users.add_user(engine=engine, **change)

    assert refused.value.code == code


def test_the_first_admin_comes_from_the_configured_password_only_once(engine):
    assert users.ensure_first_admin(engine=engine, name="admin", password="kissa123")
    assert not users.ensure_first_admin(engine=engine, name="toinen", password="koira")
    assert [(a.name, a.role) for a in users.list_users(engine=engine)] == [("admin", "admin")]
    assert users.check_password(engine=engine, name="admin", password="kissa123")
