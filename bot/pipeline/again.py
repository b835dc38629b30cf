"""A write decided on a read another writer overtook is decided again, on the state as it is now.

Every change goes through `StateStore.change`, which asks, under the partition's lock, whether what the
request read of that partition is still what is stored (`RequestReads.require_current`). When it is not
(two `dato` or two `referat` at once: each read the same meeting), nothing was written and the whole
request runs again here, each run in a look of its own (`Store.one_look`), so the second of two racing
writes asks or says what it replaced exactly as it would have one after the other (walk 27 F1/F2): what
an action replaces, asks and announces is decided on the state its write changes, for every action.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.messages import Outcome
from bot.pipeline.job import Job, Next
from bot.state.views import Overtaken

logger = logging.getLogger(__name__)

RUNS = 5
"""Runs of one request at most: each rerun follows a write that landed, so a fifth is rare; the last one's
overtaken write is answered as a passing store fault (bot.pipeline.errors)."""


def step(job: Job, call_next: Next) -> Outcome:
    first = job  # as it came: a later step may change the job (kept replies watch the request)
    for run in range(1, RUNS):
        with job.states.store.one_look():
            try:
                return call_next(job)
            except Overtaken as exc:
                logger.info("a write to %s was overtaken by another (run %d); deciding it again", exc.partition, run)
        job = replace(first, lang=None, watch=None, failed=False, refused=False)  # a fresh view, read afresh
    with job.states.store.one_look():
        return call_next(replace(job, again=False))
