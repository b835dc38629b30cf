"""A calendar feed's address is a secret (README «Tokens»), so `kalender` gives it only to people the bot knows
(walk 38 F3): an unknown guest in a shared channel, or one from an unbound organisation, got any party's address
with the words «hemmelig og personlig for kanalen din»; the token is the feed's, the same for everyone who gets it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from adapters.terminal import render
from bot.messages import Request
from tests.driver import BotDriver, make_bot, oslo

SHARED = {"agder": "C0DELTAGDER", "vestland": "C0DELTVESTLAND"}


def _bot() -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    for region, channel in SHARED.items():
        bound = Request(platform="slack", user_id="U0ADMIN", channel_id=channel, text=f"koble region {region}")
        assert bot.core.handle(bound).reply.ok
    assert bot.say("koble organisasjon T0INNOVXX IN", as_="admin", channel="nasjonal").ok
    return bot


def _ask(bot: BotDriver, text: str, *, user: str, channel: str, organisation: str | None, external: bool) -> str:
    request = Request(platform="slack", user_id=user, channel_id=channel, text=text, organisation=organisation)
    return render(bot.core.handle(replace(request, external=external)).reply)


@pytest.mark.parametrize(
    ("region", "said"),
    [
        ("agder", "«kalender» svarer bare dem som er med for en part"),
        ("vestland", "«kalender» svarar berre dei som er med for ein part"),
    ],
)
@pytest.mark.parametrize("words", ["kalender", "kalender IN", "kalender nasjonal", "kalender vestland"])
@pytest.mark.parametrize("organisation", ["T0UNKNOWNX", None])
def test_a_stranger_gets_no_feed_address(region: str, said: str, words: str, organisation: str | None) -> None:
    bot = _bot()
    answer = _ask(bot, words, user="U9GU", channel=SHARED[region], organisation=organisation, external=True)
    assert "token=" not in answer, answer
    assert said in answer, answer
    assert "bli med" in answer, answer


@pytest.mark.parametrize(("region", "said"), [("agder", "Lenken er hemmelig"), ("vestland", "Lenkja er hemmeleg")])
def test_a_bound_organisations_guest_gets_it_and_the_words_are_true(region: str, said: str) -> None:
    bot = _bot()
    answer = _ask(bot, "kalender IN", user="U9IN", channel=SHARED[region], organisation="T0INNOVXX", external=True)
    assert "/kalender/in.ics?token=" in answer, answer
    assert said in answer, answer
    assert "kanalen din" not in answer, answer
    # the same address for everyone who gets IN's feed, in any channel: it is the feed's, not the channel's
    ola = bot.say("kalender IN", as_="ola")
    assert answer.split("token=")[1].split()[0] in ola.text, ola.text
