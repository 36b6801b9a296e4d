"""The indicator catalog speaks every language: each built-in indicator has a name and a
description in Finnish, Swedish and English, and a targets file may name it in any of them."""

import pytest

from core import indicators
from core.texts import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_indicator_has_its_own_name_and_description_in_every_language(lang):
    missing = [
        i.code
        for i in indicators.CATALOG
        if not i.name(lang)
        or not i.description(lang)
        or (lang != "fi" and i.name(lang) == i.name_fi and i.name_fi != i.name_en)
    ]
    assert not missing


def test_the_swedish_names_read_as_finland_swedish_personnel_reports_write_them():
    assert indicators.get("sick_leave_days_per_fte").name("sv") == "Sjukfrånvarodagar / årsverke"
    assert indicators.get("turnover_percent").name("sv") == "Personalomsättning %"
    assert indicators.get("feedback_mean").name("sv") == "Responsens medeltal"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Sjukfrånvarodagar / årsverke", "sick_leave_days_per_fte"),
        ("  responsens   MEDELTAL ", "feedback_mean"),
        ("Sairauspoissaolopäivät / htv", "sick_leave_days_per_fte"),
        ("Turnover %", "turnover_percent"),
        ("headcount", "headcount"),
    ],
)
def test_a_target_file_may_name_an_indicator_in_any_language(written, code):
    assert indicators.find(written).code == code


def test_an_unknown_language_reads_finnish():
    assert indicators.get("mentor_mood").name("de") == "Fiilis"
