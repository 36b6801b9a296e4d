"""Source profiles live in importing: a saved profile (with header rows and answer scores)
maps the next file with the same headers; a shipped tool profile is found by name; a dry run
says what would be stored and stores nothing."""

import importing
from data_model.profiles import save_profile
from loaders import Mapping
from tests.builders import csv_bytes, snapshot, xlsx_bytes


def _portuguese(day: int) -> bytes:
    rows = [["Submit Date (UTC)", "Unidade", "A equipe foi cordial"]]
    rows += [[f"2024-05-{day:02d} 10:00:00", "Loja", a] for a in ("Concordo", "Neutro", "Concordo")]
    return csv_bytes(rows, sep=",")


def test_a_saved_profile_brings_its_answer_scores_to_the_next_file(engine):
    first = importing.import_file(engine=engine, file_name="maio.csv", data=_portuguese(1))
    assert first.status == "error"
    choices = Mapping(roles={"Unidade": "unit"}, labels={"Concordo": "4", "Neutro": "3"})
    headers = ["Submit Date (UTC)", "Unidade", "A equipe foi cordial"]
    save_profile(engine=engine, name="Typeform / loja", headers=headers, choices=choices.to_json())
    result = importing.import_file(engine=engine, file_name="junho.csv", data=_portuguese(2))
    assert result.status == "imported", result.error and result.error.message("en")
    assert result.questions == [
        {"question": "A equipe foi cordial", "scale": "1-5", "answers": 3, "mean": round(11 / 3, 4)}
    ]
    assert result.warnings[0].code == "profile_applied"


def test_saved_choices_round_trip_with_header_rows_rows_and_labels():
    mapping = Mapping(
        roles={"[B]": "unit"},
        header_rows=(2, 3),
        rows=(4, 40),
        keep_left_out=True,
        labels={"Loistava": "5"},
        question_labels={"Q": {"Heikko": "skip"}},
        sheet="Raakadata",
    )
    again = Mapping.from_json(mapping.to_json())
    assert again.choices() == mapping.choices()
    assert (again.header_rows, again.rows) == ((2, 3), (4, 40))
    # A profile saved before these choices existed reads as it did.
    assert Mapping.from_json('{"roles": {"A": "unit"}}').header_rows is None


def test_a_shipped_profile_is_found_by_name_and_a_saved_one_of_that_name_wins(engine):
    shipped = importing.profile_mapping(engine=engine, name="surveymonkey")
    assert (shipped.profile, shipped.roles["End Date"]) == ("SurveyMonkey", "date")
    save_profile(
        engine=engine, name="SurveyMonkey", headers=["x"], choices=Mapping(unit="A").to_json()
    )
    assert importing.profile_mapping(engine=engine, name="SurveyMonkey").unit == "A"
    assert importing.profile_mapping(engine=engine, name="nothing") is None


def test_a_dry_run_says_what_would_be_stored_and_stores_nothing(engine):
    rows = [["Päivämäärä", "Yksikkö", "Viihdyn"], ["2024-03-05", "A", 4], ["2024-03-06", "A", 5]]
    before = snapshot(engine)
    result = importing.import_file(
        engine=engine, file_name="k.xlsx", data=xlsx_bytes(rows), dry_run=True
    )
    assert (result.status, result.answers, result.mean) == ("dry_run", 2, 4.5)
    assert result.questions == [{"question": "Viihdyn", "scale": "1-5", "answers": 2, "mean": 4.5}]
    assert snapshot(engine) == before
