"""The demo's import, and first-start seeding: a brand new database gets the demo municipality's
files, so the dashboard has something to show before anyone uploads."""

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from core.config import ROOT
from core.own_indicators import DefinitionError
from data_model import own_indicators, users
from data_model.db import is_empty
from demo.generate import EARLY, REGISTERS, WORDS, write_demo_files
from importing import ImportResult, import_file

DEFAULT_DEMO_DIR = ROOT / "data" / "demo"
# The demo's users and their passwords (docs/admin.md): the manager sees only early
# childhood education (by its name in the demo's language), the viewer everything without
# changing anything. The passwords are published, so the length rule that protects real
# accounts is not applied to them.
DEMO_USERS = (
    ("admin", "admin", "demo-admin", None),
    ("esihenkilo", "manager", "demo-esihenkilo", EARLY),
    ("katselija", "viewer", "demo-katselija", None),
)


def add_demo_users(*, engine: Engine, lang: str = "fi") -> bool:
    """Create the demo's admin, manager and viewer when no user exists; True when created."""
    if users.has_users(engine=engine):
        return False
    for name, role, password, area in DEMO_USERS:
        areas = WORDS[lang].say(area)
        try:
            users.add_user(
                engine=engine,
                name=name,
                role=role,
                password=password,
                areas=areas,
                all_units=role == "viewer" and area is None,
                check_password_rule=False,
            )
        except (users.UserError, IntegrityError):  # another process seeding at the same time
            return False
    return True


# The demo's own indicators (demo.generate's omat_mittarit.xlsx), defined as an admin would
# before their file is imported: on the scorecard after the built-in ones, in every language.
OWN_DEFINITIONS = (
    {
        "name": "Käyttöaste %",
        "name_sv": "Beläggningsgrad %",
        "name_en": "Occupancy rate %",
        "measure": "%",
        "aggregate": "ratio",
        "decimals": 1,
        "scorecard": True,
        "target": 92.0,
        "description_fi": "Käytössä olleet paikat kaikista paikoista (asiakasjärjestelmästä).",
        "description_sv": "Platser i bruk av alla platser (från klientsystemet).",
        "description_en": "Places taken of all places (from the client system).",
    },
    {
        "name": "Asiakkaat",
        "name_sv": "Kunder",
        "name_en": "Customers served",
        "measure": "kpl",
        "aggregate": "sum",
        "decimals": 0,
        "scorecard": True,
        "description_fi": "Kuukauden aikana palvellut asiakkaat (asiakasjärjestelmästä).",
        "description_sv": "Kunder som betjänats under månaden (från klientsystemet).",
        "description_en": "Customers served in the month (from the client system).",
    },
)


def define_demo_indicators(*, engine: Engine) -> None:
    """The demo's own indicators, defined unless they are already (by this process or by
    another seeding the same database at the same moment)."""
    for settings in OWN_DEFINITIONS:
        name, rest = settings["name"], {k: v for k, v in settings.items() if k != "name"}
        if own_indicators.find_definition(engine=engine, name=name) is not None:
            continue
        try:
            own_indicators.define_named(engine=engine, name=name, user="demo", **rest)
        except IntegrityError:  # the other process defined it first: the same definition
            continue
        except DefinitionError as error:
            if error.code != "name_taken":
                raise


def import_demo(*, engine: Engine, paths: Sequence[Path]) -> list[ImportResult]:
    """Import the register first (so every unit has its service area), then the rest; the own
    indicators are defined before their values are imported."""
    define_demo_indicators(engine=engine)
    ordered = sorted(paths, key=lambda p: Path(p).name not in REGISTERS)
    return [
        import_file(
            engine=engine, file_name=Path(p).name, data=Path(p).read_bytes(), imported_by="demo"
        )
        for p in ordered
    ]


def seed_demo_if_empty(*, engine: Engine, out_dir: Path | None = None) -> bool:
    """Write and import the demo files when no import batch exists; True when this call stored
    any of them.

    Two processes starting at once both write the same bytes (each file is replaced atomically)
    and the store keeps one batch per file: whoever comes second gets `unchanged`.
    """
    if not is_empty(engine):
        return False
    paths = write_demo_files(out_dir or DEFAULT_DEMO_DIR)
    results = import_demo(engine=engine, paths=paths)
    failed = [r for r in results if r.status == "error"]
    if failed:
        details = "; ".join(f"{r.file}: {r.error.message('en')}" for r in failed)
        raise RuntimeError(f"the demo data did not import: {details}")
    add_demo_users(engine=engine)
    return any(r.status == "imported" for r in results)
