"""Real exports as they come: the files in tests/files/, written by make_exports.py, each with
the figures a manager must see, and each silent distortion a loader could make pinned down.
"""

import datetime as dt
from pathlib import Path

import pytest

from loaders import LoadError, Mapping, load_file
from tests.files.make_exports import EXPORTS, write_exports

FILES = Path(__file__).resolve().parent.parent / "files"
D = dt.date


def _load(name: str, **choices) -> object:
    return load_file(name, (FILES / name).read_bytes(), mapping=Mapping(**choices))


def test_the_committed_files_are_what_the_script_writes(tmp_path):
    for path in write_exports(tmp_path):
        assert path.read_bytes() == (FILES / path.name).read_bytes(), (
            f"{path.name} differs: run python -m tests.files.make_exports"
        )


# file, the user's choices, kind/form, rows, answers, mean, units, first and last date.
EXPECTED = [
    (
        "forms_huoltajakysely.xlsx",
        {"unit": "Päiväkoti Aurinko"},
        "feedback",
        "wide",
        6,
        17,
        4.18,
        ["Päiväkoti Aurinko"],
        D(2024, 9, 2),
        D(2024, 9, 7),
    ),
    (
        "google_forms_asiakaspalaute.csv",
        {},
        "feedback",
        "wide",
        4,
        8,
        4.0,
        ["Lähikirjasto", "Pääkirjasto"],
        D(2024, 3, 14),
        D(2024, 4, 2),
    ),
    (
        "webropol_kundenkat.xlsx",
        {},
        "feedback",
        "wide",
        6,
        11,
        3.91,
        ["Hemvården Väst"],
        D(2024, 3, 5),
        D(2024, 3, 10),
    ),
    (
        "engagement_survey.xlsx",
        {},
        "feedback",
        "wide",
        8,
        24,
        3.69,
        ["Kotihoito Itä", "Kotihoito Länsi"],
        D(2024, 5, 6),
        D(2024, 5, 10),
    ),
    (
        "asiakaskysely_suosittelisin.xlsx",
        {},
        "feedback",
        "wide",
        6,
        12,
        4.33,
        ["Palvelutalo Koivu"],
        D(2024, 10, 1),
        D(2024, 10, 6),
    ),
    (
        "hr_henkilorivit.xlsx",
        {},
        "workforce",
        "monthly",
        11,
        None,
        None,
        ["Päiväkoti Aurinko", "Päiväkoti Kuu"],
        D(2024, 1, 1),
        D(2024, 2, 1),
    ),
    (
        "poissaololoki.csv",
        {},
        "workforce",
        "monthly",
        4,
        None,
        None,
        ["Päiväkoti Aurinko", "Päiväkoti Kuu"],
        D(2024, 1, 1),
        D(2024, 2, 1),
    ),
    (
        "hr_vuosiraportti.xlsx",
        {},
        "workforce",
        "monthly",
        2,
        None,
        None,
        ["Päiväkoti Aurinko", "Päiväkoti Kuu"],
        D(2023, 1, 1),
        D(2023, 12, 1),
    ),
    (
        "hr_overtime.xlsx",
        {"roles": {"OverTime": "ignore"}},
        "workforce",
        "monthly",
        8,
        None,
        None,
        ["Kotihoito Itä", "Kotihoito Länsi"],
        D(2024, 3, 1),
        D(2024, 3, 1),
    ),
]


def test_every_export_shape_has_an_expectation():
    assert sorted(e[0] for e in EXPECTED) == sorted(EXPORTS)


@pytest.mark.parametrize(
    ("name", "choices", "kind", "form", "rows", "answers", "mean", "units", "first", "last"),
    EXPECTED,
    ids=[e[0] for e in EXPECTED],
)
def test_each_export_imports_with_the_right_figures(
    name, choices, kind, form, rows, answers, mean, units, first, last
):
    loaded = _load(name, **choices)
    assert (loaded.kind, loaded.form, loaded.rows) == (kind, form, rows)
    assert (loaded.answers(), loaded.mean()) == (answers, mean)
    assert loaded.unit_names() == units
    assert loaded.date_range() == (first, last)


