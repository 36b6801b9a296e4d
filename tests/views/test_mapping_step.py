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
    assert at.error[0].value == t("import.errors", "fi")
    problem = at.dataframe[0].value.iloc[0]["Ongelma"]
    assert 'pakollisista sarakkeista puuttuu "Yksikkö" / "Unit"' in problem
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
