"""The Wellbeing and service page (tests/views/effect_data.py): one point per unit and term with
both figures, feedback under the privacy threshold left out, the correlation with n, the lag,
English, and the .xlsx with filters and method on top."""

import io

import pytest
from openpyxl import load_workbook

from tests.views import effect_data
from tests.views import helpers as h
from ui import effect as ui

PAGE = "views/wellbeing.py"


@pytest.fixture
def coached(app_engine):
    return effect_data.import_units(app_engine)


def open_page(lang: str = "fi"):
    at = h.new_app()
    at.query_params["lang"] = lang
    at = at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_one_point_per_unit_and_term_and_no_feedback_under_the_threshold(coached):
    at = open_page()

    assert at.title[0].value == "Hyvinvointi ja palvelu"
    table = at.main.dataframe[-1].value
    # Six units with enough answers x six terms (kevät 2023 ... syksy 2025); Pieni's three
    # answers a month never show.
    assert len(table) == 36
    assert "Pieni" not in set(table["Yksikkö"])
    a1 = table[table["Yksikkö"] == "Päiväkoti A1"]
    assert list(a1["Kausi"])[:3] == ["kevät 2023", "syksy 2023", "kevät 2024"]
    assert list(a1["Fiilis"])[:3] == [3.5, 3.5, 4.0]
    texts = " ".join(h.shown_texts(at))
    assert "n = 36 pistettä (6 yksikköä)" in texts
    assert "Yhteys ei kerro syystä" in texts
    [(spec, [points])] = h.charts(at)
    assert set(points["unit_id"]) == {coached[n] for n in effect_data.STARTS if n != "Pieni"}
    # The one-column legend gets a line per unit on top of the plot's height, which the page
    # would otherwise squeeze flat to fit it.
    assert spec["height"] == ui.HEIGHT + 60 + ui.LEGEND_LINE * 6


def test_the_lag_pairs_the_previous_terms_staff_figure(coached):
    at = open_page()
    at.toggle(key="wellbeing_lag").set_value(True).run()

    table = at.main.dataframe[-1].value
    assert len(table) == 30  # the first term has no term before it
    first = table.iloc[0]
    assert (first["Kausi"], first["Henkilöstön kausi"]) == ("syksy 2023", "kevät 2023")


def test_english(coached):
    at = open_page("en")

    assert at.title[0].value == "Wellbeing and service"
    assert "An association is not a cause" in " ".join(h.shown_texts(at))


def test_a_click_names_the_unit_to_open():
    assert ui.clicked_unit({"selection": {"unit": [{"unit_id": 7}]}}) == 7
    assert ui.clicked_unit({"selection": {"unit": []}}) is None
    assert ui.clicked_unit(None) is None


def test_download_has_filters_method_and_formula_safe_names(coached, downloads, app_engine):
    from sqlalchemy import update

    from data_model.models import Unit

    with app_engine.begin() as conn:
        conn.execute(
            update(Unit).where(Unit.id == coached["Päiväkoti A1"]).values(name='=HYPERLINK("x")')
        )
    open_page()

    sheet = load_workbook(io.BytesIO(downloads.press("tilannekuva_hyvinvointi.xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Hyvinvointi ja palvelu"
    block = {r[0]: r[1] for r in rows[1:12] if r[0]}
    assert block["Henkilöstön mittari"] == "Fiilis"
    assert block["Viive"] == "samat kaudet"
    assert block["Viejä"] == "paikallinen käyttäjä"
    assert "Viety" in block
    assert any(str(r[0]).startswith("Korrelaatio r = ") for r in rows)
    assert any(str(r[0]).startswith("Yhteys ei kerro syystä") for r in rows)
    cells = [c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("x")']
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def _unit_colours(spec) -> dict:
    layers = spec.get("layer", [spec])
    [scale] = [
        layer["encoding"]["color"]["scale"]
        for layer in layers
        if "scale" in layer.get("encoding", {}).get("color", {})
    ]
    return dict(zip(scale["domain"], scale["range"], strict=True))


def test_each_unit_has_its_own_colour_in_both_languages(coached):
    colours = {lang: _unit_colours(h.charts(open_page(lang))[0][0]) for lang in ("fi", "en")}

    assert len(colours["fi"]) == 6
    assert len(set(colours["fi"].values())) == 6  # no two units share a colour
    assert colours["fi"] == colours["en"]  # a unit keeps its colour whatever the language


def test_download_numbers_are_rounded_as_on_the_page_with_formats(coached, downloads):
    open_page()

    sheet = load_workbook(io.BytesIO(downloads.press("tilannekuva_hyvinvointi.xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "Yksikkö"))
    column = rows[header].index("Fiilis")
    values = [r[column] for r in rows[header + 1 :]]
    assert values and all(isinstance(v, float | int) and round(v, 2) == v for v in values)
    assert sheet.cell(header + 2, column + 1).number_format == "0.00"
