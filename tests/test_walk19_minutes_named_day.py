"""Walk 19 F6: minutes of a meeting with no day set, typed after its window closed, that name a day inside
the window («Godt møte 18. november» on 11 January) record that day as the held one, not today after the
window; the reply says so and how to set another. Without a day in the text, today stays, as before."""

from __future__ import annotations

import pytest

from tests.driver import COORDINATOR, BotDriver, make_bot, oslo


def _autumn_over(region: str) -> BotDriver:
    bot = make_bot(at=oslo(2027, 11, 4, 9))
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    bot.set_time(2028, 1, 11, 9)
    return bot


@pytest.mark.parametrize(
    ("region", "meeting", "says"),
    [
        ("agder", "høst", ("holdt 18. november 2027", "så dagen referatet nevner er registrert")),
        ("vestland", "haust", ("halde 18. november 2027", "så dagen referatet nemner er registrert")),
    ],
)
def test_a_day_named_in_minutes_typed_after_the_window_is_the_held_day(
    region: str, meeting: str, says: tuple[str, ...]
) -> None:
    bot = _autumn_over(region)
    person = COORDINATOR[region]
    reply = bot.say(f"referat {meeting} Godt møte 18. november", as_=person)
    assert reply.ok and all(text in reply.text for text in says), reply.text
    assert "11. januar 2028" not in reply.text, reply.text
    assert f"dato {meeting} {region} 2027" in reply.text, reply.text
    assert (
        "18.11.2027" in bot.say(f"status {region} 2027", as_=person).text
        or "18. november 2027" in bot.say(f"status {region} 2027", as_=person).text
    )


@pytest.mark.parametrize(("region", "meeting"), [("agder", "høst"), ("vestland", "haust")])
def test_without_a_day_in_the_text_today_is_taken_and_said(region: str, meeting: str) -> None:
    bot = _autumn_over(region)
    reply = bot.say(f"referat {meeting} Godt møte", as_=COORDINATOR[region])
    assert reply.ok and "11. januar 2028" in reply.text, reply.text
