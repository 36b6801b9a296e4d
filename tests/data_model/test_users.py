"""Users (data_model/users.py): argon2 hashing, the password rule, names matched as imports
match them, the units a manager's scope resolves to (nothing rather than everything when none
is given), and the e-mail claim of single sign-on mapped to a user row."""

import pytest
from sqlalchemy import select

from data_model import users
from data_model.models import User
from importing import import_file
from tests.views import dashboard as d
from tests.views.helpers import xlsx_bytes

PASSWORD = "pitkä salasana"


@pytest.fixture
def town(engine, filled_once):
    return filled_once(engine, "municipality", d.import_municipality)


def test_a_password_is_stored_only_as_a_salted_argon2id_hash(engine):
    users.add_user(engine=engine, name="Maija", role="admin", password="kissa ja koira")
    users.add_user(engine=engine, name="Pekka", role="admin", password="kissa ja koira")
    with engine.connect() as conn:
        hashes = conn.execute(select(User.password_hash)).scalars().all()

    assert all(h.startswith("$argon2id$") for h in hashes)
    assert hashes[0] != hashes[1]  # salted: the same password hashes differently
    assert not any("kissa ja koira" in h for h in hashes)


@pytest.mark.parametrize(
    ("name", "password", "signs_in"),
    [
        ("Maija", "kissa ja koira", True),
        ("maija ", "kissa ja koira", True),
        ("Maija", "kissa ja koirat", False),
        ("Maija", "", False),
        ("Liisa", "kissa ja koira", False),
    ],
)
def test_check_password(engine, name, password, signs_in):
    users.add_user(
        engine=engine, name="Maija", role="viewer", password="kissa ja koira", all_units=True
    )

    account = users.check_password(engine=engine, name=name, password=password)

    assert (account is not None) == signs_in
    if signs_in:
        assert (account.name, account.role) == ("Maija", "viewer")


def test_a_disabled_user_cannot_sign_in_and_a_new_password_replaces_the_old(engine):
    users.add_user(
        engine=engine, name="Maija", role="viewer", password="vanha salasana", all_units=True
    )
    users.set_password(engine=engine, name="MAIJA", password="uusi salasana")

    assert users.check_password(engine=engine, name="Maija", password="vanha salasana") is None
    assert users.check_password(engine=engine, name="Maija", password="uusi salasana") is not None
    users.disable_user(engine=engine, name="Maija")
    assert users.check_password(engine=engine, name="Maija", password="uusi salasana") is None
    assert users.get_user(engine=engine, name="Maija").disabled


def test_scope_names_are_matched_as_imports_match_them(engine, town):
    users.add_user(
        engine=engine,
        name="Esihenkilö",
        role="manager",
        password=PASSWORD,
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
            engine=engine, name="E", role="manager", password=PASSWORD, units=units, areas=areas
        )

    assert (refused.value.code, refused.value.names) == (code, names)
    assert users.list_users(engine=engine) == []  # nothing half-made


def test_an_area_gives_its_units_including_one_imported_later(engine, town):
    users.add_user(
        engine=engine, name="E", role="manager", password=PASSWORD, areas="varhaiskasvatus"
    )
    account = users.get_user(engine=engine, name="E")
    early = sorted([town.units[d.AURINKO], town.units[d.KUU]])
    assert users.allowed_unit_ids(engine=engine, account=account) == tuple(early)

    register = xlsx_bytes([["Yksikkö", "Palvelualue"], ["Päiväkoti Tähti", "Varhaiskasvatus"]])
    assert import_file(engine=engine, file_name="uusi.xlsx", data=register).status == "imported"

    assert len(users.allowed_unit_ids(engine=engine, account=account)) == 3


@pytest.mark.parametrize(
    ("role", "units", "all_units", "sees_everything"),
    [
        ("admin", "", False, True),
        ("admin", "Päiväkoti Kuu", False, True),
        ("viewer", "", True, True),
        ("viewer", "Päiväkoti Kuu", False, False),
    ],
)
def test_who_sees_everything(engine, town, role, units, all_units, sees_everything):
    users.add_user(
        engine=engine, name="U", role=role, password=PASSWORD, units=units, all_units=all_units
    )
    allowed = users.allowed_unit_ids(engine=engine, account=users.get_user(engine=engine, name="U"))

    assert (allowed is None) == sees_everything


