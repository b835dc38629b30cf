"""A follow-up point closed after its deadline (walk 39 F8): `status` and `referat vis` showed «✓ IN sender tall
(Innovasjon Norge, innen 13. mai 2027)» for a point closed on 15 June, so nobody could see it came late; a
closed point now says the day it was closed, and «etter fristen» when that was after its due date."""

from __future__ import annotations

import re

from tests.driver import make_bot, oslo


def test_a_point_closed_late_says_when_and_that_it_was_late() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    recorded = bot.say(
        "referat høst agder 2026 Godt møte 18. november. oppfølging: Sende tall @IN innen 1. februar; "
        "Lage notat @IN innen 1. mars bekreft",
        as_="kari",
        channel="agder",
    )
    late, early = list(dict.fromkeys(re.findall(r"\[([0-9A-Z]{4})\]", recorded.text)))
    bot.set_time(2027, 2, 15, 10)
    assert bot.say(f"ferdig {late} {early}", as_="ola", channel="in").ok
    for command in ("status agder 2026", "referat vis høst agder 2026"):
        shown = bot.say(command, as_="kari", channel="agder").text
        assert f"innen 1. februar 2027, ferdig 15. februar 2027, etter fristen) [{late}]" in shown, shown
        assert f"innen 1. mars 2027, ferdig 15. februar 2027) [{early}]" in shown, shown


def test_nynorsk_says_it_in_its_own_form() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    recorded = bot.say(
        "referat haust vestland 2026 Godt møte 18. november. oppfølging: Sende tal @IN innan 1. februar stadfest",
        as_="per",
        channel="vestland",
    )
    (point,) = set(re.findall(r"\[([0-9A-Z]{4})\]", recorded.text))
    bot.set_time(2027, 2, 15, 10)
    assert bot.say(f"ferdig {point}", as_="ola", channel="in").ok
    shown = bot.say("status vestland 2026", as_="per", channel="vestland").text
    assert f"ferdig 15. februar 2027, etter fristen) [{point}]" in shown, shown
