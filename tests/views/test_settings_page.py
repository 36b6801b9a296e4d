"""The Settings page on tests/views/dashboard.py's municipality: what its saved settings and
targets change on the Overview (privacy threshold, period kind, target status)."""

import pytest

from data_model.app_settings import get_setting
from data_model.targets import list_targets, save_targets
from tests.views import dashboard as d
from tests.views import helpers as h
from ui.plain import shown_text

SETTINGS_PAGE, OVERVIEW_PAGE = "views/settings.py", "views/overview.py"
MEAN = "Palautteen keskiarvo"


@pytest.fixture
def settings(municipality):
    at = h.open_page(SETTINGS_PAGE)
    assert at.title[0].value == "Asetukset"
    return at


def overview_of(at, municipality, unit: str):
    """The Overview with the sidebar narrowed to one unit."""
    at.switch_page(OVERVIEW_PAGE).run()
    at.multiselect(key="filter_units").set_value([municipality.units[unit]]).run()
    assert at.title[0].value == "Yleiskuva"
    return at


def mean_card(at) -> tuple[str, str]:
    card = h.metric(at, MEAN)
    notes = [c.value for c in at.caption if c.value.startswith("**")]
    return card.value, notes[0]


def test_a_higher_privacy_threshold_hides_a_six_answer_figure(settings, municipality, app_engine):
    assert mean_card(overview_of(settings, municipality, d.AURINKO))[0] == "4,50"  # 6 answers

    settings.switch_page(SETTINGS_PAGE).run()
    settings.text_input(key="settings_min_answers").set_value("7")
    settings.button[0].click().run()  # the form's submit button

    assert [s.value for s in settings.success] == ["Asetukset tallennettu."]
    assert get_setting(engine=app_engine, key="min_answers") == 7
    value, note = mean_card(overview_of(settings, municipality, d.AURINKO))
    assert value == "piilotettu"
    assert "Alle 7 vastausta" in note
    assert any(
        c.value.startswith("Yksikön kuukausi, jossa johonkin kysymykseen on alle 7 ")
        for c in settings.caption
    )


def test_quarters_as_periods_change_the_overviews_period_grain(settings, municipality):
    settings.selectbox(key="settings_period_kind").set_value("quarter")
    settings.button[0].click().run()

    at = overview_of(settings, municipality, d.AURINKO)
    at.button_group(key="overview_grain").set_value("period").run()

    value, note = mean_card(at)
    assert value == "4,25"  # Q1 2024: 6 x 4 and 4,5,4,5,4,5 = 51 / 12
    assert note.startswith("**2024 Q1, kesken: kulunut 80/91 päivää** · ")  # data to 20.3.
    assert "vuotta aiemmin sama osa (1.1.2023–31.3.2023): 3,00" in note


def test_a_target_added_in_the_editor_changes_the_cards_status(settings, municipality, app_engine):
    _, note = mean_card(overview_of(settings, municipality, d.AURINKO))
    assert "tavoitteessa" in note and "tavoite 4,00" in note  # 4,50 against the default 4,00

    settings.switch_page(SETTINGS_PAGE).run()
    settings.session_state["targets_editor"] = {
        "edited_rows": {},
        "added_rows": [{"indicator": MEAN, "unit": d.AURINKO, "target": "4,6"}],
        "deleted_rows": [],
    }
    settings.button(key="targets_save").click().run()

    assert [s.value for s in settings.success] == ["Tavoitteet tallennettu (1 muutos)."]
    assert list_targets(engine=app_engine) == [
        {
            "indicator": "feedback_mean",
            "unit_id": municipality.units[d.AURINKO],
            "year": None,
            "target": 4.6,
            "manual": True,
        },
    ]
    _, note = mean_card(overview_of(settings, municipality, d.AURINKO))
    assert "lähellä tavoitetta" in note  # 0,10 short: within 5 % of 4,60
    assert "tavoite 4,60" in note


def test_saved_targets_show_in_the_editor_and_on_the_overview(settings, municipality, app_engine):
    save_targets(engine=app_engine, rows=[{"indicator": "feedback_mean", "target": 4.8}])

    settings.run()
    editor = settings.data_editor(key="targets_editor").value
    assert editor.to_dict("records") == [
        {"indicator": MEAN, "unit": "Kaikki yksiköt", "year": "Kaikki vuodet", "target": "4,80"},
    ]
    _, note = mean_card(overview_of(settings, municipality, d.AURINKO))
    assert "tavoitteesta jäljessä" in note  # 4,50 is 0,30 short of 4,80: more than 5 %


def test_a_wider_yellow_band(settings, municipality, app_engine):
    save_targets(engine=app_engine, rows=[{"indicator": "feedback_mean", "target": 4.8}])
    settings.text_input(key="settings_margin").set_value("10")
    settings.button[0].click().run()

    _, note = mean_card(overview_of(settings, municipality, d.AURINKO))
    assert "lähellä tavoitetta" in note  # 0,30 short is within 10 % of 4,80


