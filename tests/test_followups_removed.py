"""Walk 9 W9: an old «Ferdig» button (or `ferdig <id>`) for a point that replaced minutes left out says the
point was removed with the minutes, when and by whom, and how to read them (`referat vis …`), not «Jeg
finner ikke» as for a typo; nothing changes. In both written forms; an id never used is still «finner ikke»."""

from __future__ import annotations

import re

import pytest

from tests.helpers import spring_meeting_over

PEOPLE = {"nb": ("kari", "agder", "vår"), "nn": ("per", "vestland", "vår")}
REMOVED = {
    "nb": "ble fjernet 23. april 2027 da {name} erstattet referatet fra Regionalt dialogmøte vår 2027",
    "nn": "vart fjerna 23. april 2027 då {name} erstatta referatet frå Regionalt dialogmøte vår 2027",
}
NOT_FOUND = {"nb": "Jeg finner ikke", "nn": "Eg finn ikkje"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_point_removed_with_replaced_minutes_is_said_to_be_removed(lang: str) -> None:
    person, region, meeting = PEOPLE[lang]
    bot = spring_meeting_over(person=person)
    first = bot.say(f"referat {meeting} Godt møte. oppfølging: tall @IN @SIVA innen 1. oktober", as_=person)
    siva = re.search(r"tall \(Siva, [^)]*\) \[([A-Z0-9]{4})\]", first.text)
    assert first.ok and siva, first.text
    bot.set_time(2027, 4, 23, 9)
    assert bot.say(f"referat {meeting} Godt møte. oppfølging: tall @IN innen 1. oktober bekreft", as_=person).ok
    bot.set_time(2027, 5, 2, 10)
    name = {"kari": "Kari Nordmann", "per": "Per Hansen"}[person]
    for who, channel in (("siri", None), (person, region)):  # the owner's old button; the coordinator typing it
        before = bot.snapshot()
        reply = bot.say(f"ferdig {siva.group(1).lower()}", as_=who, channel=channel)
        assert not reply.ok and bot.snapshot() == before
        if who == person:
            assert REMOVED[lang].format(name=name) in reply.text, reply.text
            assert f"referat vis vår {region} 2027" in reply.text and NOT_FOUND[lang] not in reply.text
        assert siva.group(1) in reply.text and "tall" in reply.text
    unknown = bot.say("ferdig ZZZZ", as_=person, channel=region)
    assert not unknown.ok and NOT_FOUND[lang] in unknown.text
