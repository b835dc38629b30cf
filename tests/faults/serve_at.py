"""`python -m bot serve` as an operator runs it, with the clock set to a day of the wheel (for fault tests
driven from outside the process: kill -9, a slow Slack, a full disk).

``python -m tests.faults.serve_at START EPOCH GRACE [LEASE]``: the core's clock reads START plus the seconds since
EPOCH (wall-clock), so a restarted process continues the same day; GRACE is `bot.delivery.outbox.GRACE` in seconds
(how long a fresh announcement is left to the request that wrote it; 30 s in production); LEASE is the pass
lease's length in seconds (`bot.reminders.lease`, 60 s in production), shorter so a script that kills many
passes need not wait a minute after each.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta

from adapters.compose import build_core
from adapters.server import serve
from bot.clock import OSLO, Clock
from bot.delivery import outbox
from bot.reminders import lease
from bot.shown.web_links import ensure_secret


class RunningClock(Clock):
    """The wall clock, moved to START at EPOCH."""

    def __init__(self, *, start: datetime, epoch: float) -> None:
        super().__init__(tz=OSLO)
        self.start = start
        self.epoch = epoch

    def now(self) -> datetime:
        return (self.start + timedelta(seconds=time.time() - self.epoch)).astimezone(self.tz)


def main(argv: list[str]) -> None:
    start = datetime.fromisoformat(argv[0]).replace(tzinfo=OSLO)
    outbox.GRACE = timedelta(seconds=float(argv[2]))
    if len(argv) > 3:
        lease.LEASE_SECONDS, lease.RENEW_SECONDS = float(argv[3]), float(argv[3]) / 3
    core = build_core(clock=RunningClock(start=start, epoch=float(argv[1])))
    ensure_secret(core.state, at=core.clock.now())
    print("serving", flush=True)
    serve(core=core, host="127.0.0.1")


if __name__ == "__main__":
    main(sys.argv[1:])
