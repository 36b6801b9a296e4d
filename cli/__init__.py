"""The command line: the same import path as the upload page, for scripts and scheduled jobs.
Run as `python -m loaders ...` (loaders/__main__.py hands over to main() here).

python -m loaders import FILE... [--kind KIND] [--database-url URL] [--json] [--dry-run]
    [--profile NAME] [--unit UNIT] [--date DATE] [--survey NAME] [--sheet NAME]
    [--header-rows 1-2] [--rows 3-319] [--keep-left-out] [--map "HEADER=ROLE"]...
    [--label "TEXT=SCORE|skip"]...
python -m loaders template KIND OUT.xlsx | batches | remove BATCH_ID | demo [--out DIR] [--lang sv]
python -m loaders profiles
python -m loaders watch DIR [--once] [--interval SECONDS] [--profile NAME] [--replace]
python -m loaders backup --out FILE | restore FILE [--force]    (each with [--database-url URL])
python -m loaders report [--month YYYY-MM | --period YYYY-MM] [--area NAME | --unit NAME]
    [--user NAME] --format md|docx|pdf --out FILE [--base-url URL]
python -m loaders users add NAME --role admin|manager|viewer [--units "A;B"] [--areas "X;Y"]
    [--all-units] [--email E] --password-stdin | users passwd NAME --password-stdin
    | users list | users disable NAME
python -m loaders indicators list [--json] | indicators set|add NAME [--measure UNIT]
    [--better higher|lower|none] [--aggregate sum|mean|weighted|ratio|latest] [--scorecard yes|no]
    [--fi NAME] [--sv NAME] [--en NAME] ... | indicators remove NAME
    | indicators preset staff_report|vocational
"""

import argparse
import json
import sys
from pathlib import Path

from core.texts import LANGUAGES
from loaders import KINDS

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _engine(url: str | None):
    """The database, its own indicators handed to the catalog (read once for the command)."""
    import functools

    from core import indicators as catalog
    from data_model import own_indicators
    from data_model.db import open_database

    engine = open_database(url)
    catalog.use_own(functools.cache(lambda: own_indicators.catalog_entries(engine=engine)))
    return engine


def _import_path(engine, path: Path, args):
    """Import one file; one that cannot be read is an error result like any bad file, so its
    JSON line has the same fields."""
    from core.problems import fail
    from importing import ImportResult, import_file

    try:
        data = path.read_bytes()
    except OSError as exc:
        error = fail("unreadable_file", path.name, params={"detail": exc.strerror or str(exc)})
        return ImportResult(path.name, "error", kind=args.kind, error=error)
    return import_file(
        engine=engine,
        file_name=path.name,
        data=data,
        kind=args.kind,
        imported_by=args.user,
        mapping=args.mapping,
        replace=args.replace,
        keep_overlap=args.import_anyway,
        dry_run=args.dry_run,
    )


def _mapping(engine, args):
    """The choices of --profile, --map, --label, --unit, --date, --survey, --sheet,
    --header-rows, --rows and --keep-left-out; None with a message on stderr when one cannot
    be used."""
    from importing import profile_mapping
    from loaders.mapping import Mapping, MappingError, parse_choice, parse_label, parse_rows

    try:
        roles = dict(parse_choice(choice) for choice in args.map or [])
        labels = dict(parse_label(label) for label in args.label or [])
        header_rows = parse_rows(args.header_rows) if args.header_rows else None
        rows = parse_rows(args.rows) if args.rows else None
    except MappingError as error:
        print(error, file=sys.stderr)
        return None
    if header_rows is not None and None in header_rows:
        message = f'"{args.header_rows}": give the header rows as FIRST-LAST, e.g. 1-2'
        print(message, file=sys.stderr)
        return None
    day_first = {"dmy": True, "mdy": False}.get(args.date_order)
    given = Mapping(
        roles,
        args.unit,
        args.date,
        args.survey,
        day_first,
        lang=args.lang,
        sheet=args.sheet,
        header_rows=header_rows,
        rows=rows,
        keep_left_out=args.keep_left_out,
        labels=labels,
    )
    if not args.profile:
        return given
    profile = profile_mapping(engine=engine, name=args.profile, lang=args.lang)
    if profile is None:
        print(
            f"no profile {args.profile!r} (python -m loaders profiles lists them)", file=sys.stderr
        )
        return None
    return profile.merged(given)


