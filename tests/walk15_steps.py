"""The step the walk 15 tests share: the national autumn meeting of 2026 held (5 November, minutes the next
day), with the regions' own dates typed before it."""

from __future__ import annotations

from tests.driver import BotDriver, make_bot, oslo


def autumn_held(*, dated: tuple[tuple[str, str, str], ...] = ()) -> BotDriver:
    """2 September 2026: the national autumn meeting dated 5 November, and each (person, channel, `dato` line)
    of `dated` typed; 6 November: its minutes recorded. The clock is left on 6 November."""
    bot = make_bot(at=oslo(2026, 9, 2, 10))
    assert bot.say("dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal").ok
    for person, channel, line in dated:
        assert bot.say(line, as_=person, channel=channel).ok
    bot.set_time(2026, 11, 6, 9)
    assert bot.say("referat høstmøte Bra", as_="aud", channel="nasjonal").ok
    return bot
