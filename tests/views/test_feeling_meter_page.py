"""The feeling meter page on the demo municipality: the three units whose mood drops in the
demo's last months are raised, worst first, each with a link to its own view; the heatmap and
the mentors' notes follow, in Finnish and in English."""

from demo.generate import DROPPING_UNITS, write_demo_files
from importing import import_file
from tests.views import helpers as h

FEELING_PAGE = "views/feeling_meter.py"


def open_page(tmp_path, app_engine, lang="fi"):
    for path in write_demo_files(tmp_path / "demo"):
        import_file(engine=app_engine, file_name=path.name, data=path.read_bytes())
    at = h.new_app()
    at.query_params["lang"] = lang
    at.run()
    return at.switch_page(FEELING_PAGE).run()


def test_the_units_whose_mood_drops_are_raised_with_links(tmp_path, app_engine):
    at = open_page(tmp_path, app_engine)

    assert at.title[0].value == "Fiilismittari"
    raised = [w.value for w in at.warning]
    assert len(raised) == len(DROPPING_UNITS)
    assert {r.split("**")[1] for r in raised} == set(DROPPING_UNITS)
    assert all(", aiemmin " in r and "(−" in r for r in raised)
    changes = [float(r.rsplit("(−", 1)[1].rstrip(")").replace(",", ".")) for r in raised]
    assert changes == sorted(changes, reverse=True)  # the biggest fall first
    [(spec, datasets)] = h.charts(at)  # the heatmap: 12 units' months
    assert spec["mark"]["type"] == "rect"
    assert datasets[0]["series"].nunique() == 12
    notes = at.dataframe[-1].value  # the mentors' notes
    assert list(notes.columns)[:3] == ["Päivämäärä", "Yksikkö", "Mentori"]
    assert not at.exception and not at.error


def test_in_english(tmp_path, app_engine):
    at = open_page(tmp_path, app_engine, lang="en")

    assert at.title[0].value == "Feeling meter"
    assert all(", before " in w.value for w in at.warning)
    assert list(at.dataframe[-1].value.columns)[:3] == ["Date", "Unit", "Mentor"]
