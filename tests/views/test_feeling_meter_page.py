"""The feeling meter page on the demo municipality: the three units whose mood drops in the
demo's last months are raised with every reason written out with its numbers, each with a link
to its own view; choosing a raised unit filters the mentors' notes to it; the latest-mood strip
and the heatmap grouped by service area follow, in Finnish and in English."""

import tempfile
from pathlib import Path

import pandas as pd
import pytest
from streamlit import dataframe_util

from demo.generate import DROPPING_UNITS, LAST_DAY, write_demo_files
from importing import import_file
from tests.views import helpers as h

FEELING_PAGE = "views/feeling_meter.py"


@pytest.fixture(autouse=True)
def _read_on_the_demos_last_day(monkeypatch):
    """The page is read on the demo's last data day: its latest months are the latest."""
    monkeypatch.setenv("TILANNEKUVA_TODAY", LAST_DAY.isoformat())


def _import_the_demo(engine) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for path in write_demo_files(Path(folder)):
            import_file(engine=engine, file_name=path.name, data=path.read_bytes())


@pytest.fixture
def demo_imported(app_engine, filled_once):
    """The demo's files, imported as the Import page imports them (once per test process,
    then copied)."""
    filled_once(app_engine, "demo_imported", _import_the_demo)
    return app_engine


def open_page(lang="fi"):
    at = h.new_app()
    at.query_params["lang"] = lang
    return at.switch_page(FEELING_PAGE).run()


def raised_units(at) -> dict[str, list[str]]:
    """Each raised unit's heading (unit · area) and its reason lines, as the page shows them."""
    found, current = {}, None
    for text in at.text:
        if text.value.startswith("• "):
            found[current].append(text.value[2:])
        else:
            current = text.value.split(" · ")[0]
            found[current] = []
    return found


def test_the_units_whose_mood_drops_are_raised_with_their_reasons(demo_imported):
    at = open_page()

    assert at.title[0].value == "Fiilismittari"
    raised = raised_units(at)
    # The three sliding units come first; others may follow for smaller reasons (the demo's
    # planted coaching effect moves their ratings, e.g. one concern in the latest month).
    assert set(list(raised)[:3]) == set(DROPPING_UNITS)
    for reasons in (raised[name] for name in DROPPING_UNITS):
        fall = next(r for r in reasons if r.startswith("Fiilis laski "))
        assert "viimeiset 3 kk" in fall and "(raportteja " in fall
        assert fall.endswith("Selvä heikkeneminen.")
        assert any(r.startswith("Fiilis alle 3,0 kahtena raporttikuukautena") for r in reasons)
    strip = at.dataframe[0].value  # the latest-mood strip, lowest mood first
    assert list(strip.columns) == [
        "unit",
        "month",
        "mood",
        "mood_text",
        "change",
        "verdict",
        "workload",
        "atmosphere",
        "reports",
    ]
    assert strip["mood"].tolist() == sorted(strip["mood"])
    assert set(strip["unit"].head(3)) == set(DROPPING_UNITS)
    shown = dataframe_util.convert_arrow_bytes_to_pandas_df(
        at.dataframe[0].proto.arrow_data.styler.display_values
    )  # what the grid shows: Finnish decimal commas, signed changes
    assert all("," in v and "." not in v for v in shown["workload"] if v != "–")
    assert all("," in v and "." not in v for v in shown["mood_text"])  # beside the bare bar
    assert all(v == "–" or v[0] in "+−0" for v in shown["change"])
    heatmaps = h.charts(at)  # the heatmap: one chart per service area, as wide as the page
    cells = pd.concat([d for _, datasets in heatmaps for d in datasets])
    assert [spec["mark"]["type"] for spec, _ in heatmaps] == ["rect"] * cells["area"].nunique()
    assert [spec["title"]["text"] for spec, _ in heatmaps] == sorted(set(cells["area"]))
    assert {spec["width"] for spec, _ in heatmaps} == {"container"}
    domains = [spec["encoding"]["x"]["scale"]["domain"] for spec, _ in heatmaps]
    assert all(d == domains[0] for d in domains)  # one time axis: the columns line up
    legends = [spec["encoding"]["color"].get("legend") for spec, _ in heatmaps]
    assert legends[0] and not any(legends[1:])  # one colour legend, on top
    assert cells["unit"].nunique() == 12 and cells["area"].nunique() > 1
    assert {"reports", "mentors"} <= set(cells.columns)
    assert not at.exception and not at.error


def test_choosing_a_raised_unit_filters_the_notes_to_it(demo_imported):
    at = open_page()
    first = next(iter(raised_units(at)))
    button = next(b for b in at.button if b.key and b.key.startswith("feeling_pick_"))

    at = button.click().run()

    notes = at.dataframe[-1].value
    assert set(notes["Yksikkö"]) == {first}
    assert at.selectbox(key="feeling_notes_unit").value == int(button.key.rsplit("_", 1)[1])


def test_weeks_in_the_heatmap(demo_imported):
    at = open_page()
    at = at.segmented_control(key="feeling_grain").set_value("week").run()
    (spec, [cells]), *_ = h.charts(at)
    days = pd.to_datetime(cells["bucket_end"]) - pd.to_datetime(cells["bucket_start"])
    assert set(days.dt.days) == {7}  # each rectangle one week wide
    assert "vk %-V/%G" in spec["encoding"]["x"]["axis"]["labelExpr"]
    assert not at.exception


def test_in_english(demo_imported):
    at = open_page(lang="en")

    assert at.title[0].value == "Feeling meter"
    raised = raised_units(at)
    assert all(any(r.startswith("Mood fell by ") for r in raised[name]) for name in DROPPING_UNITS)
    assert list(at.dataframe[-1].value.columns)[:3] == ["Date", "Unit", "Mentor"]


def test_the_rules_are_worked_out_once_per_set_of_reports(demo_imported, monkeypatch):
    """A rerun that shows the same reports (a click elsewhere on the page) takes the raised
    units from the cache; a change to the data (an import, a removal: each counts one data
    version) clears it, so new reports are judged."""
    from sqlalchemy import func, select, update

    from core import rules
    from data_model import data_version
    from data_model.models import MentorReport

    real, calls = rules.attention, []

    def attention(*args, **kwargs):
        calls.append(args[1])  # as_of
        return real(*args, **kwargs)

    monkeypatch.setattr(rules, "attention", attention)
    at = open_page()
    first = raised_units(at)
    at.segmented_control(key="feeling_grain").set_value("week").run()
    at.run()

    assert raised_units(at) == first and set(DROPPING_UNITS) <= set(first)
    assert len(calls) == 1
    with demo_imported.begin() as conn:
        data_version.bump(conn)  # a change elsewhere: the same reports, still the cache
    at.run()
    assert len(calls) == 1 and raised_units(at) == first
    with demo_imported.begin() as conn:  # one report's workload written anew, as an import does
        newest = conn.execute(select(func.max(MentorReport.id))).scalar()
        conn.execute(
            update(MentorReport)
            .where(MentorReport.id == newest)
            .values(mood=MentorReport.mood + 0.001)
        )
        data_version.bump(conn)
    at.run()
    assert len(calls) == 2
