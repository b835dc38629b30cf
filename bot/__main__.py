"""`python -m bot`: hands over to adapters/cli.py, the composition root (nothing under bot/ imports it)."""

import runpy

runpy.run_module("adapters.cli", run_name="__main__", alter_sys=True)
