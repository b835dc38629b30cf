"""Walk 10, X12: in May 2027, with last autumn's meeting never recorded, a day typed without a year competes
between the open meeting of 2026 and this autumn's. A weekday typed with it picks the year where it fits,
and the question names both meetings, with a button only for what the words said. Both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

FORMS = [
    ("kari", "agder", "høst", "bekreft", "ikke for Administrativt dialogmøte høst"),
    ("per", "vestland", "haust", "stadfest", "ikkje for Administrativt dialogmøte haust"),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("typed", ["torsdag 25. november", "tors 25.11 kl 10", "25. november (torsdag)"])
def test_a_thursday_is_read_in_the_year_it_is_a_thursday(form: tuple[str, ...], typed: str) -> None:
    as_, channel, word, confirm, named = form
    bot = make_bot(at=oslo(2027, 5, 7, 9))
    before = bot.snapshot()
    reply = bot.say(f"dato {word} {typed}", as_=as_, channel=channel)
    assert bot.snapshot() == before, reply.text  # asked: the national autumn meeting has no date yet
    assert "torsdag 25. november 2027" in reply.text, reply.text
    assert f"{named} 2026" in reply.text, reply.text  # the open meeting of 2026 is named beside it
    commands = [button.command for button in reply.buttons]
    assert commands and all("2026-11-25" not in command for command in commands), commands  # a Wednesday
    saved = bot.say(commands[0], as_=as_, channel=channel)
    assert saved.ok and "2027" in saved.title and "25. november 2027" in saved.text, saved.text
    assert commands[0] == f"dato {word} {channel} 2027 2027-11-25" + (" 10:00" if "10" in typed else "") + f" {confirm}"


@pytest.mark.parametrize(("as_", "channel", "word", "confirm", "named"), FORMS)
def test_a_wednesday_is_last_autumns_and_names_this_autumns(
    as_: str, channel: str, word: str, confirm: str, named: str
) -> None:
    bot = make_bot(at=oslo(2027, 5, 7, 9))
    reply = bot.say(f"dato {word} onsdag 25. november", as_=as_, channel=channel)
    assert "onsdag 25. november 2026" in reply.text and f"{named} 2027" in reply.text, reply.text
    assert [button.command for button in reply.buttons] == [f"dato {word} {channel} 2026 2026-11-25 {confirm}"]


@pytest.mark.parametrize(("as_", "channel", "word", "confirm", "named"), FORMS)
def test_without_a_weekday_both_meetings_are_named_with_a_button_each(
    as_: str, channel: str, word: str, confirm: str, named: str
) -> None:
    bot = make_bot(at=oslo(2027, 5, 7, 9))
    before = bot.snapshot()
    reply = bot.say(f"dato {word} 25. november kl 10", as_=as_, channel=channel)
    assert bot.snapshot() == before
    assert f"dialogmøte {word} 2026" in reply.text and f"dialogmøte {word} 2027" in reply.text, reply.text
    last, this = (button.command for button in reply.buttons)
    assert last == f"dato {word} {channel} 2026 2026-11-25 10:00 {confirm}"
    assert this == f"dato {word} {channel} 2027 2027-11-25 10:00 {confirm}"  # its own worry named, so confirmed
    saved = bot.say(this, as_=as_, channel=channel)
    assert saved.ok and "2027" in saved.title, saved.text