def _questions(loaded) -> dict[str, tuple]:
    """question -> (scale_min, scale_max, n, score_sum, positive_n, promoters_n)."""
    table = loaded.tables["feedback"]
    summed = table.groupby(["question", "scale_min", "scale_max"], dropna=False).agg(
        n=("n", "sum"),
        score_sum=("score_sum", "sum"),
        positive_n=("positive_n", "sum"),
        promoters=("promoters_n", lambda s: None if s.isna().all() else int(s.sum())),
    )
    return {
        q: (low, high, int(r.n), float(r.score_sum), int(r.positive_n), r.promoters)
        for (q, low, high), r in summed.iterrows()
    }


# --- distortions a loader must not make silently, one test each -----------------------------


def test_a_recommend_question_answered_in_likert_words_stays_on_its_word_scale():
    loaded = _load("asiakaskysely_suosittelisin.xlsx")
    # 5, 4, 5, 5, 3, 4: six answers on 1-5, five positive, and no NPS (promoters unknown).
    assert _questions(loaded)["Suosittelisin palvelua muille"] == (1, 5, 6, 26.0, 5, None)


def test_a_recommend_question_answered_1_to_5_is_not_taken_as_0_to_10():
    loaded = _load("engagement_survey.xlsx")
    question = "Would you recommend this organisation as a place to work?"
    assert _questions(loaded)[question] == (1, 5, 8, 31.0, 6, None)
    notes = [w.problem("en") for w in loaded.warnings if w.column == question]
    assert notes and "no NPS is computed" in notes[0]


def test_a_recommend_question_answered_0_to_10_is_an_nps_question():
    loaded = _load("google_forms_asiakaspalaute.csv")
    question = "How likely are you to recommend us to a friend?"
    assert _questions(loaded)[question] == (0, 10, 4, 33.0, 3, 2)


def test_a_0_1_column_is_a_yes_no_question_and_yes_is_positive():
    loaded = _load("engagement_survey.xlsx")
    question = "Have you had a development discussion this year?"
    assert _questions(loaded)[question] == (0, 1, 8, 6.0, 6, None)


@pytest.mark.parametrize(
    "answers",
    [["kyllä", "ei", "Kyllä"], ["Yes", "No", "yes"], ["ja", "nej", "Ja"], [1, 0, 1]],
    ids=["fi", "en", "sv", "numbers"],
)
def test_yes_no_words_in_every_language_are_a_yes_no_question(answers):
    from tests.builders import xlsx_bytes

    rows = [["Päivämäärä", "Yksikkö", "Saitko apua?"]]
    rows += [["2024-03-05", "A", a] for a in answers]
    loaded = load_file("k.xlsx", xlsx_bytes(rows))
    assert _questions(loaded)["Saitko apua?"] == (0, 1, 3, 2.0, 2, None)


def test_a_0_4_coded_column_is_shifted_onto_1_5_with_a_note_never_half_refused():
    loaded = _load("engagement_survey.xlsx")
    question = "I know what is expected of me at work"
    # Codes 0, 2, 3, 4, 4, 3, 2, 2 are stored as 1, 3, 4, 5, 5, 4, 3, 3.
    assert _questions(loaded)[question] == (1, 5, 8, 28.0, 4, None)
    (note,) = [w for w in loaded.warnings if w.column == question]
    assert note.code == "column_codes_0_4"


def test_the_user_can_say_a_0_4_column_is_0_10_after_all():
    loaded = _load(
        "engagement_survey.xlsx", roles={"I know what is expected of me at work": "question:0-10"}
    )
    question = "I know what is expected of me at work"
    assert _questions(loaded)[question][:4] == (0, 10, 8, 20.0)


def test_a_gender_column_is_background_never_a_comment():
    loaded = _load("engagement_survey.xlsx")
    comments = loaded.tables["comments"]
    assert set(comments["question"]) == {"What should we improve?"}
    assert not {"Female", "Male", "Other"} & set(comments["text"])
    role = {c.header: c.role for c in loaded.mapping.columns}["Gender"]
    assert role == "background"


