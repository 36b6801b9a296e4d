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
import sys
from pathlib import Path

from cli import imports, indicators, organisation, report, users
from core.texts import LANGUAGES


def program_name() -> str:
    """How the user called the command line, for its usage lines: the console script
    `tilannekuva`, or `python -m loaders`."""
    called = Path(sys.argv[0]).name if sys.argv else ""
    return "tilannekuva" if called == "tilannekuva" else "python -m loaders"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=program_name(), description=__doc__.splitlines()[0])
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of messages")
    sub = p.add_subparsers(dest="command", required=True)
    imports.add_parsers(sub)
    users.add_parsers(sub)
    indicators.add_parsers(sub)
    organisation.add_parsers(sub)
    report.add_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
