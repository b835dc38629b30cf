"""Re-signing is said as it is (walk 8 N12), in either written form: after a new text, a party that signed the
earlier one is told «signerte versjon 1; må signere versjon 2 på nytt» in its digest, not «har ikke signert»;
the very text of an earlier version registered again is said to be that version, and the signatures given on
that text hold (decided in bot/agreement/versions.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.reminders.passes import plan_digests
from tests.driver import TEXT_SHA, BotDriver, register_text, signing_open

CASES = [
    ("agder", "kari", "har ikke signert", "Innovasjon Norge signerte versjon 1; må signere versjon 2 på nytt"),
    ("vestland", "per", "har ikkje signert", "Vestland signerte versjon 1; må signere versjon 2 på nytt"),
]


def _texts(bot: BotDriver, channel: str, *, days: int = 21) -> str:
    """Every digest `channel` would get over the coming days (planned, not posted)."""
    start, found = bot.clock.now(), []
    for n in range(days):
        found += [
            d.reply.text
            for d in plan_digests(core=bot.core, at=start + timedelta(days=n))
            if d.to.channel_id == channel
        ]
    return "\n".join(found)


@pytest.mark.parametrize(("region", "coordinator", "never", "again"), CASES)
def test_a_party_that_signed_an_earlier_version_is_told_to_sign_again(
    region: str, coordinator: str, never: str, again: str
) -> None:
    bot = signing_open(region=region)
    assert bot.say(f"signer {region} {region} 2027", as_=coordinator, channel=region).ok
    assert bot.say(f"signer IN {region} 2027", as_="ola", channel="in").ok
    bot.set_time(2027, 1, 19, 9)
    register_text(bot, year=2027, region=region, version=2)
    bot.set_time(2027, 1, 20, 9)
    own = _texts(bot, region)
    if region == "agder":  # an actor's own channel
        told = _texts(bot, "in")
        assert again in told and "Innovasjon Norge har ikke signert" not in told, told
        assert "Norges forskningsråd har ikke signert" in _texts(bot, "nfr")  # never signed: said as before
    else:  # the region itself, in nynorsk
        assert again in own and f"Vestland {never}" not in own, own


@pytest.mark.parametrize(
    ("region", "coordinator", "same"),
    [("agder", "kari", "samme som versjon 1"), ("vestland", "per", "same som versjon 1")],
)
def test_the_same_text_again_is_said_and_its_signatures_hold(region: str, coordinator: str, same: str) -> None:
    bot = signing_open(region=region)
    assert bot.say(f"signer SIVA {region} 2027", as_="siri", channel="siva").ok
    bot.set_time(2027, 1, 19, 9)
    register_text(bot, year=2027, region=region, version=2)
    again = bot.say(
        f"avtale {region} 2027 https://dok.fylke.no/{region}/v3.pdf sha256:{TEXT_SHA}", as_=coordinator, channel=region
    )
    assert again.ok and same in again.text, again.text
    assert "SIVA" in bot.core.state.signatures(region=region, year=2027)
    status = bot.say(f"status {region} 2027", as_="siri", channel="siva").text
    assert "signer SIVA" not in " ".join(
        b.command for b in bot.say(f"status {region} 2027", as_="siri", channel="siva").buttons
    )
    assert "Siva" in status
