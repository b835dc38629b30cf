"""Walk 21 A5: `logg` in an actor's channel is the national log, which holds none of the actor's signatures
or points; it says so and names a region's log, which does hold them. A region's channel is as before."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions

NATIONAL = {"nb": "Dette er den nasjonale loggen", "nn": "Dette er den nasjonale loggen"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(("person", "channel"), [("rita", "rff"), ("ola", "in")])
def test_logg_in_an_actors_channel_points_to_the_regions_logs(lang: str, person: str, channel: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel=channel).ok
    record_all_preconditions(bot, year=2027, region="agder")
    assert bot.say("signer agder", as_=person, channel=channel).ok
    log = bot.say("logg", as_=person, channel=channel)
    assert log.ok and NATIONAL[lang] in log.text, log.text
    assert "sha256" not in log.text  # the national log holds no signature
    (command,) = [c for c in re.findall(r"«([^»]+)»", log.text) if c.startswith("logg ")]
    regional = bot.say(command, as_=person, channel=channel)
    assert regional.ok and "sha256" in regional.text and "2027" in regional.text, regional.text  # the signature
    assert "nasjonale loggen" not in bot.say("logg", as_="kari").text  # a region's own channel: as before
