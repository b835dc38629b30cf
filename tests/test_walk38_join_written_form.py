"""`bli med`, `bli med trekk` and `opptak` tell each channel in its own written form (walk 38 F6).

They were written once, in the asker's form: a guest asking in Vestland's nynorsk channel put nynorsk in
the national (bokmål) channels where the admins answer, and the answer came back to Vestland's channel in
the admin's bokmål; a bokmål asker's request reached Vestland's channels in bokmål."""

from __future__ import annotations

from adapters.terminal import render
from bot.messages import ChannelAddress
from tests.driver import BotDriver, make_bot, oslo


def _told(bot: BotDriver) -> dict[ChannelAddress, str]:
    return {a.to: render(a.reply) for a in bot.last.announcements}


def _terminal(channel: str) -> ChannelAddress:
    return ChannelAddress(platform="terminal", channel_id=channel)


def test_a_request_asked_in_nynorsk_reaches_the_admins_in_bokmal_and_the_answer_comes_back_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    asked = bot.say("bli med SIVA", as_="gro", channel="vestland", user_name="Gro Gjest")
    assert "Eg har spurt ein administrator" in asked.text
    national = _told(bot)[_terminal("nasjonal")]
    assert "Gro Gjest (terminal) ber om å bli med som rådgiver for Siva. En rådgiver kan" in national
    assert "rådgjevar" not in national

    withdrawn = bot.say("bli med trekk", as_="gro", channel="vestland", user_name="Gro Gjest")
    assert "Du har trekt førespurnaden" in withdrawn.text
    assert _told(bot)[_terminal("nasjonal")].startswith("Forespørselen er trukket\nGro Gjest trakk forespørselen")

    assert bot.say("bli med SIVA", as_="gro", channel="vestland", user_name="Gro Gjest").ok
    answered = bot.say("opptak ja 2", as_="admin", channel="nasjonal")
    assert "Svaret er sendt til Gro Gjest." in answered.text
    told = _told(bot)[_terminal("vestland")]
    assert "Driftsansvarlig slepte deg inn som rådgjevar for Siva. No kan du" in told
    assert "rådgiver" not in told


def test_a_request_asked_in_bokmal_reaches_vestlands_channels_in_nynorsk_and_a_refusal_too() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    asked = bot.say("bli med vestland", as_="gunn", channel="agder", user_name="Gunn Gjest")
    assert "Jeg har spurt koordinatorene for Vestland fylkeskommune" in asked.text
    vestland = _told(bot)[_terminal("vestland")]
    assert "Gunn Gjest (terminal) ber om å bli med som rådgjevar for Vestland fylkeskommune" in vestland
    assert "Berre" in vestland and "Bare" not in vestland

    refused = bot.say("opptak nei 1", as_="per", channel="vestland")
    assert refused.ok and "Gunn Gjest" in refused.text
    told = _told(bot)[_terminal("agder")]
    assert "Per Hansen avslo forespørselen din om å bli med for Vestland fylkeskommune" in told
