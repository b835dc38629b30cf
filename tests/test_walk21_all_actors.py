"""Walk 21 A6: a point given to «@alle aktørene» is refused, nothing saved, and the refusal says how to give
it to every actor: each named («@IN @SIVA @NFR @RFF»), one point per owner. Typed so, it is saved."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("everyone", ["@alle aktørene", "@alle", "@aktørane", "@Alle virkemiddelaktørene"])
def test_a_point_to_every_actor_is_refused_with_how(lang: str, everyone: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 9))
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel="nasjonal").ok
    assert bot.say("dato vårmøte 9. mars", as_="aud").ok
    bot.set_time(2027, 3, 10, 9)
    before = bot.snapshot()
    command = f"referat vårmøtet Godt møte. oppfølging: Innspill til handlingsplanene {everyone} innen 1. april"
    refused = bot.say(command, as_="aud")
    assert not refused.ok and bot.snapshot() == before, refused.text
    (how,) = [example for example in re.findall(r"«([^»]+)»", refused.text) if example.startswith("@IN")]
    assert how == "@IN @SIVA @NFR @RFF", refused.text
    saved = bot.say(command.replace(everyone, how), as_="aud")
    assert saved.ok, saved.text
    assert len(set(re.findall(r"\[([A-Z0-9]{4})\]", saved.text))) == 4, saved.text
