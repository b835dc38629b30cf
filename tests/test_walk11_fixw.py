"""Issue 18, walk11 findings fixed in part fixw: one rule for a year far off (M1), a misspelt month after
the day's number gets «Mente du» (M4)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.driver import make_bot, oslo
from tests.test_model_timing import posted


@pytest.mark.parametrize(
    ("person", "text", "says"),
    [
        ("kari", "status 2099", "2099 er for langt unna"),
        ("per", "status 2099", "2099 er for langt unna"),
        ("aud", "oversikt 2099", "2099 er for langt unna"),
        ("per", "oversyn 2099", "2099 er for langt unna"),
    ],
)
def test_a_read_of_a_year_decades_away_is_refused_like_a_write(person: str, text: str, says: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    before = bot.snapshot()
    reply = bot.say(text, as_=person)
    assert not reply.ok and says in reply.text, reply.text
    assert bot.snapshot() == before
    assert bot.say("status 2030", as_=person).ok  # a plan period set ahead is still readable
    assert bot.say("status 2025", as_=person).ok  # and history


@pytest.mark.parametrize(("person", "meant"), [("kari", "Mente du «dato vår "), ("per", "Meinte du «dato vår ")])
@pytest.mark.parametrize("typed", ["aprl 22", "22. aprl", "22 apri"])
def test_a_four_letter_misspelt_month_gets_a_did_you_mean(person: str, meant: str, typed: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 8, 10))
    before = bot.snapshot()
    reply = bot.say(f"dato vår {typed}", as_=person)
    assert not reply.ok and meant in reply.text, reply.text
    assert "april" in reply.text.split("te du")[-1], reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize(
    ("person", "channel", "papers"), [("kari", "agder", "sakspapirene"), ("per", "vestland", "sakspapira")]
)
def test_the_agenda_day_is_named_only_while_it_is_ahead(person: str, channel: str, papers: str) -> None:
    for start, named in ((date(2027, 11, 1), True), (date(2027, 12, 6), False)):
        bot = make_bot(at=oslo(2027, 9, 6, 10))
        assert bot.say("dato handlingsplan torsdag 9. desember", as_=person).ok
        posts = posted(bot, channel, start=start, end=start)
        line = next(line for line in posts[start].splitlines() if "Handlingsplan 2028" in line)
        assert "vedtak 9. desember 2027" in line and (f"{papers} går ut 18. november" in line) is named, line
