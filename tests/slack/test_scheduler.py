"""The reminder scheduler's timing, with a fixed clock that moves only when the scheduler sleeps."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from adapters.reminder_scheduler import ReminderScheduler

from .fake_core import FakeCore


class Stop(BaseException):
    """Ends the endless loop (the scheduler only swallows `Exception` from a pass)."""


async def test_passes_follow_the_cron_and_a_failed_pass_is_retried_soon() -> None:
    core = FakeCore()
    core.clock.set(datetime(2027, 1, 8, 8, 0))  # a Friday, before 09:00
    ran: list[datetime] = []
    outcomes = iter([["C0AGDER"], [], [], []])  # the first pass could not post one reminder

    async def run_pass(*, core: Any, senders: Any) -> Any:
        ran.append(core.clock.now().replace(tzinfo=None))
        failed = next(outcomes)
        if len(ran) == 4:
            raise Stop
        return SimpleNamespace(failed=failed)

    async def sleep(seconds: float) -> None:
        assert seconds > 0
        core.clock.advance(timedelta(seconds=seconds))

    scheduler = ReminderScheduler(core=core, senders={}, sleep=sleep, run_pass=run_pass, max_nap=3600)
    with pytest.raises(Stop):
        await scheduler.run_forever()
    assert ran == [
        datetime(2027, 1, 8, 8, 0),  # catch-up pass at start
        datetime(2027, 1, 8, 8, 5),  # retried after the failure, not a whole cron period later
        datetime(2027, 1, 8, 9, 0),  # the cron time
        datetime(2027, 1, 11, 9, 0),  # next working day (Monday)
    ]
