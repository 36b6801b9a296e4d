"""Entry point for `python -m loaders`: the documented command line, which lives in cli.py (it
reaches above the loaders, into the store and the demo)."""

import sys

from cli import main

sys.exit(main())
