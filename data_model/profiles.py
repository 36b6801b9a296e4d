"""Saved source profiles: a column mapping under a name, applied by name (CLI --profile) or
to the next file with the same headers. Plain functions with a keyword-only engine."""

import datetime as dt

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from data_model.models import SourceProfile
from data_model.store import ImportResult, _unchanged, find_batch, sha256, store_loaded
from loaders import LoadError, Problem, load_file
from loaders.mapping import Mapping, header_signature


class ProfileNameTaken(ValueError):
    """Another profile already has this name."""


def save_profile(*, engine: Engine, name: str, headers: list[str], mapping: Mapping) -> int:
    """Save (or overwrite) the profile `name` with mapping's choices for these headers."""
    name = " ".join(name.split())[:255]
    values = {
        "header_signature": header_signature(headers),
        "headers": "\n".join(headers),
        "mapping": mapping.to_json(),
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
        row = conn.execute(select(SourceProfile).where(SourceProfile.name == name)).first()
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
    new = " ".join(new.split())[:255]
    try:
        with engine.begin() as conn:
            done = conn.execute(
                update(SourceProfile)
                .where(SourceProfile.name == old)
                .values(name=new, updated_at=dt.datetime.now(dt.UTC))
            )
    except IntegrityError:
        raise ProfileNameTaken(new) from None
    return done.rowcount > 0


def delete_profile(*, engine: Engine, name: str) -> bool:
    with engine.begin() as conn:
        done = conn.execute(delete(SourceProfile).where(SourceProfile.name == name))
    return done.rowcount > 0


def mapping_of(profile: SourceProfile, lang: str = "fi") -> Mapping:
    return Mapping.from_json(profile.mapping, lang=lang, profile=profile.name)


def load_mapped(*, engine: Engine, file_name: str, data: bytes, kind=None, form=None, mapping=None):
    """Load a file with the user's mapping on top of the profile saved for its headers (if
    any); returns the Loaded (its mapping.profile names the profile used) or raises LoadError."""
    mapping = mapping or Mapping()
    try:
        first = load_file(file_name, data, kind=kind, form=form, mapping=mapping)
        described = first.mapping
    except LoadError as error:
        first, described = None, error.mapping
    headers = [c.header for c in described.columns] if described else []
    profile = profile_for_headers(engine=engine, headers=headers) if headers else None
    if profile is None or mapping.profile:
        if first is None:
            return load_file(file_name, data, kind=kind, form=form, mapping=mapping)
        return first
    combined = mapping_of(profile, mapping.lang).merged(mapping)
    loaded = load_file(file_name, data, kind=kind, form=form, mapping=combined)
    loaded.warnings.insert(0, Problem("profile_applied", file_name, params={"name": profile.name}))
    return loaded


def import_mapped(
    *,
    engine: Engine,
    file_name: str,
    data: bytes,
    kind: str | None = None,
    form: str | None = None,
    mapping: Mapping | None = None,
    imported_by: str = "",
) -> ImportResult:
    """store.import_file with a mapping and saved profiles; bad input is status 'error'."""
    digest = sha256(data)
    earlier = find_batch(engine=engine, digest=digest)
    if earlier is not None:
        return _unchanged(file_name, earlier)
    try:
        loaded = load_mapped(
            engine=engine, file_name=file_name, data=data, kind=kind, form=form, mapping=mapping
        )
    except LoadError as error:
        return ImportResult(file_name, "error", kind=kind, form=form, error=error)
    return store_loaded(engine=engine, loaded=loaded, digest=digest, imported_by=imported_by)
