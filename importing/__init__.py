"""The one import path, file -> loader -> store, used by the Import page, the command line, the
demo seeding and the tests: a file's bytes in, an ImportResult out, bad input as status 'error'.
"""

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from core.loaded import Loaded
from core.problems import LoadError, Problem
from data_model import audit
from data_model.models import ImportBatch
from data_model.store import batch_unit_names, find_batch, sha256, store_loaded
from loaders import load_file


@dataclass
class ImportResult:
    """What happened to one file; to_json() gives the CLI's line."""

    file: str
    status: str  # imported, unchanged, error
    kind: str | None = None
    form: str | None = None
    rows: int = 0
    answers: int | None = None
    mean: float | None = None
    units: list[str] = field(default_factory=list)
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    warnings: list[Problem] = field(default_factory=list)
    error: LoadError | None = None
    batch_id: int | None = None

    def to_json(self, lang: str = "en") -> dict:
        return {
            "file": self.file,
            "kind": self.kind,
            "form": self.form,
            "status": self.status,
            "rows": self.rows,
            "answers": self.answers,
            "mean": self.mean,
            "units": self.units,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "warnings": [w.message(lang) for w in self.warnings],
            "error": self.error.message(lang) if self.error else None,
        }


def import_file(
    *,
    engine: Engine,
    file_name: str,
    data: bytes,
    kind: str | None = None,
    form: str | None = None,
    imported_by: str = "",
) -> ImportResult:
    """Load and store one file; bad input comes back as status 'error', never as an exception."""
    digest = sha256(data)
    earlier = find_batch(engine=engine, digest=digest)
    if earlier is not None:
        return unchanged(file_name, earlier)
    try:
        loaded = load_file(file_name, data, kind=kind, form=form)
    except LoadError as error:
        return ImportResult(file_name, "error", kind=kind, form=form, error=error)
    return store(engine=engine, loaded=loaded, digest=digest, imported_by=imported_by)


def store(*, engine: Engine, loaded: Loaded, digest: str, imported_by: str = "") -> ImportResult:
    """Store a file the page has already loaded (and shown) as one batch."""
    stored = store_loaded(engine=engine, loaded=loaded, digest=digest, imported_by=imported_by)
    if stored.status == "unchanged":
        return unchanged(loaded.file, find_batch(engine=engine, digest=digest))
    warnings = list(loaded.warnings)
    if stored.created_units:
        units = ", ".join(stored.created_units)
        warnings.append(Problem("unit_created", loaded.file, params={"units": units}))
    first, last = loaded.date_range()
    audit.record(engine=engine, user=imported_by, action="import", file=loaded.file,
                 kind=loaded.kind, rows=loaded.rows, batch_id=stored.batch_id)  # fmt: skip
    return ImportResult(
        loaded.file, "imported", kind=loaded.kind, form=loaded.form, rows=loaded.rows,
        answers=loaded.answers(), mean=loaded.mean(), units=stored.units, first_date=first,
        last_date=last, warnings=warnings, batch_id=stored.batch_id,
    )  # fmt: skip


def unchanged(file_name: str, batch: ImportBatch) -> ImportResult:
    """The result for a file whose exact bytes were imported before (as batch)."""
    return ImportResult(
        file_name, "unchanged", kind=batch.kind, form=batch.form, rows=batch.rows,
        answers=batch.answers, mean=batch.mean, units=batch_unit_names(batch),
        first_date=batch.first_date, last_date=batch.last_date, batch_id=batch.id,
    )  # fmt: skip
