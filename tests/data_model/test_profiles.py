"""Saved source profiles and mapped imports (loaders.cli) on both backends: profiles applied
by name or by headers, and what the real exports of tests/files/ put into the indicators
(yes/no questions outside the mean, absence days joining other imports' headcounts, a yearly
snapshot's turnover)."""

import datetime as dt
from pathlib import Path

import pytest
from pytest import approx

from data_model import profiles
from importing import import_file, load_mapped
from loaders import Mapping
from tests.data_model.scoped import series as indicator_series

D = dt.date
FILES = Path(__file__).resolve().parent.parent / "files"
FORMS = "forms_huoltajakysely.xlsx"


def _import(engine, name: str, mapping: Mapping | None = None):
    data = (FILES / name).read_bytes()
    return import_file(engine=engine, file_name=name, data=data, mapping=mapping)


def _value(engine, indicator: str, grain: str = "month") -> list[tuple]:
    frame = indicator_series(engine=engine, indicator=indicator, grain=grain, min_answers=1)
    return [(row.bucket_start, round(row.value, 2), row.n) for row in frame.itertuples()]


def test_a_forms_export_without_a_unit_imports_once_the_unit_is_given(engine):
    assert _import(engine, FORMS).status == "error"
    result = _import(engine, FORMS, Mapping(unit="Päiväkoti Aurinko"))
    assert (result.status, result.answers, result.units) == ("imported", 17, ["Päiväkoti Aurinko"])
    # 1-5: 26 + 20 over 11 answers; 0-10 rescaled to 1-5: 6 + 0.4 * 50 = 26; (46 + 26) / 17.
    assert _value(engine, "feedback_mean") == [(D(2024, 9, 1), round(72 / 17, 2), 17)]
    assert _value(engine, "nps") == [(D(2024, 9, 1), approx(100 * (3 - 1) / 6, abs=0.01), 6)]


def test_yes_no_questions_count_as_positive_but_not_in_the_mean(engine):
    assert _import(engine, "engagement_survey.xlsx").status == "imported"
    # Only the two 1-5 questions: (28 + 31) / 16; the 0/1 question stays out.
    assert _value(engine, "feedback_mean") == [(D(2024, 5, 1), round(59 / 16, 2), 16)]
    # Positive: 4 + 6 answers of 4-5 and 6 yes of 8, over all 24 answers.
    assert _value(engine, "feedback_positive_share") == [(D(2024, 5, 1), round(1600 / 24, 2), 24)]
    assert _value(engine, "nps") == []


def test_absence_days_join_the_headcount_of_another_import(engine):
    assert _import(engine, "hr_henkilorivit.xlsx").status == "imported"
    assert _import(engine, "poissaololoki.csv").status == "imported"
    # January: headcount 18 + 10 from the two unit-months that have one; the absence log's
    # rows without a headcount neither dilute it nor count as unit-months behind it.
    assert _value(engine, "headcount")[0] == (D(2024, 1, 1), 28.0, 2)
    # Sick leave days 8 + 2 (HR) + 5 + 4 (absence log) over FTE 16.5 + 9.2, per year.
    january = _value(engine, "sick_leave_days_per_fte")[0]
    assert january[:2] == (D(2024, 1, 1), round(12 * 19 / 25.7, 2))


def test_a_yearly_snapshot_gives_a_yearly_turnover(engine):
    assert _import(engine, "hr_vuosiraportti.xlsx").status == "imported"
    # 5 leavers of a mean headcount of 28 in 2023: 17.9 %, not 214 % from one month.
    (year,) = _value(engine, "turnover_percent", grain="year")
    assert year[:2] == (D(2023, 1, 1), round(100 * 5 / 28, 2))
    assert _value(engine, "headcount", grain="year")[0][:2] == (D(2023, 1, 1), 28.0)


def test_a_saved_profile_maps_the_next_file_with_the_same_headers(engine):
    choices = Mapping(
        roles={"Lapseni viihtyy päiväkodissa": "question:1-7"}, unit="Päiväkoti Aurinko"
    )
    data = (FILES / FORMS).read_bytes()
    loaded = load_mapped(engine=engine, file_name=FORMS, data=data, mapping=choices)
    headers = [c.header for c in loaded.mapping.columns]
    profiles.save_profile(
        engine=engine, name="Huoltajakysely / Forms", headers=headers, choices=choices.to_json()
    )

    result = _import(engine, FORMS)  # no choices given: the profile's are used
    assert (result.status, result.units) == ("imported", ["Päiväkoti Aurinko"])
    # Q1 on 1-7 rescaled: 6 + 4 (26 - 6) / 6; Q2 20 of 5 answers; Q3 26 rescaled; over 17.
    expected = (6 + 4 * 20 / 6 + 20 + 26) / 17
    assert _value(engine, "feedback_mean") == [(D(2024, 9, 1), round(expected, 2), 17)]


def test_a_profile_matches_headers_in_any_order_and_case(engine):
    profiles.save_profile(
        engine=engine,
        name="HR",
        headers=["Kuukausi", "Yksikkö", "OverTime"],
        choices=Mapping(roles={"OverTime": "ignore"}).to_json(),
    )
    found = profiles.profile_for_headers(engine=engine, headers=["overtime", "YKSIKKÖ", "kuukausi"])
    assert found is not None and found.name == "HR"
    assert profiles.profile_for_headers(engine=engine, headers=["Kuukausi", "Yksikkö"]) is None


def test_profiles_are_listed_renamed_and_deleted(engine):
    for name in ("B", "A"):
        profiles.save_profile(
            engine=engine, name=name, headers=["x"], choices=Mapping(unit=name).to_json()
        )
    assert [p.name for p in profiles.list_profiles(engine=engine)] == ["A", "B"]
    with pytest.raises(profiles.ProfileNameTaken):
        profiles.rename_profile(engine=engine, old="A", new="B")
    assert profiles.rename_profile(engine=engine, old="A", new="C")
    assert profiles.delete_profile(engine=engine, name="B")
    (left,) = profiles.list_profiles(engine=engine)
    assert (left.name, Mapping.from_json(left.mapping).unit) == ("C", "A")


def test_saving_under_an_existing_name_replaces_the_choices(engine):
    profiles.save_profile(
        engine=engine, name="P", headers=["x"], choices=Mapping(unit="A").to_json()
    )
    before = profiles.get_profile(engine=engine, name="P")
    profiles.save_profile(
        engine=engine, name="P", headers=["x"], choices=Mapping(unit="B").to_json()
    )
    after = profiles.get_profile(engine=engine, name="P")
    assert after.id == before.id
    assert Mapping.from_json(after.mapping).unit == "B"
    assert after.created_at == before.created_at


def test_dates_of_profiles_are_utc(engine):
    profiles.save_profile(engine=engine, name="P", headers=["x"], choices="{}")
    saved = profiles.get_profile(engine=engine, name="P").updated_at
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert abs((saved.replace(tzinfo=None) - now).total_seconds()) < 60
