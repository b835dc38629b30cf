"""Walk 26 F3: a precondition's day that falls on a public holiday («mottatt fredag» typed on Tuesday 5
January 2027 is New Year's Day) is recorded as typed, and the reply says it is a holiday, with the command that
gives another day; a working day is said as before, without a word."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("lang", "typed", "says"),
    [
        (
            "nb",
            "mottatt fredag",
            "Det er første nyttårsdag (helligdag); stemmer ikke dagen, skriv «forutsetning tildelingsbrev IN 2027 mottatt <dag>».",
        ),
        (
            "nn",
            "motteke fredag",
            "Det er første nyttårsdag (heilagdag); stemmer ikkje dagen, skriv «føresetnad tildelingsbrev IN 2027 motteke <dag>».",
        ),
    ],
)
def test_a_day_that_is_a_holiday_is_said_to_be_one(lang: str, typed: str, says: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    assert bot.say("forutsetning statsbudsjett 2027 vedtatt 10. desember", as_="aud", channel="nasjonal").ok
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel="in").ok
    bot.set_time(2027, 1, 5, 10)
    reply = bot.say(f"forutsetning tildelingsbrev IN 2027 {typed}", as_="ola", channel="in")
    assert reply.ok and "1. januar 2027" in reply.text, reply.text
    assert says in reply.text, reply.text
    again = bot.say("forutsetning tildelingsbrev IN 2027 mottatt 4.1. bekreft", as_="ola", channel="in")
    assert again.ok and "4. januar 2027" in again.text and "helligdag" not in again.text, again.text
