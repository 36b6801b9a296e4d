"""The import path's commands: import, profiles, template, batches, remove and demo."""

import json
import sys
from pathlib import Path

from cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, open_engine, print_json
from loaders import KINDS


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


def mapping_choices(engine, args):
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

    engine = open_engine(args.database_url)
    args.mapping = mapping_choices(engine, args)
    if args.mapping is None:
        return EXIT_USAGE
    ok = True
    for path in map(Path, args.files):
        result = _import_path(engine, path, args)
        ok &= result.status in ("imported", "unchanged", "dry_run")
        if args.json:
            print_json(result.to_json(args.lang), flush=True)
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
            print_json(line)
        else:
            print(f"{'built in':<19}  {'':>3}          {tool.name}")
    for profile in list_profiles(engine=open_engine(args.database_url)):
        line = {
            "name": profile.name,
            "columns": len(profile.headers.split("\n")),
            "mapping": json.loads(profile.mapping),
            "updated_at": profile.updated_at.isoformat(timespec="seconds"),
            "built_in": False,
        }
        if args.json:
            print_json(line)
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

    batches = list_batches(engine=open_engine(args.database_url))
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
            print_json(line)
        else:
            print(f"{b.id:>5}  {line['imported_at']}  {b.kind:<15} {b.rows:>8}  {b.file_name}")
    return EXIT_OK


def cmd_remove(args) -> int:
    from data_model.store import remove_batch

    if remove_batch(engine=open_engine(args.database_url), batch_id=args.batch_id):
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
    engine = open_engine(args.database_url)
    results = import_demo(engine=engine, paths=paths)
    for r in results:
        print(f"{r.file}: {r.status} ({r.rows} rows)")
    if add_demo_users(engine=engine, lang=lang):
        print("demo users: admin, esihenkilo, katselija (passwords in the README)", file=sys.stderr)
    return EXIT_OK if all(r.status != "error" for r in results) else EXIT_ERROR


def add_parsers(sub) -> None:
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
