"""Users who sign in, their roles and the units and service areas they may see. Passwords are
kept only as salted argon2 hashes and must be long and not the user's name; scopes are stored
by folded name, and a manager or viewer given no unit sees nothing (a viewer of every unit is
given them explicitly). A password change or disabling ends every session of the user."""

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.engine import Engine

from core.names import fold
from data_model import data_version, sessions
from data_model.models import ServiceArea, Unit, User, UserScope

ROLES = ("admin", "manager", "viewer")
MIN_PASSWORD_LENGTH = 12
log = logging.getLogger("tilannekuva")
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
# Checked against when no such user exists, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("no such user")


class UserError(ValueError):
    """A user change that cannot be made; code names the reason, names what was wrong."""

    def __init__(self, code: str, names: list[str] | None = None):
        super().__init__(f"{code}: {', '.join(names or [])}")
        self.code, self.names = code, names or []


@dataclass(frozen=True)
class Account:
    """A user as the app needs them: who, what role, what they were given."""

    id: int
    name: str
    role: str
    email: str | None
    disabled: bool
    has_password: bool
    units: tuple[str, ...] = field(default=())
    areas: tuple[str, ...] = field(default=())
    all_units: bool = False

    @property
    def sees_everything(self) -> bool:
        """Admins see every unit, and so does a viewer given every unit explicitly; a manager
        or viewer given no unit and no area sees nothing (never everything by omission)."""
        return self.role == "admin" or (self.role == "viewer" and self.all_units)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when password matches; a missing or broken hash never matches."""
    try:
        return _HASHER.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def password_problem(name: str, password: str | None) -> str | None:
    """Why a new password is refused (a UserError code), or None: at least
    MIN_PASSWORD_LENGTH characters, and not the user's name (in any case or spacing)."""
    if not password:
        return "no_password"
    if len(password) < MIN_PASSWORD_LENGTH:
        return "password_short"
    if "".join(fold(password).split()) == "".join(fold(name).split()):
        return "password_is_name"
    return None


def _check_password(name: str, password: str | None) -> None:
    problem = password_problem(name, password)
    if problem:
        raise UserError(problem)


def _check_role_scope(role: str, units: list[str], areas: list[str], all_units: bool) -> None:
    """Fail closed: a manager or viewer needs a unit or an area, or (a viewer only) every unit
    given explicitly."""
    if role == "admin":
        return
    if all_units and role != "viewer":
        raise UserError("all_units_role", [role])
    if not (units or areas or all_units):
        raise UserError("no_scope", [role])


def _names(text_or_list) -> list[str]:
    """'Unit A;Unit B' or a list of names, stripped, without blanks or repeats."""
    items = text_or_list.split(";") if isinstance(text_or_list, str) else (text_or_list or [])
    return list(dict.fromkeys(" ".join(str(n).split()) for n in items if str(n).strip()))


def _check_scope(conn, units: list[str], areas: list[str]) -> None:
    """Refuse names that match no unit or service area: a typo would silently give nothing."""
    known_units = set(conn.execute(select(Unit.name_key)).scalars())
    known_areas = {fold(n) for n in conn.execute(select(ServiceArea.name)).scalars()}
    unknown = [n for n in units if fold(n) not in known_units]
    if unknown:
        raise UserError("unknown_units", unknown)
    unknown = [n for n in areas if fold(n) not in known_areas]
    if unknown:
        raise UserError("unknown_areas", unknown)


def _write_scope(conn, user_id: int, units: list[str], areas: list[str]) -> None:
    conn.execute(delete(UserScope).where(UserScope.user_id == user_id))
    rows = [{"user_id": user_id, "kind": "unit", "name": n, "name_key": fold(n)} for n in units]
    rows += [{"user_id": user_id, "kind": "area", "name": n, "name_key": fold(n)} for n in areas]
    if rows:
        conn.execute(insert(UserScope), rows)


