"""The import page through AppTest with real workbook bytes: what a manager sees for each file
(kind, preview, warnings, errors), what the Import button stores, re-imports, the kind override,
undoing an import, and the templates."""

import datetime as dt

import pytest

from core import formats as fmt
from core.texts import t
from data_model.store import find_batch, sha256
from importing import import_file
from loaders.common import FEEDBACK_COLUMNS
from loaders.templates import TEMPLATE_FORMS
from tests.views import helpers as h
from ui.importing import as_utc
from ui.plain import shown_text


def _upload(at, *files: tuple[str, bytes]):
    uploads = [(name, data, h.XLSX_MIME) for name, data in files]
    return at.file_uploader(key="import_files").set_value(uploads).run()


def _records(frame) -> list[dict]:
    return frame.to_dict("records")


@pytest.fixture
def at():
    return h.open_import_page()


def test_an_uploaded_file_shows_its_kind_summary_warnings_and_preview(at):
    _upload(at, ("palaute.xlsx", h.feedback_long(extra_column="Huomio")))

    assert "**Tunnistettu: Palaute, yksi vastaus riviä kohden** · " in at.markdown[1].value
    assert at.markdown[1].value.endswith("Taulukko Taulukko1, otsikkorivi 1")
    assert at.markdown[2].value == (
        "Tietorivejä 12 · yksiköitä 2 · ajalta 2.1.2024 – 7.1.2024 · vastauksia 12 · keskiarvo 3,75"
    )
    notes = shown_text(at.warning[0].value)  # the page escapes what the file wrote
    assert notes.startswith("Huomautukset:")
    assert t("problem.ignored_columns", "fi", columns="Huomio") in notes
    assert "ne luodaan: Palvelutalo Koivu, Päiväkoti Aurinko." in notes
    preview = at.dataframe[0].value
    assert list(preview.columns) == [t(f"col.{c}", "fi") for c in FEEDBACK_COLUMNS]
    first = _records(preview.head(2))
    assert {row["Päivämäärä"] for row in first} == {"2.1.2024"}
    assert {row["Yksikkö"] for row in first} == {"Päiväkoti Aurinko", "Palvelutalo Koivu"}
    assert {row["Kysymys"] for row in first} == {"Lapseni viihtyy"}
    assert {(row["Vastauksia"], row["Pisteiden summa"]) for row in first} == {(1, "4"), (1, "3")}
    button = at.button(key="import_button")
    assert (button.label, button.disabled) == ("Tuo tiedosto", False)


def test_a_bad_cell_is_listed_with_row_column_value_and_problem(at):
    _upload(at, ("huono.xlsx", h.feedback_with_bad_score()))

    assert at.error[0].value == t("import.errors", "fi")
    assert _records(at.dataframe[0].value) == [
        {
            "Tiedosto": "huono.xlsx",
            "Taulukko": "Taulukko1",
            "Rivi": 3,
            "Sarake": "Vastaus",
            "Arvo": "paljon",
            "Ongelma": '"paljon" ei ole luku.',
        }
    ]
    assert "import_button" not in [b.key for b in at.button]  # nothing to import


def test_the_errors_table_follows_the_language(at):
    _upload(at, ("huono.xlsx", h.feedback_with_bad_score()))
    at.radio(key="lang").set_value("en").run()

    assert at.error[0].value == t("import.errors", "en")
    assert _records(at.dataframe[0].value) == [
        {
            "File": "huono.xlsx",
            "Sheet": "Taulukko1",
            "Row": 3,
            "Column": "Vastaus",
            "Value": "paljon",
            "Problem": '"paljon" is not a number.',
        }
    ]


def test_import_stores_the_files_and_lists_them(at, app_engine):
    assert at.main.info[-1].value == t("import.history_empty", "fi")
    _upload(at, ("yksikot.xlsx", h.units_register()), ("palaute.xlsx", h.feedback_long()))
    assert at.button(key="import_button").label == "Tuo 2 tiedostoa"

    at.button(key="import_button").click().run()

    assert h.counts(app_engine) == {"batches": 2, "feedback": 12, "units": 3, "areas": 2}
    # Each card now says where its file went, and the summary follows.
    assert [s.value for s in at.success] == [
        "Tiedot tallennettiin (tuonti nro 1).",
        "Tiedot tallennettiin (tuonti nro 2).",
        "Tuonti valmis.",
    ]
    assert not at.info  # not "already imported": this session just imported them
    results = _records(at.dataframe[-2].value)
    assert [(r["Tiedosto"], r["Tila"], r["Laji"], r["Rivejä"]) for r in results] == [
        ("yksikot.xlsx", "tuotu", "Yksikkörekisteri", "3"),
        ("palaute.xlsx", "tuotu", "Palaute", "12"),
    ]
    assert results[0]["Vastauksia"] == "–"  # a register has none
    assert results[1]["Vastauksia"] == "12"
    assert results[1]["Yksiköt"] == "Palvelutalo Koivu, Päiväkoti Aurinko"
    assert results[1]["Ajanjakso"] == "2.1.2024 – 7.1.2024"
    history = _records(at.dataframe[-1].value)
    assert [(r["Tiedosto"], r["Laji"], r["Rivejä"], r["Tuoja"]) for r in history] == [
        ("palaute.xlsx", "Palaute", 12, "app"),
        ("yksikot.xlsx", "Yksikkörekisteri", 3, "app"),
    ]
    # Cached look-ups were refreshed: the sidebar now offers the imported data, from its first
    # day to today (a range ending on the last data day would label its month running).
    assert at.date_input(key="filter_dates").value == (dt.date(2024, 1, 2), dt.date(2024, 3, 20))


