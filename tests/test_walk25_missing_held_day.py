"""Walk 25 F2: minutes whose held day is a day its month does not have («holdt 31.11.», «halde 31. november»)
were stored with the planned day, or today, without a word, while `dato` refuses the same typo («31. november
finnes ikke»). Now the minutes are refused the same way, and nothing is stored."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

CASES = [
    ("kari", "agder", "høst", "holdt 31.11.", "31. november finnes ikke. Skriv en dag som finnes."),
    ("per", "vestland", "haust", "halde 31. november", "31. november finst ikkje. Skriv ein dag som finst."),
]


@pytest.mark.parametrize(("person", "region", "meeting", "held", "refusal"), CASES)
def test_minutes_held_on_a_day_that_does_not_exist_are_refused(
    person: str, region: str, meeting: str, held: str, refusal: str
) -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 10))
    assert bot.say("dato høstmøte 5. november kl 10", as_="aud").ok
    bot.set_time(2026, 11, 6, 10)
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    assert bot.say(f"dato {meeting} 26. november kl 10", as_=person, channel=region).ok
    bot.set_time(2026, 12, 2, 10)
    before = bot.snapshot()
    reply = bot.say(f"referat {meeting} Godt møte {held}", as_=person, channel=region)
    assert not reply.ok and refusal in reply.text, reply.text
    assert bot.snapshot() == before
    assert bot.say(f"referat {meeting} Godt møte {held.replace('31', '27')}", as_=person, channel=region).ok
