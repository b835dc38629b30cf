"""Assignment agreements (walk 10, X13): the reminder names the actors still open, and the actor is told in
its own channel when a region records that its agreement was sent (or that there is none this year);
in both written forms."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reminders.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, make_config


def _posted(bot: BotDriver, channel: str, *, start: date, end: date) -> dict[date, str]:
    """What the reminder passes from `start` to `end` post to a terminal channel, by day."""
    return {
        post.at.date(): post.digest.reply.text
        for post in simulate(bot.core, start=start, end=end, region=None)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == channel
    }


@pytest.mark.parametrize(
    ("region", "coordinator", "word"), [("agder", "kari", "avklarer"), ("vestland", "per", "avklarar")]
)
def test_the_reminder_names_the_actors_still_open(region: str, coordinator: str, word: str) -> None:
    bot = make_bot(at=oslo(2028, 1, 4, 10), config=make_config(regions=("agder", "vestland")))
    assert_recorded(bot, "oppdrag IN sendt", as_=coordinator, channel=region)
    posts = _posted(bot, region, start=date(2028, 1, 5), end=date(2028, 1, 20))
    lines = [text for text in posts.values() if "oppdrag <aktør> sendt" in text]
    assert lines, posts
    assert all(f"{word} SIVA, NFR, RFF" in text for text in lines), lines
    assert all(" IN," not in text.split(word, 1)[1].split("«")[0] for text in lines)


@pytest.mark.parametrize(
    ("status", "said"),
    [
        ("sendt", "har sendt oppdragsavtalen 2028 til Innovasjon Norge"),
        ("ingen", "Innovasjon Norge ikke får oppdragsavtale i 2028"),
    ],
)
def test_the_actor_is_told_in_its_channel(status: str, said: str) -> None:
    bot = make_bot(at=oslo(2028, 1, 4, 10))
    assert_recorded(bot, f"oppdrag IN {status}", as_="kari", channel="agder")
    told = [a for a in bot.last.announcements if a.to.channel_id == "in"]
    assert len(told) == 1 and said in told[0].reply.text and "Kari Nordmann" in told[0].reply.text
    assert not [a for a in bot.last.announcements if a.to.channel_id == "siva"]  # only the actor it concerns


def test_the_actor_reads_it_in_its_channels_form() -> None:
    """Vestland writes nynorsk; IN's channel reads bokmål, so IN is told in bokmål."""
    bot = make_bot(at=oslo(2028, 1, 4, 10), config=make_config(regions=("agder", "vestland")))
    assert_recorded(bot, "oppdrag IN sendt", as_="per", channel="vestland")
    told = [a for a in bot.last.announcements if a.to.channel_id == "in"]
    assert told and "Vestland har sendt oppdragsavtalen 2028 til Innovasjon Norge. Si fra i" in told[0].reply.text
