"""The audit trail as the app writes it: one test per audited action, each done the
way a user does it in the app, then read back from the audit table; and the Audit page, which
only admins reach, filters the events and exports them."""

import io
import os

import pytest
from openpyxl import load_workbook

from data_model import audit, users
from data_model.store import list_batches
from tests.views import dashboard as d
from tests.views import helpers as h

ADMIN, PASSWORD = "paakayttaja", "admin-salasana"


@pytest.fixture
def admin(app_engine):
    users.add_user(engine=app_engine, name=ADMIN, role="admin", password=PASSWORD)
    at = h.new_app().run()
    at.text_input(key="signin_name").input(ADMIN)
    at.text_input(key="signin_password").input(PASSWORD)
    return at.button[0].click().run()


def last(engine, action: str) -> dict:
    found = audit.events(engine=engine, actions=[action])
    assert found, f"no {action} event"
    return found[0]


def test_a_sign_in_is_recorded(admin, app_engine):
    event = last(app_engine, "sign_in")
    assert event["user"] == ADMIN
    assert event["details"]["via"] == "password"


def test_a_failed_sign_in_is_recorded_under_the_users_own_name(app_engine):
    users.add_user(engine=app_engine, name=ADMIN, role="admin", password=PASSWORD)
    at = h.new_app().run()
    at.text_input(key="signin_name").input(" PAAKAYTTAJA ")
    at.text_input(key="signin_password").input("123456")
    at.button[0].click().run()

    event = last(app_engine, "sign_in_failed")
    assert (event["user"], event["details"]["known"]) == (ADMIN, True)


def test_a_name_that_matches_no_user_is_never_recorded_as_typed(app_engine):
    """People type their password into the name field: what was typed there is kept nowhere,
    neither in the audit trail nor with the failures that slow guessing down."""
    users.add_user(engine=app_engine, name=ADMIN, role="admin", password=PASSWORD)
    at = h.new_app().run()
    at.text_input(key="signin_name").input("Kesä!2024-salasana")
    at.text_input(key="signin_password").input("")
    at.button[0].click().run()

    event = last(app_engine, "sign_in_failed")
    assert (event["user"], event["details"]["known"]) == ("", False)
    app_engine.dispose()
    path = app_engine.url.database
    stored = b"".join(open(p, "rb").read() for p in (path, f"{path}-wal") if os.path.exists(p))
    assert "Kesä!2024".encode() not in stored and b"2024-salasana" not in stored


def test_a_sign_out_is_recorded(admin, app_engine):
    admin.button(key="sign_out").click().run()

    assert last(app_engine, "sign_out")["user"] == ADMIN


def test_an_import_is_recorded_and_the_history_shows_who_imported(admin, app_engine):
    admin.switch_page(h.IMPORT_PAGE).run()
    uploads = [("palaute.xlsx", h.feedback_long(), h.XLSX_MIME)]
    admin.file_uploader(key="import_files").set_value(uploads).run()
    admin.button(key="import_button").click().run()

    event = last(app_engine, "import")
    assert (event["user"], event["details"]["file"], event["details"]["rows"]) == (
        ADMIN,
        "palaute.xlsx",
        12,
    )
    assert [b.imported_by for b in list_batches(engine=app_engine)] == [ADMIN]
    assert admin.dataframe[-1].value.to_dict("records")[0]["Tuoja"] == ADMIN


def test_a_removal_is_recorded(admin, app_engine, municipality):
    admin.switch_page(h.IMPORT_PAGE).run()
    batch = list_batches(engine=app_engine)[0]
    admin.selectbox(key="remove_batch_id").set_value(batch.id).run()
    admin.button(key="remove_button").click().run()
    admin.button(key="remove_confirm").click().run()

    event = last(app_engine, "remove")
    assert (event["user"], event["details"]["batch_id"]) == (ADMIN, batch.id)
    assert event["details"]["file"] == batch.file_name


def test_a_settings_change_is_recorded(admin, app_engine):
    admin.switch_page("views/settings.py").run()
    admin.text_input(key="settings_min_answers").set_value("7")
    admin.button[0].click().run()

    event = last(app_engine, "settings")
    assert (event["user"], event["details"]["min_answers"]) == (ADMIN, 7)


def test_a_target_change_is_recorded(admin, app_engine, municipality):
    admin.switch_page("views/settings.py").run()
    admin.session_state["targets_editor"] = {
        "edited_rows": {},
        "added_rows": [{"indicator": "Palautteen keskiarvo", "unit": d.AURINKO, "target": 4.6}],
        "deleted_rows": [],
    }
    admin.button(key="targets_save").click().run()

    event = last(app_engine, "targets")
    assert (event["user"], event["details"]["changed"]) == (ADMIN, 1)