def test_a_categorical_column_chosen_as_group_becomes_the_respondent_group():
    loaded = _load("engagement_survey.xlsx", roles={"Gender": "group"})
    groups = loaded.tables["feedback"].groupby("respondent_group")["n"].sum().to_dict()
    assert groups == {"Female": 15, "Male": 6, "Other": 3}


def test_likert_words_in_swedish_are_answers():
    loaded = _load("webropol_kundenkat.xlsx")
    questions = _questions(loaded)
    assert questions["Personalen var vänlig"][:4] == (1, 5, 5, 19.0)
    assert questions["Hur nöjd var du med servicen?"][:4] == (1, 5, 6, 24.0)


def test_repeated_unknown_answer_options_are_reported_never_stored_as_comments():
    from tests.builders import xlsx_bytes

    answers = [
        "Täysin samaa mieltä",
        "Melko hyvin",
        "Täysin samaa mieltä",
        "Melko hyvin",
        "Jokseenkin samaa mieltä",
        "Täysin samaa mieltä",
    ]
    rows = [["Päivämäärä", "Yksikkö", "Ohjaus oli selkeää"]]
    rows += [["2024-03-05", "A", a] for a in answers]
    loaded = load_file("k.xlsx", xlsx_bytes(rows))
    assert loaded.tables["comments"].empty
    assert _questions(loaded)["Ohjaus oli selkeää"][:4] == (1, 5, 4, 19.0)
    (note,) = [w.problem("en") for w in loaded.warnings if w.code == "unknown_words"]
    assert note.startswith('The answer options "Melko hyvin" are not known')
    assert "(2 answers)" in note


def test_a_unit_headcount_repeated_on_person_rows_is_taken_once():
    loaded = _load("hr_henkilorivit.xlsx")
    table = loaded.tables["workforce"]
    rows = table[["month", "unit", "headcount", "fte", "sick_leave_days", "leavers"]]
    assert rows.values.tolist() == [
        [D(2024, 1, 1), "Päiväkoti Aurinko", 18.0, 16.5, 8.0, 1.0],
        [D(2024, 1, 1), "Päiväkoti Kuu", 10.0, 9.2, 2.0, 0.0],
        [D(2024, 2, 1), "Päiväkoti Aurinko", 18.0, 16.5, 3.0, 0.0],
    ]
    repeated = [w.column for w in loaded.warnings if w.code == "unit_value_repeated"]
    assert repeated == ["Henkilöstö", "HTV"]


def test_a_headcount_of_one_per_person_row_is_summed():
    loaded = _load("hr_overtime.xlsx", roles={"OverTime": "ignore"})
    table = loaded.tables["workforce"]
    assert table[["unit", "headcount"]].values.tolist() == [
        ["Kotihoito Itä", 5.0],
        ["Kotihoito Länsi", 3.0],
    ]
    assert "unit_value_repeated" not in [w.code for w in loaded.warnings]


def test_an_absence_log_imports_without_a_headcount():
    loaded = _load("poissaololoki.csv")
    table = loaded.tables["workforce"]
    assert table[["month", "unit", "headcount", "sick_leave_days"]].values.tolist() == [
        [D(2024, 1, 1), "Päiväkoti Aurinko", None, 5.0],
        [D(2024, 1, 1), "Päiväkoti Kuu", None, 4.0],
        [D(2024, 2, 1), "Päiväkoti Aurinko", None, 1.0],
    ]


def test_a_yearly_snapshot_is_spread_over_its_months_never_one_month():
    loaded = _load("hr_vuosiraportti.xlsx")
    table = loaded.tables["workforce"]
    aurinko = table[table["unit"] == "Päiväkoti Aurinko"]
    assert len(aurinko) == 12
    assert set(aurinko["headcount"]) == {18.0}
    # 3 leavers and 240 sick leave days in the year: the twelve months sum back to them, so
    # turnover is 3 / 18 a year (16.7 %), not 3 / 18 in one month (200 % a year).
    assert sum(aurinko["leavers"]) == pytest.approx(3.0)
    assert sum(aurinko["sick_leave_days"]) == pytest.approx(240.0)
    assert "yearly_spread" in [w.code for w in loaded.warnings]


