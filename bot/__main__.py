"""`python -m bot`: hands over to adapters/cli.py, the composition root (nothing under bot/ imports it)."""

import gc
import runpy

# No cyclic collections while the process starts: it frees almost nothing then, and each collection walked
# everything imported so far. `adapters.start_up.freeze_start_up` turns them on again once start-up is done.
gc.disable()

runpy.run_module("adapters.cli", run_name="__main__", alter_sys=True)
