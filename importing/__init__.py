"""The one import path, file -> loader -> store, used by the Import page, the command line, the
demo seeding and the tests: a file's bytes in, an ImportResult out, bad input as status 'error'.
"""

import datetime as dt
import logging
import random
import time
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from core import indicators as catalog
from core.loaded import Loaded
from core.problems import LoadError, Problem
from data_model import audit, own_indicators
from data_model.db import is_transient
from data_model.models import ImportBatch
from data_model.overlap import Overlap, find_overlap
from data_model.profiles import get_profile, profile_for_headers
from data_model.store import batch_unit_names, find_batch, sha256, store_loaded
from loaders import load_file, tools
from loaders.feedback import default_survey
from loaders.mapping import Mapping
from loaders.scales import SHIFT

log = logging.getLogger("tilannekuva")
ATTEMPTS = 6  # a store that meets a lock or a deadlock is tried again, this many times in all
BACKOFF = 0.2  # seconds, growing with each attempt, with some jitter


@dataclass
class ImportResult:
    """What happened to one file; to_json() gives the CLI's line."""

    file: str
    status: str  # imported, unchanged, overlap (not stored: repeats a batch), error
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
    overlap: Overlap | None = None  # the earlier batch the file repeats (replaced if imported)
    questions: list[dict] = field(default_factory=list)  # each rated question as stored
    comments: int | None = None  # free-text answers stored (feedback)
    unit_months: list[dict] | None = None  # workforce, own indicators: each unit-month's figures
    tool: str | None = None  # the survey tool the file was recognised as

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
            "overlap": (
                {**self.overlap.to_json(), "replaced": self.status == "imported"}
                if self.overlap
                else None
            ),
            "tool": self.tool,
            "questions": self.questions,
            "comments": self.comments,
            "unit_months": self.unit_months,
        }


def stored_figures(loaded: Loaded) -> dict:
    """What a loaded file stores, for the result: every rated question with its scale (as
    the --map roles write it), answers and mean on its own scale (yes/no: the share of yes),
    the number of free-text answers, and each workforce unit-month's figures."""
    out: dict = {"tool": loaded.tool}
    if loaded.kind == "feedback":
        out["questions"] = _questions(loaded)
        out["comments"] = len(loaded.tables.get("comments", []))
    if loaded.kind == "workforce":
        out["unit_months"] = _unit_months(loaded.main)
    if loaded.kind == "indicator_values":
        out["unit_months"] = _indicator_months(loaded.main)
    return out


def _questions(loaded: Loaded) -> list[dict]:
    roles = [c for c in (loaded.mapping.columns if loaded.mapping else []) if c.answers]
    if roles:  # a wide file: each column as the mapping step shows it
        return [
            {
                "question": c.header,
                "scale": c.role.partition(":")[2],
                "answers": c.answers,
                "mean": round(c.mean - SHIFT.get(c.role.partition(":")[2], 0), 4),
            }
            for c in roles
            if c.role.startswith("question:")
        ]
    table = loaded.main
    if table.empty:
        return []
    grouped = table.groupby(["question", "scale_min", "scale_max"], sort=False, dropna=False)
    summed = grouped[["n", "score_sum"]].sum().reset_index()
    return [
        {
            "question": row.question,
            "scale": "yes-no"
            if (row.scale_min, row.scale_max) == (0, 1)
            else (f"{int(row.scale_min)}-{int(row.scale_max)}"),
            "answers": int(row.n),
            "mean": round(float(row.score_sum) / row.n, 4) if row.n else None,
        }
        for row in summed.itertuples()
    ]


def _unit_months(table) -> list[dict]:
    from loaders.workforce import FIGURE_KEYS

    months = []
    for row in table.to_dict("records"):
        figures = {k: float(row[k]) for k in FIGURE_KEYS if row.get(k) is not None}
        months.append({"unit": row["unit"], "month": row["month"].strftime("%Y-%m"), **figures})
    return months


def _indicator_months(table) -> list[dict]:
    """Each unit-month of an own indicators' file with each indicator's figure by its name as
    its definition reads it (a rate: factor x numerator / denominator, 100 for a percentage),
    and the numerator, denominator and weight stored beside it ("NAME: numerator")."""
    months: dict[tuple, dict] = {}
    for row in table.to_dict("records"):
        key = (row["unit"], row["month"].strftime("%Y-%m"))
        entry = months.setdefault(key, {"unit": key[0], "month": key[1]})
        name = row["indicator"]
        if row.get("figure") is not None and row["figure"] == row["figure"]:
            entry[name] = round(float(row["figure"]), 6)
        for part in ("numerator", "denominator", "weight"):
            if row.get(part) is not None:
                entry[f"{name}: {part}"] = float(row[part])
    return list(months.values())