def cmd_import(args) -> int:
    from core.texts import t

    engine = _engine(args.database_url)
    args.mapping = _mapping(engine, args)
    if args.mapping is None:
        return EXIT_USAGE
    ok = True
    for path in map(Path, args.files):
        result = _import_path(engine, path, args)
        ok &= result.status in ("imported", "unchanged", "dry_run")
        if args.json:
            print(json.dumps(result.to_json(args.lang), ensure_ascii=False), flush=True)
            continue
        print(f"{path.name}: {t('status.' + result.status, args.lang)}")
        if result.error:
            print(result.error.message(args.lang))
            if result.status == "overlap":
                print(t("cli.overlap_hint", args.lang))
            continue
        if result.overlap:
            print(t("cli.replaced", args.lang, batch=result.overlap.batch_id))
        kind = t(f"kind.{result.kind}", args.lang)
        form = t(f"form.{result.form}", args.lang)
        print(
            f"  {kind} ({form}), rows {result.rows}, answers {result.answers}, "
            f"mean {result.mean}, {result.first_date} – {result.last_date}"
        )
        if result.tool:
            print(f"  {t('problem.tool_recognised', args.lang, tool=result.tool)}")
        print(f"  units: {', '.join(result.units)}")
        for warning in result.warnings:
            print(f"  ! {warning.message(args.lang)}")
    return EXIT_OK if ok else EXIT_ERROR


def cmd_profiles(args) -> int:
    from data_model.profiles import list_profiles
    from loaders.tools import TOOLS

    for tool in TOOLS:  # the profiles that ship with the product, for --profile NAME
        choices = json.loads(tool.mapping().to_json())
        line = {"name": tool.name, "built_in": True, "mapping": choices}
        if args.json:
            print(json.dumps(line, ensure_ascii=False))
        else:
            print(f"{'built in':<19}  {'':>3}          {tool.name}")
    for profile in list_profiles(engine=_engine(args.database_url)):
        line = {
            "name": profile.name,
            "columns": len(profile.headers.split("\n")),
            "mapping": json.loads(profile.mapping),
            "updated_at": profile.updated_at.isoformat(timespec="seconds"),
            "built_in": False,
        }
        if args.json:
            print(json.dumps(line, ensure_ascii=False))
        else:
            print(f"{line['updated_at']}  {line['columns']:>3} columns  {profile.name}")
    return EXIT_OK


def cmd_template(args) -> int:
    from loaders.templates import write_template

    write_template(args.kind, Path(args.out))
    print(f"{args.out}: {args.kind}")
    return EXIT_OK


def cmd_batches(args) -> int:
    from data_model.store import list_batches

    batches = list_batches(engine=_engine(args.database_url))
    for b in batches:
        line = {
            "id": b.id,
            "file": b.file_name,
            "kind": b.kind,
            "form": b.form,
            "rows": b.rows,
            "imported_at": b.imported_at.isoformat(timespec="seconds"),
            "imported_by": b.imported_by,
        }
        if args.json:
            print(json.dumps(line, ensure_ascii=False))
        else:
            print(f"{b.id:>5}  {line['imported_at']}  {b.kind:<15} {b.rows:>8}  {b.file_name}")
    return EXIT_OK


def cmd_remove(args) -> int:
    from data_model.store import remove_batch

    if remove_batch(engine=_engine(args.database_url), batch_id=args.batch_id):
        print(f"removed batch {args.batch_id}")
        return EXIT_OK
    print(f"no batch {args.batch_id}", file=sys.stderr)
    return EXIT_ERROR


def cmd_demo(args) -> int:
    from demo.generate import WORDS, write_demo_files
    from demo.seed import add_demo_users, import_demo

    # demo --lang sv, or the messages' language when the demo speaks it (English has no demo)
    lang = args.demo_lang or (args.lang if args.lang in WORDS else "fi")
    paths = write_demo_files(Path(args.out), lang)
    if args.no_import:
        for path in paths:
            print(path)
        return EXIT_OK
    engine = _engine(args.database_url)
    results = import_demo(engine=engine, paths=paths)
    for r in results:
        print(f"{r.file}: {r.status} ({r.rows} rows)")
    if add_demo_users(engine=engine, lang=lang):
        print("demo users: admin, esihenkilo, katselija (passwords in the README)", file=sys.stderr)
    return EXIT_OK if all(r.status != "error" for r in results) else EXIT_ERROR


