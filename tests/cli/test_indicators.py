"""`python -m loaders indicators ...`: add a definition with its options, change it with set
(found by any of its names), list it with its stored unit-months, add a preset, refuse a
removal while values are stored and remove one without; each audited, each refusal named in the
chosen language with exit code 1."""

import json

import pytest

from cli import main
from data_model import audit, own_indicators
from data_model.db import open_database
from importing import import_file
from tests.builders import xlsx_bytes

VALUES = [
    ["Kuukausi", "Yksikkö", "Mittari", "Arvo"],
    ["2024-01", "Päiväkoti Aurinko", "Asiakkaat", 120],
    ["2024-02", "Päiväkoti Aurinko", "Asiakkaat", 110],
]


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def cli(url, *args) -> int:
    return main(["indicators", *args, "--database-url", url])


def listed(url, capsys) -> dict[str, dict]:
    capsys.readouterr()
    assert cli(url, "list", "--json") == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {line["name_fi"]: line for line in lines}


def test_add_set_list_and_remove(url, capsys):
    assert cli(url, "add", "Jonotusaika d", "--measure", "d", "--better", "lower") == 0
    assert cli(url, "set", "jonotusaika  D", "--scorecard", "yes", "--en", "Waiting time") == 0
    assert cli(url, "preset", "vocational") == 0

    found = listed(url, capsys)
    assert set(found) == {"Jonotusaika d", "Keskeyttäneet %", "Suoritetut tutkinnot / opiskelija"}
    waiting = found["Jonotusaika d"]
    assert (waiting["measure"], waiting["better"], waiting["aggregate"]) == ("d", "lower", "mean")
    assert (waiting["scorecard"], waiting["position"], waiting["name_en"]) == (
        True,
        1,
        "Waiting time",
    )

    assert cli(url, "remove", "Waiting time") == 0
    assert "Jonotusaika d" not in listed(url, capsys)
    engine = open_database(url)
    actions = [e["details"] for e in audit.events(engine=engine, actions=["indicator"])]
    engine.dispose()
    assert len(actions) == 4  # added, changed, preset, removed


def test_one_holding_values_is_listed_with_them_and_not_removed(url, capsys):
    engine = open_database(url)
    import_file(engine=engine, file_name="asiakkaat.xlsx", data=xlsx_bytes(VALUES))

    found = listed(url, capsys)["Asiakkaat"]
    assert (found["unit_months"], found["first_month"], found["last_month"]) == (
        2,
        "2024-01",
        "2024-02",
    )
    assert main(["--lang", "fi", "indicators", "remove", "Asiakkaat", "--database-url", url]) == 1
    assert "Mittarilla ”Asiakkaat” on 2 tuotua arvoa" in capsys.readouterr().err
    assert [d.name_fi for d in own_indicators.definitions(engine)] == ["Asiakkaat"]
    engine.dispose()


def test_a_bad_change_is_refused_in_the_chosen_language(url, capsys):
    assert cli(url, "add", "Asiakkaat") == 0
    assert cli(url, "set", "Asiakkaat", "--per-year", "yes") == 1
    assert "Per year applies to a ratio" in capsys.readouterr().err
    assert cli(url, "add", "asiakkaat") == 1
    assert "already called" in capsys.readouterr().err