def profile_mapping(*, engine: Engine, name: str, lang: str = "fi") -> Mapping | None:
    """The choices of a source profile by name: a saved one, else one that ships with the
    product for a survey tool (SurveyMonkey, Qualtrics, ...); None when neither has it."""
    saved = get_profile(engine=engine, name=name)
    if saved is not None:
        return Mapping.from_json(saved.mapping, lang=lang, profile=saved.name)
    shipped = tools.built_in(name)
    if shipped is not None:
        shipped.lang = lang
    return shipped


def saved_mapping(*, engine: Engine, headers: list[str], lang: str = "fi") -> Mapping | None:
    """The saved source profile for a file with these headers (any order and case), as the
    choices it holds, or None: the one place a file's headers find their profile."""
    if not headers:
        return None
    profile = profile_for_headers(engine=engine, headers=headers)
    if profile is None:
        return None
    return Mapping.from_json(profile.mapping, lang=lang, profile=profile.name)


def import_file(
    *,
    engine: Engine,
    file_name: str,
    data: bytes,
    kind: str | None = None,
    form: str | None = None,
    mapping: Mapping | None = None,
    imported_by: str = "",
    replace: bool = False,
    keep_overlap: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Load (with the user's mapping choices, or the source profile saved for the file's
    headers) and store one file; bad input comes back as status 'error', never as an
    exception. A file repeating most rows of an earlier batch (a cumulative export) comes back
    as status 'overlap', nothing stored, unless replace: then it takes that batch's place; or
    keep_overlap: the user says the rows only look alike, and it is stored beside that batch.
    dry_run does all of it but store, and says what would be stored (status 'dry_run')."""
    if replace and keep_overlap:
        raise ValueError("replace and keep_overlap exclude each other")
    digest = sha256(data)
    earlier = find_batch(engine=engine, digest=digest)
    if earlier is not None:
        return unchanged(file_name, earlier)
    try:
        loaded = load_mapped(
            engine=engine, file_name=file_name, data=data, kind=kind, form=form, mapping=mapping
        )
    except LoadError as error:
        return ImportResult(file_name, "error", kind=kind, form=form, error=error)
    except Exception as exc:  # a reader's own failure: one bad file must not stop the others
        log.exception("Reading %s failed", file_name)
        problem = Problem("unreadable_file", file_name, params={"detail": type(exc).__name__})
        return ImportResult(file_name, "error", kind=kind, form=form, error=LoadError([problem]))
    try:
        overlap = overlap_for(engine=engine, loaded=loaded)
    except Exception as exc:
        return _failed(loaded, exc)
    if overlap is not None and keep_overlap:
        overlap = None
    if overlap is not None and not replace:
        return overlapping(loaded, overlap)
    if dry_run:
        return checked_only(loaded, overlap)
    return store(
        engine=engine, loaded=loaded, digest=digest, imported_by=imported_by, overlap=overlap
    )


def checked_only(loaded: Loaded, overlap: Overlap | None = None) -> ImportResult:
    """The result of a dry run: everything an import would say, nothing stored."""
    first, last = loaded.date_range()
    return ImportResult(
        loaded.file,
        "dry_run",
        kind=loaded.kind,
        form=loaded.form,
        rows=loaded.rows,
        answers=loaded.answers(),
        mean=loaded.mean(),
        units=loaded.unit_names(),
        first_date=first,
        last_date=last,
        warnings=list(loaded.warnings),
        overlap=overlap,
        **stored_figures(loaded),
    )


def overlap_for(*, engine: Engine, loaded: Loaded) -> Overlap | None:
    """The earlier batch this loaded file repeats, if any (data_model.overlap)."""
    return find_overlap(engine=engine, loaded=loaded, ignore=_named_by_file(loaded))


def _named_by_file(loaded: Loaded) -> tuple[str, ...]:
    """A survey the loader named after the file is no part of a row's fingerprint: the same
    form downloaded again comes as 'Kysely (1).xlsx'."""
    main = loaded.main
    if "survey" in main and set(main["survey"]) == {default_survey(loaded.file)}:
        return ("survey",)
    return ()


def overlapping(loaded: Loaded, overlap: Overlap) -> ImportResult:
    """The result for a file not stored because it repeats an earlier batch: the message says
    how much and which batch."""
    problem = Problem(
        "batch_overlap",
        loaded.file,
        params={
            "percent": round(100 * overlap.share),
            "batch": overlap.batch_id,
            "earlier": overlap.file_name,
        },
    )
    first, last = loaded.date_range()
    return ImportResult(
        loaded.file,
        "overlap",
        kind=loaded.kind,
        form=loaded.form,
        rows=loaded.rows,
        answers=loaded.answers(),
        mean=loaded.mean(),
        units=loaded.unit_names(),
        first_date=first,
        last_date=last,
        warnings=list(loaded.warnings),
        error=LoadError([problem]),
        overlap=overlap,
        **stored_figures(loaded),
    )


def load_mapped(*, engine, file_name: str, data: bytes, kind=None, form=None, mapping=None):
    """Load a file with the user's choices on top of the profile saved for its headers (if
    none was named); the profile's use is said in a warning. Raises LoadError."""
    mapping = mapping or Mapping()
    # The file's own indicators are this database's, whatever the process has in use.
    with catalog.own_in_use(own_indicators.catalog_entries(engine=engine)):
        return _load_mapped(engine, file_name, data, kind, form, mapping)