def test_a_new_row_without_an_indicator_is_left_out(settings, app_engine):
    settings.session_state["targets_editor"] = {
        "edited_rows": {},
        "added_rows": [{"target": "4,6"}],
        "deleted_rows": [],
    }
    settings.button(key="targets_save").click().run()

    assert not settings.exception and not settings.error
    assert list_targets(engine=app_engine) == []


def test_settings_page_in_english(settings):
    settings.radio(key="lang").set_value("en").run()

    assert settings.title[0].value == "Settings"
    assert settings.text_input(key="settings_min_answers").label == (
        "Privacy threshold (at least this many answers)"
    )
    assert settings.selectbox(key="settings_period_kind").options[0] == "quarter"
    assert settings.button(key="targets_save").label == "Save targets"


def test_a_target_for_one_year_is_chosen_from_the_year_list(settings, app_engine):
    settings.switch_page(SETTINGS_PAGE).run()
    settings.session_state["targets_editor"] = {
        "edited_rows": {},
        "added_rows": [{"indicator": MEAN, "year": "2024", "target": "4.4"}],
        "deleted_rows": [],
    }
    settings.button(key="targets_save").click().run()

    assert list_targets(engine=app_engine) == [
        {
            "indicator": "feedback_mean",
            "unit_id": None,
            "year": 2024,
            "target": 4.4,
            "manual": True,
        },
    ]
    shown = settings.data_editor(key="targets_editor").value.to_dict("records")
    assert shown == [
        {"indicator": MEAN, "unit": "Kaikki yksiköt", "year": "2024", "target": "4,40"},
    ]


def test_the_feeling_meter_thresholds_are_saved_and_raise_by_them(settings, app_engine):
    assert settings.text_input(key="settings_feeling_drop").value == "0,5"
    assert settings.text_input(key="settings_feeling_report_weeks").value == "6"
    settings.text_input(key="settings_feeling_months").set_value("2")
    settings.text_input(key="settings_feeling_drop").set_value("1,2")
    settings.text_input(key="settings_feeling_low").set_value("2.5")
    settings.text_input(key="settings_feeling_report_weeks").set_value("8")
    settings.text_input(key="settings_coaching_before_months").set_value("6")
    settings.button[0].click().run()  # the form's save button

    stored = {
        k: get_setting(engine=app_engine, key=k)
        for k in (
            "feeling_months",
            "feeling_drop",
            "feeling_low",
            "feeling_report_weeks",
            "coaching_before_months",
        )
    }
    assert stored == {
        "feeling_months": 2,
        "feeling_drop": 1.2,
        "feeling_low": 2.5,
        "feeling_report_weeks": 8,
        "coaching_before_months": 6,
    }
    at = settings.switch_page("views/feeling_meter.py").run()
    help_text = [c.value for c in at.caption if c.value.startswith("Yksikkö nostetaan")][0]
    assert "vähintään 1,2 (viimeiset 2 kk" in help_text and "yli 8 viikkoon" in help_text


# --- numbers typed in the user's language ----------------------------------------------------


def add_target(at, text: str, indicator: str = MEAN, lang_run: bool = True):
    at.session_state["targets_editor"] = {
        "edited_rows": {},
        "added_rows": [{"indicator": indicator, "target": text}],
        "deleted_rows": [],
    }
    return at.button(key="targets_save").click().run()


@pytest.mark.parametrize("typed", ["3,7", "3.7", " 3,70 "])
def test_a_target_typed_with_a_comma_or_a_dot_is_saved_as_3_7(settings, app_engine, typed):
    add_target(settings, typed)

    assert [s.value for s in settings.success] == ["Tavoitteet tallennettu (1 muutos)."]
    assert [r["target"] for r in list_targets(engine=app_engine)] == [3.7]
    shown = settings.data_editor(key="targets_editor").value.to_dict("records")
    assert [r["target"] for r in shown] == ["3,70"]  # shown back as Finnish writes it


def test_a_count_target_with_a_thousands_space(settings, app_engine):
    add_target(settings, "1 200", indicator="Vastausten määrä")

    assert [r["target"] for r in list_targets(engine=app_engine)] == [1200.0]
    shown = settings.data_editor(key="targets_editor").value.to_dict("records")
    assert [r["target"] for r in shown] == ["1\u00a0200"]


def test_three_changes_agree_in_number(settings):
    settings.session_state["targets_editor"] = {
        "edited_rows": {},
        "added_rows": [
            {"indicator": MEAN, "target": "3,9"},
            {"indicator": "Myönteisten osuus", "target": "85"},
            {"indicator": "Fiilis", "target": "3,6"},
        ],
        "deleted_rows": [],
    }
    settings.button(key="targets_save").click().run()
    assert [s.value for s in settings.success] == ["Tavoitteet tallennettu (3 muutosta)."]


