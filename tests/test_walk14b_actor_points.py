"""Walk 14b F1 and F3: an actor's follow-up points. A «Ferdig» button is offered only for a point the
channel's people may close (its owner, or the meeting's coordinators: `bot.model.followups.may_close`, the
rule `ferdig` checks); another party's point rides along with its meeting's reminder without one. In
`neste` the party's own points stand with its own work, before «Ellers»."""

from __future__ import annotations

import re

import pytest

from bot.reminders.passes import plan_digests
from tests.driver import BotDriver, make_bot, oslo


def _points_of_agder() -> tuple[BotDriver, str, str]:
    """Agder's autumn meeting leaves a point for IN and one for Siva; its spring meeting is then dated."""
    bot = make_bot(at=oslo(2026, 9, 14, 10))
    assert bot.say("dato høstmøte 22. oktober kl 10", as_="aud").ok
    assert bot.say("dato høst 12. november kl 10", as_="kari").ok
    bot.set_time(2026, 10, 22, 15)
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    bot.set_time(2026, 11, 12, 15)
    minutes = bot.say(
        "referat høst Godt møte oppfølging: send innspill @IN innen 1. desember; kartlegg klynger @siva innen 15. desember",
        as_="kari",
    )
    assert minutes.ok, minutes.text
    ours, sivas = re.findall(r"\[([A-Z0-9]{4})\]", minutes.text)
    assert {b.command for b in minutes.buttons} >= {f"ferdig {ours}", f"ferdig {sivas}"}  # Agder keeps the list
    bot.set_time(2027, 2, 10, 10)
    assert bot.say("dato vår 22. april", as_="kari").ok
    return bot, ours, sivas


def _digest(bot: BotDriver, platform: str, channel: str):  # type: ignore[no-untyped-def]
    (found,) = [
        d.reply
        for d in plan_digests(core=bot.core, at=bot.clock.now())
        if d.to.platform == platform and d.to.channel_id == channel
    ]
    return found


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_actors_digest_offers_ferdig_only_for_its_own_points(lang: str) -> None:
    bot, ours, sivas = _points_of_agder()
    bot.set_time(2027, 4, 8, 9)
    if lang == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="in").ok
    for platform, channel in (("terminal", "in"), ("slack", "C0INAGDER"), ("teams", "19:in@thread.tacv2")):
        reply = _digest(bot, platform, channel)
        assert sivas in reply.text and ours in reply.text, reply.text  # Siva's point rides along with the meeting
        commands = [button.command for button in reply.buttons]
        assert f"ferdig {ours}" in commands, commands
        assert f"ferdig {sivas}" not in commands and f"ferdig {sivas}" not in reply.text, reply.text
    siva = _digest(bot, "terminal", "siva")
    assert f"ferdig {sivas}" in [button.command for button in siva.buttons]
    assert f"ferdig {ours}" not in [button.command for button in siva.buttons]
    agder = _digest(bot, "terminal", "agder")  # the meeting's coordinators keep the list: both
    assert {f"ferdig {ours}", f"ferdig {sivas}"} <= {button.command for button in agder.buttons}, agder.text
    before = bot.snapshot()
    assert not bot.say(f"ferdig {sivas}", as_="ola", channel="in").ok  # the rule the buttons follow
    assert bot.snapshot() == before


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_partys_own_points_stand_before_ellers_in_neste(lang: str) -> None:
    bot, _ours, sivas = _points_of_agder()
    bot.set_time(2026, 12, 10, 10)
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud").ok  # Siva's letter becomes its own to record
    bot.set_time(2026, 12, 21, 10)
    if lang == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="siva").ok
    reply = bot.say("neste", as_="siri", channel="siva")
    titles = [section.title for section in reply.sections]
    points = "Oppfølgingspunkter" if lang == "nb" else "Oppfølgingspunkt"
    others = "Ellers" if lang == "nb" else "Elles"
    assert points in titles and others in titles, titles
    assert titles.index(points) < titles.index(others), titles
    assert reply.text.index(sivas) < reply.text.index(f"{others}:"), reply.text
    assert f"ferdig {sivas}" in [button.command for button in reply.buttons]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_ferdig_alone_lists_the_points_a_meetings_coordinator_may_close(lang: str) -> None:
    """C5: the coordinators keep their meeting's list, so `ferdig` alone offers them its points too."""
    bot, ours, sivas = _points_of_agder()
    if lang == "nn":
        assert bot.say("målform kanal nn", as_="kari", channel="agder").ok
    before = bot.snapshot()
    reply = bot.say("ferdig", as_="kari", channel="agder")
    assert not reply.ok and ours in reply.text and sivas in reply.text, reply.text
    assert bot.snapshot() == before
    ola = bot.say("ferdig", as_="ola", channel="in")
    assert ours in ola.text and sivas not in ola.text, ola.text
