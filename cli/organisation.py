"""Running it for a whole organisation: imports from a folder, backups and restores."""

import sys
from pathlib import Path

from cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, open_engine, print_json
from cli.imports import mapping_choices


def cmd_watch(args) -> int:
    from importing.folder import FolderImports, watch

    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    engine = open_engine(args.database_url)
    mapping = mapping_choices(engine, args)
    if mapping is None:
        return EXIT_USAGE
    imports = FolderImports(
        engine=engine,
        folder=folder,
        mapping=mapping if args.profile else None,
        replace=args.replace,
        settle_seconds=args.settle,
        lang=args.lang,
    )
    failed = False

    def report(done) -> None:
        nonlocal failed
        failed |= not done.ok
        for outcome in done.failed:
            print(f"{outcome.file}: {outcome.status}: {outcome.error}", file=sys.stderr)
        print_json(done.to_json(), flush=True)

    try:
        watch(imports, interval=args.interval, report=report, passes=1 if args.once else None)
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_ERROR if failed else EXIT_OK


def _copied(engine, action: str, file: str, copy) -> int:
    """copy() (a backup or a restore) audited as action and printed as a JSON line, or its
    refusal printed as an error."""
    from data_model import audit
    from data_model.backup import BackupError

    try:
        copied = copy()
    except BackupError as error:
        print(error, file=sys.stderr)
        return EXIT_ERROR
    audit.record(engine=engine, user="cli", action=action, file=Path(file).name)
    print_json({"file": file, **copied.to_json()})
    return EXIT_OK


def cmd_backup(args) -> int:
    from data_model.backup import backup

    engine = open_engine(args.database_url)
    return _copied(engine, "backup", args.out, lambda: backup(engine=engine, out=Path(args.out)))


def cmd_restore(args) -> int:
    from data_model.backup import restore
    from data_model.db import make_engine

    engine = make_engine(args.database_url)

    def copy():
        return restore(source=Path(args.file), engine=engine, force=args.force)

    return _copied(engine, "restore", args.file, copy)


def add_parsers(sub) -> None:
    """Running it for a whole organisation: imports from a folder, backups and restores."""
    wat = sub.add_parser("watch", help="import every new or changed file in a folder")
    wat.add_argument("folder", metavar="DIR")
    wat.add_argument("--once", action="store_true", help="one pass (for cron or a timer)")
    wat.add_argument("--interval", type=float, default=60.0, help="seconds between passes")
    wat.add_argument("--profile", metavar="NAME", help="map every file with this profile")
    wat.add_argument(
        "--replace",
        action="store_true",
        help="the folder's exports are cumulative: a file repeating an earlier batch takes "
        "its place (without it, such a file is reported and not imported)",
    )
    wat.add_argument(
        "--settle",
        type=float,
        default=5.0,
        help="seconds a file must be unchanged before it is read (still being copied)",
    )
    wat.add_argument("--database-url")
    wat.set_defaults(
        run=cmd_watch,
        map=None,
        label=None,
        unit=None,
        date=None,
        survey=None,
        date_order=None,
        sheet=None,
        header_rows=None,
        rows=None,
        keep_left_out=False,
    )

    bak = sub.add_parser("backup", help="write a consistent copy of the database to a file")
    bak.add_argument("--out", required=True, metavar="FILE", help="a new file (SQLite format)")
    bak.add_argument("--database-url")
    bak.set_defaults(run=cmd_backup)

    res = sub.add_parser("restore", help="restore a backup into an empty database")
    res.add_argument("file", metavar="FILE")
    res.add_argument("--database-url", help="the database to restore into (of either kind)")
    res.add_argument(
        "--force", action="store_true", help="replace everything in a database that is not empty"
    )
    res.set_defaults(run=cmd_restore)
