"""Walk 13, W4: a weekday typed with a day that does not fit is refused for the year the same day without
its weekday is read in (one rule, handlers/date_year.py), not for the grammar's next occurrence: the day
after 22 April 2027, «mandag 22. april» is told about Thursday 22 April 2027, the date «22. april» means."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

AUTUMN = {"kari": "høst", "per": "haust"}
WORDS = {"kari": "er en torsdag, ikke en mandag", "per": "er ein torsdag, ikkje ein måndag"}
CHANNEL = {"kari": "agder", "per": "vestland"}


@pytest.mark.parametrize("as_", sorted(WORDS))
def test_the_refusal_names_the_year_the_day_means(as_: str) -> None:
    channel, spring, words = CHANNEL[as_], "vår", WORDS[as_]
    bot = make_bot(at=oslo(2027, 3, 1, 9))
    bot.say("dato vårmøte 11. mars kl 10", as_="aud")
    bot.set_time(2027, 3, 11, 16, 0)
    bot.say("referat vårmøte Godt møte", as_="aud")
    bot.set_time(2027, 4, 23, 15, 0)
    before = bot.snapshot()
    bare = bot.say(f"dato {spring} 22. april", as_=as_, channel=channel)
    assert "22. april 2027" in bare.text, bare.text  # the day alone means this spring's, passed
    reply = bot.say(f"dato {spring} mandag 22. april", as_=as_, channel=channel)
    assert not reply.ok and f"22. april 2027 {words}" in reply.text, reply.text
    assert "2028" not in reply.text, reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize("as_", sorted(WORDS))
def test_the_same_in_autumn(as_: str) -> None:
    channel, autumn, words = CHANNEL[as_], AUTUMN[as_], WORDS[as_]
    bot = make_bot(at=oslo(2027, 11, 26, 9))  # the day after Thursday 25 November, this autumn's meeting open
    before = bot.snapshot()
    bare = bot.say(f"dato {autumn} 25. november", as_=as_, channel=channel)
    assert "25. november 2027" in bare.text, bare.text
    reply = bot.say(f"dato {autumn} mandag 25. november", as_=as_, channel=channel)
    assert not reply.ok and f"25. november 2027 {words}" in reply.text, reply.text
    assert bot.snapshot() == before
