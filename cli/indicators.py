"""The indicators command: the organisation's own indicators listed, defined and removed."""

import argparse
import sys

from cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, open_engine, print_json

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

    engine = open_engine(args.database_url)
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
            print_json(_definition_line(found, counts))
            return EXIT_OK
        if args.action == "add":
            made = own_indicators.define_named(
                engine=engine, name=args.name, user=args.user, **_changes(args)
            )
            counts = own_indicators.value_counts(engine=engine)
            print_json(_definition_line(made, counts))
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
            print_json(line)
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


def add_parsers(sub) -> None:
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
