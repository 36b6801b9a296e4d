"""`python -m loaders users ...`: add with a role and a scope matched as imports match names
(a manager or viewer needs one, or --all-units for a viewer), the password read from standard
input only and held to the length rule, list, passwd and disable, each audited."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli import main
from data_model import audit, users
from data_model.db import open_database
from importing import import_file
from tests.builders import xlsx_bytes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    register = [
        ["Yksikkö", "Palvelualue"],
        ["Päiväkoti Aurinko", "Varhaiskasvatus"],
        ["Palvelutalo Koivu", "Vanhuspalvelut"],
    ]
    engine = open_database(url)
    import_file(engine=engine, file_name="r.xlsx", data=xlsx_bytes(register))
    engine.dispose()
    return url


def cli(monkeypatch, url, *args, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["users", *args, "--database-url", url])


@pytest.mark.slow  # a process of its own
def test_add_reads_the_password_from_stdin_and_matches_names_as_imports(url, capsys):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "users",
            "add",
            "Maija",
            "--role",
            "manager",
            "--units",
            " päiväkoti  aurinko ",
            "--password-stdin",
            "--database-url",
            url,
        ],
        cwd=ROOT,
        input="kissa ja koira 123\n",
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout == "added Maija (manager)\n"
    engine = open_database(url)
    account = users.check_password(engine=engine, name="Maija", password="kissa ja koira 123")
    assert account.units == ("päiväkoti aurinko",)
    assert len(users.allowed_unit_ids(engine=engine, account=account)) == 1
    assert audit.events(engine=engine)[0]["action"] == "user_add"
    assert audit.events(engine=engine)[0]["user"] == "cli"


def test_list_passwd_and_disable(monkeypatch, url, capsys):
    assert (
        cli(
            monkeypatch,
            url,
            "add",
            "Pekka",
            "--role",
            "viewer",
            "--areas",
            "vanhuspalvelut",
            "--password-stdin",
            stdin="ensimmäinen salasana\n",
        )
        == 0
    )
    assert (
        cli(monkeypatch, url, "passwd", "pekka", "--password-stdin", stdin="toinen salasana\n") == 0
    )
    capsys.readouterr()

    assert cli(monkeypatch, url, "list", "--json") == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed == [
        {
            "name": "Pekka",
            "role": "viewer",
            "email": None,
            "disabled": False,
            "units": [],
            "areas": ["vanhuspalvelut"],
            "all_units": False,
        }
    ]

    assert cli(monkeypatch, url, "disable", "Pekka") == 0
    engine = open_database(url)
    assert users.get_user(engine=engine, name="Pekka").disabled
    assert users.check_password(engine=engine, name="Pekka", password="toinen salasana") is None
    actions = [e["action"] for e in audit.events(engine=engine, user="cli")]
    assert actions == ["user_disable", "user_password", "user_add"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [
                "add",
                "X",
                "--role",
                "manager",
                "--units",
                "Päiväkoti Aurinko;Kuu",
                "--password-stdin",
            ],
            "These units were not found: Kuu.",
        ),
        (["add", "X", "--role", "viewer", "--all-units"], "Give a password or an e-mail address."),
        (["passwd", "Nobody", "--password-stdin"], "There is no user Nobody."),
        (
            ["add", "X", "--role", "manager", "--units", "", "--password-stdin"],
            "A manager or viewer needs at least one unit or service area. A viewer may be given "
            "every unit instead.",
        ),
        (
            ["add", "X", "--role", "manager", "--all-units", "--password-stdin"],
            "Only a viewer can be given every unit. An admin sees them all anyway.",
        ),
        (
            ["add", "X", "--role", "admin", "--password-stdin"],
            "A password needs at least 12 characters.",
        ),
    ],
)
def test_bad_requests_say_why_and_exit_1(monkeypatch, url, capsys, args, message):
    stdin = "x\n" if "admin" in args else "pitkä salasana\n"
    assert cli(monkeypatch, url, *args, stdin=stdin) == 1
    assert capsys.readouterr().err.strip() == message
    assert users.list_users(engine=open_database(url)) == []


def test_a_viewer_of_every_unit_is_listed_as_such(monkeypatch, url, capsys):
    add = ["add", "Liisa", "--role", "viewer", "--all-units", "--password-stdin"]
    assert cli(monkeypatch, url, *add, stdin="pitkä salasana\n") == 0
    capsys.readouterr()

    assert cli(monkeypatch, url, "list") == 0
    assert capsys.readouterr().out.split() == ["Liisa", "viewer", "all", "units"]
    engine = open_database(url)
    account = users.get_user(engine=engine, name="Liisa")
    assert users.allowed_unit_ids(engine=engine, account=account) is None