def _password(args) -> str | None:
    """The password from the first line of standard input (never from the command line,
    where it would stay in the shell history and the process list)."""
    if not args.password_stdin:
        return None
    return sys.stdin.readline().rstrip("\r\n")


def _user_error(error) -> int:
    from core.texts import t
    from data_model.users import MIN_PASSWORD_LENGTH

    names = ", ".join(error.names)
    print(t(f"users.error.{error.code}", "en", names=names, n=MIN_PASSWORD_LENGTH), file=sys.stderr)
    return EXIT_ERROR


def cmd_users(args) -> int:
    from data_model import audit, users

    engine = _engine(args.database_url)
    try:
        if args.action == "add":
            password = _password(args)
            users.add_user(
                engine=engine,
                name=args.name,
                role=args.role,
                password=password,
                email=args.email,
                units=args.units,
                areas=args.areas,
                all_units=args.all_units,
            )
            audit.record(
                engine=engine,
                user="cli",
                action="user_add",
                name=args.name,
                role=args.role,
                units=args.units,
                areas=args.areas,
                all_units=args.all_units,
            )
            print(f"added {args.name} ({args.role})")
        elif args.action == "passwd":
            users.set_password(engine=engine, name=args.name, password=_password(args) or "")
            audit.record(engine=engine, user="cli", action="user_password", name=args.name)
            print(f"password of {args.name} changed")
        elif args.action == "disable":
            users.disable_user(engine=engine, name=args.name)
            audit.record(engine=engine, user="cli", action="user_disable", name=args.name)
            print(f"disabled {args.name}")
        else:
            for a in users.list_users(engine=engine):
                line = {
                    "name": a.name,
                    "role": a.role,
                    "email": a.email,
                    "disabled": a.disabled,
                    "units": list(a.units),
                    "areas": list(a.areas),
                    "all_units": a.sees_everything,
                }
                if args.json:
                    print(json.dumps(line, ensure_ascii=False))
                    continue
                state = " (disabled)" if a.disabled else ""
                given = "all units" if a.sees_everything else "; ".join([*a.units, *a.areas])
                given = given or "no units"
                print(f"{a.name:<24} {a.role:<8} {given}{state}")
    except users.UserError as error:
        return _user_error(error)
    return EXIT_OK


def cmd_watch(args) -> int:
    from importing.folder import FolderImports, watch

    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    engine = _engine(args.database_url)
    mapping = _mapping(engine, args)
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
        print(json.dumps(done.to_json(), ensure_ascii=False), flush=True)

    try:
        watch(imports, interval=args.interval, report=report, passes=1 if args.once else None)
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_ERROR if failed else EXIT_OK


def cmd_backup(args) -> int:
    from data_model import audit
    from data_model.backup import BackupError, backup

    engine = _engine(args.database_url)
    try:
        copied = backup(engine=engine, out=Path(args.out))
    except BackupError as error:
        print(error, file=sys.stderr)
        return EXIT_ERROR
    audit.record(engine=engine, user="cli", action="backup", file=Path(args.out).name)
    print(json.dumps({"file": args.out, **copied.to_json()}, ensure_ascii=False))
    return EXIT_OK


def cmd_restore(args) -> int:
    from data_model import audit
    from data_model.backup import BackupError, restore
    from data_model.db import make_engine

    engine = make_engine(args.database_url)
    try:
        copied = restore(source=Path(args.file), engine=engine, force=args.force)
    except BackupError as error:
        print(error, file=sys.stderr)
        return EXIT_ERROR
    audit.record(engine=engine, user="cli", action="restore", file=Path(args.file).name)
    print(json.dumps({"file": args.file, **copied.to_json()}, ensure_ascii=False))
    return EXIT_OK


YES_NO = {"yes": True, "no": False}
MEASURE_CHOICES = ("%", "kpl", "€", "h", "d", "none")


