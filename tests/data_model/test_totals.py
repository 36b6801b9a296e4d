"""models.TOTALS: every table of feedback totals made from its line (grain x grouping), with the
columns a row is per, its privacy cell's figures and its covering index; and the names of a
feedback row's figures (core.feedback_figures) used by the loaders, the day rows and the totals
alike."""

import pytest

from core import feedback_figures
from data_model import models
from loaders.common import FEEDBACK_COLUMNS


def test_a_feedback_row_sums_the_same_figures_everywhere():
    figures = (*feedback_figures.SCALE, *feedback_figures.SUMS)
    assert tuple(models.FeedbackFigures.model_fields) == figures
    assert FEEDBACK_COLUMNS[-len(figures) :] == list(figures)
    assert tuple(models.FeedbackCell.__table__.c.keys()[1:8]) == feedback_figures.CELL_KEYS


@pytest.mark.parametrize("spec", models.TOTALS, ids=lambda s: s.table)
def test_each_total_is_made_from_its_line(spec):
    [model] = [m for m in models.TOTAL_MODELS if m.__tablename__ == spec.table]
    columns = set(model.__table__.c.keys())
    cells = {f"cell_{figure}" for figure in spec.cell}

    assert columns == {"id", *spec.keys, *feedback_figures.SUMS, *cells}
    assert ("unit_id" in columns) == (spec.grouping != "organisation")
    assert ("question" in columns) == (spec.grouping != "unit")
    figures = {i.name: [c.name for c in i.columns] for i in model.__table__.indexes}
    rule = f"cell_{models.RULE_FIGURE[spec.grain]}"
    assert figures[f"ix_{spec.table}_figures"][-1] == rule  # the rule reads it from the index
    assert model.__name__ == "".join(p.title() for p in spec.table.split("_"))


def test_every_grain_has_totals_per_question_and_the_rule_figure_in_them():
    for grain in ("day", "week", "month"):
        [per_question] = [s for s in models.TOTALS if (s.grain, s.grouping) == (grain, "question")]
        assert models.RULE_FIGURE[grain] in per_question.cell
