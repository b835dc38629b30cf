"""A reminder pass after the clock was moved back (by hand, or a replica whose clock is behind): it posts
nothing the later pass already covered. Planned at the earlier time, each item's earlier lead (which the
later pass had passed over for its next one) was due again and went out late, after the later one: 72
reminders doubled when a pass on 20 January was followed by one on 15 January (walk: hostile)."""

from __future__ import annotations

import asyncio

from bot.reminders.passes import PassReport, run_pass
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import FakeSender, senders_for


def _pass(bot: BotDriver, senders: dict[str, FakeSender]) -> PassReport:
    return asyncio.run(run_pass(core=bot.core, senders=senders))


def _posts(senders: dict[str, FakeSender]) -> int:
    return sum(len(sender.posts) for sender in senders.values())


def test_a_pass_with_the_clock_moved_back_posts_nothing_twice() -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 9))
    senders = senders_for(bot)
    assert _pass(bot, senders).sent > 0
    after_the_first = _posts(senders)
    for back in (oslo(2027, 1, 15, 9), oslo(2027, 1, 18, 9), oslo(2026, 12, 1, 9), oslo(2027, 1, 20, 9)):
        bot.clock.set(back)
        report = _pass(bot, senders)
        assert (report.sent, report.failed) == (0, 0), back
    assert _posts(senders) == after_the_first
    bot.clock.set(oslo(2027, 2, 1, 9))  # the clock right again: the next reminders go out as planned
    report = _pass(bot, senders)
    assert report.sent > 0 and report.late == 0