def _definition_line(definition, counts: dict) -> dict:
    months, first, last = counts.get(definition.id, (0, None, None))
    line = {
        "code": definition.code,
        "name_fi": definition.name_fi,
        "name_sv": definition.name_sv,
        "name_en": definition.name_en,
        "measure": definition.measure,
        "better": definition.better,
        "aggregate": definition.formula or definition.aggregate,
        "per_year": definition.per_year,
        "decimals": definition.decimals,
        "scorecard": definition.scorecard,
        "position": definition.position,
        "personal": definition.personal,
        "target": definition.target,
        "preset": definition.preset,
        "unit_months": months,
        "first_month": first.strftime("%Y-%m") if first else None,
        "last_month": last.strftime("%Y-%m") if last else None,
    }
    return line


def cmd_indicators(args) -> int:
    from core.own_indicators import DefinitionError
    from core.texts import t
    from data_model import own_indicators

    engine = _engine(args.database_url)
    try:
        if args.action == "set":
            changes = _changes(args)
            if not changes:
                print(
                    "nothing to change: give --measure, --better, --aggregate, ...", file=sys.stderr
                )
                return EXIT_USAGE
            found = own_indicators.change(engine=engine, name=args.name, user=args.user, **changes)
            counts = own_indicators.value_counts(engine=engine)
            print(json.dumps(_definition_line(found, counts), ensure_ascii=False))
            return EXIT_OK
        if args.action == "add":
            made = own_indicators.define_named(
                engine=engine, name=args.name, user=args.user, **_changes(args)
            )
            counts = own_indicators.value_counts(engine=engine)
            print(json.dumps(_definition_line(made, counts), ensure_ascii=False))
            return EXIT_OK
        if args.action == "remove":
            gone = own_indicators.remove(engine=engine, name=args.name, user=args.user)
            print(f"removed: {gone.code} ({gone.name_fi})")
            return EXIT_OK
        if args.action == "preset":
            added = own_indicators.add_preset(engine=engine, preset=args.preset, user=args.user)
            print(f"added: {', '.join(added)}" if added else "already defined: nothing added")
            return EXIT_OK
    except DefinitionError as error:
        print(t(f"own.error.{error.code}", args.lang, **error.params), file=sys.stderr)
        return EXIT_ERROR
    counts = own_indicators.value_counts(engine=engine)
    for definition in own_indicators.definitions(engine=engine):
        line = _definition_line(definition, counts)
        if args.json:
            print(json.dumps(line, ensure_ascii=False))
            continue
        place = f"#{definition.position}" if definition.scorecard else "-"
        print(
            f"{definition.code:<32} {line['aggregate']:<22} {definition.measure or '-':<4} "
            f"{definition.better:<7} {place:<4} {line['unit_months']:>6}  {definition.name_fi}"
        )
    return EXIT_OK


def _changes(args) -> dict:
    """The definition's fields the options change (core.own_indicators.EDITABLE)."""
    given = {
        "name_fi": args.fi,
        "name_sv": args.sv,
        "name_en": args.en,
        "description_fi": args.description_fi,
        "description_sv": args.description_sv,
        "description_en": args.description_en,
        "better": args.better,
        "aggregate": args.aggregate,
        "decimals": args.decimals,
        "position": args.position,
        "target": args.target,
    }
    changes = {k: v for k, v in given.items() if v is not None}
    if args.measure is not None:
        changes["measure"] = "" if args.measure == "none" else args.measure
    for option in ("scorecard", "per_year", "personal"):
        if getattr(args, option) is not None:
            changes[option] = YES_NO[getattr(args, option)]
    if args.no_target:
        changes["target"] = None
    return changes