def _load_mapped(engine, file_name: str, data: bytes, kind, form, mapping: Mapping):
    try:
        first = load_file(file_name, data, kind=kind, form=form, mapping=mapping)
        described = first.mapping
    except LoadError as error:
        first, described = None, error.mapping
    headers = [c.header for c in described.columns] if described else []
    saved = None if mapping.profile else saved_mapping(engine=engine, headers=headers)
    if saved is None:
        if first is None:
            return load_file(file_name, data, kind=kind, form=form, mapping=mapping)
        return first
    loaded = load_file(file_name, data, kind=kind, form=form, mapping=saved.merged(mapping))
    loaded.warnings.insert(0, Problem("profile_applied", file_name, params={"name": saved.profile}))
    return loaded


def store(
    *,
    engine: Engine,
    loaded: Loaded,
    digest: str,
    imported_by: str = "",
    overlap: Overlap | None = None,
) -> ImportResult:
    """Store a file the page has already loaded (and shown) as one batch; with overlap, the
    earlier batch it repeats is removed in the same transaction (the user chose to replace it).

    The batch is one transaction, so a failure leaves the database as it was: a lock or a
    deadlock with another importer is retried a few times; anything else comes back as an
    error result with a short message (and the details in the log), never as an exception.
    """
    replace = overlap.batch_id if overlap else None
    try:
        stored = _store_with_retries(engine, loaded, digest, imported_by, replace)
    except Exception as exc:
        return _failed(loaded, exc)
    if stored.status == "unchanged":
        return unchanged(loaded.file, find_batch(engine=engine, digest=digest))
    warnings = list(loaded.warnings)
    if stored.created_units:
        units = ", ".join(stored.created_units)
        warnings.append(Problem("unit_created", loaded.file, params={"units": units}))
    first, last = loaded.date_range()
    replaced = {"replaced_batch": replace} if replace else {}
    if stored.created_indicators:  # said as done, in place of the loader's "will be"
        names = ", ".join(stored.created_indicators)
        warnings = [w for w in warnings if w.code != "indicators_new"]
        warnings.append(Problem("indicators_created", loaded.file, params={"names": names}))
        replaced["indicators_created"] = stored.created_indicators
    audit.record(
        engine=engine,
        user=imported_by,
        action="import",
        file=loaded.file,
        kind=loaded.kind,
        rows=loaded.rows,
        batch_id=stored.batch_id,
        **replaced,
    )
    return ImportResult(
        loaded.file,
        "imported",
        kind=loaded.kind,
        form=loaded.form,
        rows=loaded.rows,
        answers=loaded.answers(),
        mean=loaded.mean(),
        units=stored.units,
        first_date=first,
        last_date=last,
        warnings=warnings,
        batch_id=stored.batch_id,
        overlap=overlap,
        **stored_figures(loaded),
    )


def _failed(loaded: Loaded, exc: Exception) -> ImportResult:
    log.exception("Storing %s failed", loaded.file, exc_info=exc)
    problem = Problem("store_failed", loaded.file, params={"detail": type(exc).__name__})
    return ImportResult(
        loaded.file, "error", kind=loaded.kind, form=loaded.form, error=LoadError([problem])
    )


def _store_with_retries(engine, loaded: Loaded, digest: str, imported_by: str, replace):
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return store_loaded(
                engine=engine,
                loaded=loaded,
                digest=digest,
                imported_by=imported_by,
                replace=replace,
            )
        except Exception as exc:
            if attempt == ATTEMPTS or not is_transient(exc):
                raise
            log.info("Storing %s met a lock (attempt %d), trying again", loaded.file, attempt)
            time.sleep(BACKOFF * attempt * (1 + random.random()))


def unchanged(file_name: str, batch: ImportBatch) -> ImportResult:
    """The result for a file whose exact bytes were imported before (as batch)."""
    return ImportResult(
        file_name,
        "unchanged",
        kind=batch.kind,
        form=batch.form,
        rows=batch.rows,
        answers=batch.answers,
        mean=batch.mean,
        units=batch_unit_names(batch),
        first_date=batch.first_date,
        last_date=batch.last_date,
        batch_id=batch.id,
    )