def _find(conn, name: str):
    """The user row whose name folds to the same as name (users are few: folded in Python,
    as SQL lower() leaves Ä and Ö alone on SQLite)."""
    key = fold(name)
    rows = conn.execute(select(User)).all()
    return next((r for r in rows if fold(r.name) == key), None)


def add_user(
    *,
    engine: Engine,
    name: str,
    role: str,
    password: str | None = None,
    email: str | None = None,
    units=None,
    areas=None,
    all_units: bool = False,
    check_password_rule: bool = True,
) -> int:
    """Create a user; units and areas are names (or 'A;B' text) matched as imports match them.
    A user needs a password, an e-mail for single sign-on, or both; a manager or viewer needs
    a unit or an area, or (a viewer) all_units. check_password_rule=False is for the demo's
    published passwords only."""
    name = " ".join(name.split())
    if not name:
        raise UserError("no_name")
    if role not in ROLES:
        raise UserError("unknown_role", [role])
    if not password and not email:
        raise UserError("no_password")
    if password and check_password_rule:
        _check_password(name, password)
    units, areas = _names(units), _names(areas)
    _check_role_scope(role, units, areas, all_units)
    with engine.begin() as conn:
        if _find(conn, name) is not None:
            raise UserError("name_taken", [name])
        email_key = fold(email) if email else None
        if email_key and conn.execute(select(User.id).where(User.email == email_key)).first():
            raise UserError("email_taken", [email])
        _check_scope(conn, units, areas)
        user_id = conn.execute(
            insert(User).values(
                name=name,
                role=role,
                email=email_key,
                disabled=False,
                all_units=bool(all_units and role == "viewer"),
                password_hash=hash_password(password) if password else None,
                created_at=datetime.now(UTC),
                updated_at=datetime.now(UTC),
            )
        ).inserted_primary_key[0]
        _write_scope(conn, user_id, units, areas)
        data_version.bump(conn)
    return int(user_id)


def update_user(
    *,
    engine: Engine,
    name: str,
    role: str | None = None,
    email: str | None = None,
    units=None,
    areas=None,
    all_units: bool | None = None,
    disabled: bool | None = None,
) -> None:
    """Change a user's role, e-mail, scope, all_units or disabled flag (None: leave as is).
    The result must still give a manager or viewer something to see; disabling ends every
    session of the user."""
    values: dict = {"updated_at": datetime.now(UTC)}
    if role is not None:
        if role not in ROLES:
            raise UserError("unknown_role", [role])
        values["role"] = role
    if email is not None:
        values["email"] = fold(email) or None
    if disabled is not None:
        values["disabled"] = disabled
    with engine.begin() as conn:
        row = _find(conn, name)
        if row is None:
            raise UserError("no_such_user", [name])
        user_id = row.id
        now = _account(conn, row)
        new_role = role or row.role
        new_units = _names(units) if units is not None or areas is not None else list(now.units)
        new_areas = _names(areas) if units is not None or areas is not None else list(now.areas)
        if all_units is None:  # kept, unless the user is no longer a viewer
            new_all = bool(row.all_units) and new_role == "viewer"
        else:
            new_all = all_units
        _check_role_scope(new_role, new_units, new_areas, new_all)
        values["all_units"] = new_all
        if units is not None or areas is not None:
            _check_scope(conn, new_units, new_areas)
            _write_scope(conn, user_id, new_units, new_areas)
        conn.execute(update(User).where(User.id == user_id).values(**values))
        if disabled:
            sessions.end_all(conn, user_id=user_id, reason="disabled")
        data_version.bump(conn)


def set_password(*, engine: Engine, name: str, password: str) -> None:
    """A new password (MIN_PASSWORD_LENGTH characters at least, not the name); every session
    of the user ends, so whoever had it signed in must sign in again."""
    with engine.begin() as conn:
        row = _find(conn, name)
        if row is None:
            raise UserError("no_such_user", [name])
        _check_password(row.name, password)
        conn.execute(
            update(User)
            .where(User.id == row.id)
            .values(password_hash=hash_password(password), updated_at=datetime.now(UTC))
        )
        sessions.end_all(conn, user_id=row.id, reason="password")
        data_version.bump(conn)


