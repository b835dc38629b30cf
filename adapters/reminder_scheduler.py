"""The reminder scheduler the server runs: a reminder pass at each time of the configured cron, again soon
after a pass that could not post everything, and one catch-up pass just after start-up."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.reminders.passes import Sender

logger = logging.getLogger(__name__)

SCHEDULER = web.AppKey("scheduler", object)

Sleep = Callable[[float], Awaitable[None]]


class ReminderScheduler:
    """Runs `bot.reminders.passes.run_pass` at each time of the configured cron, in the core clock's zone.

    A pass that could not post everything is tried again after `retry_after` instead of waiting for the next
    cron time (which may be a day away): the ledger is written only after a successful post, so a Slack
    outage delays a reminder and never loses it. A pass also runs at start-up to catch up after downtime.
    """

    def __init__(
        self,
        *,
        core: CorePort,
        senders: Mapping[str, Sender],
        sleep: Sleep = asyncio.sleep,
        retry_after: timedelta = timedelta(minutes=5),
        max_nap: float = 300.0,
        run_at_start: bool = True,
        run_pass: Callable[..., Awaitable[Any]] | None = None,
    ) -> None:
        self.core = core
        self.senders = senders
        self._sleep = sleep
        self.retry_after = retry_after
        self.max_nap = max_nap
        self.run_at_start = run_at_start
        self.passes = 0
        self._run_pass = run_pass
        self.retry_in: float | None = None
        """The last pass's `PassReport.retry_in`: look again then (a lease that ends, announcements whose
        grace ends), however far the next cron time is."""

    def next_time(self, after: datetime) -> datetime:
        from croniter import croniter  # after the server answers: not part of `serve`'s start-up

        local = after.astimezone(self.core.clock.tz)
        return croniter(self.core.reminder_cron, local).get_next(datetime)

    async def run_once(self) -> bool:
        """One pass; True when every due reminder went out."""
        self.passes += 1
        self.retry_in = None
        try:
            if self._run_pass is None:
                report = await self.core.remind(senders=self.senders)
            else:
                report = await self._run_pass(core=self.core, senders=self.senders)
        except Exception:
            logger.exception("reminder pass failed")
            return False
        complete = _pass_complete(report)
        self.retry_in = getattr(report, "retry_in", None)
        logger.info("reminder pass done: %s", report)
        return complete

    async def run_forever(self) -> None:
        now = self.core.clock.now()
        due = now if self.run_at_start else self.next_time(now)
        while True:
            now = self.core.clock.now()
            if now < due:
                # Nap in short steps and look again, so a changed clock (DST, suspend) is noticed.
                await self._sleep(min(self.max_nap, (due - now).total_seconds()))
                continue
            complete = await self.run_once()
            due = self.next_time(now)
            if not complete:
                due = min(due, now + self.retry_after)
            if self.retry_in is not None:
                due = min(due, now + timedelta(seconds=self.retry_in))


def _pass_complete(report: Any) -> bool:
    if getattr(report, "ledger_failed", False):
        return False  # try writing the ledger again soon, not at the next cron time
    failed = getattr(report, "failed", None)
    if failed is None:
        return True
    return not failed


FIRST_PASS_AFTER = 1.0
"""Seconds from start-up to the catch-up pass: the server is listening and answering /healthz first (the
pass plans on the event loop; started at once, it ran before the socket was open, and `serve` took 2.05x
the bare server's time to /healthz instead of 1.44x: bench/serve_startup.py)."""


async def _after_start(work: Callable[[], Awaitable[None]]) -> None:
    await asyncio.sleep(FIRST_PASS_AFTER)
    await work()


def scheduler_context(*, core: CorePort, senders: Mapping[str, Sender]) -> Callable[[web.Application], Any]:
    async def context(app: web.Application) -> Any:
        reminders = ReminderScheduler(core=core, senders=senders)
        app[SCHEDULER] = reminders
        task = asyncio.get_running_loop().create_task(_after_start(reminders.run_forever), name="reminders")
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    return context