def test_an_overtime_column_of_yes_no_says_what_it_was_taken_for_and_how_to_remap():
    with pytest.raises(LoadError) as caught:
        _load("hr_overtime.xlsx")
    (problem,) = caught.value.problems
    message = problem.message("en")
    assert 'column "OverTime"' in message
    assert "taken by its header as Ylityötunnit / Overtime hours" in message
    assert '"Yes", "No"' in message
    assert '--map "OverTime=ignore"' in message
    # The mapping step gets the columns, so the user can remap it there.
    roles = {c.header: c.role for c in caught.value.mapping.columns}
    assert roles["OverTime"] == "overtime_hours"


# --- personal data ---------------------------------------------------------------------------


def _stored_text(loaded) -> str:
    return repr([t.to_dict("records") for t in loaded.tables.values()])


@pytest.mark.parametrize(
    "header",
    [
        "Email Address",
        "E-mail",
        "Email (optional)",
        "Vastaajan nimi",
        "Full name",
        "Etunimi",
        "Sukunimi",
        "Namn",
        "E-post",
        "Puhelin",
        "Henkilötunnus",
    ],
)
def test_personal_data_headers_are_never_stored(header):
    from tests.builders import xlsx_bytes

    rows = [["Päivämäärä", "Yksikkö", header, "Viihdyn"]]
    rows += [["2024-03-05", "A", f"Arvo Salainen {i} x", 4] for i in range(3)]
    loaded = load_file("k.xlsx", xlsx_bytes(rows))
    assert "Salainen" not in _stored_text(loaded)
    assert loaded.answers() == 3
    assert {c.header: c.role for c in loaded.mapping.columns}[header] == "personal"


@pytest.mark.parametrize(
    "cells",
    [
        ["maija@example.fi", "pekka@example.com", "liisa@kunta.fi"],
        ["040 123 4567", "+358 50 765 4321", "044-555 1234"],
    ],
    ids=["emails", "phones"],
)
def test_columns_of_emails_or_phones_are_never_stored_whatever_the_header(cells):
    from tests.builders import xlsx_bytes

    rows = [["Päivämäärä", "Yksikkö", "Yhteystieto", "Viihdyn"]]
    rows += [["2024-03-05", "A", cell, 4] for cell in cells]
    loaded = load_file("k.xlsx", xlsx_bytes(rows))
    stored = _stored_text(loaded)
    assert not any(cell in stored for cell in cells)
    assert loaded.tables["comments"].empty


def test_emails_and_phones_inside_comments_are_masked():
    loaded = _load("google_forms_asiakaspalaute.csv")
    assert sorted(loaded.tables["comments"]["text"]) == [
        "Call me at [tel.], please",
        "Great, thanks, see you",
    ]
    assert "contacts_masked" in [w.code for w in loaded.warnings]


# --- dates ------------------------------------------------------------------------------------


def test_us_dates_are_read_month_first_when_the_file_says_so():
    loaded = _load("google_forms_asiakaspalaute.csv")
    assert sorted(set(loaded.tables["feedback"]["date"])) == [
        D(2024, 3, 14),
        D(2024, 3, 15),
        D(2024, 4, 2),
    ]
    assert "date_order_assumed" not in [w.code for w in loaded.warnings]


@pytest.mark.parametrize(("lang", "expected"), [("fi", D(2024, 4, 3)), ("en", D(2024, 3, 4))])
def test_ambiguous_slash_dates_follow_the_users_language_and_say_so(lang, expected):
    from tests.builders import xlsx_bytes

    rows = [["Timestamp", "Yksikkö", "Viihdyn"], ["3/4/2024 10:00:00", "A", 4]]
    loaded = load_file("k.xlsx", xlsx_bytes(rows), mapping=Mapping(lang=lang))
    assert list(loaded.tables["feedback"]["date"]) == [expected]
    (note,) = [w for w in loaded.warnings if w.code == "date_order_assumed"]
    assert note.params["order"] == ("D/M/YYYY" if lang == "fi" else "M/D/YYYY")


