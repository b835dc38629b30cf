"""Walk 33 F1: a precondition's suggested day form typed back as shown («forutsetning budsjett 2027 vedtatt
<dag>», as every late reminder suggests it) recorded the day it was typed: a budget adopted in December stood as
adopted in February. The placeholder names no day, so nothing is recorded and the refusal asks for the day, with
a button that records today for whoever means today. Every precondition, both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "channel", "typed", "today"),
    [
        ("kari", "agder", "forutsetning budsjett 2027 vedtatt <dag>", "forutsetning budsjett 2027 vedtatt i dag"),
        ("per", "vestland", "føresetnad budsjett 2027 vedteke <dag>", "føresetnad budsjett 2027 vedteke i dag"),
        (
            "aud",
            "nasjonal",
            "forutsetning statsbudsjett 2027 vedtatt <dato>",
            "forutsetning statsbudsjett 2027 vedtatt i dag",
        ),
    ],
)
def test_a_placeholder_day_records_nothing_and_asks(person: str, channel: str, typed: str, today: str) -> None:
    bot = make_bot(at=oslo(2027, 2, 15, 9, 30))
    before = bot.snapshot()
    reply = bot.say(typed, as_=person, channel=channel)
    assert not reply.ok and "Ingenting er registrert" in reply.text, reply.text
    assert f"«{today}»" in reply.text and [b.command for b in reply.buttons] == [today], reply.text
    assert ("i staden for" in reply.text) == (person == "per"), reply.text  # the asker's own written form
    assert bot.snapshot() == before
    recorded = bot.say(today, as_=person, channel=channel)
    assert recorded.ok and "15. februar 2027" in recorded.text, recorded.text


def test_the_allocation_letter_suggested_by_the_digest_asks_too() -> None:
    bot = make_bot(at=oslo(2027, 2, 15, 9, 30))
    assert bot.say("forutsetning statsbudsjett 2027 vedtatt 16. desember 2026", as_="aud", channel="nasjonal").ok
    before = bot.snapshot()
    reply = bot.say("forutsetning tildelingsbrev IN 2027 mottatt <dag>", as_="ola", channel="in")
    assert not reply.ok and bot.snapshot() == before, reply.text
    assert bot.say("forutsetning tildelingsbrev IN 2027 mottatt 20. januar", as_="ola", channel="in").ok
    assert "Ferdig 20. januar 2027" in bot.say("status agder 2027", as_="kari").text
