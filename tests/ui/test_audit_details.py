"""An audit event's details in the user's language: each stored code name under the label the
app shows for it, and coded values (kinds, roles, how one signed in) in words."""

import pytest

from ui.labels import audit_details


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("fi", "Tiedosto: palaute.xlsx · Laji: Palaute · Rivejä: 120 · Tuonti nro: 3"),
        ("sv", "Fil: palaute.xlsx · Typ: Respons · Rader: 120 · Import nr: 3"),
        ("en", "File: palaute.xlsx · Kind: Feedback · Rows: 120 · Import no.: 3"),
    ],
)
def test_an_import_reads_in_every_language(lang, shown):
    details = {"file": "palaute.xlsx", "kind": "feedback", "rows": 120, "batch_id": 3}
    assert audit_details(details, lang) == shown


def test_a_sign_in_names_how_and_from_where():
    details = {"client": "10.0.0.7", "via": "password"}
    assert audit_details(details, "sv") == "Adress: 10.0.0.7 · Inloggningssätt: lösenord"
    assert audit_details({"via": "sso"}, "fi") == "Kirjautumistapa: organisaation tunnus"


def test_a_user_change_shows_role_lists_and_yes_or_no():
    details = {"name": "Maija", "role": "manager", "areas": ["Varhaiskasvatus"], "units": []}
    details["disabled"] = True
    assert audit_details(details, "sv") == (
        "Namn: Maija · Roll: chef · Serviceområden: Varhaiskasvatus · Enheter: – · Inaktiverad: ja"
    )


def test_settings_read_as_they_were_set():
    details = {"period_kind": "quarter", "target_margin": 0.05, "feeling_drop": 0.5}
    assert audit_details(details, "sv") == (
        "Period: kvartal · Den gula zonens bredd (% av målvärdet): 5 · "
        "Stämningen sjunker eller arbetsbelastningen ökar med minst: 0,5"
    )


def test_an_export_names_what_was_exported():
    assert audit_details({"what": "unit_pdf", "unit": "Daghemmet Solstrålen"}, "sv") == (
        "Export: Enhetens mötesmaterial (PDF) · Enhet: Daghemmet Solstrålen"
    )


def test_a_detail_the_app_has_no_label_for_shows_under_its_code_name():
    assert audit_details({"session": "a1b2", "what": "new_kind"}, "en") == (
        "session: a1b2 · Export: new_kind"
    )
