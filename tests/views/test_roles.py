"""Roles on every page, as AppTest runs the real app.py: an admin sees every page, a
manager and a viewer only the follow-up pages; a manager scoped to one service area sees only
its units however the URL or the filters ask, and the sign-in itself: slowed-down wrong
passwords, an idle session expiring, signing out, and the app closed without users."""

import pytest

from core.texts import t
from data_model import users
from tests.views import dashboard as d
from tests.views import helpers as h

FOLLOW = ["views/overview.py", "views/trends.py", "views/feeling_meter.py", "views/units.py"]
ADMIN_ONLY = ["views/import_data.py", "views/settings.py", "views/users.py", "views/audit.py"]
TITLES = {
    "views/overview.py": "overview.title",
    "views/trends.py": "trends.title",
    "views/feeling_meter.py": "feeling.title",
    "views/units.py": "units.title",
    "views/import_data.py": "import.title",
    "views/settings.py": "settings.title",
    "views/users.py": "users.title",
    "views/audit.py": "audit.title",
}
PASSWORDS = {
    "paakayttaja": "admin-salasana",
    "esihenkilo": "esihenkilo-salasana",
    "katselija": "katselija-salasana",
}


@pytest.fixture
def people(app_engine, municipality):
    """An admin, a manager of early childhood education (Aurinko, Kuu) and a viewer of all."""
    users.add_user(
        engine=app_engine, name="paakayttaja", role="admin", password=PASSWORDS["paakayttaja"]
    )
    users.add_user(
        engine=app_engine,
        name="esihenkilo",
        role="manager",
        password=PASSWORDS["esihenkilo"],
        areas=d.EARLY,
    )
    users.add_user(
        engine=app_engine,
        name="katselija",
        role="viewer",
        password=PASSWORDS["katselija"],
        all_units=True,
    )
    return municipality


def sign_in(at, name: str, password: str | None = None):
    at.text_input(key="signin_name").input(name)
    at.text_input(key="signin_password").input(
        PASSWORDS.get(name) if password is None else password
    )
    return at.button[0].click().run()


def signed_in(name: str, page: str | None = None, **params):
    """Signed in as name; on page at once when given (else the Overview, the default page)."""
    at = h.new_app()
    at.query_params.update(params)
    if page:
        at.switch_page(page)
    return sign_in(at.run(), name)


def texts(at) -> str:
    return "\n".join(h.shown_texts(at))


def on_sign_in_screen(at) -> bool:
    """Only the sign-in screen: the product's name and the form, no page and no sidebar."""
    titles = [title.value for title in at.title]
    return (
        titles == ["Tilannekuva"]
        and at.subheader[0].value == "Kirjaudu sisään"
        and not at.sidebar.children
    )


def _everyday(cases: list, *kept) -> list:
    """Every case runs in `make test`; the kept ones in `make check` too."""
    return [case if case in kept else pytest.param(case, marks=pytest.mark.slow) for case in cases]


@pytest.mark.parametrize("path", _everyday(FOLLOW + ADMIN_ONLY, "views/users.py"))
def test_an_admin_opens_every_page(people, path):
    at = signed_in("paakayttaja", page=path)

    assert at.title[0].value == t(TITLES[path], "fi")
    assert not at.error and not at.exception


@pytest.mark.parametrize("role", ["esihenkilo", "katselija"])
@pytest.mark.parametrize("path", _everyday(FOLLOW, "views/units.py"))
def test_managers_and_viewers_open_the_follow_up_pages(people, role, path):
    at = signed_in(role, page=path)

    assert at.title[0].value == t(TITLES[path], "fi")
    assert not at.error and not at.exception


@pytest.mark.parametrize("role", ["esihenkilo", "katselija"])
@pytest.mark.parametrize("path", ADMIN_ONLY)
def test_import_settings_users_and_audit_do_not_exist_for_managers_and_viewers(people, role, path):
    at = signed_in(role)

    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(path)


def test_the_sidebar_says_who_is_signed_in_with_what_role_and_scope(people):
    at = signed_in("esihenkilo")

    captions = [c.value for c in at.sidebar.caption]
    assert "Kirjautunut: esihenkilo" in captions
    assert "Rooli: esihenkilö" in captions
    assert "Näet vain sinulle annetut yksiköt (2)." in captions


def test_a_manager_is_offered_only_their_units_and_area(people):
    at = signed_in("esihenkilo")

    assert at.selectbox(key="filter_area").options == ["Kaikki palvelualueet", d.EARLY]
    assert at.multiselect(key="filter_units").options == [d.AURINKO, d.KUU]
    assert at.caption[0].value.startswith("Omat yksikkösi (2) · ")  # not "all units"
    table = at.dataframe(key="overview_units").value
    assert sorted(table.iloc[:, 0]) == [d.AURINKO, d.KUU]


