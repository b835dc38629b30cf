"""A page typed as people write it (walk 39): «neste 2», «neste s. 2», «logg agder 2» were answered «Jeg forstod
ikke «2». Skriv for eksempel «neste side 2».»; a short number typed last, or after «s.»/«sida», is that page,
while a four-digit number is still a year."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize("typed", ["neste 2", "neste s. 2", "neste agder 2", "neste sida 2"])
def test_a_short_page_is_the_page(typed: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10, 0))
    shown = bot.say(typed, as_="kari", channel="agder")
    assert shown.ok, shown.text
    assert shown.text == bot.say("neste side 2", as_="kari", channel="agder").text


def test_logg_takes_the_short_page_and_a_year_stays_a_year() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10, 0))
    for day in range(4, 16):
        assert bot.say(f"dato vår {day}. mai", as_="kari", channel="agder").ok
    assert bot.say("logg agder 2", as_="kari").text == bot.say("logg agder side 2", as_="kari").text
    assert "2027" in bot.say("neste 2027", as_="kari", channel="agder").text
