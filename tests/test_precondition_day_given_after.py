"""Walk 13 W7: a precondition recorded without its day (today recorded) can be given its day afterwards: the
day typed asks first, and with `bekreft`/`stadfest` it is recorded as the day it happened, the day it was first
typed kept beside it; `status` and `logg` show it. Both written forms."""

from __future__ import annotations

from tests.driver import make_bot, oslo
from tests.helpers import assert_refused

FORMS = [
    ("kari", "forutsetning budsjett", "vedtatt", "bekreft", "Ferdig 15. desember 2027 (registrert 3. januar 2028)"),
    ("per", "føresetnad budsjett", "vedteke", "stadfest", "Ferdig 15. desember 2027 (registrert 3. januar 2028)"),
]


def test_the_day_given_afterwards_asks_then_is_recorded() -> None:
    for who, command, verb, confirm, status in FORMS:
        _given_afterwards(who=who, command=command, verb=verb, confirm=confirm, status=status)


def _given_afterwards(*, who: str, command: str, verb: str, confirm: str, status: str) -> None:
    bot = make_bot(at=oslo(2028, 1, 3, 9, 0))
    assert bot.say(f"{command} 2028", as_=who).ok
    asked = assert_refused(bot, f"{command} {verb} 15. desember", as_=who, contains=("15. desember 2027", confirm))
    assert "3. januar 2028" in asked.text
    done = bot.say(f"{command} {verb} 15. desember {confirm}", as_=who)
    assert done.ok and "15. desember 2027" in done.text
    assert status in bot.say("status 2028", as_=who).text
    assert "15. desember 2027 (var 3. januar 2028)" in bot.say("logg", as_=who).text
    again = bot.say(f"{command} {verb} 15. desember {confirm}", as_=who)
    assert again.ok and again.title != done.title  # the same day again: already recorded, nothing changed


def test_the_same_day_or_no_day_again_changes_nothing() -> None:
    bot = make_bot(at=oslo(2028, 1, 3, 9, 0))
    assert bot.say("forutsetning budsjett vedtatt 15. desember", as_="kari").ok
    before = bot.snapshot()
    assert "Allerede registrert" in bot.say("forutsetning budsjett", as_="kari").text
    assert "Allerede registrert" in bot.say("forutsetning budsjett vedtatt 15. desember", as_="kari").text
    assert bot.snapshot() == before
