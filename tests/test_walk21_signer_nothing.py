"""Walk 21 A2: a bare `signer` in an actor's channel with nothing waiting for its signature says so, and
where to read what the agreements wait on; never «Hvilken regions avtale?» as if one could be signed."""

from __future__ import annotations

import re

import pytest

from tests.driver import record_all_preconditions
from tests.walk21_steps import in_january

NOTHING = {"nb": "Ingen avtale venter på signaturen til Siva nå", "nn": "Ingen avtale ventar på signaturen til Siva no"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_signer_with_nothing_waiting_says_so_and_with_one_signs(lang: str) -> None:
    bot = in_january(lang=lang, channel="siva")
    before = bot.snapshot()
    asked = bot.say("signer", as_="siri", channel="siva")
    assert not asked.ok and bot.snapshot() == before and not asked.buttons
    assert NOTHING[lang] in asked.text, asked.text
    for example in re.findall(r"«([^»]+)»", asked.text):  # each command named runs as typed
        assert bot.say(example, as_="siri", channel="siva").ok, example
    record_all_preconditions(bot, year=2027, region="agder")
    signed = bot.say("signer", as_="siri", channel="siva")  # the one waiting: signed, as before
    assert signed.ok, signed.text
    again = bot.say("signer", as_="siri", channel="siva")
    assert not again.ok and NOTHING[lang] in again.text, again.text
