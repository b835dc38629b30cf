"""Walk 12 (m6/m7 of the walk, m7 here): «(heldagsmøte)», «heldags», «hele dagen» after a date name no clock
time: the date is saved without one and the reply says so, in both written forms, never «Jeg forstod ikke»."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

PEOPLE = {"nb": ("kari", "uten klokkeslett"), "nn": ("per", "utan klokkeslett")}
TYPED = (
    "18. nov (heldagsmøte)",
    "18. november, heldags",
    "onsdag 18. nov hele dagen",
    "18.11 heile dagen",
    "18. nov heildag",
)


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("typed", TYPED)
def test_an_all_day_meeting_is_saved_without_a_time(lang: str, typed: str) -> None:
    person, no_time = PEOPLE[lang]
    bot = make_bot(at=oslo(2026, 9, 1, 10))
    assert bot.say("dato høstmøte 20. oktober kl 10", as_="aud").ok
    reply = bot.say(f"dato høst {typed}", as_=person)
    assert reply.ok and "18. november 2026" in reply.text and no_time in reply.text, reply.text
    status = bot.say("status", as_=person)
    assert "18. november 2026" in status.text and "kl." not in status.text.split("18. november 2026")[1][:8]


def test_a_time_typed_with_it_is_kept() -> None:
    bot = make_bot(at=oslo(2026, 9, 1, 10))
    assert bot.say("dato høstmøte 20. oktober kl 10", as_="aud").ok
    reply = bot.say("dato høst 18. nov kl 9 heldagsmøte", as_="kari")
    assert reply.ok and "kl. 09.00" in reply.text and "uten klokkeslett" not in reply.text, reply.text
