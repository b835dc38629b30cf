"""Walk 21 A10: in an actor's (or AU's) channel, which has no region and so no region coordinator, the
refusal to change the channel's written form names only the administrator, and how to change one's own
form; each command it names runs as typed. A region's channel is as before."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(("person", "channel"), [("rita", "rff"), ("ola", "in"), ("aud", "nasjonal")])
def test_the_refusal_in_a_channel_without_a_region_names_the_admin_only(person: str, channel: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    before = bot.snapshot()
    refused = bot.say("målform kanal nynorsk", as_=person, channel=channel)
    assert not refused.ok and bot.snapshot() == before
    assert "koordinator" not in refused.text and "administrator" in refused.text, refused.text
    for example in re.findall(r"«([^»]+)»", refused.text):
        assert bot.say(example, as_=person, channel=channel).ok, example
    assert bot.say("målform kanal nynorsk", as_="admin", channel=channel).ok


def test_a_regions_channel_still_names_its_coordinator() -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    refused = bot.say("målform kanal nynorsk", as_="ola", channel="agder")
    assert not refused.ok and "regionens koordinator" in refused.text, refused.text
