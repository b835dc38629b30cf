"""Walk 35 F5: in the wheel's text, a meeting whose planned day and deadline have both passed without
minutes says so, as `status` does, in both written forms; it used to read «! Regionalt dialogmøte vår –
planlagt 20. april 2027» in July, a plan for a day long gone. The symbol stays the overdue mark."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("who", "meeting", "said"),
    [
        (
            "kari",
            "vår",
            "! Regionalt dialogmøte vår – møtet var 20. april 2027; referatet mangler, frist 30. juni 2027",
        ),
        ("per", "vår", "! Regionalt dialogmøte vår – møtet var 20. april 2027; referatet manglar, frist 30. juni 2027"),
    ],
)
def test_a_past_meeting_without_minutes_is_not_planned_in_the_wheel_text(who: str, meeting: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 9))
    assert bot.say(f"dato {meeting} 20. april kl 10", as_=who).ok
    bot.set_time(2027, 5, 3, 9)  # the day is over, the deadline not yet: the picture's own «minutes missing»
    assert "– møtet var 20. april 2027; referatet man" in bot.say("årshjul", as_=who).text
    bot.set_time(2027, 7, 15, 9)
    wheel = bot.say("årshjul", as_=who).text
    assert said in wheel, wheel
    assert "planlagt 20. april" not in wheel and "planlagd 20. april" not in wheel