@pytest.mark.parametrize("role", ["manager", "viewer"])
@pytest.mark.parametrize("units", ["", ";", "  ", None])
def test_a_manager_or_viewer_given_no_unit_is_refused_not_given_everything(engine, role, units):
    with pytest.raises(users.UserError) as refused:
        users.add_user(engine=engine, name="U", role=role, password=PASSWORD, units=units)

    assert refused.value.code == "no_scope"
    assert users.list_users(engine=engine) == []


def test_every_unit_is_for_viewers_only(engine):
    with pytest.raises(users.UserError) as refused:
        users.add_user(engine=engine, name="U", role="manager", password=PASSWORD, all_units=True)

    assert refused.value.code == "all_units_role"


def test_a_change_cannot_leave_a_manager_with_nothing_given(engine, town):
    users.add_user(engine=engine, name="U", role="viewer", password=PASSWORD, all_units=True)

    with pytest.raises(users.UserError) as refused:
        users.update_user(engine=engine, name="U", role="manager")
    assert refused.value.code == "no_scope"
    with pytest.raises(users.UserError):
        users.update_user(engine=engine, name="U", units=[], areas=[], all_units=False)

    users.update_user(engine=engine, name="U", role="manager", areas=[d.EARLY])
    account = users.get_user(engine=engine, name="U")
    assert (account.role, account.all_units, account.areas) == ("manager", False, (d.EARLY,))


def test_a_manager_whose_units_are_gone_sees_nothing(engine):
    """A scope naming units that no longer exist (removed with their batch) gives nothing."""
    users.add_user(engine=engine, name="U", role="viewer", password=PASSWORD, all_units=True)
    with engine.begin() as conn:  # as a database upgraded from before the rule might hold it
        conn.exec_driver_sql("UPDATE app_user SET role = 'manager', all_units = FALSE")
    account = users.get_user(engine=engine, name="U")

    assert users.allowed_unit_ids(engine=engine, account=account) == ()


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("a", "password_short"),
        ("kissa123", "password_short"),
        ("12345678901", "password_short"),
        ("Maija Meikäläinen", "password_is_name"),
        ("maijameikäläinen", "password_is_name"),
        ("", "no_password"),
    ],
)
def test_a_short_password_or_the_users_name_is_refused(engine, password, code):
    users.add_user(engine=engine, name="Maija Meikäläinen", role="admin", email="m@kunta.fi")

    with pytest.raises(users.UserError) as refused:
        users.set_password(engine=engine, name="Maija Meikäläinen", password=password)
    assert refused.value.code == code
    if password:
        with pytest.raises(users.UserError) as refused:
            users.add_user(engine=engine, name="Maija Meikäläinen 2", role="admin", password="a")
        assert refused.value.code == "password_short"


def test_twelve_characters_are_enough(engine):
    users.add_user(engine=engine, name="Maija", role="admin", password="123456789012")

    assert users.check_password(engine=engine, name="Maija", password="123456789012")


def test_the_e_mail_claim_maps_to_the_user_row_with_role_and_scope(engine, town):
    users.add_user(
        engine=engine,
        name="Maija Mäki",
        role="manager",
        email="Maija.Maki@Kunta.fi",
        areas="Vanhuspalvelut",
    )
    users.add_user(
        engine=engine, name="Poistettu", role="admin", email="pois@kunta.fi", password=PASSWORD
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
        ({"name": "maija", "role": "admin", "password": PASSWORD}, "name_taken"),
        ({"name": "Toinen", "role": "admin", "email": "MAIJA@kunta.fi"}, "email_taken"),
        ({"name": "Toinen", "role": "boss", "password": PASSWORD}, "unknown_role"),
        ({"name": "Toinen", "role": "viewer", "all_units": True}, "no_password"),
        ({"name": "  ", "role": "admin", "password": PASSWORD}, "no_name"),
    ],
)
def test_bad_users_are_refused(engine, change, code):
    users.add_user(
        engine=engine, name="Maija", role="admin", password=PASSWORD, email="maija@kunta.fi"
    )

    with pytest.raises(users.UserError) as refused:
        users.add_user(engine=engine, **change)

    assert refused.value.code == code


def test_the_first_admin_comes_from_the_configured_password_only_once(engine):
    assert not users.ensure_first_admin(engine=engine, name="admin", password="kissa123")  # short
    assert users.ensure_first_admin(engine=engine, name="admin", password="kissa ja koira")
    assert not users.ensure_first_admin(engine=engine, name="toinen", password="koira ja kissa")
    assert [(a.name, a.role) for a in users.list_users(engine=engine)] == [("admin", "admin")]
    assert users.check_password(engine=engine, name="admin", password="kissa ja koira")
