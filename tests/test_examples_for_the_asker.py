"""Examples fitted to the asker (walk 8 N5), in either written form: `forutsetning` names the precondition the
asker's party records; `dato <møte>` names a future working day in the window; `ferdig` without an id lists the
asker's own open points (or says there are none). Closing another party's point tells its channel (m4)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.dates.workdays import is_working_day
from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded

MONTHS = {"januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
          "september": 9, "oktober": 10, "november": 11, "desember": 12}  # fmt: skip


@pytest.mark.parametrize(
    ("person", "channel", "key"),
    [("kari", "agder", "budsjett"), ("per", "vestland", "budsjett"), ("ola", "in", "tildelingsbrev"),
     ("aud", "nasjonal", "statsbudsjett"), ("admin", "nasjonal", "statsbudsjett")],
)  # fmt: skip
def test_forutsetning_names_what_the_askers_party_records(person: str, channel: str, key: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 10, 9))
    asked = bot.say("forutsetning", as_=person, channel=channel)
    example = re.search(r"«((?:forutsetning|føresetnad) [^»]+)»", asked.text)
    assert example and example.group(1).split()[1] == key, asked.text
    typed = bot.say(example.group(1), as_=person, channel=channel)
    assert "Bare " not in typed.text and "Berre " not in typed.text, typed.text


@pytest.mark.parametrize(("person", "channel", "meeting"), [("kari", "agder", "høst"), ("per", "vestland", "haust")])
def test_a_dato_example_is_a_future_working_day_in_the_window(person: str, channel: str, meeting: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    asked = bot.say(f"dato {meeting}", as_=person, channel=channel)
    found = re.search(rf"«dato {meeting} (\d+)\. (\w+) kl 10»", asked.text)
    assert found, asked.text
    day = date(2026, MONTHS[found.group(2)], int(found.group(1)))
    assert day > date(2026, 12, 1) and is_working_day(day), day
    typed = bot.say(found.group(0).strip("«»"), as_=person, channel=channel)
    assert typed.ok and "2026" in typed.text, typed.text


@pytest.mark.parametrize(("person", "channel"), [("ola", "in"), ("per", "vestland")])
def test_ferdig_without_an_id_lists_the_askers_open_points(person: str, channel: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert "«ferdig K7QM»" not in bot.say("ferdig", as_=person, channel=channel).text
    assert_recorded(bot, "referat høstmøte Høstmøtet holdt", as_="aud", channel="nasjonal")
    assert_recorded(bot, "referat haust Godt møte. oppfølging: notat @IN; rom @vestland", as_="per", channel="vestland")
    asked = bot.say("ferdig", as_=person, channel=channel)
    ids = re.findall(r"\[([A-Z0-9]{4})\]", asked.text)
    # A coordinator also sees the open points of his meetings, after his own (walk 14a F6).
    assert len(ids) == (1 if person == "ola" else 2), asked.text
    example = re.search(r"«(ferdig [A-Z0-9]{4})»", asked.text)
    assert example, asked.text
    assert example.group(1) == f"ferdig {ids[0]}", asked.text
    assert_recorded(bot, example.group(1), as_=person, channel=channel)
    after = bot.say("ferdig", as_=person, channel=channel).text
    assert ids[0] not in after, after
    assert ("«ferdig " not in after) if person == "ola" else (f"«ferdig {ids[1]}»" in after), after


def test_closing_another_partys_point_tells_its_channel() -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert_recorded(bot, "referat høstmøte Høstmøtet holdt", as_="aud", channel="nasjonal")
    made = assert_recorded(bot, "referat haust Godt møte. oppfølging: notat @IN", as_="per", channel="vestland")
    point = made.buttons[0].command.split()[-1]
    assert_recorded(bot, f"ferdig {point}", as_="per", channel="vestland")
    told = [a for a in bot.last.announcements if a.to.channel_id == "in"]
    assert told and "notat" in told[0].reply.text and "Lukket av Per" in told[0].reply.text