@pytest.mark.parametrize(
    ("indicator", "typed", "message"),
    [
        (MEAN, "37", "Luvun pitää olla välillä 1,00–5,00 (nyt 37,00)."),
        ("Myönteisten osuus", "120", "Luvun pitää olla välillä 0–100 (nyt 120)."),
        ("Vastausten määrä", "-5", "Luvun pitää olla vähintään 0 (nyt −5)."),
        (MEAN, "hyvä", "”hyvä” ei ole luku. Kirjoita esimerkiksi 3,7."),
    ],
)
def test_a_bad_target_is_named_and_nothing_is_saved(
    settings, app_engine, indicator, typed, message
):
    add_target(settings, typed, indicator=indicator)

    assert not settings.success
    errors = [e.value for e in settings.error]
    assert len(errors) == 1
    assert errors[0].startswith("Tavoitteita ei tallennettu. Korjaa punaisella merkityt solut:")
    shown = shown_text(errors[0])  # the typed text comes escaped for Markdown
    assert f"Rivi 1, {indicator}: {message}" in shown
    assert list_targets(engine=app_engine) == []


def test_the_target_column_is_text_checked_for_a_number(settings):
    column = settings.data_editor(key="targets_editor").proto.columns
    assert '"target"' in column and "validate" in column


@pytest.mark.parametrize(
    ("key", "typed", "message"),
    [
        ("settings_min_answers", "0", "Luvun pitää olla välillä 1–100 (nyt 0)."),
        ("settings_min_answers", "5,5", "Kirjoita kokonaisluku (nyt 5,5)."),
        ("settings_margin", "60", "Luvun pitää olla välillä 0–50 (nyt 60)."),
        ("settings_feeling_low", "x", "”x” ei ole luku. Kirjoita esimerkiksi 3,7."),
    ],
)
def test_a_bad_setting_is_named_at_its_field_and_nothing_is_saved(
    settings, app_engine, key, typed, message
):
    settings.text_input(key=key).set_value(typed)
    settings.button[0].click().run()

    assert not settings.success
    errors = [e.value.replace("\\", "") for e in settings.error]
    assert message in errors
    assert "Asetuksia ei tallennettu. Korjaa kentät, joissa on virhe." in errors
    assert get_setting(engine=app_engine, key="min_answers") == 5
    assert get_setting(engine=app_engine, key="target_margin") == 0.05


def test_settings_typed_with_a_comma_are_saved_and_shown_back(settings, app_engine):
    settings.text_input(key="settings_margin").set_value("7,5")
    settings.text_input(key="settings_feeling_low").set_value("2.5")
    settings.button[0].click().run()

    assert [s.value for s in settings.success] == ["Asetukset tallennettu."]
    assert get_setting(engine=app_engine, key="target_margin") == 0.075
    assert get_setting(engine=app_engine, key="feeling_low") == 2.5
    fresh = h.new_app().run()
    fresh.switch_page(SETTINGS_PAGE).run()
    assert fresh.text_input(key="settings_margin").value == "7,5"
    assert fresh.text_input(key="settings_feeling_low").value == "2,5"


def sick_leave_note(at) -> str:
    """The note under the sick leave card (its default target is 12,0 days)."""
    return next(c.value for c in at.caption if "tavoite 12,0" in c.value)


def test_the_small_unit_limit_turns_the_rolling_12_months_on_and_off(
    settings, municipality, app_engine
):
    # Kuu has 10 people: under the default limit of 20 its rates run over 12 months.
    note = sick_leave_note(overview_of(settings, municipality, d.KUU))
    assert note.startswith("**liukuva 12 kk 4/2023–3/2024 (yksikössä alle 20 henkilöä)** · ")

    settings.switch_page(SETTINGS_PAGE).run()
    settings.text_input(key="settings_rolling_under").set_value("5")
    settings.button[0].click().run()

    assert get_setting(engine=app_engine, key="rolling_under") == 5
    note = sick_leave_note(overview_of(settings, municipality, d.KUU))
    assert note.startswith("**3/2024** · ")  # the month itself: monthly figures are whole


def test_a_threshold_under_five_needs_a_confirmation_that_says_what_it_exposes(
    settings, app_engine
):
    from data_model import audit

    settings.text_input(key="settings_min_answers").set_value("3")
    settings.button[0].click().run()

    assert not settings.success
    errors = [e.value for e in settings.error]
    assert any(e.startswith("Alle 5 vastauksen raja paljastaa") for e in errors)
    assert get_setting(engine=app_engine, key="min_answers") == 5  # nothing saved
    confirm = settings.checkbox(key="settings_confirm_low")
    assert "vähintään 3 mutta alle 5 vastausta" in confirm.label
    assert "yksittäisen vastaajan voi silloin tunnistaa" in confirm.label

    confirm.check()
    settings.button[0].click().run()

    assert [s.value for s in settings.success] == ["Asetukset tallennettu."]
    assert get_setting(engine=app_engine, key="min_answers") == 3
    [event] = audit.events(engine=app_engine, actions=["settings"])
    assert event["details"]["min_answers"] == 3
    assert event["details"]["privacy_below_floor_confirmed"] is True


def test_a_threshold_of_five_or_more_needs_no_confirmation(settings, app_engine):
    settings.text_input(key="settings_min_answers").set_value("6")
    settings.button[0].click().run()

    assert not settings.get("checkbox")
    assert get_setting(engine=app_engine, key="min_answers") == 6
