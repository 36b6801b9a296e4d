"""`python -m loaders users ...`: add with a role and a scope matched as imports match names,
the password read from standard input only, list, passwd and disable, each audited."""

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
        input="kissa 123\n",
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout == "added Maija (manager)\n"
    engine = open_database(url)
    account = users.check_password(engine=engine, name="Maija", password="kissa 123")
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
            stdin="a\n",
        )
        == 0
    )
    assert cli(monkeypatch, url, "passwd", "pekka", "--password-stdin", stdin="b\n") == 0
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
        }
    ]

    assert cli(monkeypatch, url, "disable", "Pekka") == 0
    engine = open_database(url)
    assert users.get_user(engine=engine, name="Pekka").disabled
    assert users.check_password(engine=engine, name="Pekka", password="b") is None
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
        (["add", "X", "--role", "viewer"], "Give a password or an e-mail address."),
        (["passwd", "Nobody", "--password-stdin"], "There is no user Nobody."),
    ],
)
def test_bad_requests_say_why_and_exit_1(monkeypatch, url, capsys, args, message):
    assert cli(monkeypatch, url, *args, stdin="salasana\n") == 1
    assert capsys.readouterr().err.strip() == message
