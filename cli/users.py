"""The users command: add, change a password, list, disable."""

import argparse
import sys

from cli.common import EXIT_ERROR, EXIT_OK, open_engine, print_json


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

    engine = open_engine(args.database_url)
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
                    print_json(line)
                    continue
                state = " (disabled)" if a.disabled else ""
                given = "all units" if a.sees_everything else "; ".join([*a.units, *a.areas])
                given = given or "no units"
                print(f"{a.name:<24} {a.role:<8} {given}{state}")
    except users.UserError as error:
        return _user_error(error)
    return EXIT_OK


def add_parsers(sub) -> None:
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
