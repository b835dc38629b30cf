"""walk 20 F-i: a partly signed agreement's status on the feed and the pages names who has not signed
(«4/5 signert, mangler Regionale forskningsfond», by name since walk 42), so RFF's own feed in Outlook says the missing signature is its own, as chat's
`neste` and `oversikt` do; in the reader's written form."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from adapters.web.ics import render_ics
from bot.shown.web_links import feed_by_name, token_of
from tests.driver import BotDriver, signing_open

CASES = [
    ("vestland", "per", "rff", "4/5 signert, mangler Regionale forskningsfond"),
    ("vestland", "per", "vestland", "4/5 signert, manglar Regionale forskingsfond"),
]


def _descriptions(bot: BotDriver, name: str) -> list[str]:
    feed = feed_by_name(bot.core.config, name)
    assert feed is not None
    view = bot.core.calendar(feed=name, token=token_of(bot.core.state, feed.link_id, environ={}), environ={})
    assert view is not None
    ics = render_ics(title="t", events=view.events, now=bot.clock.now(), tz_name=view.tz_name)
    return [str(event["DESCRIPTION"]) for event in Calendar.from_ical(ics).walk("VEVENT")]


@pytest.mark.parametrize(("region", "coordinator", "feed", "expected"), CASES)
def test_the_feed_names_the_party_that_has_not_signed(region: str, coordinator: str, feed: str, expected: str) -> None:
    bot = signing_open(region=region)
    for person in (coordinator, "ola", "siri", "nils"):
        assert bot.say(f"signer {region} 2027", as_=person).ok
    bot.set_time(2027, 2, 1, 9)
    signing = [d for d in _descriptions(bot, feed) if "Signering" in d and "Vestland" in d and "2027" in d]
    assert signing and all(expected in d for d in signing), signing
