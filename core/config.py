"""The deployment's configuration, read in one place: environment variables (and, for the
first admin's password, `.streamlit/secrets.toml`), typed and checked by pydantic-settings.

Settings a manager changes on the Settings page live in the database (data_model.app_settings).
"""

import datetime as dt
import functools
import ipaddress
import os
import tomllib
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = ROOT / "data" / "tilannekuva.db"
SECRETS_FILE = ROOT / ".streamlit" / "secrets.toml"
ENV_PREFIX = "TILANNEKUVA_"


class Settings(BaseSettings):
    """What an administrator sets before starting the app (all optional)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    # Where data lives; empty: the SQLite file under data/. Read as DATABASE_URL.
    database_url: str = Field(
        default="", validation_alias=AliasChoices("DATABASE_URL", "TILANNEKUVA_DATABASE_URL")
    )
    # The first admin's password (the old shared password): with no user in the database, an
    # admin named admin_name is created with it on start.
    password: SecretStr | None = None
    # Fill an empty database with the demo municipality on first start.
    demo: bool = True
    # Without any user in the database the app runs open (one local user); outside the demo
    # that needs this explicit permission.
    allow_open: bool = False
    # A signed-in session that has done nothing for this long asks for the password again.
    session_idle_minutes: int = Field(default=30, ge=1)
    # However busy, a session asks for the password again after this many hours.
    session_max_hours: int = Field(default=12, ge=1)
    # The reverse proxies (addresses or networks, comma-separated) whose X-Forwarded-For and
    # X-Forwarded-Proto headers are believed. Empty (the default): none, the connection's own
    # address counts, and a header anyone can write changes nothing.
    trusted_proxies: str = ""
    # The name of the first admin created from TILANNEKUVA_PASSWORD when no user exists yet.
    admin_name: str = "admin"
    # A workbook that would unpack to more than this is refused before it is parsed.
    max_unpacked_mb: int = Field(default=300, ge=1)
    # A CSV file larger than this is refused (read with bounded memory below it).
    max_csv_mb: int = Field(default=100, ge=1)
    # Dates outside [earliest_date, today + days_ahead] are refused at import (a typo such as
    # 31.12.9999) and left out of the dashboard's default date range.
    earliest_date: dt.date = dt.date(2000, 1, 1)
    days_ahead: int = Field(default=366, ge=0)
    # The day every page, export and report takes as today (core.periods.today); empty: the date
    # in Finland. Fixed for a test or a demonstration of a given day.
    today: dt.date | None = None
    # The address users open the app at (https://tilannekuva.example.fi), for the links in a
    # situation report written to a file; empty: links relative to the app's root.
    public_url: str = ""

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        for part in value.split(","):
            if part.strip():
                ipaddress.ip_network(part.strip(), strict=False)  # a ValueError names the part
        return value

    def proxy_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """TILANNEKUVA_TRUSTED_PROXIES as networks (a single address is a network of one)."""
        return tuple(
            ipaddress.ip_network(part.strip(), strict=False)
            for part in self.trusted_proxies.split(",")
            if part.strip()
        )

    def plausible_dates(self, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """The first and last date a figure may have."""
        today = today or dt.date.today()  # a typo's guard: the machine's date, even when fixed
        return self.earliest_date, today + dt.timedelta(days=self.days_ahead)

    def url(self) -> str:
        """The SQLAlchemy URL: DATABASE_URL with the psycopg 3 driver, or the SQLite file."""
        url = self.database_url.strip()
        return normalise_url(url) if url else f"sqlite:///{DEFAULT_SQLITE_PATH}"

    def shared_password(self) -> str | None:
        """TILANNEKUVA_PASSWORD, else `[auth] password` in .streamlit/secrets.toml."""
        if self.password is not None and self.password.get_secret_value():
            return self.password.get_secret_value()
        return _secrets_password(SECRETS_FILE)


def _secrets_password(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            secrets = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return None  # no secrets.toml is the normal local case
    auth = secrets.get("auth")
    password = auth.get("password") if isinstance(auth, dict) else None
    return str(password) if password else None


def normalise_url(url: str) -> str:
    """Give plain postgres:// URLs (as hosting platforms hand out) the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def get_settings() -> Settings:
    """The settings as the environment gives them now: read again whenever a variable they
    come from changes (so a test or a CLI flag pointing DATABASE_URL elsewhere takes effect),
    else the same frozen object. Reading them takes 2 ms, and a page asks once per query."""
    return _settings_from(_environment())


def _environment() -> tuple[tuple[str, str], ...]:
    """The variables Settings reads (pydantic-settings matches their names in any case)."""
    return tuple(
        sorted(
            (name, value)
            for name, value in os.environ.items()
            if name.upper().startswith(ENV_PREFIX) or name.upper() == "DATABASE_URL"
        )
    )


@functools.lru_cache(maxsize=16)
def _settings_from(environment: tuple[tuple[str, str], ...]) -> Settings:
    return Settings()