def disable_user(*, engine: Engine, name: str) -> None:
    update_user(engine=engine, name=name, disabled=True)


def _account(conn, row) -> Account:
    scope = conn.execute(
        select(UserScope.kind, UserScope.name)
        .where(UserScope.user_id == row.id)
        .order_by(UserScope.id)
    ).all()
    return Account(
        id=row.id,
        name=row.name,
        role=row.role,
        email=row.email,
        disabled=bool(row.disabled),
        has_password=bool(row.password_hash),
        units=tuple(n for k, n in scope if k == "unit"),
        areas=tuple(n for k, n in scope if k == "area"),
        all_units=bool(row.all_units),
    )


def list_users(*, engine: Engine) -> list[Account]:
    with engine.connect() as conn:
        rows = conn.execute(select(User).order_by(User.name)).all()
        return [_account(conn, r) for r in rows]


def get_user(*, engine: Engine, name: str) -> Account | None:
    with engine.connect() as conn:
        row = _find(conn, name)
        return None if row is None else _account(conn, row)


def get_user_by_id(*, engine: Engine, user_id: int) -> Account | None:
    with engine.connect() as conn:
        row = conn.execute(select(User).where(User.id == user_id)).first()
        return None if row is None else _account(conn, row)


def has_users(*, engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(User.id).limit(1)).first() is not None


def check_password(*, engine: Engine, name: str, password: str) -> Account | None:
    """The enabled user with this name and password, else None (same work either way)."""
    with engine.connect() as conn:
        row = _find(conn, name)
        ok = verify_password(row.password_hash if row else None, password)
        if row is None or not ok or row.disabled:
            return None
        return _account(conn, row)


def user_for_email(*, engine: Engine, email: str | None) -> Account | None:
    """The enabled user an identity provider's e-mail claim names (single sign-on), else None."""
    if not email or not str(email).strip():
        return None
    with engine.connect() as conn:
        row = conn.execute(select(User).where(User.email == fold(email))).first()
        if row is None or row.disabled:
            return None
        return _account(conn, row)


def allowed_unit_ids(*, engine: Engine, account: Account) -> tuple[int, ...] | None:
    """The ids of the units the user may see now: None for everything, else the units given
    by name and every unit of the areas given (a unit imported later into an area counts);
    nothing for a manager or viewer given nothing."""
    if account.sees_everything:
        return None
    if not (account.units or account.areas):
        return ()
    unit_keys = [fold(n) for n in account.units]
    area_keys = {fold(n) for n in account.areas}
    with engine.connect() as conn:
        # Areas are folded in Python: SQL lower() leaves Ä and Ö alone on SQLite.
        areas = conn.execute(select(ServiceArea.id, ServiceArea.name)).all()
        area_ids = [a.id for a in areas if fold(a.name) in area_keys]
        query = select(Unit.id).where(
            or_(Unit.name_key.in_(unit_keys), Unit.service_area_id.in_(area_ids))
        )
        return tuple(sorted(conn.execute(query).scalars()))


def ensure_first_admin(*, engine: Engine, name: str, password: str | None) -> bool:
    """With no user yet, create an admin with the configured password (TILANNEKUVA_PASSWORD,
    the old shared password); True when one was created. A password the rule refuses creates
    nobody, and the log says why (the app then shows how to create the first admin)."""
    if not password or has_users(engine=engine):
        return False
    problem = password_problem(name or "admin", password)
    if problem:
        log.error(
            "TILANNEKUVA_PASSWORD is refused (%s: at least %d characters, not the name): "
            "no first admin was created",
            problem,
            MIN_PASSWORD_LENGTH,
        )
        return False
    try:
        add_user(engine=engine, name=name or "admin", role="admin", password=password)
    except UserError:  # another replica created it at the same moment
        return False
    return True
