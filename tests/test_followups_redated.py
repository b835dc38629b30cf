"""Walk 12 N3: minutes replaced only to change a point's deadline keep the point (same id), its due date
moves, the reply says «Fristen for [ID] er endret fra … til …», its owner is told that (not «fjernet» and
«nytt»), and the replace question does not list it as left out. A point truly removed but followed by one
alike for the same owner: its old `ferdig <id>` names the new id. In both written forms."""

from __future__ import annotations

import re

import pytest

from tests.driver import BotDriver
from tests.helpers import spring_meeting_over

PEOPLE = {"nb": ("kari", "agder", "vår", "bekreft"), "nn": ("per", "vestland", "vår", "stadfest")}
CHANGED = {
    "nb": "Fristen for [{id}] er endret fra 10. mai 2027 til 11. mai 2027.",
    "nn": "Fristen for [{id}] er endra frå 10. mai 2027 til 11. mai 2027.",
}
LEFT_OUT = ("ikke med i den nye teksten", "ikkje med i den nye teksten", "Fjernet:", "Fjerna:")
SUCCESSOR = {"nb": "Det nye punktet [{new}] ser ut til å ta plassen", "nn": "Det nye punktet [{new}] ser ut til å ta"}


def _first_point(person: str, *, meeting: str, point: str) -> tuple[BotDriver, str]:
    """A held spring meeting with minutes holding `point`, the next day: the bot and the point's id."""
    bot = spring_meeting_over(person=person)
    first = bot.say(f"referat {meeting} Godt møte. oppfølging: {point}", as_=person)
    found = re.search(r"\[([A-Z0-9]{4})\]", first.text)
    assert first.ok and found, first.text
    bot.set_time(2027, 4, 23, 9)
    return bot, found.group(1)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_changed_deadline_keeps_the_point_and_tells_its_owner(lang: str) -> None:
    person, region, meeting, confirm = PEOPLE[lang]
    bot, point = _first_point(person, meeting=meeting, point="notat @IN innen 10. mai")
    again = f"referat {meeting} Godt møte. oppfølging: notat @IN innen 11. mai"
    asked = bot.say(again, as_=person)
    assert not asked.ok and not any(words in asked.text for words in LEFT_OUT), asked.text
    done = bot.say(f"{again} {confirm}", as_=person)
    assert done.ok, done.text
    assert CHANGED[lang].format(id=point) in done.text, done.text
    assert not any(words in done.text for words in LEFT_OUT), done.text
    told = [a.reply for a in bot.last.announcements]
    assert told and all(point in reply.text for reply in told), [reply.text for reply in told]
    assert any("11. mai 2027" in reply.text and "10. mai 2027" in reply.text for reply in told)
    assert not any("fjernet" in reply.text or "Nytt oppfølgingspunkt" in reply.text for reply in told)
    assert all(f"ferdig {point}" in [b.command for b in reply.buttons] for reply in told)
    status = bot.say(f"status {region}", as_=person, channel=region)
    assert point in status.text and "11. mai 2027" in status.text, status.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_old_id_names_the_point_that_took_its_place(lang: str) -> None:
    person, region, meeting, confirm = PEOPLE[lang]
    bot, old = _first_point(person, meeting=meeting, point="sende tallene @IN innen 1. oktober")
    replaced = bot.say(
        f"referat {meeting} Godt møte. oppfølging: sende tallene for 2026 @IN innen 1. oktober {confirm}", as_=person
    )
    new = [found for found in re.findall(r"\[([A-Z0-9]{4})\]", replaced.text) if found != old]
    assert replaced.ok and new, replaced.text
    before = bot.snapshot()
    reply = bot.say(f"ferdig {old}", as_=person, channel=region)
    assert not reply.ok and bot.snapshot() == before
    assert SUCCESSOR[lang].format(new=new[0]) in reply.text and f"ferdig {new[0]}" in reply.text, reply.text
    other = bot.say(f"referat {meeting} Godt møte. oppfølging: skrive rapport @IN {confirm}", as_=person)
    assert other.ok
    lonely = bot.say(f"ferdig {new[0]}", as_=person, channel=region)
    assert not lonely.ok and "Det nye punktet" not in lonely.text, lonely.text  # nothing alike took its place
