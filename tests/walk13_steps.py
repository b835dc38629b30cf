"""Steps the walk 13 tests share: the autumn of 2027 with the national høstmøtet held (the regional meeting
follows it in the model), a region's own autumn meeting held, and the wheel's arc for an item."""

from __future__ import annotations

from datetime import date

from bot.shown.wheel_geometry import Arc
from bot.shown.wheel_picture import build_picture
from tests.driver import BotDriver, make_bot, oslo


def national_autumn_held() -> BotDriver:
    """13 November 2027: AU's høstmøtet was held on 12 November, so a region's autumn meeting may follow."""
    bot = make_bot(at=oslo(2027, 9, 1, 9))
    assert bot.say("dato høstmøte 12. november kl 10", as_="aud").ok
    bot.set_time(2027, 11, 12, 16, 0)
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    bot.set_time(2027, 11, 13, 9, 0)
    return bot


def regional_autumn_held(*, as_: str, word: str, minutes: str = "Godt møte") -> BotDriver:
    """25 November 2027, 16:00: the coordinator's region held its autumn meeting that day, minutes recorded."""
    bot = national_autumn_held()
    assert bot.say(f"dato {word} 25. november kl 10", as_=as_).ok
    bot.set_time(2027, 11, 25, 16, 0)
    assert bot.say(f"referat {word} {minutes}", as_=as_).ok
    return bot


def wheel_arc(bot: BotDriver, *, region: str, year: int, today: date, word: str) -> Arc:
    """The one arc of a region's wheel whose label names `word`."""
    picture = build_picture(
        config=bot.core.config,
        state=bot.core.state,
        params={"view": "region", "region": region, "year": str(year)},
        today=today,
    )
    assert picture is not None
    (arc,) = (arc for arc in picture.arcs if word in arc.label)
    return arc
