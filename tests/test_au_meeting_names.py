"""AU names its own meetings as the model prints them, «temamøte høst», «nasjonalt temamøte vår», «temamøtet i
haust»: read as the national meeting, in either written form; a `referat` or `dato` naming no meeting in the
national channel offers AU's own meetings by those names, never the regions' items (walk 35 F10)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

NAMED = [
    ("temamøte høst", "Nasjonalt temamøte høst"),
    ("temamøtet høst", "Nasjonalt temamøte høst"),
    ("nasjonalt temamøte høst", "Nasjonalt temamøte høst"),
    ("temamøtet i høst", "Nasjonalt temamøte høst"),
    ("temamøte haust", "Nasjonalt temamøte høst"),  # the nynorsk name typed by a bokmål reader
    ("Temamøte vår 2026", "Nasjonalt temamøte vår"),
]


@pytest.mark.parametrize(("typed", "meeting"), NAMED)
def test_au_s_own_name_of_its_meeting_is_read(typed: str, meeting: str) -> None:
    bot = make_bot(at=oslo(2026, 10, 20, 9))
    reply = bot.say(f"referat {typed} Godt møte", as_="aud", channel="nasjonal")
    assert reply.ok, reply.text
    assert reply.text.startswith(f"Referat registrert: {meeting}")


def test_a_date_for_au_s_meeting_by_its_name() -> None:
    bot = make_bot(at=oslo(2026, 10, 20, 9))
    reply = bot.say("dato temamøte vår 2027 3. mars", as_="aud", channel="nasjonal")
    assert reply.ok and "Nasjonalt temamøte vår (vårmøtet) 2027" in reply.text


def test_temamøtet_alone_asks_which_with_a_button_each() -> None:
    bot = make_bot(at=oslo(2026, 10, 20, 9))
    before = bot.snapshot()
    asked = bot.say("referat temamøtet Godt møte", as_="aud", channel="nasjonal")
    assert not asked.ok and "temamøte" in asked.text
    assert [button.command for button in asked.buttons] == ["referat vårmøte Godt møte", "referat høstmøte Godt møte"]
    assert bot.snapshot() == before


def test_the_national_channel_is_offered_au_s_meetings_only() -> None:
    bot = make_bot(at=oslo(2026, 10, 20, 9))
    asked = bot.say("referat Godt møte", as_="aud", channel="nasjonal")
    assert not asked.ok
    assert "Møtene heter: nasjonalt temamøte vår, nasjonalt temamøte høst." in asked.text
    assert "handlingsplan" not in asked.text and "politisk" not in asked.text
    typed_back = bot.say("referat nasjonalt temamøte høst Godt møte", as_="aud", channel="nasjonal")
    assert typed_back.ok  # a name offered is a name read


@pytest.mark.parametrize(("who", "channel"), [("kari", "agder"), ("per", "vestland")])
def test_a_region_s_channel_is_still_offered_its_items(who: str, channel: str) -> None:
    asked = make_bot(at=oslo(2026, 10, 20, 9)).say("referat Godt møte", as_=who, channel=channel)
    assert "handlingsplan" in asked.text and "nasjonalt temamøte" not in asked.text
