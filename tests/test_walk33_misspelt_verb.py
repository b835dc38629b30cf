"""Walk 33 F5: «forutsetning tildelingsbrev motatt 12.01.2028» was refused with «Skriv for eksempel «forutsetning
tildelingsbrev»», no word of the misspelt verb, and the letter stayed unrecorded for two months. A verb one letter
off is named as a misspelt precondition is («Mente du …?»), nothing recorded. Both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "channel", "typed", "mended"),
    [
        ("nils", "nfr", "forutsetning tildelingsbrev motatt 12.01.2028", "«mottatt 12.01.2028»"),
        ("siri", "siva", "forutsetning tildelingsbrev mottat 12.01.2028", "«mottatt 12.01.2028»"),
        ("kari", "agder", "forutsetning budsjett vedatt 14. desember", "«vedtatt 14. desember»"),
        ("per", "vestland", "føresetnad budsjett vedteek 14. desember", "«vedteke 14. desember»"),
    ],
)
def test_a_misspelt_verb_is_named_and_nothing_recorded(person: str, channel: str, typed: str, mended: str) -> None:
    bot = make_bot(at=oslo(2028, 1, 17, 10))
    assert bot.say("forutsetning statsbudsjett 2028 vedtatt 16. desember 2027", as_="aud", channel="nasjonal").ok
    before = bot.snapshot()
    reply = bot.say(typed, as_=person, channel=channel)
    assert not reply.ok and mended in reply.text, reply.text
    assert ("Meinte du" in reply.text) == (person == "per"), reply.text  # the asker's own written form
    assert bot.snapshot() == before
    fixed = typed.replace(typed.split()[-3 if "desember" in typed else -2], mended.strip("«»").split()[0])
    assert bot.say(fixed, as_=person, channel=channel).ok, fixed
