"""Walk 5, N12: a date typed for a meeting never lands silently in another cycle than the one `dato` means
now, and a year far off is refused for every meeting, whether typed as the cycle or inside the date."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_refused

MEETINGS = ("vår", "høst", "politisk", "handlingsplan")


@pytest.mark.parametrize(
    ("as_", "missing", "other"),
    [
        ("kari", "29. februar finnes ikke i 2027.", "i vinduet for Regionalt dialogmøte vår 2028, ikke for"),
        ("per", "29. februar finst ikkje i 2027.", "i vindauget for Regionalt dialogmøte vår 2028, ikkje for"),
    ],
)
def test_29_february_typed_in_2027_asks_and_names_the_cycle(as_: str, missing: str, other: str) -> None:
    bot = make_bot(at=oslo(2027, 4, 23, 10))
    before = bot.snapshot()
    reply = bot.say("dato vår 29. februar", as_=as_)
    assert bot.snapshot() == before, reply.text
    assert missing in reply.text and other in reply.text, reply.text
    command = reply.buttons[0].command
    assert " 2028 2028-02-29 " in command + " ", command  # the button names the cycle it would write
    bot.say(command, as_=as_)
    assert "2028" in bot.say("status 2028", as_=as_).text


def test_a_mistyped_year_inside_the_date_asks_before_it_plans_another_cycle() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    before = bot.snapshot()
    reply = bot.say("dato vår 23. april 2029", as_="kari")
    assert bot.snapshot() == before
    assert "ikke for Regionalt dialogmøte vår 2027" in reply.text, reply.text


def test_planning_the_next_cycle_before_its_window_opens_is_not_asked() -> None:
    bot = make_bot(at=oslo(2026, 11, 10, 10))
    reply = bot.say("dato vår 22. april kl 10", as_="kari")
    assert reply.title.startswith("Dato satt: Regionalt dialogmøte vår 2027"), reply.text


@pytest.mark.parametrize("meeting", MEETINGS)
@pytest.mark.parametrize("typed", ["{m} 22. april 2099", "{m} 2099 22. april"])
def test_a_far_year_is_refused_for_every_meeting(meeting: str, typed: str) -> None:
    bot = make_bot(at=oslo(2027, 4, 23, 10))
    assert_refused(bot, "dato " + typed.format(m=meeting), contains="2099 er for langt unna", as_="kari")


def test_a_far_year_is_refused_for_the_national_meetings() -> None:
    bot = make_bot(at=oslo(2027, 4, 23, 10))
    assert_refused(bot, "dato høstmøte 22. oktober 2099", contains="2099 er for langt unna", as_="aud")


@pytest.mark.parametrize(
    ("as_", "suggested"),
    [("kari", "f.eks. «dato vår 22. april kl 10»."), ("per", "t.d. «dato vår 22. april kl 10».")],
)
def test_the_date_suggested_after_unread_words_has_no_trailing_comma(as_: str, suggested: str) -> None:
    """Walk 5, m3: «Skriv bare datoen, f.eks. «dato vår 22. april kl 10,».»"""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    reply = assert_refused(bot, "dato vår 22. april kl 10, sted: Kristiansand", as_=as_)
    assert suggested in reply.text and "kl 10,»" not in reply.text, reply.text
