"""The Users page as an admin uses it: a manager or viewer needs units, areas or (a viewer) every
unit; a short password or the user's own name is refused with a message that says why; a
password change or disabling signs that user out at their next click."""

import pytest

from core.texts import t
from data_model import users
from tests.views import dashboard as d
from tests.views import helpers as h

ADMIN, PASSWORD = "paakayttaja", "admin-salasana"


@pytest.fixture
def admin(app_engine, municipality):
    users.add_user(engine=app_engine, name=ADMIN, role="admin", password=PASSWORD)
    at = h.new_app().run()
    at.text_input(key="signin_name").input(ADMIN)
    at.text_input(key="signin_password").input(PASSWORD)
    at.button[0].click().run()
    return at.switch_page("views/users.py").run()


def add(at, name: str, role: str, password: str, areas=(), all_units=False):
    at.text_input(key="users_add_name").input(name)
    at.selectbox(key="users_add_role").set_value(role)
    at.multiselect(key="users_add_areas").set_value(list(areas))
    if all_units:
        at.checkbox(key="users_add_all_units").check()
    at.text_input(key="users_add_password").input(password)
    return at.button[0].click().run()


@pytest.mark.parametrize(
    ("role", "password", "areas", "all_units", "message"),
    [
        ("manager", "pitkä salasana", (), False, "users.error.no_scope"),
        ("viewer", "pitkä salasana", (), False, "users.error.no_scope"),
        ("manager", "pitkä salasana", (), True, "users.error.all_units_role"),
        ("manager", "lyhyt", (d.EARLY,), False, "users.error.password_short"),
        ("manager", "Maija  Meikäläinen", (d.EARLY,), False, "users.error.password_is_name"),
    ],
)
def test_a_user_who_would_see_everything_by_omission_or_a_weak_password_is_refused(
    admin, app_engine, role, password, areas, all_units, message
):
    add(admin, "Maija Meikäläinen", role, password, areas, all_units)

    assert [e.value for e in admin.error] == [t(message, "fi", n=12, names=role)]
    assert users.get_user(engine=app_engine, name="Maija Meikäläinen") is None


def test_a_viewer_of_every_unit_is_given_them_explicitly(admin, app_engine):
    add(admin, "Liisa", "viewer", "pitkä salasana", all_units=True)

    account = users.get_user(engine=app_engine, name="Liisa")
    assert (account.role, account.all_units) == ("viewer", True)
    assert users.allowed_unit_ids(engine=app_engine, account=account) is None


@pytest.mark.parametrize("change", ["password", "disable"])
def test_a_password_change_or_disabling_signs_the_user_out(admin, app_engine, change):
    users.add_user(
        engine=app_engine, name="Pekka", role="manager", password="pekan salasana", areas=d.EARLY
    )
    pekka = h.new_app().run()
    pekka.text_input(key="signin_name").input("Pekka")
    pekka.text_input(key="signin_password").input("pekan salasana")
    pekka.button[0].click().run()
    assert pekka.title[0].value == "Yleiskuva"

    admin.run()  # the list of users now has Pekka
    admin.selectbox(key="users_edit_user").set_value("Pekka").run()
    if change == "password":
        admin.text_input(key="users_new_password").input("pekan uusi salasana")
        admin.button[2].click().run()
    else:
        uid = users.get_user(engine=app_engine, name="Pekka").id
        admin.checkbox(key=f"users_disabled_{uid}").check()
        admin.button[1].click().run()
    assert not admin.error

    pekka.run()  # Pekka's next click
    assert [title.value for title in pekka.title] == ["Tilannekuva"]
    assert pekka.subheader[0].value == "Kirjaudu sisään"