def _indicators_parser(sub) -> None:
    from core.own_indicators import AGGREGATES, BETTER, PRESETS

    ind = sub.add_parser("indicators", help="the organisation's own indicators: list, define")
    ind.add_argument("--database-url")
    actions = ind.add_subparsers(dest="action", required=True)
    lst = actions.add_parser("list", help="list own indicators and their definitions")
    lst.add_argument("--json", action="store_true", help="one JSON object per indicator per line")
    put = actions.add_parser(
        "set", help="change an own indicator's definition (its stored values stay as they are)"
    )
    put.add_argument("name", metavar="NAME", help="its code or its name in any language")
    add = actions.add_parser(
        "add", help="define a new own indicator (safe defaults, changed by the options given)"
    )
    add.add_argument("name", metavar="NAME", help="its Finnish name")
    rem = actions.add_parser("remove", help="remove an own indicator that holds no imported values")
    rem.add_argument("name", metavar="NAME", help="its code or its name in any language")
    for parser_ in (put, add):
        parser_.add_argument("--measure", choices=MEASURE_CHOICES, help="unit of measure")
        parser_.add_argument("--better", choices=BETTER, help="which direction is better")
        parser_.add_argument(
            "--aggregate", choices=AGGREGATES, help="how it aggregates over units and months"
        )
        parser_.add_argument(
            "--scorecard", choices=YES_NO, help="on the scorecard (Overview, a unit)"
        )
        parser_.add_argument(
            "--position", type=int, help="its place among the own indicators there"
        )
        parser_.add_argument("--fi", metavar="NAME", help="the Finnish name")
        parser_.add_argument("--sv", metavar="NAME", help="the Swedish name")
        parser_.add_argument("--en", metavar="NAME", help="the English name")
        parser_.add_argument("--decimals", type=int, help="decimals shown (0-4)")
        parser_.add_argument(
            "--per-year",
            choices=YES_NO,
            help="a ratio whose denominator is a level (students): shown per year at every grain",
        )
        parser_.add_argument(
            "--personal",
            choices=YES_NO,
            help="its denominator or weight counts people: unit-months under the privacy "
            "threshold count nowhere",
        )
        parser_.add_argument("--target", type=float, help="the default target")
        parser_.add_argument("--no-target", action="store_true", help="no default target")
        for lang in ("fi", "sv", "en"):
            parser_.add_argument(
                f"--description-{lang}", metavar="TEXT", help=f"help text ({lang})"
            )
    pre = actions.add_parser("preset", help="add a preset's indicators")
    pre.add_argument("preset", choices=tuple(PRESETS))
    for action in (lst, put, add, rem, pre):
        action.add_argument("--database-url", default=argparse.SUPPRESS)
    for action in (put, add, rem, pre):
        action.add_argument("--user", default="cli", help="recorded as who changed it")
    ind.set_defaults(run=cmd_indicators, json=False)


def _report_scope(engine, args):
    """The report's Scope from --area, --unit and --user, or a message saying what is wrong."""
    from core.names import fold
    from core.scope import Scope
    from data_model import reference, users

    allowed = None
    if args.user:
        account = users.get_user(engine=engine, name=args.user)
        if account is None or account.disabled:
            return None, f"no user {args.user!r} who may sign in (users list shows them)"
        allowed = users.allowed_unit_ids(engine=engine, account=account)
    seen = Scope(allowed_unit_ids=allowed)
    limited = "" if allowed is None else f" that {args.user} may see"
    if args.unit:
        found = [
            u for u in reference.units(engine, scope=seen) if fold(u["name"]) == fold(args.unit)
        ]
        if not found:
            return None, f"no unit {args.unit!r}{limited}"
        return Scope(unit_ids=(found[0]["id"],), allowed_unit_ids=allowed), None
    if args.area:
        areas = reference.service_areas(engine, scope=seen)
        found = [a for a, name in areas if fold(name) == fold(args.area)]
        if not found:
            return None, f"no service area {args.area!r}{limited}"
        return Scope(service_area_id=found[0], allowed_unit_ids=allowed), None
    return seen, None


def _report_start(engine, args, scope, reading, today):
    """The first day of the month or period asked for (the one with the newest data by
    default), or a message."""
    import datetime as dt

    from core import report
    from data_model import reference

    grain = "period" if args.period else "month"
    asked = args.period or args.month
    if asked:
        try:
            year, month = (int(part) for part in asked.split("-"))
            return grain, dt.date(year, month, 1), None
        except ValueError:
            return grain, None, f"{asked!r}: give the month as YYYY-MM, e.g. 2026-10"
    _, last = reference.data_span(engine, scope=scope)
    return grain, report.latest_start(last, today, grain, reading.period_kind), None