def test_user_changes_are_recorded(admin, app_engine, municipality):
    admin.switch_page("views/users.py").run()
    admin.text_input(key="users_add_name").input("Uusi Esihenkilö")
    admin.multiselect(key="users_add_areas").set_value([d.EARLY])
    admin.text_input(key="users_add_password").input("salainen-lause")
    admin.button[0].click().run()
    assert [s.value for s in admin.success] == ["Käyttäjä Uusi Esihenkilö lisättiin."]
    event = last(app_engine, "user_add")
    assert (event["user"], event["details"]["name"], event["details"]["role"]) == (
        ADMIN,
        "Uusi Esihenkilö",
        "manager",
    )
    assert event["details"]["areas"] == [d.EARLY]
    assert "salainen" not in str(audit.events(engine=app_engine))
    assert users.get_user(engine=app_engine, name="Uusi Esihenkilö").areas == (d.EARLY,)

    admin.selectbox(key="users_edit_user").set_value("Uusi Esihenkilö").run()
    uid = users.get_user(engine=app_engine, name="Uusi Esihenkilö").id
    admin.selectbox(key=f"users_role_{uid}").set_value("viewer")
    admin.button[1].click().run()
    assert last(app_engine, "user_change")["details"]["role"] == "viewer"
    assert users.get_user(engine=app_engine, name="Uusi Esihenkilö").role == "viewer"

    admin.text_input(key="users_new_password").input("toinen-salasana")
    admin.button[2].click().run()
    assert last(app_engine, "user_password")["details"] == {"name": "Uusi Esihenkilö"}
    assert users.check_password(
        engine=app_engine, name="Uusi Esihenkilö", password="toinen-salasana"
    )

    admin.checkbox(key=f"users_disabled_{uid}").check()
    admin.button[1].click().run()
    assert last(app_engine, "user_disable")["details"]["name"] == "Uusi Esihenkilö"
    assert users.get_user(engine=app_engine, name="Uusi Esihenkilö").disabled


def test_an_export_is_recorded_when_its_file_is_built(admin, app_engine, municipality, downloads):
    admin.switch_page("views/trends.py").run()
    assert not audit.events(engine=app_engine, actions=["export"])  # drawn, not pressed
    assert admin.download_button(key="trend_download").proto.ignore_rerun  # no page run for it

    assert downloads.press("tilannekuva_kehitys.xlsx")[:2] == b"PK"
    event = last(app_engine, "export")
    assert (event["user"], event["details"]["what"]) == (ADMIN, "trends")
    assert event["details"]["rows"] > 0


def test_a_units_meeting_files_are_recorded_with_the_unit(
    admin, app_engine, municipality, downloads
):
    admin.switch_page("views/units.py").run()
    unit = admin.header[0].value
    files = {name for name in downloads.names() if name.endswith((".xlsx", ".pdf"))}
    assert len(files) == 2 and not audit.events(engine=app_engine, actions=["export"])

    for name in sorted(files):
        downloads.press(name)
    events = audit.events(engine=app_engine, actions=["export"])
    assert sorted(e["details"]["what"] for e in events) == ["unit_pdf", "unit_xlsx"]
    assert {(e["user"], e["details"]["unit"]) for e in events} == {(ADMIN, unit)}


def test_the_audit_page_filters_and_exports_the_events(admin, app_engine, downloads):
    audit.record(engine=app_engine, user="toinen", action="import", file="x.xlsx")
    admin.switch_page("views/audit.py").run()
    table = admin.dataframe[0].value
    assert set(table["Käyttäjä"]) == {ADMIN, "toinen"}

    admin.selectbox(key="audit_user").set_value("toinen").run()
    table = admin.dataframe[0].value
    assert table.to_dict("records")[0]["Tapahtuma"] == "Tuonti"
    assert table.to_dict("records")[0]["Tiedot"] == "Tiedosto: x.xlsx"  # not the stored JSON
    assert list(table["Käyttäjä"]) == ["toinen"]

    admin.selectbox(key="audit_user").set_value(None)
    admin.multiselect(key="audit_actions").set_value(["sign_in"]).run()
    assert list(admin.dataframe[0].value["Tapahtuma"]) == ["Kirjautuminen"]

    downloads.press("tilannekuva_loki.xlsx")
    assert last(app_engine, "export")["details"] == {"what": "audit", "rows": 1}


def test_the_audit_export_says_whose_events_it_holds(admin, app_engine, downloads):
    admin.switch_page("views/audit.py").run()
    admin.multiselect(key="audit_actions").set_value(["sign_in"]).run()

    assert callable(downloads.file("tilannekuva_loki.xlsx").data), "built when asked for"
    built = downloads.press("tilannekuva_loki.xlsx")
    rows = list(load_workbook(io.BytesIO(built)).active.iter_rows(values_only=True))
    block = {r[0]: r[1] for r in rows[1:7]}
    assert rows[0][0] == "Tapahtumaloki"
    assert block["Tapahtumat"] == "Kirjautuminen" and block["Käyttäjä"] == "Kaikki käyttäjät"
    assert block["Viejä"] == ADMIN
    header = [r[0] for r in rows].index("Aika")
    assert [r[2] for r in rows[header + 1 :]] == ["Kirjautuminen"]


def test_a_download_pressed_after_sign_out_builds_nothing(
    admin, app_engine, municipality, downloads
):
    from ui.export import SignedOut

    admin.switch_page("views/trends.py").run()
    admin.button(key="sign_out").click().run()  # the button stays on a page in another tab

    with pytest.raises(SignedOut):
        downloads.press("tilannekuva_kehitys.xlsx")
    assert not audit.events(engine=app_engine, actions=["export"])
