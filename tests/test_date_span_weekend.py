"""Surfaces check (issue 18, fixz): the weekend question for a meeting over several days names the days that
are off, never only the first day's name («lørdag 24. april – søndag 25. april er en lørdag»); a span with a
weekend day or a holiday anywhere in it is asked about, in both written forms, and nothing is kept."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

PEOPLE = {"kari": "agder", "per": "vestland"}
CASES = [
    # (person, typed, what the question says about the span)
    ("kari", "dato vår 24.–25. april", "er en helg (lørdag og søndag)"),
    ("per", "dato vår 24.–25. april", "er ei helg (laurdag og søndag)"),
    ("kari", "dato vår 23.–24. april", "er delvis i helgen (lørdag)"),
    ("per", "dato vår 23.–24. april", "er delvis i helga (laurdag)"),
    ("kari", "dato vår 23.–26. april", "er delvis i helgen (lørdag og søndag)"),
    ("per", "dato vår 25.–26. april", "er delvis i helga (søndag)"),
]


@pytest.mark.parametrize(("as_", "typed", "says"), CASES)
def test_a_span_over_a_weekend_names_its_days_off(as_: str, typed: str, says: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 10, 9))
    before = bot.snapshot()
    reply = bot.say(typed, as_=as_)
    assert says in reply.text, reply.text
    assert "er en lørdag" not in reply.text and "er ein laurdag" not in reply.text, reply.text
    assert bot.snapshot() == before
    assert reply.buttons, reply.text
    saved = bot.say(reply.buttons[0].command, as_=as_)  # «Lagre likevel» keeps the span as typed
    assert saved.ok and "2027" in saved.text and bot.snapshot() != before, saved.text


@pytest.mark.parametrize(
    ("as_", "says"), [("kari", "er med andre pinsedag og grunnlovsdag (helligdag)"), ("per", "(heilagdag)")]
)
def test_a_span_over_a_holiday_names_it(as_: str, says: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 10, 9))
    reply = bot.say("dato vår 17.–18. mai", as_=as_)  # Monday 17 May 2027: Whit Monday and Constitution Day
    assert says in reply.text and "helg" not in reply.text, reply.text


@pytest.mark.parametrize("as_", ["kari", "per"])
def test_a_span_of_working_days_is_kept_unasked(as_: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 10, 9))
    reply = bot.say("dato vår 22.–23. april", as_=as_)
    assert reply.ok and not reply.buttons and "22. april 2027" in reply.text, reply.text


@pytest.mark.parametrize(("as_", "says"), [("kari", "er en lørdag"), ("per", "er ein laurdag")])
def test_one_weekend_day_is_still_named(as_: str, says: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 10, 9))
    assert says in bot.say("dato vår 24. april", as_=as_).text