def test_the_user_can_set_the_day_month_order():
    from tests.builders import xlsx_bytes

    rows = [["Timestamp", "Yksikkö", "Viihdyn"], ["3/4/2024 10:00:00", "A", 4]]
    loaded = load_file("k.xlsx", xlsx_bytes(rows), mapping=Mapping(day_first=False))
    assert list(loaded.tables["feedback"]["date"]) == [D(2024, 3, 4)]


@pytest.mark.parametrize(
    "header", ["Timestamp", "Aikaleima", "Tidsstämpel", "Submitted at", "Submission date"]
)
def test_form_tool_date_headers_are_dates(header):
    from tests.builders import xlsx_bytes

    rows = [[header, "Yksikkö", "Viihdyn"], ["2024-03-05 10:00", "A", 4]]
    assert load_file("k.xlsx", xlsx_bytes(rows)).date_range() == (D(2024, 3, 5), D(2024, 3, 5))


@pytest.mark.parametrize("value", ["31.12.9999", "1.1.1999"])
def test_implausible_dates_are_refused_naming_the_cell(value):
    from tests.builders import xlsx_bytes

    rows = [["Päivämäärä", "Yksikkö", "Viihdyn"], ["2024-03-05", "A", 4], [value, "A", 5]]
    with pytest.raises(LoadError) as caught:
        load_file("k.xlsx", xlsx_bytes(rows))
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.code) == (3, "Päivämäärä", "implausible_date")
    assert "dates must lie between 2000-01-01 and" in problem.message("en")


@pytest.mark.parametrize(
    ("period", "first"),
    [("2023Q2", D(2023, 4, 1)), ("kevät 2024", D(2024, 1, 1)), ("2024", D(2024, 1, 1))],
)
def test_a_wide_survey_may_carry_a_period_or_get_one_from_the_user(period, first):
    from tests.builders import xlsx_bytes

    rows = [["Kausi", "Yksikkö", "Viihdyn"], [period, "A", 4]]
    assert load_file("k.xlsx", xlsx_bytes(rows)).date_range() == (first, first)
    rows = [["Yksikkö", "Viihdyn"], ["A", 4]]
    loaded = load_file("k.xlsx", xlsx_bytes(rows), mapping=Mapping(date=period))
    assert loaded.date_range() == (first, first)


# --- detection explains itself ----------------------------------------------------------------


def test_a_forms_export_without_a_unit_names_what_is_missing_and_offers_its_columns():
    with pytest.raises(LoadError) as caught:
        _load("forms_huoltajakysely.xlsx")
    message = caught.value.message("fi")
    assert "lähimmän muodon mukaan (Palaute, yksi vastaaja riviä kohden)" in message
    assert 'puuttuu vielä "Yksikkö"' in message
    assert '--unit "UNIT"' in message  # the choice that gives what is missing
    assert '"ID", "Start time", "Completion time", "Email", "Name"' in message
    roles = {c.header: c.role for c in caught.value.mapping.columns}
    assert roles["Completion time"] == "date"
    assert roles["Email"] == roles["Name"] == "personal"
    assert roles["Lapseni viihtyy päiväkodissa"] == "question:1-5"
    assert roles["Kuinka todennäköisesti suosittelisit päiväkotia ystävällesi?"] == "question:0-10"
    assert roles["Terveisiä henkilökunnalle"] == "comment"


@pytest.mark.parametrize(
    ("answers", "scale"), [([1, 6, 7, 5, 3], (1, 7)), ([2, 8, 10, 9, 5], (0, 10))]
)
def test_a_scale_read_from_the_answers_alone_is_said(answers, scale):
    from tests.builders import xlsx_bytes

    rows = [["Päivämäärä", "Yksikkö", "Arvio palvelusta"]]
    rows += [["2024-03-05", "A", a] for a in answers]
    loaded = load_file("k.xlsx", xlsx_bytes(rows))
    assert _questions(loaded)["Arvio palvelusta"][:3] == (*scale, 5)
    (note,) = [w for w in loaded.warnings if w.code == "column_scale_from_answers"]
    assert note.params["scale"] == f"{scale[0]}–{scale[1]}"
