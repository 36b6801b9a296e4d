"""Imports from a folder: the exports that HR, student and feedback systems drop on a share each
month, imported on a schedule through the same path as the Import page.

One pass looks at every .xlsx and .csv file in the folder (not its subfolders): a file whose
bytes were imported before is skipped without being read again; a file still being written
(changed in the last few seconds) waits for the next pass; every other file is imported with
the source profile saved for its headers (or the one named), as the folder's own user, and so
audited. Nothing is moved, renamed or deleted: the share belongs to the systems that write it.
A file that cannot be imported stays where it is and is reported in every pass until it is
fixed or removed; it is read again only when it changes or a source profile is saved.
"""

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from data_model.profiles import list_profiles
from data_model.store import find_batch, sha256
from importing import ImportResult, import_file
from loaders.mapping import Mapping

SUFFIXES = (".xlsx", ".csv")
SETTLE_SECONDS = 5.0  # a file changed more recently than this may still be being copied


@dataclass
class Outcome:
    """One file of one pass."""

    file: str
    status: str  # imported, unchanged, waiting, overlap, error
    batch_id: int | None = None
    error: str | None = None
    replaced: int | None = None  # the earlier batch a cumulative export took the place of

    def to_json(self) -> dict:
        found = {"file": self.file, "status": self.status}
        extra = {"batch_id": self.batch_id, "error": self.error, "replaced": self.replaced}
        return found | {key: value for key, value in extra.items() if value is not None}


@dataclass
class Pass:
    """What one pass over the folder did: a line of JSON for monitoring."""

    folder: str
    at: dt.datetime
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in ("error", "overlap")]

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "folder": self.folder,
            "files": len(self.outcomes),
            **{status: self.count(status) for status in ("imported", "unchanged", "waiting")},
            "failed": len(self.failed),
            "ok": self.ok,
            "details": [o.to_json() for o in self.outcomes if o.status != "unchanged"],
        }


def candidates(folder: Path) -> list[Path]:
    """The files a pass looks at: exports, not Excel's lock files (~$name.xlsx) or hidden ones."""
    found = [
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in SUFFIXES
        and not path.name.startswith(("~$", "."))
    ]
    return sorted(found, key=lambda path: path.name)


def who(folder: Path) -> str:
    """Whom the import history and the audit log name as the importer."""
    return f"folder:{folder.resolve().name}"


class FolderImports:
    """Passes over one folder; keeps which files failed so that a polling watcher does not read
    a broken file again until it changes or a profile is saved."""

    def __init__(
        self,
        *,
        engine: Engine,
        folder: Path,
        mapping: Mapping | None = None,
        replace: bool = False,
        settle_seconds: float = SETTLE_SECONDS,
        lang: str = "en",
    ):
        self.engine, self.folder, self.mapping = engine, Path(folder), mapping
        self.replace, self.settle, self.lang = replace, settle_seconds, lang
        self._failed: dict[tuple[str, str, str], Outcome] = {}

    def run_pass(self) -> Pass:
        result = Pass(str(self.folder), dt.datetime.now(dt.UTC))
        profiles = self._profiles_signature()
        for path in candidates(self.folder):
            result.outcomes.append(self._one(path, profiles))
        return result

    def _profiles_signature(self) -> str:
        saved = list_profiles(engine=self.engine)
        return ";".join(f"{p.name}@{p.updated_at.isoformat()}" for p in saved)

    def _one(self, path: Path, profiles: str) -> Outcome:
        try:
            if time.time() - path.stat().st_mtime < self.settle:
                return Outcome(path.name, "waiting")
            data = path.read_bytes()
        except OSError as error:  # gone, or not readable by this process
            return Outcome(path.name, "error", error=error.strerror or str(error))
        digest = sha256(data)
        earlier = find_batch(engine=self.engine, digest=digest)
        if earlier is not None:
            return Outcome(path.name, "unchanged", batch_id=earlier.id)
        key = (path.name, digest, profiles)
        if key in self._failed:
            return self._failed[key]
        imported = import_file(
            engine=self.engine,
            file_name=path.name,
            data=data,
            mapping=self.mapping,
            imported_by=who(self.folder),
            replace=self.replace,
        )
        outcome = self._outcome(path.name, imported)
        if outcome.status in ("error", "overlap"):
            self._failed[key] = outcome
        return outcome

    def _outcome(self, name: str, imported: ImportResult) -> Outcome:
        error = imported.error.message(self.lang) if imported.error else None
        replaced = imported.overlap.batch_id if imported.overlap and imported.batch_id else None
        return Outcome(name, imported.status, imported.batch_id, error, replaced)


def watch(imports: FolderImports, *, interval: float, report, passes: int | None = None) -> None:
    """Run a pass every interval seconds, reporting each (report(Pass)), until stopped (or
    after `passes` passes)."""
    done = 0
    while passes is None or done < passes:
        started = time.monotonic()
        report(imports.run_pass())
        done += 1
        if passes is None or done < passes:
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
