"""Walk 26 F4: more than five open points from a NATIONAL meeting. `neste` shows five and «… og N til (skriv
«…»)»; the command it names shows the rest: `neste side 2` (the asker's points go on past the items' pages), a
bare `status` in an actor's channel (the actor's points whole, not only «Hvilken region?») and in AU's
channel (below the overview); a bare `ferdig` lists all the caller's own, never five of seven as «Dine åpne»."""

from __future__ import annotations

import re

import pytest

from tests.driver import BotDriver, make_bot, oslo

POINTS = "; ".join(f"A{n} @IN innen {n}.12." for n in range(1, 8))


def _seven_for_in(lang: str) -> BotDriver:
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    assert bot.say("dato høstmøte 20. oktober kl 10", as_="aud", channel="nasjonal").ok
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel="in").ok
        assert bot.say("målform kanal nynorsk", as_="admin", channel="nasjonal").ok
    bot.set_time(2026, 10, 21, 10)
    assert bot.say(f"referat høstmøte OK. oppfølging: {POINTS}", as_="aud", channel="nasjonal").ok
    bot.set_time(2026, 11, 13, 11)
    return bot


def _ids(text: str) -> set[str]:
    return set(re.findall(r"A\d \(", text))


def _suggested(text: str) -> str:
    found = re.search(r"skriv «([^»]+)»\)", text)
    assert found, text
    return found.group(1)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_command_neste_suggests_shows_the_actors_other_points(lang: str) -> None:
    bot = _seven_for_in(lang)
    first = bot.say("neste", as_="ola", channel="in")
    assert first.ok and len(_ids(first.text)) == 5, first.text
    command = _suggested(first.text)
    assert command == "neste side 2", first.text
    second = bot.say(command, as_="ola", channel="in")
    assert second.ok, second.text
    assert len(_ids(second.text)) == 2 and not _ids(second.text) & _ids(first.text), second.text
    assert len([b for b in second.buttons if b.command.startswith("ferdig")]) == 2
    assert "finnes ikke" not in second.text and "finst ikkje" not in second.text
    past = bot.say("neste side 3", as_="ola", channel="in")
    assert ("finst ikkje" if lang == "nn" else "finnes ikke") in past.text, past.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_bare_status_in_an_actors_channel_lists_its_points(lang: str) -> None:
    bot = _seven_for_in(lang)
    for platform, channel, who in (("terminal", "in", "ola"), ("teams", "19:in@thread.tacv2", None)):
        if who is None:
            reply = bot.say("status", as_="11111111-0000-0000-0000-000000000003", channel=channel, platform=platform)
        else:
            reply = bot.say("status", as_=who, channel=channel)
        assert reply.ok, reply.text
        assert len(_ids(reply.text)) == 7, reply.text
        assert "status agder 2027" in reply.text  # how to ask for a region's cycle is still said


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_aus_status_lists_the_national_meetings_points_below_the_overview(lang: str) -> None:
    bot = _seven_for_in(lang)
    neste = bot.say("neste", as_="aud", channel="nasjonal")
    assert len(_ids(neste.text)) == 5 and _suggested(neste.text) == "neste side 2", neste.text
    rest = _ids(bot.say("neste side 2", as_="aud", channel="nasjonal").text)
    assert len(rest) == 2 and not rest & _ids(neste.text)
    status = bot.say("status", as_="aud", channel="nasjonal")
    assert status.ok and len(_ids(status.text)) == 7, status.text
    assert ("Oversyn" if lang == "nn" else "Oversikt") in status.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_bare_ferdig_lists_all_the_callers_own_points(lang: str) -> None:
    bot = _seven_for_in(lang)
    reply = bot.say("ferdig", as_="ola", channel="in")
    for n in range(1, 8):
        assert f"] A{n}" in reply.text, reply.text
