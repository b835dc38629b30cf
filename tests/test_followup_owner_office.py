"""Walk 12 m8: a region after an actor owner («x @Siva Agder», «@IN Vestland innen …») is the actor's office
there, not part of what is to be done: the point reads «x», owned by the actor, in both written forms."""

from __future__ import annotations

import pytest

from tests.helpers import spring_meeting_over

PEOPLE = {"nb": ("kari", "Agder", "vår"), "nn": ("per", "Vestland", "vår")}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_region_after_the_owner_is_not_glued_to_the_point(lang: str) -> None:
    person, region, meeting = PEOPLE[lang]
    bot = spring_meeting_over(person=person)
    reply = bot.say(
        f"referat {meeting} Godt møte. oppfølging: sende tall @Siva {region}; lage kart @IN {region} innen 1. oktober",
        as_=person,
    )
    assert reply.ok, reply.text
    assert "sende tall (Siva" in reply.text and f"tall {region}" not in reply.text, reply.text
    assert "lage kart (Innovasjon Norge" in reply.text and f"kart {region}" not in reply.text, reply.text
    assert "1. oktober 2027" in reply.text


def test_a_person_or_a_region_owner_keeps_the_words_after_it() -> None:
    bot = spring_meeting_over(person="kari")
    reply = bot.say("referat vår Godt møte. oppfølging: møte @agder Vestland", as_="kari")
    assert reply.ok and "møte Vestland (Agder" in reply.text, reply.text
