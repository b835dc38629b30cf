"""`python -m bot`: see adapters/cli.py, the composition root that wires the core to every platform."""

import sys

from adapters.cli import main

sys.exit(main())
