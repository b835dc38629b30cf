"""The end of a process's start-up, for the garbage collector.

`python -m bot` turns the cyclic collector off before it imports anything (bot/__main__.py): start-up
allocates ~135,000 objects that live as long as the process and frees almost none, so the collections it
set off walked them again and again for nothing (~50 ms of `serve`'s ~420 ms of CPU to /healthz,
bench/serve_startup.py). `freeze_start_up` ends that: what start-up made is set aside for good and the
collector runs as usual from then on.
"""

from __future__ import annotations

import gc


def freeze_start_up() -> None:
    """Start-up's objects (modules, the configuration, the adapters and their clients) live as long as the
    process: out of the collector's sight, the collections that a request's garbage sets off no longer walk
    them (~5 % of a Slack `neste`'s server CPU, bench/slack_roundtrip.py, which does the same); and the
    collector, off during start-up, is on again."""
    gc.freeze()
    gc.enable()
