"""Saved source profiles: a column mapping (as JSON) under a name, found by name (CLI --profile)
or by the headers of the next file. Plain functions with a keyword-only engine."""

import datetime as dt
import hashlib

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from data_model.models import SourceProfile


class ProfileNameTaken(ValueError):
    """Another profile already has this name."""


def header_signature(headers: list[str]) -> str:
    """The same headers in any order, case and spacing give the same signature."""
    folded = sorted({" ".join(str(h).split()).casefold() for h in headers if str(h).strip()})
    return hashlib.sha256("\n".join(folded).encode()).hexdigest()


def _name(text: str) -> str:
    return " ".join(text.split())[:255]


def save_profile(*, engine: Engine, name: str, headers: list[str], choices: str) -> int:
    """Save (or overwrite) the profile `name`: choices (loaders.mapping.Mapping.to_json()) for
    files with these headers."""
    name = _name(name)
    values = {
        "header_signature": header_signature(headers),
        "headers": "\n".join(headers),
        "mapping": choices,
        "updated_at": dt.datetime.now(dt.UTC),
    }
    with engine.begin() as conn:
        found = conn.execute(select(SourceProfile.id).where(SourceProfile.name == name)).first()
        if found:
            conn.execute(update(SourceProfile).where(SourceProfile.id == found[0]).values(**values))
            return found[0]
        created = dt.datetime.now(dt.UTC)
        statement = insert(SourceProfile).values(name=name, created_at=created, **values)
        return conn.execute(statement).inserted_primary_key[0]


def list_profiles(*, engine: Engine) -> list[SourceProfile]:
    with engine.connect() as conn:
        rows = conn.execute(select(SourceProfile).order_by(SourceProfile.name)).all()
    return [SourceProfile.model_validate(r._mapping) for r in rows]


def get_profile(*, engine: Engine, name: str) -> SourceProfile | None:
    with engine.connect() as conn:
        row = conn.execute(select(SourceProfile).where(SourceProfile.name == _name(name))).first()
    return SourceProfile.model_validate(row._mapping) if row else None


def profile_for_headers(*, engine: Engine, headers: list[str]) -> SourceProfile | None:
    """The newest profile saved for exactly these headers (any order and case)."""
    signature = header_signature(headers)
    with engine.connect() as conn:
        row = conn.execute(
            select(SourceProfile)
            .where(SourceProfile.header_signature == signature)
            .order_by(SourceProfile.updated_at.desc(), SourceProfile.id.desc())
        ).first()
    return SourceProfile.model_validate(row._mapping) if row else None


def rename_profile(*, engine: Engine, old: str, new: str) -> bool:
    try:
        with engine.begin() as conn:
            done = conn.execute(
                update(SourceProfile)
                .where(SourceProfile.name == old)
                .values(name=_name(new), updated_at=dt.datetime.now(dt.UTC))
            )
    except IntegrityError:
        raise ProfileNameTaken(_name(new)) from None
    return done.rowcount > 0


def delete_profile(*, engine: Engine, name: str) -> bool:
    with engine.begin() as conn:
        done = conn.execute(delete(SourceProfile).where(SourceProfile.name == name))
    return done.rowcount > 0
