"""The demo in Swedish (`python -m loaders demo --lang sv`): the bilingual twin Exempelby's
files, read as the exports they imitate, imported with Swedish unit and service-area names,
the same figures as the Finnish demo, and not a Finnish word left in them."""

import io

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from cli import main
from data_model.db import open_database
from data_model.models import ServiceArea, Unit
from data_model.users import list_users
from demo import generate as demo
from demo.seed import add_demo_users, import_demo
from loaders import load_file

# What the Swedish files share with the Finnish ones: the Forms id, two headers both languages use
# and two mentors whose names are the same in both languages.
SHARED = {"ID", "Period", "Mentor", "Heidi R", "Nina S"}


@pytest.fixture(scope="module")
def swedish_paths(tmp_path_factory):
    return demo.write_demo_files(tmp_path_factory.mktemp("sv"), "sv")


@pytest.fixture(scope="module")
def files(swedish_paths) -> dict[str, dict[str, bytes]]:
    """Both demos' files by name, built once."""
    return {
        "fi": demo.build_demo_files("fi"),
        "sv": {path.name: path.read_bytes() for path in swedish_paths},
    }


@pytest.fixture(scope="module")
def swedish_db(tmp_path_factory, swedish_paths):
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('svdb') / 'demo.db'}")
    results = import_demo(engine=engine, paths=swedish_paths)
    yield engine, results
    engine.dispose()


def _strings(files: dict[str, bytes]) -> set[str]:
    """Every text of a demo: sheet names and string cells."""
    found = set()
    for data in files.values():
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in book.sheet_names:
            found.add(name)
            for row in book.get_sheet_by_name(name).to_python():
                found |= {value for value in row if isinstance(value, str) and value}
    return found


def test_the_swedish_files_have_swedish_names_and_the_register_first(swedish_paths):
    names = [p.name for p in swedish_paths]
    assert names[0] == "enhetsregister.xlsx"
    assert "kundenkat_lang.xlsx" in names and "mentorsrapporter.xlsx" in names
    assert not set(names) & {name for name, _ in demo.BUILDERS}


@pytest.mark.slow
def test_every_swedish_file_is_read_as_the_finnish_one_is(files):
    pairs = zip(files["sv"].items(), files["fi"].items(), strict=True)
    for (swedish_name, swedish), (finnish_name, finnish) in pairs:
        read = load_file(swedish_name, swedish)
        expected = load_file(finnish_name, finnish)
        assert (read.kind, read.form) == (expected.kind, expected.form), swedish_name


def test_no_finnish_text_is_left_in_the_swedish_demo(files):
    left = _strings(files["sv"]) & _strings(files["fi"])
    assert left <= SHARED, sorted(left - SHARED)


def test_the_swedish_demo_speaks_finland_swedish(files):
    texts = _strings(files["sv"])
    for expected in (
        "Daghemmet Solstrålen",
        "Servicehuset Lindhem",
        "Småbarnspedagogik",
        "Grundläggande utbildning",
        "Äldreomsorg",
        "Helt av samma åsikt",
        "Vårdnadshavare",
        "Responsens medeltal",
        "Sjukfrånvarodagar / årsverke",
    ):
        assert expected in texts, expected


@pytest.mark.slow
def test_the_swedish_demo_imports_with_swedish_units_and_areas(swedish_db):
    engine, results = swedish_db
    assert [(r.status, r.error) for r in results] == [("imported", None)] * len(results)
    query = (
        select(ServiceArea.name, func.count(Unit.id))
        .join(Unit, Unit.service_area_id == ServiceArea.id)
        .group_by(ServiceArea.name)
    )
    with engine.connect() as conn:
        per_area = dict(conn.execute(query).all())
        units = set(conn.execute(select(Unit.name)).scalars())
    assert per_area == {"Småbarnspedagogik": 4, "Grundläggande utbildning": 4, "Äldreomsorg": 4}
    assert {"Daghemmet Solstrålen", "Björkbacka skola", "Hemvården Norr"} <= units
    assert len(units) == 12  # no file named a unit outside the register


@pytest.mark.slow
def test_the_swedish_demo_tells_the_finnish_story_in_the_same_figures(swedish_db, tmp_path):
    _, swedish = swedish_db
    engine = open_database(f"sqlite:///{tmp_path / 'fi.db'}")
    finnish = import_demo(engine=engine, paths=demo.write_demo_files(tmp_path / "fi"))
    engine.dispose()

    def figures(results):
        return [(r.kind, r.form, r.rows, r.to_json("sv")["answers"], r.mean) for r in results]

    assert figures(swedish) == figures(finnish)


@pytest.mark.slow
def test_the_swedish_demo_manager_sees_early_childhood_education(swedish_db):
    engine, _ = swedish_db
    assert add_demo_users(engine=engine, lang="sv") is True
    manager = next(u for u in list_users(engine=engine) if u.role == "manager")
    assert manager.areas == ("Småbarnspedagogik",)


def test_the_command_line_writes_the_swedish_demo(tmp_path, capsys):
    assert main(["demo", "--lang", "sv", "--no-import", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.split("/")[-1] for p in capsys.readouterr().out.split())
    assert "enhetsregister.xlsx" in written and "yksikkorekisteri.xlsx" not in written


@pytest.mark.slow
def test_the_command_line_writes_the_finnish_demo_by_default(tmp_path):
    assert main(["demo", "--no-import", "--out", str(tmp_path)]) == 0
    assert "yksikkorekisteri.xlsx" in {p.name for p in tmp_path.iterdir()}
