"""Entry point for `python -m loaders`: the same command line as the console script
`tilannekuva`, which lives in cli/ (it reaches above the loaders, into the store and the demo)."""

import sys

from cli import main

sys.exit(main())
