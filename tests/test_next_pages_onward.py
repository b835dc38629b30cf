"""The last page of a party's own items points on to the other open items (walk 32 F10): a region with nine
things to do and fifteen others (a store started in September 2027, its 2027 cycle left behind) read on page 1
«Viser 1–8 av 9 – skriv «neste side 2» … Viser 7 av 15 andre åpne – skriv «neste side 3»», but page 2 showed the
ninth item and stopped, with no word or button for page 3, where the other open items, overdue ones too, were."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded
from tests.walk14a_steps import PERSON

ONWARD = {
    "nb": "Andre åpne står fra side 3: skriv «neste side 3».",
    "nn": "Andre opne står frå side 3: skriv «neste side 3».",
}


def _a_long_list() -> BotDriver:
    bot = make_bot(at=oslo(2027, 9, 6, 10))
    assert_recorded(bot, "dato høstmøte 20. oktober kl 10", as_="aud", channel="nasjonal")
    bot.set_time(2027, 10, 20, 16)
    assert_recorded(bot, "referat høstmøte Godt møte", as_="aud", channel="nasjonal")
    bot.set_time(2027, 11, 24, 10)
    return bot


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_last_page_of_own_items_points_on_to_the_others(lang: str) -> None:
    person, region = PERSON[lang]
    bot = _a_long_list()
    first = bot.say("neste", as_=person, channel=region)
    assert [button.command for button in first.buttons][:2] == ["neste side 2", "neste side 3"], first.buttons
    second = bot.say("neste side 2", as_=person, channel=region)
    assert ONWARD[lang] in second.text, second.text
    assert "neste side 3" in [button.command for button in second.buttons]
    third = bot.say("neste side 3", as_=person, channel=region)
    assert "Nasjonalt temamøte vår (vårmøtet) 2027" in third.text, third.text
