"""A bare `signer` by a party that has signed every agreement it could mean (walk 39: Per, Vestland, on 27
December 2027 with 2027 and 2028 signed) says what it signed and when, and that nothing waits for its
signature, never «which year?» as if one were left (bot.actions.signing_which.require_one_left)."""

from __future__ import annotations

import pytest

from tests.driver import signing_open, text_command

SAID = {
    "vestland": ("Vestland har signert avtalen 2027 (5. januar 2027) og avtalen 2028 (15. desember 2027).", "ventar"),
    "agder": ("Agder har signert avtalen 2027 (5. januar 2027) og avtalen 2028 (15. desember 2027).", "venter"),
}
COORDINATOR = {"vestland": "per", "agder": "kari"}


@pytest.mark.parametrize("region", ["vestland", "agder"])
def test_signer_when_everything_is_signed_says_what_was_signed(region: str) -> None:
    who = COORDINATOR[region]
    bot = signing_open(region=region)
    assert bot.say("signer 2027", as_=who).ok  # the actors never sign 2027: it is not done
    bot.set_time(2027, 12, 15, 10)
    assert bot.say(text_command(year=2028, region=region, version=2), as_=who).ok
    assert bot.say("forutsetning statsbudsjett 2028", as_="aud").ok
    assert bot.say("forutsetning budsjett 2028", as_=who).ok
    for person in ("ola", "siri", "nils", "rita"):
        assert bot.say("forutsetning tildelingsbrev 2028", as_=person).ok
    confirm = "stadfest" if region == "vestland" else "bekreft"
    assert bot.say(f"referat politisk 2028 Vedtatt i fylkestinget {confirm}", as_=who).ok
    assert bot.say(f"signer 2028 {confirm}", as_=who).ok  # before its window, marked so
    bot.set_time(2027, 12, 27, 10)
    before = bot.snapshot()
    reply = bot.say("signer", as_=who)
    signed, waits = SAID[region]
    assert signed in reply.text and f"Ingen avtale {waits} på signaturen din" in reply.text, reply.text
    assert "kva år" not in reply.text and "hvilket år" not in reply.text
    assert bot.snapshot() == before
