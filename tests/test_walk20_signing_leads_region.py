"""walk 20 F-e: the region answers for the signing (`responsible: region`), so its channel hears the 14- and
2-day leads while a party has not signed, also once the region has signed itself («Mangler signatur fra
RFF. Agder følger opp»), not first the day after the deadline. The party missing still hears its own."""

from __future__ import annotations

from datetime import date

import pytest

from bot.messages import ChannelAddress
from bot.reminders.simulation import simulate
from tests.driver import signing_open
from tests.test_model_timing import days_saying, posted

CASES = [  # region, coordinator, the line the region hears
    (
        "agder",
        "kari",
        "Agder · Signering 2027: frist 31. januar 2027 (om {n} dager). Mangler signatur fra Regionale forskningsfond.",
    ),
    (
        "vestland",
        "per",
        "Vestland · Signering 2027: frist 31. januar 2027 (om {n} dagar). Manglar signatur frå Regionale forskningsfond.",
    ),
]


@pytest.mark.parametrize(("region", "coordinator", "line"), CASES)
def test_the_region_hears_the_signing_leads_while_an_actor_has_not_signed(
    region: str, coordinator: str, line: str
) -> None:
    bot = signing_open(region=region)
    for person in (coordinator, "ola", "siri", "nils"):
        assert bot.say(f"signer {region} 2027", as_=person).ok
    posts = posted(bot, region, start=date(2027, 1, 6), end=date(2027, 1, 31))
    assert days_saying(posts, line.format(n=16)) == [date(2027, 1, 15)], posts
    assert days_saying(posts, line.format(n=2)) == [date(2027, 1, 29)], posts
    assert days_saying(posts, "Regionale forskningsfond har ikke signert") == []  # RFF's own line goes to RFF
    assert days_saying(
        posted(bot, "rff", start=date(2027, 1, 6), end=date(2027, 1, 31)), "Regionale forskningsfond har ikke signert"
    )
    region_posts = [
        post.digest.reply
        for post in simulate(bot.core, start=date(2027, 1, 29), end=date(2027, 1, 29), region=None)
        if post.digest.to == ChannelAddress("terminal", region)
    ]
    assert region_posts and not any(button.command.startswith("signer") for button in region_posts[0].buttons)