def test_the_signed_in_user_is_recorded_as_the_importer(monkeypatch, app_engine):
    from data_model.users import add_user

    add_user(engine=app_engine, name="Maija Meikäläinen", role="admin", password="kissa ja koira")
    at = h.new_app().run()
    at.text_input(key="signin_name").input("Maija Meikäläinen")
    at.text_input(key="signin_password").input("kissa ja koira")
    at.button[0].click().run()
    at.switch_page(h.IMPORT_PAGE).run()
    data = h.feedback_long()
    _upload(at, ("palaute.xlsx", data))

    at.button(key="import_button").click().run()

    assert _records(at.dataframe[-1].value)[0]["Tuoja"] == "Maija Meikäläinen"
    assert find_batch(engine=app_engine, digest=sha256(data)).imported_by == "Maija Meikäläinen"


def test_a_file_imported_before_is_not_imported_again(at, app_engine):
    data = h.feedback_long()
    import_file(engine=app_engine, file_name="palaute.xlsx", data=data)
    before = h.counts(app_engine)
    earlier = find_batch(engine=app_engine, digest=sha256(data))

    _upload(at, ("palaute (kopio).xlsx", data))

    when = fmt.datetime(as_utc(earlier.imported_at), "fi")
    assert shown_text(at.info[0].value) == t("import.already", "fi", when=when, file="palaute.xlsx")
    assert not at.dataframe[:-1]  # no preview, only the history table
    assert "import_button" not in [b.key for b in at.button]  # nothing to import
    assert h.counts(app_engine) == before


def test_forcing_another_kind_checks_the_file_as_that_kind(at):
    data = h.feedback_long()
    _upload(at, ("palaute.xlsx", data))

    at.selectbox(key=f"kind_{sha256(data)[:16]}").set_value("targets").run()

    missing = '"Mittari", "Tavoite"'
    problems = _records(at.dataframe[0].value)
    (problem,) = [p["Ongelma"] for p in problems]
    # What is missing, the header row read, and the choice that gives it.
    assert problem.startswith(f"Pakollinen sarake puuttuu: {missing}. Otsikkoriviksi tulkittiin")
    assert '--map "HEADER=indicator"' in problem
    assert "import_button" not in [b.key for b in at.button]  # nothing to import


@pytest.fixture
def two_batches(app_engine) -> dict[str, int]:
    ids = {}
    for name, data in (("yksikot.xlsx", h.units_register()), ("palaute.xlsx", h.feedback_long())):
        ids[name] = import_file(engine=app_engine, file_name=name, data=data).batch_id
    return ids


def _history_files(at) -> list[str]:
    return [row["Tiedosto"] for row in _records(at.dataframe[-1].value)]


def test_removal_asks_for_confirmation_and_cancel_keeps_the_batch(two_batches, app_engine):
    at = h.open_import_page()
    before = h.counts(app_engine)
    at.selectbox(key="remove_batch_id").set_value(two_batches["palaute.xlsx"]).run()

    at.button(key="remove_button").click().run()
    batch_id = two_batches["palaute.xlsx"]
    confirm = t("import.remove_confirm", "fi", id=batch_id, file="palaute.xlsx", rows=12)
    assert [shown_text(w.value) for w in at.warning] == [confirm]

    at.button(key="remove_cancel").click().run()
    assert not at.warning
    assert h.counts(app_engine) == before
    assert _history_files(at) == ["palaute.xlsx", "yksikot.xlsx"]


def test_confirmed_removal_deletes_the_batch_and_its_rows(two_batches, app_engine):
    at = h.open_import_page()
    batch_id = two_batches["palaute.xlsx"]
    at.selectbox(key="remove_batch_id").set_value(batch_id).run()

    at.button(key="remove_button").click().run()
    at.button(key="remove_confirm").click().run()

    assert h.counts(app_engine) == {"batches": 1, "feedback": 0, "units": 3, "areas": 2}
    assert shown_text(at.success[0].value) == t(
        "import.removed", "fi", id=batch_id, file="palaute.xlsx"
    )
    assert _history_files(at) == ["yksikot.xlsx"]
    assert at.selectbox(key="remove_batch_id").options == [
        f"{two_batches['yksikot.xlsx']} – yksikot.xlsx"
    ]


