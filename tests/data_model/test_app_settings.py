"""Settings: defaults until set, typed like their default, replaced on a second save."""

from data_model.app_settings import get_setting, set_setting


def test_defaults_before_anything_is_stored(engine):
    assert get_setting(engine=engine, key="period_kind") == "term"
    assert get_setting(engine=engine, key="min_answers") == 5
    assert get_setting(engine=engine, key="target_margin") == 0.05
    assert get_setting(engine=engine, key="unknown", default="x") == "x"


def test_a_saved_setting_comes_back_typed_and_can_be_replaced(engine):
    set_setting(engine=engine, key="min_answers", value=7)
    set_setting(engine=engine, key="target_margin", value=0.1)
    set_setting(engine=engine, key="period_kind", value="quarter")
    set_setting(engine=engine, key="period_kind", value="operating_year")
    assert get_setting(engine=engine, key="min_answers") == 7
    assert get_setting(engine=engine, key="target_margin") == 0.1
    assert get_setting(engine=engine, key="period_kind") == "operating_year"
