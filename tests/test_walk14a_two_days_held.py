"""walk 13 W6 residual (walk 14a re-check): a meeting held over two days is named with both on every surface:
the reply, `status`, the replace question and `referat vis … tidligere`; two days named in the minutes'
text («vi møttes 25. og 26. november») are kept as both, and the words stay in the text."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.walk14a_steps import AUTUMN, CONFIRM, HELD, PERSON

MET = {"nb": "vi møttes", "nn": "vi møttest"}
EARLIER = {"nb": "tidligere", "nn": "tidlegare"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_planned_two_day_meeting_is_named_with_both_days_when_its_minutes_are_replaced(lang: str) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2027, 8, 16, 9))
    assert bot.say("dato høstmøte 4. november kl 10", as_="aud", channel="nasjonal").ok
    assert bot.say(f"dato {AUTUMN[lang]} 1.-2. desember kl 10", as_=person, channel=channel).ok
    bot.set_time(2027, 11, 5, 9)
    assert bot.say("referat høstmøte Bra", as_="aud", channel="nasjonal").ok
    bot.set_time(2027, 12, 3, 9)
    first = bot.say(f"referat {AUTUMN[lang]} Godt møte.", as_=person, channel=channel)
    assert first.ok and f"{HELD[lang]} 1.–2. desember 2027" in first.text, first.text
    asked = bot.say(f"referat {AUTUMN[lang]} Nytt sammendrag.", as_=person, channel=channel)
    assert not asked.ok and f"{HELD[lang]} 1.–2. desember 2027" in asked.text, asked.text
    assert bot.say(f"referat {AUTUMN[lang]} Nytt sammendrag. {CONFIRM[lang]}", as_=person, channel=channel).ok
    earlier = bot.say(f"referat vis {AUTUMN[lang]} {EARLIER[lang]}", as_=person, channel=channel)
    assert f"{HELD[lang].capitalize()} 1.–2. desember 2027" in earlier.text, earlier.text
    status = bot.say(f"status {channel} 2027", as_=person, channel=channel).text
    assert f"({HELD[lang]}) 1.–2. desember 2027" in status, status


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("days", ["25. og 26. november", "25.–26. november"])
def test_two_days_named_in_the_minutes_are_kept_as_both(lang: str, days: str) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 27, 15))
    summary = f"Godt møte, {MET[lang]} {days}."
    reply = bot.say(f"referat {AUTUMN[lang]} {summary} {CONFIRM[lang]}", as_=person, channel=channel)
    assert reply.ok and f"{HELD[lang]} 25.–26. november 2026" in reply.text, reply.text
    status = bot.say(f"status {channel} 2026", as_=person, channel=channel).text
    assert f"({HELD[lang]}) 25.–26. november 2026" in status, status
    assert summary in status  # the words stay in the minutes, and the status says which days were taken