def test_a_template_can_be_downloaded_for_every_kind(at):
    labels = {b.label for b in at.download_button}
    wanted = {
        f"{t(f'kind.{kind}', 'fi')}: {t(f'form.{form}', 'fi')}" for kind, form in TEMPLATE_FORMS
    }

    assert len(at.download_button) == len(TEMPLATE_FORMS) == 10
    assert labels == wanted
    assert at.header[0].value == "Mallitiedostot"


# --- a file repeating an earlier import -------------------------------------------------------


def _cumulative(n: int) -> bytes:
    """A Forms-style export with the first n answers (four a day from 1.2.2024)."""
    rows = [h.FEEDBACK_HEADER]
    for i in range(n):
        day = dt.datetime(2024, 2, 1) + dt.timedelta(days=i // 4)
        rows.append([day, "Päiväkoti Aurinko", "Huoltajakysely", "Lapseni viihtyy", 1 + i % 5])
    return h.xlsx_bytes(rows)


@pytest.fixture
def earlier(app_engine):
    result = import_file(engine=app_engine, file_name="kysely.xlsx", data=_cumulative(40))
    assert result.status == "imported"
    return result.batch_id


def test_an_overlapping_file_asks_to_replace_or_cancel(earlier, at, app_engine):
    _upload(at, ("kysely (1).xlsx", data := _cumulative(60)))

    message = shown_text(at.warning[0].value)
    assert message.startswith(
        f"Tiedosto kysely (1).xlsx: 67 % näistä riveistä on jo tallennettu tuonnissa {earlier} "
        "(kysely.xlsx). Tiedostoa ei tuotu"
    )
    assert message.endswith(t("import.overlap_choice", "fi"))
    replace = at.button(key=f"overlap_replace_{sha256(data)[:16]}")
    assert replace.label == f"Korvaa tuonti {earlier} tällä tiedostolla"
    assert not [b for b in at.button if b.key == "import_button"]  # not in the bulk import


def test_cancel_leaves_the_database_as_it_was(earlier, at, app_engine):
    before = h.counts(app_engine)
    _upload(at, ("kysely (1).xlsx", data := _cumulative(60)))

    at.button(key=f"overlap_cancel_{sha256(data)[:16]}").click().run()

    assert h.counts(app_engine) == before
    assert at.info[0].value == t("import.overlap_cancelled", "fi", batch=earlier)
    assert not at.warning
    assert _history_files(at) == ["kysely.xlsx"]


def test_import_anyway_keeps_both_imports(earlier, at, app_engine):
    _upload(at, ("kysely (1).xlsx", data := _cumulative(60)))

    at.button(key=f"overlap_keep_{sha256(data)[:16]}").click().run()

    new = find_batch(engine=app_engine, digest=sha256(data))
    assert at.success[0].value == t("import.just_imported", "fi", id=new.id)
    assert h.counts(app_engine)["batches"] == 2  # the earlier import stays beside it
    assert _history_files(at) == ["kysely (1).xlsx", "kysely.xlsx"]


def test_replace_swaps_the_earlier_import_for_the_new_file(earlier, at, app_engine):
    _upload(at, ("kysely (1).xlsx", data := _cumulative(60)))

    at.button(key=f"overlap_replace_{sha256(data)[:16]}").click().run()

    new = find_batch(engine=app_engine, digest=sha256(data))
    assert at.success[0].value == t("import.overlap_replaced", "fi", id=new.id, old=earlier)
    assert _history_files(at) == ["kysely (1).xlsx"]
    assert h.counts(app_engine)["batches"] == 1
    results = _records(at.dataframe[-2].value)
    assert [(r["Tiedosto"], r["Tila"], r["Vastauksia"]) for r in results] == [
        ("kysely (1).xlsx", "tuotu", "60")
    ]


def test_after_an_import_the_removal_selector_chooses_nothing(two_batches, app_engine):
    at = h.open_import_page()
    assert at.selectbox(key="remove_batch_id").value is None  # nothing chosen on arrival
    assert at.button(key="remove_button").disabled
    at.selectbox(key="remove_batch_id").set_value(two_batches["palaute.xlsx"]).run()
    assert not at.button(key="remove_button").disabled

    later = [
        h.FEEDBACK_HEADER,
        [dt.datetime(2024, 5, 6), "Päiväkoti Aurinko", "Huoltajakysely", "Lapseni viihtyy", 5],
    ]  # (no row of palaute.xlsx)
    _upload(at, ("toinen.xlsx", h.xlsx_bytes(later)))
    at.button(key="import_button").click().run()

    selector = at.selectbox(key="remove_batch_id")
    assert len(selector.options) == 3  # the new batch is listed ...
    assert selector.value is None  # ... and no older batch stays chosen
    assert at.button(key="remove_button").disabled