def cmd_report(args) -> int:
    import datetime as dt

    from core import periods, report_files
    from core.config import get_settings
    from core.formats import HELSINKI
    from core.report import compose
    from core.texts import t
    from data_model import app_settings, audit
    from data_model.queries.report import report_figures

    engine = _engine(args.database_url)
    scope, problem = _report_scope(engine, args)
    if problem is None:
        values = app_settings.all_settings(engine)
        reading = app_settings.reading(values)
        today = periods.today()
        grain, start, problem = _report_start(engine, args, scope, reading, today)
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    figures = report_figures(
        engine,
        scope=scope,
        grain=grain,
        start=start,
        today=today,
        reading=reading,
        thresholds=app_settings.thresholds(values),
        before_months=int(values["coaching_before_months"]),
    )
    written = compose(figures, args.lang)
    made = dt.datetime.now(HELSINKI)
    by = t("report.by_cli", args.lang, user=args.user or "cli")
    base = args.base_url if args.base_url is not None else get_settings().public_url
    out = Path(args.out)
    out.write_bytes(report_files.render(written, args.format, made, by, base))
    audit.record(
        engine=engine,
        user="cli",
        action="export",
        what=f"report_{args.format}",
        period=start.strftime("%Y-%m"),
        selection=written.meta[0][1],
        as_user=args.user or "",
        file=out.name,
    )
    print(f"{out}: {written.title} ({args.format})")
    return EXIT_OK


def _organisation_parsers(sub) -> None:
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


def _report_parser(sub) -> None:
    from core.report_files import FORMATS

    rep = sub.add_parser(
        "report", help="write the situation report of a month or period (md, docx or pdf)"
    )
    when = rep.add_mutually_exclusive_group()
    when.add_argument("--month", metavar="YYYY-MM", help="default: the month of the newest data")
    when.add_argument(
        "--period", metavar="YYYY-MM", help="the period (as Settings defines it) holding this month"
    )
    where = rep.add_mutually_exclusive_group()
    where.add_argument("--area", metavar="NAME", help="one service area (default: every unit)")
    where.add_argument("--unit", metavar="NAME", help="one unit")
    rep.add_argument("--user", metavar="NAME", help="write it as this user sees it")
    rep.add_argument("--format", choices=FORMATS, required=True)
    rep.add_argument("--out", required=True, metavar="FILE")
    rep.add_argument(
        "--base-url",
        metavar="URL",
        help="the app's address for the links (default: TILANNEKUVA_PUBLIC_URL, else relative)",
    )
    rep.add_argument("--database-url")
    rep.set_defaults(run=cmd_report)