def test_a_manager_cannot_widen_the_scope_by_url_units_or_area(people):
    koivu, elderly = people.units[d.KOIVU], people.areas[d.ELDERLY]

    at = signed_in("esihenkilo", units=str(koivu), area=str(elderly))

    assert at.selectbox(key="filter_area").value is None
    assert at.multiselect(key="filter_units").value == []
    assert sorted(at.dataframe(key="overview_units").value.iloc[:, 0]) == [d.AURINKO, d.KUU]
    assert d.KOIVU not in texts(at)
    assert "units" not in at.query_params and "area" not in at.query_params


def test_a_manager_cannot_open_another_units_page_by_link(people):
    at = signed_in("esihenkilo", unit=str(people.units[d.KOIVU])).switch_page("views/units.py")
    at.run()

    assert at.header[0].value == d.AURINKO  # their first unit, not the one linked
    assert at.selectbox(key="units_page_unit").options == [d.AURINKO, d.KUU]
    assert d.KOIVU not in texts(at)


def test_a_manager_cannot_choose_another_unit_by_filter(people):
    at = signed_in("esihenkilo")

    with pytest.raises(Exception):  # noqa: B017 - Streamlit refuses a value not offered
        at.multiselect(key="filter_units").set_value([people.units[d.KOIVU]]).run()


def test_a_viewer_sees_every_unit_but_changes_nothing(people):
    at = signed_in("katselija")

    assert sorted(at.dataframe(key="overview_units").value.iloc[:, 0]) == [
        d.KOIVU,
        d.AURINKO,
        d.KUU,
    ]
    assert "Rooli: katselija" in [c.value for c in at.sidebar.caption]


def test_before_signing_in_nothing_but_the_form_shows(people):
    at = h.new_app().run()

    assert on_sign_in_screen(at)


def test_a_wrong_password_is_refused_and_repeated_ones_are_slowed_down(people):
    at = h.new_app().run()
    for _ in range(3):
        sign_in(at, "esihenkilo", "väärä")
    assert [e.value for e in at.error] == [t("signin.wrong", "fi")]
    assert [w.value for w in at.warning] == [
        "Liian monta väärää salasanaa. Yritä uudelleen 2 sekunnin kuluttua."
    ]

    sign_in(at, "esihenkilo")  # even the right password waits its turn

    assert [e.value for e in at.error] == [
        "Liian monta väärää salasanaa. Yritä uudelleen 2 sekunnin kuluttua."
    ]
    assert on_sign_in_screen(at)


def test_a_signed_in_session_expires_when_idle(people, monkeypatch):
    from ui import auth

    now = [1_000_000.0]
    monkeypatch.setattr(auth, "clock", lambda: now[0])
    at = signed_in("esihenkilo")
    assert at.title[0].value == "Yleiskuva"

    now[0] += 31 * 60
    at.run()

    assert [i.value for i in at.info] == [t("signin.expired", "fi", minutes=30)]
    assert on_sign_in_screen(at)


def test_signing_out_clears_the_session(people):
    at = signed_in("esihenkilo")
    at.multiselect(key="filter_units").set_value([people.units[d.KUU]]).run()

    at.button(key="sign_out").click().run()

    assert at.subheader[0].value == "Kirjaudu sisään"
    assert "filter_units" not in at.session_state
    assert "signed_in" not in at.session_state


def test_a_disabled_user_is_signed_out_at_once(people, app_engine):
    at = signed_in("esihenkilo")
    users.disable_user(engine=app_engine, name="esihenkilo")

    at.run()

    assert on_sign_in_screen(at)


def test_without_users_and_outside_the_demo_the_app_refuses_to_open(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_ALLOW_OPEN", "0")
    at = h.new_app().run()

    assert [e.value for e in at.error] == [t("signin.closed", "fi")]
    assert not at.title and not at.sidebar.children and not at.text_input


def test_without_users_an_allowed_open_app_says_so_in_the_sidebar():
    at = h.new_app().run()

    assert at.title[0].value == "Yleiskuva"
    assert t("sidebar.open_mode", "fi") in [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize("path", ADMIN_ONLY)
def test_an_admin_page_run_directly_refuses_a_manager(people, path):
    """Defence in depth: should a page ever be reached without the navigation, its own check
    refuses anyone but an admin before anything is drawn or changed."""
    from streamlit.testing.v1 import AppTest

    from ui.user import SESSION_KEY, SessionUser

    at = AppTest.from_file(str(h.APP.parent / path), default_timeout=60)
    at.session_state[SESSION_KEY] = SessionUser("esihenkilo", "manager", (1, 2))
    at.run()

    assert [e.value for e in at.error] == [t("access.refused", "fi")]
    assert not at.title and not at.button and not at.dataframe
