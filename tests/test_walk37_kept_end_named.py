"""Walk 37 F-G: a day typed alone on a meeting planned «kl 9–15.30» keeps the time and the end (the calendar
feed has 09:00–15:30), but the reply said «mandag 23. november 2026 kl. 09.00» without «(slutt kl. 15.30)»,
which the same day typed again then named. The reply names the end it kept, in both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

CASES = [
    ("kari", "høst", "slutt kl. 15.30", "Klokkeslettet er beholdt"),
    ("per", "haust", "slutt kl. 15.30", "står ved lag"),
]


@pytest.mark.parametrize(("who", "autumn", "end", "kept"), CASES)
def test_a_day_typed_alone_names_the_end_it_kept(who: str, autumn: str, end: str, kept: str) -> None:
    bot = make_bot(at=oslo(2026, 9, 21, 9, 0))
    assert bot.say("dato høstmøtet 22. oktober kl 10-15", as_="aud", channel="nasjonal").ok
    first = bot.say(f"dato {autumn} 16. november kl 9-15.30", as_=who)
    assert first.ok and end in first.text, first.text
    moved = bot.say(f"dato {autumn} 23. november", as_=who)
    assert moved.ok and "23. november 2026 kl. 09.00 (" + end + ")" in moved.text and kept in moved.text, moved.text
    again = bot.say(f"dato {autumn} 23. november", as_=who)
    assert end in again.text, again.text
    # a new time drops the end, and the reply says none
    timed = bot.say(f"dato {autumn} 24. november kl 12", as_=who)
    assert timed.ok and "slutt kl." not in timed.text, timed.text
