"""Walk 6, F12: a calendar feed reads as its region's or actor's channels do: a nynorsk region's feed
(Vestland, Møre og Romsdal) is nynorsk, a bokmål region's and the national feed bokmål."""

from __future__ import annotations

import pytest

from adapters.web.ics import render_ics
from bot.shown.web_links import feed_by_name, token_of
from tests.driver import BotDriver, make_bot, oslo


def feed_text(bot: BotDriver, name: str) -> str:
    feed = feed_by_name(bot.core.config, name)
    assert feed is not None
    view = bot.core.calendar(feed=name, token=token_of(bot.core.state, feed.link_id, environ={}), environ={})
    assert view is not None
    ics = render_ics(title=view.title, events=view.events, now=bot.clock.now(), tz_name=view.tz_name).decode()
    return ics.replace("\r\n ", "")


NYNORSK = ("Ansvarleg:", "Vindauge:", "haustmøtet")
BOKMÅL = ("Ansvarlig:", "Vindu:", "høstmøtet")


@pytest.mark.parametrize(
    ("feed", "says", "never"),
    [
        ("vestland", NYNORSK, BOKMÅL),
        ("more-og-romsdal", NYNORSK, BOKMÅL),
        ("agder", BOKMÅL, NYNORSK),
        ("nasjonal", BOKMÅL, NYNORSK),
        ("in", BOKMÅL, NYNORSK),
    ],
)
def test_a_feed_is_in_its_readers_written_form(feed: str, says: tuple[str, ...], never: tuple[str, ...]) -> None:
    bot = make_bot(at=oslo(2027, 4, 26, 10))
    text = feed_text(bot, feed)
    for word in says:
        assert word in text, (feed, word)
    for word in never:
        assert word not in text, (feed, word)


def test_a_nynorsk_feed_says_the_first_days_start_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    bot.say("dato vårmøte 10. mars kl 10", as_="aud")
    bot.say("dato vår 22.-23. april kl 10", as_="per")
    text = feed_text(bot, "vestland")
    assert "Start: 10.00 første dag" not in text and "Start: 10.00 fyrste dagen" in text
