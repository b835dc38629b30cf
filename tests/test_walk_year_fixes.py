"""Issue 18, what a year walked through the bot still met (the walk's findings F3, F4, F9, F10, F11, F12):
each driven as a person meets it, a command's reply or what the reminder passes post."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from bot.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import make_config


def two_regions(*, at) -> BotDriver:  # type: ignore[no-untyped-def]
    return make_bot(at=at, config=make_config(regions=("agder", "vestland")))


def posted(bot: BotDriver, channel: str, *, start: date, end: date) -> dict[date, str]:
    """What the reminder passes from `start` to `end` post to a terminal channel, by day."""
    return {
        post.at.date(): post.digest.reply.text
        for post in simulate(bot.core, start=start, end=end, region=None)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == channel
    }


def overdue_days(posts: dict[date, str], label: str) -> list[date]:
    """The days a digest told that `label` («Agder · Handlingsplan 2027») is overdue."""
    line = rf"^\s*{re.escape(label)}: (frist(?:en)? var|fortsatt forsinket|framleis forseinka)"
    return [day for day, text in sorted(posts.items()) if re.search(line, text, re.M)]


# -- F12: an overdue item is not told twice within a few days ------------------------------------------------
def test_the_first_still_overdue_line_comes_about_two_weeks_after_the_first_notice() -> None:
    bot = two_regions(at=oslo(2026, 12, 1, 9))
    posts = posted(bot, "agder", start=date(2026, 12, 1), end=date(2027, 7, 31))
    plan = overdue_days(posts, "Agder · Handlingsplan 2027")
    assert plan[0] == date(2026, 12, 16)  # the first working day after 15 December, in full
    assert date(2026, 12, 21) not in plan  # not again the next Monday
    spring = overdue_days(posts, "Agder · Dialogmøte vår 2027")
    assert spring[0] == date(2027, 7, 1) and date(2027, 7, 5) not in spring
    for days in (plan, spring):
        assert len(days) >= 2 and all((later - earlier).days >= 7 for earlier, later in pairwise(days)), days
