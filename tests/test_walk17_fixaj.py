"""Walk 17 findings fixed in part fixaj, driven as people do: a precondition recorded late names the day
it recorded and how to give the real one, and the digest suggests the day form (F-b)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.test_model_timing import digest


# -- F-b: the verb alone records today; after the deadline the reply says so, and the digest gives the day form --
@pytest.mark.parametrize(
    ("who", "channel", "typed", "suggested", "later"),
    [
        ("kari", "agder", "forutsetning budsjett 2027", "forutsetning budsjett 2027 vedtatt <dag>", "vedtatt"),
        ("per", "vestland", "føresetnad budsjett 2027", "føresetnad budsjett 2027 vedteke <dag>", "vedteke"),
    ],
)
def test_a_budget_recorded_late_with_no_day_names_today_and_how_to_give_the_day(
    who: str, channel: str, typed: str, suggested: str, later: str
) -> None:
    bot = make_bot(at=oslo(2026, 12, 17, 9))
    assert f"«{suggested}»" in digest(bot, channel), digest(bot, channel)
    bot.set_time(2027, 1, 4, 10)
    reply = bot.say(typed, as_=who, channel=channel)
    assert reply.ok, reply.text
    assert (
        "Registrert med dagen i dag" in reply.text
        and "4. januar 2027" in reply.text
        and "31. desember 2026" in reply.text
    ), reply.text
    assert f"«{suggested}»" in reply.text, reply.text
    asked = bot.say(typed + f" {later} 16. desember", as_=who, channel=channel)  # a recorded day is changed on a yes
    assert not asked.ok and "16. desember 2026" in asked.text, asked.text
    confirm = "bekreft" if channel == "agder" else "stadfest"
    redated = bot.say(typed + f" {later} 16. desember {confirm}", as_=who, channel=channel)
    assert redated.ok and "16. desember 2026" in redated.text, redated.text
    assert "4. januar 2027" in redated.text, redated.text  # «(Var 4. januar 2027.)»
    assert "16. desember 2026" in bot.say("status", as_=who, channel=channel).text


def test_a_budget_recorded_in_time_with_no_day_says_nothing_more() -> None:
    bot = make_bot(at=oslo(2026, 12, 14, 9))
    reply = bot.say("forutsetning budsjett 2027", as_="kari", channel="agder")
    assert reply.ok and "dagen i dag" not in reply.text and "<dag>" not in reply.text, reply.text
