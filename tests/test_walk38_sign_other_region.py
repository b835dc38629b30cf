"""A bare `signer` in another region's channel by a county, which signs only its own agreement (walk 38 F5):
Vestland's adviser in Agder's shared channel was answered about Vestland's agreement as if it were the
channel's. The reply says the channel's agreement is not hers and how to name her own; an actor's bare
`signer` there still means the channel's region, and a county in its own channel signs its own."""

from __future__ import annotations

from dataclasses import replace

from adapters.terminal import render
from bot.messages import Request
from tests.driver import BotDriver, make_bot, oslo

SHARED = "C0DELTAGDER"


def _bot() -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    bound = Request(platform="slack", user_id="U0ADMIN", channel_id=SHARED, text="koble region agder")
    assert bot.core.handle(bound).reply.ok
    for team, party in (("T0VLFKXXX", "vestland"), ("T0INNOVXX", "IN")):
        assert bot.say(f"koble organisasjon {team} {party}", as_="admin", channel="nasjonal").ok
    return bot


def _ask(bot: BotDriver, text: str, *, user: str, organisation: str) -> str:
    request = Request(platform="slack", user_id=user, channel_id=SHARED, text=text, organisation=organisation)
    return render(bot.core.handle(replace(request, external=True)).reply)


def test_another_countys_signer_names_the_channels_agreement_and_her_own() -> None:
    bot = _bot()
    assert "Vestland" in _ask(bot, "hvem", user="U9VL", organisation="T0VLFKXXX")  # met once: the bot notes whom
    before = bot.snapshot()
    answer = _ask(bot, "signer", user="U9VL", organisation="T0VLFKXXX")
    assert "Her gjelder «signer» avtalen for Agder fylkeskommune" in answer, answer
    assert "Vestland fylkeskommune er ikke part i den" in answer, answer
    assert "skriv «signer vestland»" in answer, answer
    assert bot.snapshot() == before
    year = _ask(bot, "signer 2027", user="U9VL", organisation="T0VLFKXXX")
    assert "skriv «signer vestland 2027»" in year, year
    # naming her own region is the way: answered about Vestland's agreement, as before
    own = _ask(bot, "signer vestland", user="U9VL", organisation="T0VLFKXXX")
    assert "Her gjelder" not in own and "Vestland" in own, own


def test_in_nynorsk_in_vestlands_channel() -> None:
    bot = _bot()
    answer = bot.say("signer", as_="kari", channel="vestland").text
    assert "Her gjeld «signer» avtalen for Vestland fylkeskommune" in answer, answer
    assert "Agder fylkeskommune er ikkje part i den" in answer, answer


def test_an_actor_and_the_county_itself_are_answered_as_before() -> None:
    bot = _bot()
    actor = _ask(bot, "signer", user="U9IN", organisation="T0INNOVXX")
    assert "Her gjelder" not in actor, actor
    assert "Agder" in actor, actor
    kari = bot.say("signer", as_="kari", channel="agder").text
    assert "Her gjelder" not in kari, kari
