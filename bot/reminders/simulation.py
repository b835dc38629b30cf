"""Every message the reminder passes would post in a span, day by day, as if each had gone out (`python -m
bot simulate`): the passes run against a copy of the state in memory (the real store is only read), with
their own ledger, on the schedule's own days (app.yaml `schedule.cron`)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from bot.clock import FixedClock
from bot.reminders.digest import Digest
from bot.reminders.pass_plan import plan_digests, record_digest
from storage.memory import MemoryStore
from storage.transfer import contents

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SimulatedPost:
    at: datetime
    digest: Digest


def simulate(core: Core, *, start: date, end: date, region: str | None) -> Iterator[SimulatedPost]:
    """Each post in time order; `region` (a key) limits the passes to one region's reminders."""
    from croniter import croniter

    from bot.core import Core

    copy = MemoryStore()
    for partition in core.store.partitions():
        tables = contents(core.store, partition)  # with history and ledger rows (kept apart in PostgreSQL)
        with copy.update(partition) as work:
            work.update(json.loads(json.dumps(tables)))
    tz = core.clock.tz
    clock = FixedClock(datetime.combine(start, time(0), tzinfo=tz), tz=tz)
    sim = Core(config=core.config, store=copy, clock=clock, router=core.router, public_url=core.public_url)
    cron = core.config.reminders.cron
    day = start
    while day <= end:
        at = croniter(cron, datetime.combine(day, time(0), tzinfo=tz)).get_next(datetime)
        day = at.date() + timedelta(days=1)
        if at.date() > end:
            break
        clock.set(at)
        for digest in plan_digests(core=sim, at=at, region=region):
            yield SimulatedPost(at=at, digest=digest)
            record_digest(sim, digest, at=at)
