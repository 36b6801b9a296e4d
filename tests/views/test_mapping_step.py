"""The mapping step on the Import page through AppTest: a Forms export without a unit
column gets its unit typed in, one question's scale changed, and is stored as mapped; a saved
source profile maps the same headers next time; profiles are renamed and deleted."""

from pathlib import Path

import pytest
from sqlalchemy import select

from core.texts import t
from data_model.models import FeedbackComment, FeedbackScore, Unit
from data_model.profiles import list_profiles, save_profile
from data_model.store import sha256
from loaders import Mapping
from tests.views import helpers as h
from ui.mapping import label_tag

FORMS = Path(__file__).resolve().parent.parent / "files" / "forms_huoltajakysely.xlsx"
DATA = FORMS.read_bytes()
KEY = sha256(DATA)[:16]
Q1 = "Lapseni viihtyy päiväkodissa"


def key(name: str) -> str:
    return f"map_{name}_{KEY}"


def _upload(at):
    return at.file_uploader(key="import_files").set_value([(FORMS.name, DATA, h.XLSX_MIME)]).run()


HEADERS = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    Q1,
    "Saan riittävästi tietoa lapseni päivästä",
    "Kuinka todennäköisesti suosittelisit päiväkotia ystävällesi?",
    "Terveisiä henkilökunnalle",
]


def _role_box(at, header: str):
    """The role selectbox of the column with this header (rows follow the file's columns)."""
    return at.selectbox(key=key(f"role_{HEADERS.index(header)}"))


