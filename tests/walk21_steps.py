"""Walk 21's shared start: AU holds the national autumn meeting (5 November 2026) and Agder its own on 17
November, whose minutes give the points typed; the tests of what the actors and Agder then see begin here."""

from __future__ import annotations

import re

from bot.messages import Reply
from tests.driver import BotDriver, make_bot, oslo


def agders_autumn_points(*, points: str, minutes_at: tuple[int, ...] = (2026, 11, 17, 15)) -> tuple[BotDriver, Reply]:
    """Agder's autumn minutes with `points` («A @RFF innen 1. desember; …»), recorded at `minutes_at`."""
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    assert bot.say("dato høstmøte 5. november", as_="aud").ok
    assert bot.say("dato høst 17. november kl 10", as_="kari").ok
    bot.set_time(2026, 11, 6, 9)
    assert bot.say("referat høstmøtet ok", as_="aud").ok
    bot.set_time(*minutes_at)
    minutes = bot.say(f"referat høst ok. oppfølging: {points}", as_="kari")
    assert minutes.ok, minutes.text
    return bot, minutes


def point_id(minutes: Reply, text: str) -> str:
    """The id the minutes' reply gives the point with these words."""
    (found,) = set(re.findall(rf"{re.escape(text)} \([^)]*\) \[([A-Z0-9]{{4}})\]", minutes.text))
    return found


def in_january(*, lang: str, channel: str) -> BotDriver:
    """5 January 2027, the actor's `channel` reading `lang` (its form set by the admin)."""
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel=channel).ok
    return bot