def _users_parser(sub) -> None:
    users = sub.add_parser("users", help="manage who may sign in")
    users.add_argument("--database-url")
    actions = users.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add a user")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=("admin", "manager", "viewer"), required=True)
    add.add_argument("--units", default="", help='units they see: "Unit A;Unit B"')
    add.add_argument("--areas", default="", help='service areas they see: "Area;..."')
    add.add_argument(
        "--all-units", action="store_true", help="a viewer who sees every unit (viewers only)"
    )
    add.add_argument("--email", help="e-mail the identity provider gives (single sign-on)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    pwd = actions.add_parser("passwd", help="set a user's password")
    pwd.add_argument("name", metavar="NAME")
    pwd.add_argument("--password-stdin", action="store_true", required=True)
    lst = actions.add_parser("list", help="list users")
    lst.add_argument("--json", action="store_true")
    dis = actions.add_parser("disable", help="stop a user from signing in")
    dis.add_argument("name", metavar="NAME")
    for action in (add, pwd, lst, dis):
        action.add_argument("--database-url", default=argparse.SUPPRESS)
    users.set_defaults(run=cmd_users)


def program_name() -> str:
    """How the user called the command line, for its usage lines: the console script
    `tilannekuva`, or `python -m loaders`."""
    called = Path(sys.argv[0]).name if sys.argv else ""
    return "tilannekuva" if called == "tilannekuva" else "python -m loaders"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=program_name(), description=__doc__.splitlines()[0])
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of messages")
    sub = p.add_subparsers(dest="command", required=True)

    imp = sub.add_parser("import", help="import files into the database")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--kind", choices=KINDS, help="skip detection: the file's kind")
    imp.add_argument("--database-url", help="default: DATABASE_URL or data/tilannekuva.db")
    imp.add_argument("--json", action="store_true", help="one JSON object per file per line")
    imp.add_argument("--user", default="cli", help="recorded as who imported the batch")
    imp.add_argument("--profile", metavar="NAME", help="map columns with a saved source profile")
    imp.add_argument("--unit", help="the unit of every row (a file without a unit column)")
    imp.add_argument("--date", help="the date or period of every row (2024-03-05, 2023Q2, 2024)")
    imp.add_argument("--survey", help="the survey name of every row")
    imp.add_argument("--sheet", metavar="NAME", help="read this sheet of a workbook")
    imp.add_argument(
        "--header-rows",
        metavar="FIRST-LAST",
        help="the header rows as the sheet numbers them (2, or 1-2: several rows join as "
        '"group: text")',
    )
    imp.add_argument(
        "--rows", metavar="FIRST-LAST", help="the data rows as the sheet numbers them (3-319)"
    )
    imp.add_argument(
        "--keep-left-out",
        action="store_true",
        help="keep the total, subtotal and note rows detection leaves out",
    )
    imp.add_argument(
        "--map",
        action="append",
        metavar="HEADER=ROLE",
        help="a column's role (repeatable; a column without a header as [B]): unit, date, "
        "period, survey, group, comment, ignore, background, question:1-4, question:1-5, "
        "question:1-7, question:1-10, question:0-10, question:0-100, question:0-4, "
        "question:yes-no, a workforce figure such as headcount (two columns mapped to one "
        "figure are added up), or indicator (a column of an own indicator's values)",
    )
    imp.add_argument(
        "--label",
        action="append",
        metavar="TEXT=SCORE",
        help="an answer label's score, for every column where it appears (repeatable): \"Concordo "
        'totalmente=5", or "TEXT=skip" when it is not an answer',
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="read and check everything, store nothing"
    )
    imp.add_argument(
        "--date-order", choices=("dmy", "mdy"), help="slash dates: day/month or month/day"
    )
    overlap = imp.add_mutually_exclusive_group()
    overlap.add_argument(
        "--replace",
        action="store_true",
        help="a file repeating most rows of an earlier batch (a cumulative export) takes that "
        "batch's place; without it, such a file is reported and not imported",
    )
    overlap.add_argument(
        "--import-anyway",
        action="store_true",
        help="store such a file beside the earlier batch (its rows only look alike; the same "
        "answers would count twice)",
    )
    imp.set_defaults(run=cmd_import)

    pro = sub.add_parser("profiles", help="list saved source profiles")
    pro.add_argument("--database-url")
    pro.add_argument("--json", action="store_true")
    pro.set_defaults(run=cmd_profiles)

    tpl = sub.add_parser("template", help="write an empty template with an example row")
    tpl.add_argument("kind", choices=KINDS)
    tpl.add_argument("out", metavar="OUT.xlsx")
    tpl.set_defaults(run=cmd_template)

    bat = sub.add_parser("batches", help="list import batches, newest first")
    bat.add_argument("--database-url")
    bat.add_argument("--json", action="store_true")
    bat.set_defaults(run=cmd_batches)

    rem = sub.add_parser("remove", help="undo an import batch")
    rem.add_argument("batch_id", type=int, metavar="BATCH_ID")
    rem.add_argument("--database-url")
    rem.set_defaults(run=cmd_remove)

    demo = sub.add_parser("demo", help="write the demo Excel files and import them")
    demo.add_argument("--out", default="data/demo", help="folder for the files")
    demo.add_argument("--database-url")
    demo.add_argument("--no-import", action="store_true", help="only write the files")
    demo.add_argument(
        "--lang",
        dest="demo_lang",
        choices=("fi", "sv"),
        help="language of the demo's files: fi (Esimerkkilä) or sv (Exempelby)",
    )
    demo.set_defaults(run=cmd_demo)
    _users_parser(sub)
    _indicators_parser(sub)
    _organisation_parsers(sub)
    _report_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
