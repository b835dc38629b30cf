"""Walk 27 F3: an admin registering a second person of a party with exactly the name another of its people
has is asked first (receipts, «logg», the channel's «… er rådgiver for …» and a follow-up's «@name» would
not tell them apart); with «bekreft» it is registered. The same person registered again is not asked."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

FORMS = {"nb": ("agder", "Kari Nordmann", "bekreft"), "nn": ("vestland", "Per Hansen", "stadfest")}
ASKED = {"nb": "har allerede en person som heter", "nn": "har alt ein person som heiter"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_second_person_with_a_coordinators_name_is_asked_first(lang: str) -> None:
    region, name, confirm = FORMS[lang]
    bot = make_bot(at=oslo(2026, 11, 25, 9))
    if lang == "nn":
        assert bot.say("målform nn", as_="admin", channel="nasjonal").ok
    before = bot.snapshot()
    asked = bot.say(f"person @mal2 {region} rådgiver {name}", as_="admin", channel="nasjonal")
    assert not asked.ok and name in asked.text and ASKED[lang] in asked.text, asked.text
    assert bot.snapshot() == before and bot.last.announcements == ()
    assert [button.command for button in asked.buttons] == [f"person @mal2 {region} rådgiver {name} {confirm}"]
    done = bot.say(f"person @mal2 {region} rådgiver {name} {confirm}", as_="admin", channel="nasjonal")
    assert done.ok, done.text
    assert bot.say(f"person @other {region} rådgiver {name} Lie", as_="admin", channel="nasjonal").ok
    again = bot.say(f"person @mal2 {region} koordinator {name} {confirm}", as_="admin", channel="nasjonal")
    assert again.ok, again.text
