"""The one settings object: DATABASE_URL and its default, the shared password from the
environment or secrets.toml, the demo switch, and refusal of values that are not what they say."""

import pytest
from pydantic import ValidationError

from core import config as settings_module
from core.config import DEFAULT_SQLITE_PATH, Settings, get_settings, normalise_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u:p@h:5433/db", "postgresql+psycopg://u:p@h:5433/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///data/x.db", "sqlite:///data/x.db"),
    ],
)
def test_normalise_url(given, expected):
    assert normalise_url(given) == expected


def test_database_url_honours_database_url(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db")
    assert get_settings().url() == "postgresql+psycopg://u@h/db"


def test_database_url_defaults_to_the_sqlite_file_under_data(monkeypatch):
    monkeypatch.delenv("DATABASE_URL")
    assert get_settings().url() == f"sqlite:///{DEFAULT_SQLITE_PATH}"


def test_tests_never_use_the_developers_database(tmp_path):
    assert get_settings().url() == f"sqlite:///{tmp_path / 'default.db'}"


def test_the_shared_password_comes_from_the_environment_first(monkeypatch, tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[auth]\npassword = "toml-salasana"\n')
    monkeypatch.setattr(settings_module, "SECRETS_FILE", secrets)
    monkeypatch.delenv("TILANNEKUVA_PASSWORD", raising=False)
    assert get_settings().shared_password() == "toml-salasana"

    monkeypatch.setenv("TILANNEKUVA_PASSWORD", "env-salasana")
    assert get_settings().shared_password() == "env-salasana"


def test_no_password_anywhere_means_an_open_dashboard(monkeypatch, tmp_path):
    monkeypatch.setattr(settings_module, "SECRETS_FILE", tmp_path / "missing.toml")
    monkeypatch.delenv("TILANNEKUVA_PASSWORD", raising=False)
    assert get_settings().shared_password() is None


@pytest.mark.parametrize(("given", "expected"), [("0", False), ("1", True), ("false", False)])
def test_the_demo_switch(monkeypatch, given, expected):
    monkeypatch.setenv("TILANNEKUVA_DEMO", given)
    assert get_settings().demo is expected


def test_a_setting_that_is_not_what_it_says_is_refused(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_DEMO", "perhaps")
    with pytest.raises(ValidationError, match="demo"):
        Settings()


def test_the_settings_are_read_again_only_when_the_environment_changes(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_SESSION_IDLE_MINUTES", "45")
    first = get_settings()
    assert get_settings() is first  # read once: a page asks for them once per query
    assert first.session_idle_minutes == 45

    monkeypatch.setenv("tilannekuva_session_idle_minutes", "10")  # any case, as pydantic reads
    monkeypatch.delenv("TILANNEKUVA_SESSION_IDLE_MINUTES")
    assert get_settings().session_idle_minutes == 10
    with pytest.raises(ValidationError):  # frozen: no caller can change what others read
        get_settings().session_idle_minutes = 5


def test_no_proxy_is_trusted_unless_listed(monkeypatch):
    monkeypatch.delenv("TILANNEKUVA_TRUSTED_PROXIES", raising=False)
    assert get_settings().proxy_networks() == ()

    monkeypatch.setenv("TILANNEKUVA_TRUSTED_PROXIES", "10.0.0.5, 192.168.1.0/24")
    assert [str(n) for n in get_settings().proxy_networks()] == ["10.0.0.5/32", "192.168.1.0/24"]


def test_a_trusted_proxy_that_is_no_address_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_TRUSTED_PROXIES", "10.0.0.5,välityspalvelin")
    with pytest.raises(ValidationError, match="trusted_proxies"):
        get_settings()
