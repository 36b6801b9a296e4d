"""The report command: the situation report of a month or period written to a file."""

import sys
from pathlib import Path

from cli.common import EXIT_OK, EXIT_USAGE, open_engine


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

    engine = open_engine(args.database_url)
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


def add_parsers(sub) -> None:
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
