"""Templates are derived from the schemas, so each one loads back as its own kind and form."""

import io

import pytest
from openpyxl import load_workbook

from loaders import SCHEMAS, load_file
from loaders.templates import TEMPLATE_FORMS, template_bytes, write_template


@pytest.mark.parametrize(("kind", "form"), TEMPLATE_FORMS, ids=lambda x: str(x))
def test_every_template_loads_back_as_its_own_kind_and_form(kind, form):
    loaded = load_file(f"malli_{kind}.xlsx", template_bytes(kind, form))
    assert (loaded.kind, loaded.form) == (kind, form)
    assert loaded.rows == 1
    # An own indicators' template names indicators no database defines yet: said, not an error.
    assert [w for w in loaded.warnings if w.code != "indicators_new"] == []
    assert len(loaded.main) >= 1


@pytest.mark.parametrize(("kind", "form"), TEMPLATE_FORMS, ids=lambda x: str(x))
def test_templates_have_the_finnish_headers_in_bold_and_an_example_row(kind, form):
    sheet = load_workbook(io.BytesIO(template_bytes(kind, form))).active
    header = [c.value for c in sheet[1]]
    fi_names = [c.fi for c in SCHEMAS[(kind, form)].columns]
    assert header[: len(fi_names)] == fi_names
    assert all(c.font.bold for c in sheet[1])
    assert sheet.max_row == 2


def test_the_counts_template_example_is_a_plausible_day():
    loaded = load_file("hymiot.xlsx", template_bytes("feedback", "counts"))
    (row,) = loaded.main.to_dict("records")
    assert (row["n"], row["positive_n"]) == (70, 65)


def test_write_template_uses_the_kinds_default_form(tmp_path):
    path = tmp_path / "palaute.xlsx"
    write_template("feedback", path)
    loaded = load_file(path.name, path.read_bytes())
    assert (loaded.kind, loaded.form) == ("feedback", "long")