def _table_with(at, column: str):
    """The table on the page that has this column."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.fixture
def at():
    return h.open_import_page()


def test_a_file_without_a_unit_shows_the_step_and_imports_once_the_unit_is_given(at, app_engine):
    _upload(at)
    # Only the mapping is missing: the card says so and points at the step, not "fix the file".
    assert not at.error
    assert at.warning[0].value == (
        "Tiedostoa ei tarvitse korjata: valitse alla kohdassa Sarakkeiden tulkinta, mikä sarake "
        "on mikä, tai anna yksi arvo kaikille riveille."
    )
    problem = at.dataframe[0].value.iloc[0]["Ongelma"]
    assert 'puuttuu vielä "Yksikkö"' in problem
    assert [b.key for b in at.button if b.key == "import_button"] == []
    # Every column is listed with its role: personal data and metadata are never stored.
    assert _role_box(at, "Email").value == "personal"
    assert _role_box(at, "ID").value == "metadata"
    assert _role_box(at, "Completion time").value == "date"
    assert _role_box(at, Q1).value == "question:1-5"

    at.text_input(key=key("unit")).set_value("Päiväkoti Aurinko").run()
    assert not at.error
    summary = at.markdown[2].value
    assert summary.startswith("Tietorivejä 6 · yksiköitä 1 · ajalta 2.9.2024 – 7.9.2024")
    assert "vastauksia 17 · keskiarvo 4,18" in at.markdown[2].value

    _role_box(at, Q1).set_value("question:1-7").run()
    questions = _table_with(at, "Asteikko")
    row = questions[questions["Kysymys"] == Q1].iloc[0]
    assert (row["Asteikko"], row["Vastauksia"], row["Keskiarvo omalla asteikollaan"]) == (
        "kysymys, asteikko 1–7",
        6,
        "4,33",
    )

    at.button(key="import_button").click().run()
    with app_engine.connect() as conn:
        stored = conn.execute(
            select(FeedbackScore.question, FeedbackScore.scale_min, FeedbackScore.scale_max)
            .distinct()
            .order_by(FeedbackScore.question)
        ).all()
        units = conn.execute(select(Unit.name)).scalars().all()
        comments = conn.execute(select(FeedbackComment.text)).scalars().all()
    assert stored == [
        ("Kuinka todennäköisesti suosittelisit päiväkotia ystävällesi?", 0, 10),
        (Q1, 1, 7),
        ("Saan riittävästi tietoa lapseni päivästä", 1, 5),
    ]
    assert units == ["Päiväkoti Aurinko"]
    assert sorted(comments) == ["Ihana syksy", "Kiitos kaikille!", "Soittakaa minulle [tel.]"]


def test_a_saved_profile_maps_the_same_headers_next_time(at, app_engine):
    _upload(at)
    at.text_input(key=key("unit")).set_value("Päiväkoti Aurinko").run()
    _role_box(at, Q1).set_value("question:1-7").run()
    at.text_input(key=key("profile_name")).set_value("Huoltajakysely / Forms").run()
    at.button(key=key("profile_save")).click().run()
    # The name is the user's text: escaped, so Markdown in it shows as typed.
    assert at.success[0].value == "Lähdeprofiili Huoltajakysely \\/ Forms tallennettiin."

    again = h.open_import_page()
    _upload(again)
    assert not again.error
    assert again.info[0].value == (
        "Sarakkeet tulkittiin tallennetun lähdeprofiilin Huoltajakysely \\/ Forms mukaan."
    )
    assert again.text_input(key=key("unit")).value == "Päiväkoti Aurinko"
    assert _role_box(again, Q1).value == "question:1-7"
    again.button(key="import_button").click().run()
    with app_engine.connect() as conn:
        scales = (
            conn.execute(
                select(FeedbackScore.scale_max).where(FeedbackScore.question == Q1).distinct()
            )
            .scalars()
            .all()
        )
    assert scales == [7]


def test_profiles_are_listed_renamed_and_deleted_on_the_page(app_engine):
    save_profile(engine=app_engine, name="HR", headers=["a"], choices=Mapping(unit="X").to_json())
    save_profile(engine=app_engine, name="Kysely", headers=["b"], choices="{}")
    at = h.open_import_page()
    assert list(_table_with(at, "Sarakkeita")["Nimi"]) == ["HR", "Kysely"]

    at.selectbox(key="map_profiles_chosen").set_value("HR")
    at.text_input(key="map_profiles_new").set_value("HR kuukausiraportti")
    at.button(key="map_profiles_rename").click().run()
    assert at.success[0].value == "Profiili nimettiin uudelleen: HR kuukausiraportti."
    assert [p.name for p in list_profiles(engine=app_engine)] == ["HR kuukausiraportti", "Kysely"]

    at.selectbox(key="map_profiles_chosen").set_value("Kysely")
    at.button(key="map_profiles_delete").click().run()
    assert at.success[0].value == "Profiili Kysely poistettiin."
    assert [p.name for p in list_profiles(engine=app_engine)] == ["HR kuukausiraportti"]


def test_every_role_a_loader_gives_has_a_label_in_both_languages():
    from core.texts import TEXTS
    from loaders import FORMS
    from loaders.mapping import DETECTED_ROLES, USER_ROLES

    keys = {"group" if c.key == "respondent_group" else c.key for s, _ in FORMS for c in s.columns}
    for role in sorted(keys | set(USER_ROLES) | set(DETECTED_ROLES)):
        for lang in ("fi", "en"):
            labels = (f"mapping.role.{role}", f"col.{role}")
            assert any(key in TEXTS[lang] for key in labels), (role, lang)


def _two_header_rows() -> bytes:
    """A SurveyMonkey-style export: question row over an option row, Portuguese options."""
    from tests.builders import csv_bytes

    rows = [
        ["Respondent ID", "End Date", "Loja", "A equipe foi cordial", "Why?"],
        [None, None, "Response", "Response", "Open-Ended Response"],
    ]
    answers = ["Concordo totalmente", "Concordo", "Concordo totalmente", "Neutro", "Concordo"]
    for i, answer in enumerate(answers):
        rows.append([100 + i, f"2024-05-0{i + 1}", "Loja Centro", answer, f"Comentário {i}"])
    return csv_bytes(rows, sep=",")


def test_header_rows_are_shown_and_unknown_answer_words_get_scores(at, app_engine):
    data = _two_header_rows()
    digest = sha256(data)[:16]
    at.file_uploader(key="import_files").set_value([("loja.csv", data, "text/csv")]).run()

    def k(name):
        return f"map_{name}_{digest}"

    # The detected header rows, 1-2, are shown and can be changed.
    assert at.number_input(key=k("header_first")).value == 1
    assert at.number_input(key=k("header_last")).value == 2
    # The words no scale knows are listed with their counts, to be given scores.
    words = [w.value for w in at.text if "(" in w.value]
    assert "Concordo totalmente  (2)" in words and "Neutro  (1)" in words
    at.selectbox(key=k("role_2")).set_value("unit").run()
    labels = {"Concordo totalmente": "5", "Concordo": "4", "Neutro": "3"}
    for word, score in labels.items():
        at.selectbox(key=k(f"label_{label_tag(word)}")).set_value(score).run()
    questions = _table_with(at, t("mapping.q.mean", "fi"))
    assert list(questions[t("mapping.q.question", "fi")]) == ["A equipe foi cordial"]
    assert list(questions[t("mapping.q.answers", "fi")]) == [5]
    assert list(questions[t("mapping.q.mean", "fi")]) == ["4,20"]
    at.button(key="import_button").click().run()
    with app_engine.connect() as conn:
        rows = conn.execute(select(FeedbackScore.n, FeedbackScore.score_sum)).all()
    assert (sum(r.n for r in rows), sum(r.score_sum for r in rows)) == (5, 21.0)


def test_choosing_one_header_row_reads_the_option_row_as_data(at):
    data = _two_header_rows()
    digest = sha256(data)[:16]
    at.file_uploader(key="import_files").set_value([("loja.csv", data, "text/csv")]).run()
    at.selectbox(key=f"map_role_2_{digest}").set_value("unit").run()
    assert list(_table_with(at, "Ongelma")["Rivi"].dropna()) == []  # the whole file's problem
    at.number_input(key=f"map_header_last_{digest}").set_value(1).run()
    problems = _table_with(at, "Ongelma")
    # With one header row, the option row is data: row 2 has no date.
    assert list(problems["Rivi"].dropna()) == [2]
    assert "import_button" not in [b.key for b in at.button]


def test_the_sheet_preview_shows_no_personal_data(at):
    _upload(at)
    preview = next(d.value for d in at.dataframe if "A" in d.value.columns)
    cells = " ".join(str(x) for x in preview.to_numpy().ravel())
    assert "Email" in cells and "Name" in cells  # the headers are shown
    assert "@" not in cells and "Maija" not in cells  # e-mail addresses and names are not


def test_a_workforce_table_gets_its_figures_unit_and_month_on_the_page(at, app_engine):
    from data_model.models import WorkforceMonth
    from tests.builders import xlsx_bytes

    data = xlsx_bytes(
        [[None, "EU staff", "UK staff"], ["Trust A", 10, 90], ["Trust B", 5, 45]],
        title_rows=1,
    )
    digest = sha256(data)[:16]
    at.file_uploader(key="import_files").set_value([("staff.xlsx", data, h.XLSX_MIME)]).run()
    at.selectbox(key=f"kind_{digest}").set_value("workforce").run()
    roles = at.selectbox(key=f"map_role_1_{digest}")
    assert "Henkilöstö" in roles.options
    at.selectbox(key=f"map_role_0_{digest}").set_value("unit").run()
    at.selectbox(key=f"map_role_1_{digest}").set_value("headcount").run()
    at.selectbox(key=f"map_role_2_{digest}").set_value("headcount").run()
    at.text_input(key=f"map_date_{digest}").set_value("2017-SEP").run()
    at.button(key="import_button").click().run()
    with app_engine.connect() as conn:
        rows = conn.execute(select(WorkforceMonth.month, WorkforceMonth.headcount)).all()
    assert sorted((str(m), c) for m, c in rows) == [("2017-09-01", 50.0), ("2017-09-01", 100.0)]


def test_a_typo_of_a_known_word_is_listed_with_the_word_it_likely_means(at):
    from tests.builders import xlsx_bytes

    answers = ["Agree", "Strongly agree", "Disgree", "Agree", "Disagree", "Disgree"]
    rows = [["Date", "Unit", "I know what is expected of me"]]
    rows += [[f"2024-03-0{i + 1}", "A", a] for i, a in enumerate(answers)]
    data = xlsx_bytes(rows)
    at.file_uploader(key="import_files").set_value([("typo.xlsx", data, h.XLSX_MIME)]).run()
    assert "Disgree  (2)" in [w.value for w in at.text]
    assert "lähin tunnettu vaihtoehto: disagree = 2" in [c.value for c in at.caption]
    # Not applied unasked: the two answers are left out until given a score.
    questions = _table_with(at, t("mapping.q.mean", "fi"))
    assert list(questions[t("mapping.q.answers", "fi")]) == [4]
