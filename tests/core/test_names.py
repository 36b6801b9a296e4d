"""Unit names that look the same are the same unit: fold() sees through Unicode spelling
(NFC/NFD) and invisible characters a copy from a web page or Word leaves behind."""

import unicodedata

import pytest

from core.names import fold
from data_model.models import Unit
from importing import import_file
from tests.builders import long_feedback, xlsx_bytes

NAME = "Päiväkoti Äijälä"


@pytest.mark.parametrize(
    "spelled",
    [
        unicodedata.normalize("NFD", NAME),  # ä as a + combining diaeresis (macOS, some web forms)
        "Päiväkoti\u200b Äijälä",  # zero-width space
        "\ufeffPäiväkoti Äijälä",  # a BOM left at the start of a CSV cell
        "Päivä\u00adkoti Äijälä",  # soft hyphen
        "Päiväkoti\u00a0Äijälä",  # no-break space
        "Päiväkoti\u202fÄijälä\u200d",  # narrow no-break space, zero-width joiner
        "Päivä\u200ckoti \u2060Äijälä",  # zero-width non-joiner, word joiner
        "  PÄIVÄKOTI   äijälä ",
    ],
    ids=["nfd", "zwsp", "bom", "soft_hyphen", "nbsp", "narrow_nbsp_zwj", "zwnj_wj", "case"],
)
def test_a_name_spelled_invisibly_differently_folds_to_the_same_key(spelled):
    assert spelled != NAME
    assert fold(spelled) == fold(NAME) == "päiväkoti äijälä"


def test_different_names_stay_different():
    assert fold("Päiväkoti Äijälä") != fold("Paivakoti Aijala")
    assert fold("Koulu A") != fold("Koulu B")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_nfd_or_zero_width_spelling_lands_on_the_existing_unit(engine):
    import_file(engine=engine, file_name="a.xlsx", data=xlsx_bytes(long_feedback(1, unit=NAME)))
    for i, spelled in enumerate([unicodedata.normalize("NFD", NAME), "Päiväkoti\u200b Äijälä"]):
        rows = long_feedback(2 + i, unit=spelled, score=5 - 2 * i)  # not the same answers
        result = import_file(engine=engine, file_name=f"b{i}.xlsx", data=xlsx_bytes(rows))
        assert result.status == "imported"
        assert result.units == [NAME]
    with engine.connect() as conn:
        stored = conn.execute(Unit.__table__.select()).mappings().all()
    assert [u["name"] for u in stored] == [NAME]
